/**
 * Follow thunks (@tencentcloud/chat 3.x only; 2.x has no follow API): follow and unfollow users, and
 * load my followers, followings and mutual followers into `state.tim.relations.follow`. The SDK's
 * follow-list events are deltas, so a list is only whole once one of these loaders has run.
 */
import { isObject, toPlainObject } from '../normalize/plain';
import type { PlainObject } from '../types';
import { invoke, requireIdList } from './call';
import { createTimThunk, dataOf, withSdk } from './create';
import { userRowOf } from './relations';

/** The three follow lists. */
export type FollowListName = 'followers' | 'following' | 'mutual';

/** A loaded follow list. */
export interface LoadedFollowList {
  /** Which list. */
  list: FollowListName;
  /** Its users (`userID`, `followTime`, profile fields), in the server's order. */
  users: Array<PlainObject & { userID: string }>;
}

/** Pages through the SDK's list (`nextCursor` until ''), as the SDK leaves paging to the caller. */
function followListThunk(type: string, method: string, list: FollowListName) {
  return createTimThunk<LoadedFollowList, void>(type, (_arg, api) =>
    withSdk(api, async ({ sdk }) => {
      const users: Array<PlainObject & { userID: string }> = [];
      const seen = new Set<string>();
      let cursor = '';
      // A server that kept handing back the same cursor would loop forever: stop after 1,000 pages.
      for (let page = 0; page < 1000; page++) {
        // 3.6.6 index.js FollowModule._getFollowList resolves `{ resultList: [{userID, followTime, ...profile}], nextCursor }`.
        const data = dataOf(await invoke(sdk, method, cursor));
        for (const raw of Array.isArray(data.resultList) ? data.resultList : []) {
          const row = userRowOf(raw);
          if (row && !seen.has(row.userID)) {
            seen.add(row.userID);
            users.push(row);
          }
        }
        const next = typeof data.nextCursor === 'string' ? data.nextCursor : '';
        if (next === '' || next === cursor) break;
        cursor = next;
      }
      return { list, users };
    }),
  );
}

/** Loads all my followers (replaces `relations.follow.followers`). */
export const getMyFollowersList = followListThunk('tim/getMyFollowersList', 'getMyFollowersList', 'followers');
/** Loads all the users I follow (replaces `relations.follow.following`). */
export const getMyFollowingList = followListThunk('tim/getMyFollowingList', 'getMyFollowingList', 'following');
/** Loads all my mutual followers (replaces `relations.follow.mutual`). */
export const getMutualFollowersList = followListThunk('tim/getMutualFollowersList', 'getMutualFollowersList', 'mutual');

/** One user's result of a follow or unfollow: `resultCode` 0 is success. */
export interface FollowResult {
  /** The user. */
  userID: string;
  /** 0 on success, else the server's error code. */
  resultCode: number;
  /** The server's message. */
  resultInfo: string;
}

function resultsOf(response: unknown): FollowResult[] {
  const data = isObject(response) ? response.data : undefined;
  return (Array.isArray(data) ? data : [])
    .map((r) => toPlainObject(r))
    .filter((r) => typeof r.userID === 'string')
    .map((r) => ({
      userID: r.userID as string,
      resultCode: typeof r.resultCode === 'number' ? r.resultCode : 0,
      resultInfo: typeof r.resultInfo === 'string' ? r.resultInfo : '',
    }));
}

function followThunk(type: string, method: 'followUser' | 'unfollowUser') {
  return createTimThunk<FollowResult[], string[]>(type, (userIDList, api) =>
    withSdk(api, async ({ sdk }) => {
      requireIdList(userIDList, `${method} needs a non-empty list of userIDs`);
      // The lists change when the server's follow push arrives (MY_FOLLOWING_LIST_UPDATED, ...), as in the SDK.
      return resultsOf(await invoke(sdk, method, userIDList.slice()));
    }),
  );
}

/** Follows users (`followUser(userIDList)`); resolves with each user's result. */
export const followUser = followThunk('tim/followUser', 'followUser');
/** Unfollows users (`unfollowUser(userIDList)`); resolves with each user's result. */
export const unfollowUser = followThunk('tim/unfollowUser', 'unfollowUser');
