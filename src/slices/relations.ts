/** `state.tim.relations`: blacklist, friends, friend applications and groups, user status, follow lists. */
import type { UnknownAction } from '@reduxjs/toolkit';
import * as A from '../actions';
import { emptyTable, tableReplaceAll, tableUpsertMany } from '../entities/table';
import { plainEqual } from '../normalize/plain';
import type { PlainObject, RelationsState } from '../types';
import { isUserDataReset } from './reset';

const initialState: RelationsState = {
  blacklist: [],
  friends: emptyTable(),
  friendApplications: [],
  friendApplicationUnreadCount: 0,
  friendGroups: [],
  userStatus: emptyTable(),
  follow: { followers: [], following: [], mutual: [] },
};

function keepIfEqual<T>(prev: T | undefined, next: T): T {
  return prev !== undefined && plainEqual(prev, next) ? prev : next;
}

/** The relations reducer. */
export function relationsReducer(state: RelationsState = initialState, action: UnknownAction): RelationsState {
  if (isUserDataReset(action)) return initialState;
  if (A.blacklistUpdated.match(action)) {
    // An incomplete list (malformed items left out) only adds: a bad item must not unblock anyone.
    const { userIDs, complete } = action.payload;
    const blacklist = complete ? userIDs : Array.from(new Set([...state.blacklist, ...userIDs]));
    return plainEqual(state.blacklist, blacklist) ? state : { ...state, blacklist };
  }
  if (A.friendListUpdated.match(action)) {
    const { friends: rows, complete } = action.payload;
    const friends = complete
      ? tableReplaceAll<PlainObject>(state.friends, rows, (f) => f.userID as string, keepIfEqual)
      : tableUpsertMany<PlainObject>(state.friends, rows.map((f) => [f.userID, f] as const), keepIfEqual);
    return friends === state.friends ? state : { ...state, friends };
  }
  if (A.friendApplicationListUpdated.match(action)) {
    return {
      ...state,
      friendApplications: action.payload.applicationList,
      friendApplicationUnreadCount: action.payload.unreadCount,
    };
  }
  if (A.friendGroupListUpdated.match(action)) return { ...state, friendGroups: action.payload };
  if (A.userStatusUpdated.match(action)) {
    const userStatus = tableUpsertMany(state.userStatus, action.payload.map((s) => [s.userID, s as PlainObject] as const), keepIfEqual);
    return userStatus === state.userStatus ? state : { ...state, userStatus };
  }
  if (A.followListUpdated.match(action)) {
    return { ...state, follow: { ...state.follow, [action.payload.list]: action.payload.users } };
  }
  return state;
}
