/** `state.tim.profiles`: user profiles by userID, and my own userID. */
import type { UnknownAction } from '@reduxjs/toolkit';
import { conversationListUpdated, profilesUpdated } from '../actions';
import { emptyTable, tableUpsertMany } from '../entities/table';
import { getConversationList, getConversationProfile } from '../thunks/conversations';
import { getMyProfile } from '../thunks/profiles';
import * as R from '../thunks/relations';
import type { ProfileRecord, TimState } from '../types';
import { fillGaps, keepIfEqual } from './recordMerge';
import { isUserDataReset } from './reset';

const initialProfiles: TimState['profiles'] = { table: emptyTable(), myUserID: null };

/** The profiles reducer. */
export function profilesReducer(state = initialProfiles, action: UnknownAction): TimState['profiles'] {
  if (isUserDataReset(action)) return initialProfiles;
  let entries: Array<[string, ProfileRecord]> | null = null;
  let merge: (prev: ProfileRecord | undefined, next: ProfileRecord) => ProfileRecord = keepIfEqual;
  let myUserID = state.myUserID;
  const authoritative = profilesUpdated.match(action)
    ? action.payload
    : R.getUserProfile.fulfilled.match(action)
      ? action.payload.profiles
      : R.updateMyProfile.fulfilled.match(action)
        ? [action.payload]
        : null;
  if (authoritative) {
    entries = authoritative.map((p) => [p.userID, p]);
    merge = (prev, next) => keepIfEqual(prev, prev ? { ...next, extra: { ...prev.extra, ...next.extra } } : next);
  } else if (conversationListUpdated.match(action)) {
    entries = action.payload.profiles.map((p) => [p.userID, p]);
    merge = fillGaps;
  } else if (getConversationList.fulfilled.match(action) || getConversationProfile.fulfilled.match(action)) {
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
