/** `state.tim.profiles` and `state.tim.groups`: user profiles and groups, keyed by ID. */
import type { UnknownAction } from '@reduxjs/toolkit';
import { conversationListUpdated, groupListUpdated, profilesUpdated } from '../actions';
import { emptyTable, tableReplaceAll, tableUpsertMany } from '../entities/table';
import { plainEqual } from '../normalize/plain';
import { getMyProfile } from '../thunks/profiles';
import type { GroupRecord, ProfileRecord, TimState } from '../types';
import { isUserDataReset } from './reset';

function keepIfEqual<T>(prev: T | undefined, next: T): T {
  return prev !== undefined && plainEqual(prev, next) ? prev : next;
}

/**
 * Profiles and groups embedded in conversations are often placeholders (only an ID): they fill
 * gaps but never blank a name or avatar that an authoritative event already gave.
 */
function fillGaps<T extends { name?: string; nick?: string; avatar: string; extra: object }>(prev: T | undefined, next: T): T {
  if (prev === undefined) return next;
  const merged = { ...next } as T & { name?: string; nick?: string };
  if ('nick' in next && !next.nick) merged.nick = (prev as { nick?: string }).nick;
  if ('name' in next && !next.name) merged.name = (prev as { name?: string }).name;
  if (!next.avatar) merged.avatar = prev.avatar;
  merged.extra = { ...prev.extra, ...next.extra };
  return keepIfEqual(prev, merged);
}

const initialProfiles: TimState['profiles'] = { table: emptyTable(), myUserID: null };

/** The profiles reducer. */
export function profilesReducer(state = initialProfiles, action: UnknownAction): TimState['profiles'] {
  if (isUserDataReset(action)) return initialProfiles;
  let entries: Array<[string, ProfileRecord]> | null = null;
  let merge: (prev: ProfileRecord | undefined, next: ProfileRecord) => ProfileRecord = keepIfEqual;
  let myUserID = state.myUserID;
  if (profilesUpdated.match(action)) {
    entries = action.payload.map((p) => [p.userID, p]);
    merge = (prev, next) => keepIfEqual(prev, prev ? { ...next, extra: { ...prev.extra, ...next.extra } } : next);
  } else if (conversationListUpdated.match(action)) {
    entries = action.payload.profiles.map((p) => [p.userID, p]);
    merge = fillGaps;
  } else if (getMyProfile.fulfilled.match(action)) {
    entries = [[action.payload.userID, action.payload]];
    myUserID = action.payload.userID;
  }
  if (!entries) return state;
  const table = tableUpsertMany(state.table, entries, merge);
  return table === state.table && myUserID === state.myUserID ? state : { table, myUserID };
}

const initialGroups: TimState['groups'] = { table: emptyTable() };

/** The groups reducer. GROUP_LIST_UPDATED is the whole list of joined groups. */
export function groupsReducer(state = initialGroups, action: UnknownAction): TimState['groups'] {
  if (isUserDataReset(action)) return initialGroups;
  let table = state.table;
  if (groupListUpdated.match(action)) {
    const { groups, complete } = action.payload;
    table = complete
      ? tableReplaceAll(state.table, groups, (g) => g.groupID, keepIfEqual<GroupRecord>)
      : tableUpsertMany(state.table, groups.map((g) => [g.groupID, g] as const), keepIfEqual<GroupRecord>);
  } else if (conversationListUpdated.match(action) && action.payload.groups.length) {
    table = tableUpsertMany(state.table, action.payload.groups.map((g) => [g.groupID, g] as const), fillGaps);
  }
  return table === state.table ? state : { table };
}
