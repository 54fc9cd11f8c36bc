/**
 * Follow (`follow.follow_*`, @tencentcloud/chat 3.x only; 2.27.6 has no follow API).
 *
 * Request and reply keys from 3.6.6 index.js `R.FOLLOW` ... `R.CHECK_FOLLOW_TYPE` (`FollowItem`,
 * `To_Account`, `FollowType`, `StartCursor`, `WantNum`, `ResultItem`, `NextCursor`, `FollowInfo`),
 * and the push the SDK reads in `FollowModule.onFollowNotify`:
 * `FollowChangeList:[{From_Account, FollowDiffList:[{IsAdd:1|0, FollowType:1|2|3}]}]` (FollowType 1 =
 * my followers, 2 = my followings, 3 = mutual; `isAdd` is compared with 1). The SDK emits one
 * MY_FOLLOWERS / MY_FOLLOWING / MUTUAL_FOLLOWERS_LIST_UPDATED per diff, about `From_Account`.
 */
import type { CommandContext, CommandTable, EmulatorCore } from '../context';
import { objects, str, strings, type JsonObject } from '../json';
import { nowSeconds, type Store } from '../store';

/** The SDK's follow types (3.6.6 index.js `_a`). */
const FOLLOWERS = 1;
const FOLLOWING = 2;
const MUTUAL = 3;

interface FollowState {
  /** userID → whom they follow → since when (unix s). */
  following: Map<string, Map<string, number>>;
}

const states = new WeakMap<Store, FollowState>();

function stateOf(store: Store): FollowState {
  let state = states.get(store);
  if (!state) {
    state = { following: new Map() };
    states.set(store, state);
  }
  return state;
}

function followingOf(store: Store, userID: string): Map<string, number> {
  const all = stateOf(store).following;
  let mine = all.get(userID);
  if (!mine) all.set(userID, (mine = new Map()));
  return mine;
}

const follows = (store: Store, a: string, b: string): boolean => followingOf(store, a).has(b);

/** Tells both users of a follow change: the follower sees FOLLOWING, the followed FOLLOWERS, both MUTUAL. */
function pushFollowChange(core: EmulatorCore, follower: string, followed: string, isAdd: boolean): void {
  const mutual = follows(core.store, followed, follower);
  const item = (from: string, type: number): JsonObject => ({
    From_Account: from,
    FollowDiffList: [
      { IsAdd: isAdd ? 1 : 0, FollowType: type },
      ...(mutual ? [{ IsAdd: isAdd ? 1 : 0, FollowType: MUTUAL }] : []),
    ],
  });
  core.push.toUser(follower, [{ Event: 10, FollowChangeList: [item(followed, FOLLOWING)] }]);
  core.push.toUser(followed, [{ Event: 10, FollowChangeList: [item(follower, FOLLOWERS)] }]);
}

/** `follower` follows (`isAdd`) or unfollows users, with the pushes. Returns the per-user result items. */
export function setFollow(core: EmulatorCore, follower: string, ids: string[], isAdd: boolean): JsonObject[] {
  const mine = followingOf(core.store, follower);
  return ids.map((id) => {
    if (id === follower || id === '') return { To_Account: id, ResultCode: 30524, ResultInfo: 'cannot follow oneself' };
    if (isAdd !== mine.has(id)) {
      if (isAdd) mine.set(id, nowSeconds());
      else mine.delete(id);
      pushFollowChange(core, follower, id, isAdd);
    }
    return { To_Account: id, ResultCode: 0, ResultInfo: '' };
  });
}

/** A user's follow list of one type, as `[userID, since]` in the order the follows were made. */
function listOf(store: Store, userID: string, type: number): Array<[string, number]> {
  const following = [...followingOf(store, userID)];
  const followers: Array<[string, number]> = [];
  for (const [other, theirs] of stateOf(store).following) {
    const since = theirs.get(userID);
    if (since !== undefined) followers.push([other, since]);
  }
  if (type === FOLLOWING) return following;
  if (type === FOLLOWERS) return followers;
  return following.filter(([id]) => follows(store, id, userID));
}

function getFollowList(ctx: CommandContext): JsonObject {
  const list = listOf(ctx.core.store, ctx.userID, Number(ctx.body.FollowType) || FOLLOWERS);
  const start = Math.max(0, Number(ctx.body.StartCursor) || 0);
  const want = Math.max(1, Number(ctx.body.WantNum) || 500);
  const page = list.slice(start, start + want);
  return {
    FollowItem: page.map(([id, since]) => ({
      To_Account: id,
      FollowTime: since,
      ProfileItem: Object.entries(ctx.core.store.user(id).profile).map(([Tag, Value]) => ({ Tag, Value })),
    })),
    NextCursor: start + want < list.length ? String(start + want) : '',
  };
}

function getFollowInfo(ctx: CommandContext): JsonObject {
  const store = ctx.core.store;
  return {
    FollowInfo: strings(ctx.body.To_Account).map((id) => ({
      To_Account: id,
      FollowerCount: listOf(store, id, FOLLOWERS).length,
      FollowingCount: listOf(store, id, FOLLOWING).length,
      MutualFollowingCount: listOf(store, id, MUTUAL).length,
      ResultCode: 0,
    })),
  };
}

function checkFollow(ctx: CommandContext): JsonObject {
  const store = ctx.core.store;
  return {
    ResultItem: strings(ctx.body.To_Account).map((id) => {
      const mine = follows(store, ctx.userID, id);
      const theirs = follows(store, id, ctx.userID);
      return {
        To_Account: id,
        FollowType: mine && theirs ? MUTUAL : mine ? FOLLOWING : theirs ? FOLLOWERS : 0,
        ResultCode: 0,
      };
    }),
  };
}

/** Who follows whom, for the control API. */
export function followingSnapshot(store: Store, userID: string): string[] {
  return [...followingOf(store, userID).keys()];
}

/** The follow commands. */
export const followCommands: CommandTable = {
  'follow.follow_add': {
    handle: (ctx) => ({
      ResultItem: setFollow(
        ctx.core,
        ctx.userID,
        objects(ctx.body.FollowItem).map((i) => str(i.To_Account)),
        true,
      ),
    }),
  },
  'follow.follow_delete': {
    handle: (ctx) => ({ ResultItem: setFollow(ctx.core, ctx.userID, strings(ctx.body.To_Account), false) }),
  },
  'follow.follow_get': { handle: getFollowList },
  'follow.follow_get_info': { handle: getFollowInfo },
  'follow.follow_check': { handle: checkFollow },
};
