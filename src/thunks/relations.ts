/**
 * Profile and relation thunks: user profiles (batch, cached), my profile, blacklist, friends,
 * friend applications and groups, user status. Results land in `state.tim.profiles` and
 * `state.tim.relations` at once, before the SDK's own list events confirm them.
 */
import { tableGet } from '../entities/table';
import { normalizeProfile } from '../normalize/profileAndGroup';
import { isObject, isSafeKey, toPlainObject } from '../normalize/plain';
import type { PlainObject, PlainValue, ProfileRecord } from '../types';
import { hasMethod, idsOf, invoke, isId, requireId, requireIdList, requireObject } from './call';
import { createTimThunk, dataOf, requireArg, withSdk } from './create';
import type { TimSdk } from '../sdk';

/** A plain row with a userID (friend, application, status), or null. */
export function userRowOf(raw: unknown): (PlainObject & { userID: string }) | null {
  if (!isObject(raw) || Array.isArray(raw)) return null;
  const row = toPlainObject(raw);
  return isSafeKey(row.userID) ? (row as PlainObject & { userID: string }) : null;
}

function rowsOf(list: unknown): Array<PlainObject & { userID: string }> {
  return (Array.isArray(list) ? list : [])
    .map(userRowOf)
    .filter((r): r is PlainObject & { userID: string } => r !== null);
}

function profilesOf(list: unknown): ProfileRecord[] {
  const out: ProfileRecord[] = [];
  for (const raw of Array.isArray(list) ? list : []) {
    try {
      out.push(normalizeProfile(raw));
    } catch {
      /* a malformed profile costs itself only */
    }
  }
  return out;
}

/** Arguments of `getUserProfile`: userIDs, or `{ userIDList, force }`. */
export type GetUserProfileArgs = string[] | { userIDList: string[]; force?: boolean };

/** Result of `getUserProfile`. */
export interface LoadedProfiles {
  /** Profiles loaded from the SDK (not the cached ones). */
  profiles: ProfileRecord[];
  /** IDs skipped because their profile was already in state. */
  cached: string[];
}

/**
 * Loads user profiles in one batch. IDs whose profile is already in state are skipped (no SDK
 * call at all when every one is known) unless `force` is set. Profiles land in `state.tim.profiles`.
 */
export const getUserProfile = createTimThunk<LoadedProfiles, GetUserProfileArgs>('tim/getUserProfile', (args, api) =>
  withSdk(api, async ({ sdk }) => {
    const ids = Array.isArray(args) ? args : isObject(args) ? args.userIDList : undefined;
    requireIdList(ids, 'getUserProfile needs a non-empty list of userIDs');
    const force = !Array.isArray(args) && args.force === true;
    const table = api.getState().tim.profiles.table;
    const unique = Array.from(new Set(ids));
    const wanted = force ? unique : unique.filter((id) => !tableGet(table, id));
    const cached = unique.filter((id) => !wanted.includes(id));
    if (wanted.length === 0) return { profiles: [], cached };
    const response = await invoke(sdk, 'getUserProfile', { userIDList: wanted });
    return { profiles: profilesOf(isObject(response) ? response.data : undefined), cached };
  }),
);

/** The fields `updateMyProfile` takes (the SDK's), as plain data. */
export interface UpdateMyProfileArgs {
  /** Nickname. */
  nick?: string;
  /** Avatar URL. */
  avatar?: string;
  /** Any other SDK field: gender, selfSignature, allowType, birthday, location, language, level, role, profileCustomField, ... */
  [field: string]: PlainValue | undefined;
}

/** Updates my profile; my record changes at once (from the SDK's answer, else from the fields sent). */
export const updateMyProfile = createTimThunk<ProfileRecord, UpdateMyProfileArgs>('tim/updateMyProfile', (args, api) =>
  withSdk(api, async ({ sdk }) => {
    requireObject(args, 'updateMyProfile needs the fields to change');
    requireArg(
      Object.keys(args).length > 0 && Object.keys(args).every(isSafeKey),
      'updateMyProfile needs at least one field',
    );
    requireArg(args.nick === undefined || typeof args.nick === 'string', 'updateMyProfile: nick must be a string');
    requireArg(
      args.avatar === undefined || typeof args.avatar === 'string',
      'updateMyProfile: avatar must be a string',
    );
    const state = api.getState().tim;
    const me = state.profiles.myUserID ?? state.session.userID;
    const response = await invoke(sdk, 'updateMyProfile', { ...args });
    const data = isObject(response) ? response.data : undefined;
    if (isObject(data) && isId(data.userID)) return normalizeProfile(data);
    requireId(me, 'updateMyProfile: nobody is logged in');
    const prev = tableGet(state.profiles.table, me);
    const { nick, avatar, ...rest } = args;
    return normalizeProfile({
      userID: me,
      nick: nick ?? prev?.nick ?? '',
      avatar: avatar ?? prev?.avatar ?? '',
      ...prev?.extra,
      ...rest,
    });
  }),
);

