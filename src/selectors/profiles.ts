/** Group, profile and relation selectors. */
import { tableGet } from '../entities/table';
import type { GroupRecord, ProfileRecord, RootStateWithTim } from '../types';

/** Joined groups, by groupID. */
export const selectGroupList = (state: RootStateWithTim): readonly GroupRecord[] => state.tim.groups.table.values;

/** One group, or undefined. */
export const selectGroupById = (state: RootStateWithTim, groupID: string): GroupRecord | undefined =>
  tableGet(state.tim.groups.table, groupID);

/** A user's profile, or undefined. */
export const selectProfileByUserID = (state: RootStateWithTim, userID: string): ProfileRecord | undefined =>
  tableGet(state.tim.profiles.table, userID);

/** My own profile (loaded when the SDK becomes ready), or undefined. */
export const selectMyProfile = (state: RootStateWithTim): ProfileRecord | undefined => {
  const me = state.tim.profiles.myUserID ?? state.tim.session.userID;
  return me ? tableGet(state.tim.profiles.table, me) : undefined;
};

/** Blocked userIDs. */
export const selectBlacklist = (state: RootStateWithTim): readonly string[] => state.tim.relations.blacklist;
