/** `state.tim.relations`: blacklist, friends, friend applications and groups, user status, follow lists. */
import type { UnknownAction } from '@reduxjs/toolkit';
import * as A from '../actions';
import { emptyTable, tableGet, tableRemove, tableReplaceAll, tableUpsertMany } from '../entities/table';
import { plainEqual } from '../normalize/plain';
import * as F from '../thunks/follow';
import * as R from '../thunks/relations';
import type { PlainObject, RelationsState } from '../types';
import { isUserDataReset } from './reset';
import { isThunkAction } from './thunkAction';

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
  const more = applyThunkResult(state, action);
  if (more) return more;
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
      : tableUpsertMany<PlainObject>(
          state.friends,
          rows.map((f) => [f.userID, f] as const),
          keepIfEqual,
        );
    if (friends === state.friends) return state;
    return complete ? withGroupsOfFriends({ ...state, friends }) : { ...state, friends };
  }
  if (A.friendApplicationListUpdated.match(action)) {
    return withApplications(state, action.payload.applicationList, action.payload.unreadCount);
  }
  if (A.friendGroupListUpdated.match(action)) return { ...state, friendGroups: action.payload };
  if (A.userStatusUpdated.match(action)) {
    const userStatus = tableUpsertMany(
      state.userStatus,
      action.payload.map((s) => [s.userID, s as PlainObject] as const),
      keepIfEqual,
    );
    return userStatus === state.userStatus ? state : { ...state, userStatus };
  }
  if (A.followListUpdated.match(action)) {
    const { list, isAdd, users } = action.payload;
    const next = isAdd ? withFollowRows(state.follow[list], users) : withoutFollowRows(state.follow[list], users);
    return next === state.follow[list] ? state : { ...state, follow: { ...state.follow, [list]: next } };
  }
  return state;
}

const userIDOf = (row: PlainObject) => row.userID as string;

/**
 * Friend groups without users who are no longer friends. 2.27.6 tim-js-friendship.js drops a deleted
 * friend from its groups (`FriendGroupHandler.updateWhenFriendDeleted`) without emitting
 * FRIEND_GROUP_LIST_UPDATED (3.6.6 emits it); the whole friend list tells who is left.
 */
function withGroupsOfFriends(state: RelationsState): RelationsState {
  let changed = false;
  const friendGroups = state.friendGroups.map((g) => {
    if (!Array.isArray(g.userIDList)) return g;
    const userIDList = g.userIDList.filter((id) => typeof id !== 'string' || tableGet(state.friends, id) !== undefined);
    if (userIDList.length === g.userIDList.length) return g;
    changed = true;
    return typeof g.count === 'number' ? { ...g, userIDList, count: userIDList.length } : { ...g, userIDList };
  });
  return changed ? { ...state, friendGroups } : state;
}

/** A follow list with `rows` added (a known user's row merged in place, a new one appended). */
function withFollowRows(list: readonly PlainObject[], rows: readonly PlainObject[]): readonly PlainObject[] {
  let out: PlainObject[] | null = null;
  for (const row of rows) {
    const current: readonly PlainObject[] = out ?? list;
    const i = current.findIndex((r) => r.userID === row.userID);
    const merged = i < 0 ? row : keepIfEqual(current[i], { ...current[i], ...row });
    if (i >= 0 && merged === current[i]) continue;
    out = out ?? list.slice();
    if (i < 0) out.push(merged);
    else out[i] = merged;
  }
  return out ?? list;
}

/** A follow list without the users of `rows`. */
function withoutFollowRows(list: readonly PlainObject[], rows: readonly PlainObject[]): readonly PlainObject[] {
  const gone = new Set(rows.map((r) => r.userID));
  const out = list.filter((r) => !gone.has(r.userID));
  return out.length === list.length ? list : out;
}

/** The applications and unread count; the same state when nothing changed (the SDK re-sends the list often). */
function withApplications(state: RelationsState, list: PlainObject[], unreadCount: number): RelationsState {
  const friendApplications = plainEqual(state.friendApplications, list) ? state.friendApplications : list;
  return friendApplications === state.friendApplications && unreadCount === state.friendApplicationUnreadCount
    ? state
    : { ...state, friendApplications, friendApplicationUnreadCount: unreadCount };
}