/** A change to the blacklist. */
export interface BlacklistChange {
  /** Users added or removed. */
  userIDs: string[];
  /** True for `addToBlacklist`. */
  added: boolean;
}

/** Blocks users; they join `state.tim.relations.blacklist` at once. */
export const addToBlacklist = createTimThunk<BlacklistChange, { userIDList: string[] }>(
  'tim/addToBlacklist',
  (args, api) =>
    withSdk(api, async ({ sdk }) => {
      requireObject(args, 'addToBlacklist needs { userIDList }');
      requireIdList(args.userIDList, 'addToBlacklist needs a non-empty userIDList');
      await invoke(sdk, 'addToBlacklist', { userIDList: args.userIDList });
      return { userIDs: args.userIDList, added: true };
    }),
);

/** Unblocks users. */
export const removeFromBlacklist = createTimThunk<BlacklistChange, { userIDList: string[] }>(
  'tim/removeFromBlacklist',
  (args, api) =>
    withSdk(api, async ({ sdk }) => {
      requireObject(args, 'removeFromBlacklist needs { userIDList }');
      requireIdList(args.userIDList, 'removeFromBlacklist needs a non-empty userIDList');
      await invoke(sdk, 'removeFromBlacklist', { userIDList: args.userIDList });
      return { userIDs: args.userIDList, added: false };
    }),
);

/** Loads the whole blacklist (replaces the stored one). */
export const getBlacklist = createTimThunk<string[], void>('tim/getBlacklist', (_arg, api) =>
  withSdk(api, async ({ sdk }) => {
    const response = await invoke(sdk, 'getBlacklist');
    const data = isObject(response) ? response.data : undefined;
    return Array.isArray(data) ? data.filter(isId) : [];
  }),
);

/** Loads the whole friend list (replaces the stored one). */
export const getFriendList = createTimThunk<Array<PlainObject & { userID: string }>, void>(
  'tim/getFriendList',
  (_arg, api) =>
    withSdk(api, async ({ sdk }) => {
      const response = await invoke(sdk, 'getFriendList');
      return rowsOf(isObject(response) ? response.data : undefined);
    }),
);

/** A plain object of options, checked for a userID list or a userID. */
function plainOptions(args: unknown, what: string, needs: 'userID' | 'userIDList' | 'to'): Record<string, PlainValue> {
  requireObject(args, `${what} needs an options object`);
  if (needs === 'userIDList') requireIdList(args.userIDList, `${what} needs a non-empty userIDList`);
  else requireId(args[needs], `${what} needs ${needs}`);
  return toPlainObject(args);
}

/** Sends a friend request (`{ to, source, wording?, type?, remark?, groupName? }`); resolves with the SDK's answer. */
export const addFriend = createTimThunk<PlainObject, { to: string; source: string; [option: string]: PlainValue }>(
  'tim/addFriend',
  (args, api) =>
    withSdk(api, async ({ sdk }) => {
      const options = plainOptions(args, 'addFriend', 'to');
      requireId(options.source, 'addFriend needs a source (e.g. AddSource_Type_Web)');
      return toPlainObject(dataOf(await invoke(sdk, 'addFriend', options)));
    }),
);

/** Deletes friends (`{ userIDList, type? }`); they leave the friend list at once. */
export const deleteFriend = createTimThunk<string[], { userIDList: string[]; type?: string }>(
  'tim/deleteFriend',
  (args, api) =>
    withSdk(api, async ({ sdk }) => {
      const options = plainOptions(args, 'deleteFriend', 'userIDList');
      const data = dataOf(await invoke(sdk, 'deleteFriend', options));
      return idsOf(data.successUserIDList, args.userIDList);
    }),
);

/** Checks friendship with users (`{ userIDList, type? }`); resolves with the SDK's answer as plain data. */
export const checkFriend = createTimThunk<PlainObject, { userIDList: string[]; type?: string }>(
  'tim/checkFriend',
  (args, api) =>
    withSdk(api, async ({ sdk }) =>
      toPlainObject(dataOf(await invoke(sdk, 'checkFriend', plainOptions(args, 'checkFriend', 'userIDList')))),
    ),
);

/** Updates a friend's remark or custom fields (`{ userID, remark?, friendCustomField? }`); the friend changes at once. */
export const updateFriend = createTimThunk<
  PlainObject & { userID: string },
  { userID: string; remark?: string; [field: string]: PlainValue | undefined }
>('tim/updateFriend', (args, api) =>
  withSdk(api, async ({ sdk }) => {
    const options = plainOptions(args, 'updateFriend', 'userID');
    requireArg(
      options.remark === undefined || typeof options.remark === 'string',
      'updateFriend: remark must be a string',
    );
    const response = await invoke(sdk, 'updateFriend', options);
    return userRowOf(isObject(response) ? response.data : undefined) ?? (options as PlainObject & { userID: string });
  }),
);

/** The friend applications and their unread count. */
export interface FriendApplications {
  /** Applications, as plain data. */
  applicationList: PlainObject[];
  /** Unread applications. */
  unreadCount: number;
}

/** Loads the friend applications. */
export const getFriendApplicationList = createTimThunk<FriendApplications, void>(
  'tim/getFriendApplicationList',
  (_arg, api) =>
    withSdk(api, async ({ sdk }) => {
      const data = dataOf(await invoke(sdk, 'getFriendApplicationList'));
      return {
        applicationList: rowsOf(data.friendApplicationList),
        unreadCount: Math.max(0, Number(data.unreadCount) || 0),
      };
    }),
);

function applicationThunk(type: string, method: string) {
  return createTimThunk<{ userID: string }, { userID: string; [option: string]: PlainValue }>(type, (args, api) =>
    withSdk(api, async ({ sdk }) => {
      const options = plainOptions(args, method, 'userID');
      await invoke(sdk, method, options);
      return { userID: args.userID };
    }),
  );
}

/** Accepts a friend application (`{ userID, type, remark? }`); it leaves the list. */
export const acceptFriendApplication = applicationThunk('tim/acceptFriendApplication', 'acceptFriendApplication');
/** Refuses a friend application (`{ userID }`); it leaves the list. */
export const refuseFriendApplication = applicationThunk('tim/refuseFriendApplication', 'refuseFriendApplication');
/** Deletes a friend application (`{ userID, type }`); it leaves the list. */
export const deleteFriendApplication = applicationThunk('tim/deleteFriendApplication', 'deleteFriendApplication');

/** Marks the friend applications read; the unread count drops to 0. */
export const setFriendApplicationRead = createTimThunk<void, void>('tim/setFriendApplicationRead', (_arg, api) =>
  withSdk(api, async ({ sdk }) => {
    await invoke(sdk, 'setFriendApplicationRead');
  }),
);

async function friendGroups(sdk: TimSdk): Promise<PlainObject[]> {
  const response = await invoke(sdk, 'getFriendGroupList');
  const data = isObject(response) ? response.data : undefined;
  return (Array.isArray(data) ? data : []).map((g) => toPlainObject(g)).filter((g) => isId(g.name));
}

/** Loads the friend groups. */
export const getFriendGroupList = createTimThunk<PlainObject[], void>('tim/getFriendGroupList', (_arg, api) =>
  withSdk(api, async ({ sdk }) => friendGroups(sdk)),
);

function friendGroupThunk(type: string, method: string, check: (args: Record<string, unknown>) => void) {
  return createTimThunk<PlainObject[], Record<string, PlainValue>>(type, (args, api) =>
    withSdk(api, async ({ sdk }) => {
      requireObject(args, `${method} needs an options object`);
      check(args);
      await invoke(sdk, method, toPlainObject(args));
      // Both SDKs rewrite their friends' `groupList` on a friend-group change without emitting
      // FRIEND_LIST_UPDATED (3.6.6 index.js FriendGroupHandler.createGroup/renameGroup/_onGroupUpdated →
      // SnsModule.onAddedToFriendGroup / onRemovedFromFriendGroup; the same in 2.27.6
      // tim-js-friendship.js): reload the friends from the SDK so their rows follow.
      if (hasMethod(sdk, 'getFriendList')) await api.dispatch(getFriendList());
      // The whole list after the change, so names, members and counts are the server's.
      return hasMethod(sdk, 'getFriendGroupList')
        ? friendGroups(sdk)
        : api.getState().tim.relations.friendGroups.slice();
    }),
  );
}