function withoutApplication(state: RelationsState, userID: string): RelationsState {
  const friendApplications = state.friendApplications.filter((a) => a.userID !== userID);
  return friendApplications.length === state.friendApplications.length ? state : { ...state, friendApplications };
}

/** Relations after a relation thunk, or null when `action` is none of them. */
function applyThunkResult(state: RelationsState, action: UnknownAction): RelationsState | null {
  if (!isThunkAction(action)) return null;
  if (R.addToBlacklist.fulfilled.match(action) || R.removeFromBlacklist.fulfilled.match(action)) {
    const { userIDs, added } = action.payload;
    const gone = new Set(userIDs);
    const blacklist = added
      ? Array.from(new Set([...state.blacklist, ...userIDs]))
      : state.blacklist.filter((u) => !gone.has(u));
    return plainEqual(state.blacklist, blacklist) ? state : { ...state, blacklist };
  }
  if (
    F.getMyFollowersList.fulfilled.match(action) ||
    F.getMyFollowingList.fulfilled.match(action) ||
    F.getMutualFollowersList.fulfilled.match(action)
  ) {
    const { list, users } = action.payload;
    return plainEqual(state.follow[list], users) ? state : { ...state, follow: { ...state.follow, [list]: users } };
  }
  if (R.getBlacklist.fulfilled.match(action)) {
    return plainEqual(state.blacklist, action.payload) ? state : { ...state, blacklist: action.payload };
  }
  if (R.getFriendList.fulfilled.match(action)) {
    const friends = tableReplaceAll<PlainObject>(state.friends, action.payload, userIDOf, keepIfEqual);
    return friends === state.friends ? state : withGroupsOfFriends({ ...state, friends });
  }
  if (R.deleteFriend.fulfilled.match(action)) {
    const friends = action.payload.reduce((t, id) => tableRemove(t, id), state.friends);
    return friends === state.friends ? state : { ...state, friends };
  }
  if (R.updateFriend.fulfilled.match(action)) {
    const row = action.payload;
    const friends = tableUpsertMany<PlainObject>(state.friends, [[row.userID, row]], (prev, next) =>
      keepIfEqual(prev, { ...prev, ...next }),
    );
    return friends === state.friends ? state : { ...state, friends };
  }
  if (R.getFriendApplicationList.fulfilled.match(action)) {
    return withApplications(state, action.payload.applicationList, action.payload.unreadCount);
  }
  if (
    R.acceptFriendApplication.fulfilled.match(action) ||
    R.refuseFriendApplication.fulfilled.match(action) ||
    R.deleteFriendApplication.fulfilled.match(action)
  ) {
    return withoutApplication(state, action.payload.userID);
  }
  if (R.setFriendApplicationRead.fulfilled.match(action)) {
    return state.friendApplicationUnreadCount === 0 ? state : { ...state, friendApplicationUnreadCount: 0 };
  }
  if (
    R.getFriendGroupList.fulfilled.match(action) ||
    R.createFriendGroup.fulfilled.match(action) ||
    R.deleteFriendGroup.fulfilled.match(action) ||
    R.renameFriendGroup.fulfilled.match(action) ||
    R.addToFriendGroup.fulfilled.match(action) ||
    R.removeFromFriendGroup.fulfilled.match(action)
  ) {
    return plainEqual(state.friendGroups, action.payload) ? state : { ...state, friendGroups: action.payload };
  }
  if (R.setSelfStatus.fulfilled.match(action)) {
    const userStatus = tableUpsertMany(
      state.userStatus,
      [[action.payload.userID, action.payload as PlainObject]],
      keepIfEqual,
    );
    return userStatus === state.userStatus ? state : { ...state, userStatus };
  }
  if (R.getUserStatus.fulfilled.match(action)) {
    const userStatus = tableUpsertMany(
      state.userStatus,
      action.payload.map((s) => [s.userID, s as PlainObject] as const),
      keepIfEqual,
    );
    return userStatus === state.userStatus ? state : { ...state, userStatus };
  }
  if (R.unsubscribeUserStatus.fulfilled.match(action)) {
    const ids = action.payload.userIDs;
    const userStatus = ids ? ids.reduce((t, id) => tableRemove(t, id), state.userStatus) : emptyTable<PlainObject>();
    return userStatus === state.userStatus || (userStatus.keys.length === 0 && state.userStatus.keys.length === 0)
      ? state
      : { ...state, userStatus };
  }
  return null;
}