/** Creates a friend group (`{ name, userIDList? }`); resolves with the friend groups after it. */
export const createFriendGroup = friendGroupThunk('tim/createFriendGroup', 'createFriendGroup', (a) =>
  requireId(a.name, 'createFriendGroup needs a name'),
);
/** Deletes a friend group (`{ name }`). */
export const deleteFriendGroup = friendGroupThunk('tim/deleteFriendGroup', 'deleteFriendGroup', (a) =>
  requireId(a.name, 'deleteFriendGroup needs a name'),
);
/** Renames a friend group (`{ oldName, newName }`). */
export const renameFriendGroup = friendGroupThunk('tim/renameFriendGroup', 'renameFriendGroup', (a) => {
  requireId(a.oldName, 'renameFriendGroup needs oldName');
  requireId(a.newName, 'renameFriendGroup needs newName');
});
/** Adds friends to a friend group (`{ name, userIDList }`). */
export const addToFriendGroup = friendGroupThunk('tim/addToFriendGroup', 'addToFriendGroup', (a) => {
  requireId(a.name, 'addToFriendGroup needs a name');
  requireIdList(a.userIDList, 'addToFriendGroup needs a non-empty userIDList');
});
/** Removes friends from a friend group (`{ name, userIDList }`). */
export const removeFromFriendGroup = friendGroupThunk('tim/removeFromFriendGroup', 'removeFromFriendGroup', (a) => {
  requireId(a.name, 'removeFromFriendGroup needs a name');
  requireIdList(a.userIDList, 'removeFromFriendGroup needs a non-empty userIDList');
});

/** Sets my custom status; my row in `relations.userStatus` changes at once. */
export const setSelfStatus = createTimThunk<PlainObject & { userID: string }, { customStatus: string }>(
  'tim/setSelfStatus',
  (args, api) =>
    withSdk(api, async ({ sdk }) => {
      requireObject(args, 'setSelfStatus needs { customStatus }');
      requireArg(typeof args.customStatus === 'string', 'setSelfStatus needs customStatus: string');
      const me = api.getState().tim.session.userID;
      requireId(me, 'setSelfStatus: nobody is logged in');
      const response = await invoke(sdk, 'setSelfStatus', { customStatus: args.customStatus });
      // 3.6.6 index.js / 2.27.6 tim-js.js setSelfStatus resolve with {userID, statusType: 1, customStatus}.
      const answer = userRowOf(isObject(response) ? response.data : undefined);
      if (answer && answer.userID === me) return answer;
      const prev = tableGet(api.getState().tim.relations.userStatus, me);
      return { ...prev, userID: me, customStatus: args.customStatus };
    }),
);

/** Loads the status of users into `relations.userStatus`. */
export const getUserStatus = createTimThunk<Array<PlainObject & { userID: string }>, { userIDList: string[] }>(
  'tim/getUserStatus',
  (args, api) =>
    withSdk(api, async ({ sdk }) => {
      const options = plainOptions(args, 'getUserStatus', 'userIDList');
      return rowsOf(dataOf(await invoke(sdk, 'getUserStatus', options)).successUserList);
    }),
);

/** Subscribes to users' status (USER_STATUS_UPDATED then keeps them current); resolves with the SDK's answer. */
export const subscribeUserStatus = createTimThunk<PlainObject, { userIDList: string[] }>(
  'tim/subscribeUserStatus',
  (args, api) =>
    withSdk(api, async ({ sdk }) =>
      toPlainObject(
        dataOf(await invoke(sdk, 'subscribeUserStatus', plainOptions(args, 'subscribeUserStatus', 'userIDList'))),
      ),
    ),
);

/**
 * Unsubscribes from users' status (all when `userIDList` is left out). Their status leaves state:
 * with no more updates it would only go stale.
 */
export const unsubscribeUserStatus = createTimThunk<{ userIDs: string[] | null }, { userIDList?: string[] } | void>(
  'tim/unsubscribeUserStatus',
  (args, api) =>
    withSdk(api, async ({ sdk }) => {
      const list = isObject(args) ? args.userIDList : undefined;
      if (list !== undefined)
        requireIdList(list, 'unsubscribeUserStatus: userIDList must be a non-empty list of userIDs');
      await invoke(sdk, 'unsubscribeUserStatus', list ? { userIDList: list } : {});
      return { userIDs: list ?? null };
    }),
);
