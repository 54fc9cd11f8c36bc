/**
 * Group thunks: list, profile, create, join, quit, dismiss, update, owner, applications,
 * attributes, counters, communities and topics. Members are in `groupMembers.ts`.
 */
import { normalizeGroup } from '../normalize/profileAndGroup';
import { isObject, isSafeKey, num, str, toPlainObject } from '../normalize/plain';
import type { GroupMemberRole, GroupRecord, GroupType, PlainObject, PlainValue } from '../types';
import { invoke, isId, requireId, requireObject } from './call';
import { createTimThunk, dataOf, requireArg, withSdk } from './create';
import { sdkMessage } from './messages';
import { tableGet } from '../entities/table';

/** Groups loaded by a thunk; merged into `state.tim.groups` (GROUP_LIST_UPDATED keeps the whole list). */
export interface LoadedGroups {
  /** The groups. */
  groups: GroupRecord[];
}

function groupsOf(list: unknown): GroupRecord[] {
  const out: GroupRecord[] = [];
  for (const raw of Array.isArray(list) ? list : []) {
    try {
      out.push(normalizeGroup(raw));
    } catch {
      /* a malformed group costs itself only */
    }
  }
  return out;
}

/** Loads the groups I joined (merged into state). */
export const getGroupList = createTimThunk<LoadedGroups, void>('tim/getGroupList', (_arg, api) =>
  withSdk(api, async ({ sdk }) => ({ groups: groupsOf(dataOf(await invoke(sdk, 'getGroupList')).groupList) })),
);

/** Loads one group's profile into state (optionally with group custom fields: `groupCustomFieldFilter`). */
export const getGroupProfile = createTimThunk<LoadedGroups, { groupID: string; groupCustomFieldFilter?: string[] }>(
  'tim/getGroupProfile',
  (args, api) =>
    withSdk(api, async ({ sdk }) => {
      requireObject(args, 'getGroupProfile needs { groupID }');
      requireId(args.groupID, 'getGroupProfile needs a groupID');
      return { groups: groupsOf([dataOf(await invoke(sdk, 'getGroupProfile', { ...args })).group]) };
    }),
);

/** Options of `createGroup`: the SDK's, as plain data (`type`, `name`, `groupID`, `memberList`, ...). */
export interface CreateGroupArgs {
  /** Group name. */
  name: string;
  /** `Work` (Private), `Public`, `Meeting` (ChatRoom), `AVChatRoom`, `Community`; SDK default Work. */
  type?: GroupType;
  /** A custom group ID. */
  groupID?: string;
  /** Initial members, `[{ userID }]`. */
  memberList?: Array<{ userID: string; role?: GroupMemberRole }>;
  /** Any other SDK option (introduction, notification, avatar, joinOption, groupCustomField, ...). */
  [option: string]: PlainValue | undefined;
}

/** Creates a group; it lands in state at once. */
export const createGroup = createTimThunk<LoadedGroups, CreateGroupArgs>('tim/createGroup', (args, api) =>
  withSdk(api, async ({ sdk }) => {
    requireObject(args, 'createGroup needs { name, type?, ... }');
    requireId(args.name, 'createGroup needs a name');
    requireArg(args.groupID === undefined || isId(args.groupID), 'createGroup: groupID must be a non-empty string');
    return { groups: groupsOf([dataOf(await invoke(sdk, 'createGroup', { ...args })).group]) };
  }),
);

/** Result of `joinGroup`. */
export interface JoinedGroup extends LoadedGroups {
  /** The group asked for. */
  groupID: string;
  /** `JoinedSuccess`, `AlreadyInGroup` or `WaitAdminApproval`. */
  status: string;
}

/** Joins a group (or applies to); a group joined lands in state. */
export const joinGroup = createTimThunk<JoinedGroup, { groupID: string; applyMessage?: string }>(
  'tim/joinGroup',
  (args, api) =>
    withSdk(api, async ({ sdk }) => {
      requireObject(args, 'joinGroup needs { groupID }');
      requireId(args.groupID, 'joinGroup needs a groupID');
      requireArg(
        args.applyMessage === undefined || typeof args.applyMessage === 'string',
        'joinGroup: applyMessage must be a string',
      );
      const data = dataOf(await invoke(sdk, 'joinGroup', { ...args }));
      return {
        groupID: args.groupID,
        status: str(data.status),
        groups: groupsOf(isObject(data.group) ? [data.group] : []),
      };
    }),
);

/** A group I left: `quitGroup`, `dismissGroup`. */
export interface GroupLeft {
  /** The group. */
  groupID: string;
  /**
   * False for an AVChatRoom, whose conversation both SDKs delete; true for every other type, whose
   * conversation both SDKs keep (2.27.6 tim-js.js and 3.6.6 index.js `deleteLocalGroupAndConversation`
   * delete the local conversation only when `checkJoinedAVChatRoomByID`; 3.x clears its unread).
   */
  conversationKept: boolean;
}

function leaveThunk(type: string, method: string) {
  return createTimThunk<GroupLeft, string>(type, (groupID, api) =>
    withSdk(api, async ({ sdk, registry }) => {
      requireId(groupID, `${method} needs a groupID`);
      const conversationID = `GROUP${groupID}`;
      const { groups, messages } = api.getState().tim;
      const groupType = tableGet(groups.table, groupID)?.type ?? messages.groupTypes[conversationID];
      await invoke(sdk, method, groupID);
      registry.removeWhere((m) => m.conversationID === conversationID);
      return { groupID, conversationKept: groupType !== 'AVChatRoom' };
    }),
  );
}

/**
 * Quits a group. The group, its members, messages and history cursor, attributes, counters, topics
 * and pinned messages leave state at once. Its conversation stays, as both SDKs keep it (but for an
 * AVChatRoom's, which both delete).
 */
export const quitGroup = leaveThunk('tim/quitGroup', 'quitGroup');

/** Dismisses (deletes) a group I own; its state goes as with `quitGroup`. */
export const dismissGroup = leaveThunk('tim/dismissGroup', 'dismissGroup');

/** Options of `updateGroupProfile`: `groupID` and the fields to change, as plain data. */
export interface UpdateGroupProfileArgs {
  /** The group. */
  groupID: string;
  /** Any profile field: name, avatar, introduction, notification, joinOption, muteAllMembers, groupCustomField, ... */
  [field: string]: PlainValue | undefined;
}

/** Updates a group's profile; the group the SDK returns replaces the stored one. */
export const updateGroupProfile = createTimThunk<LoadedGroups, UpdateGroupProfileArgs>(
  'tim/updateGroupProfile',
  (args, api) =>
    withSdk(api, async ({ sdk }) => {
      requireObject(args, 'updateGroupProfile needs { groupID, ...fields }');
      requireId(args.groupID, 'updateGroupProfile needs a groupID');
      requireArg(Object.keys(args).length > 1, 'updateGroupProfile needs at least one field to change');
      return { groups: groupsOf([dataOf(await invoke(sdk, 'updateGroupProfile', { ...args })).group]) };
    }),
);

/** Hands a group over to another member; `ownerID` changes at once. */
export const changeGroupOwner = createTimThunk<
  { groupID: string; newOwnerID: string },
  { groupID: string; newOwnerID: string }
>('tim/changeGroupOwner', (args, api) =>
  withSdk(api, async ({ sdk }) => {
    requireObject(args, 'changeGroupOwner needs { groupID, newOwnerID }');
    requireId(args.groupID, 'changeGroupOwner needs a groupID');
    requireId(args.newOwnerID, 'changeGroupOwner needs a newOwnerID');
    await invoke(sdk, 'changeGroupOwner', { groupID: args.groupID, newOwnerID: args.newOwnerID });
    return { groupID: args.groupID, newOwnerID: args.newOwnerID };
  }),
);

/** Arguments of `handleGroupApplication`. */
export interface HandleGroupApplicationArgs {
  /** `Agree` or `Reject`. */
  handleAction: 'Agree' | 'Reject';
  /** A note to the applicant. */
  handleMessage?: string;
  /** ID of the group system message (2.x and 3.x) that carried the application. */
  messageID?: string;
  /** Or (3.x) an application from `getGroupApplicationList`, as plain data. */
  application?: PlainObject;
}

/** Accepts or refuses a request to join a group. Resolves with the SDK's result as plain data. */
export const handleGroupApplication = createTimThunk<PlainObject, HandleGroupApplicationArgs>(
  'tim/handleGroupApplication',
  (args, api) =>
    withSdk(api, async (context) => {
      requireObject(args, 'handleGroupApplication needs { handleAction, messageID | application }');
      requireArg(
        args.handleAction === 'Agree' || args.handleAction === 'Reject',
        'handleAction must be Agree or Reject',
      );
      requireArg(
        isId(args.messageID) || isObject(args.application),
        'handleGroupApplication needs a messageID or an application',
      );
      const options: Record<string, unknown> = {
        handleAction: args.handleAction,
        handleMessage: args.handleMessage ?? '',
      };
      if (isId(args.messageID)) options.message = sdkMessage(context, args.messageID);
      else options.application = args.application;
      return toPlainObject(dataOf(await invoke(context.sdk, 'handleGroupApplication', options)));
    }),
);

/** A change to a group's attributes. */
export interface GroupAttributesChange {
  /** The group. */
  groupID: string;
  /** Attributes set (or, with `replace`, the whole set). */
  attributes: Record<string, string>;
  /** Keys deleted. */
  deletedKeys: string[];
  /** True when `attributes` is the whole set. */
  replace: boolean;
}

function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isObject(value)) for (const [k, v] of Object.entries(value)) if (isSafeKey(k)) out[k] = str(v);
  return out;
}

function attributesThunk(type: string, method: string, mode: 'init' | 'set' | 'delete' | 'get') {
  return createTimThunk<
    GroupAttributesChange,
    { groupID: string; groupAttributes?: Record<string, string>; keyList?: string[] }
  >(type, (args, api) =>
    withSdk(api, async ({ sdk }) => {
      requireObject(args, `${method} needs { groupID, ... }`);
      requireId(args.groupID, `${method} needs a groupID`);
      if (mode === 'init' || mode === 'set') {
        requireArg(
          isObject(args.groupAttributes) && Object.keys(args.groupAttributes).every(isSafeKey),
          `${method} needs groupAttributes`,
        );
      }
      requireArg(
        args.keyList === undefined || (Array.isArray(args.keyList) && args.keyList.every(isId)),
        `${method}: keyList must be strings`,
      );
      // Both SDKs validate keyList as a required array for get and delete ("Params validate failed" without it).
      const keyed = mode === 'get' || mode === 'delete' ? { ...args, keyList: args.keyList ?? [] } : { ...args };
      const data = dataOf(await invoke(sdk, method, keyed));
      if (mode === 'delete') {
        const keys = Array.isArray(data.keyList) ? data.keyList.filter(isId) : (args.keyList ?? []);
        return { groupID: args.groupID, attributes: {}, deletedKeys: keys, replace: keys.length === 0 };
      }
      if (mode === 'get') {
        return {
          groupID: args.groupID,
          attributes: stringMap(data.groupAttributes),
          deletedKeys: [],
          replace: !args.keyList?.length,
        };
      }
      return {
        groupID: args.groupID,
        attributes: stringMap(args.groupAttributes),
        deletedKeys: [],
        replace: mode === 'init',
      };
    }),
  );
}

/** Sets a group's whole attribute set (AVChatRoom). */
export const initGroupAttributes = attributesThunk('tim/initGroupAttributes', 'initGroupAttributes', 'init');
/** Sets some group attributes. */
export const setGroupAttributes = attributesThunk('tim/setGroupAttributes', 'setGroupAttributes', 'set');
/** Deletes group attributes (all when `keyList` is empty). */
export const deleteGroupAttributes = attributesThunk('tim/deleteGroupAttributes', 'deleteGroupAttributes', 'delete');
/** Loads group attributes (all when `keyList` is empty) into `extras.groupAttributes`. */
export const getGroupAttributes = attributesThunk('tim/getGroupAttributes', 'getGroupAttributes', 'get');

/** Group counters after a counter thunk. */
export interface GroupCountersChange {
  /** The group. */
  groupID: string;
  /** Counter values (key → value). */
  counters: Record<string, number>;
}

function countersOf(value: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (Array.isArray(value)) {
    for (const c of value) if (isObject(c) && isSafeKey(c.key)) out[c.key] = num(c.value);
  } else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) if (isSafeKey(k)) out[k] = num(v);
  }
  return out;
}

function countersThunk(type: string, method: string, needs: 'counters' | 'key' | 'none') {
  return createTimThunk<
    GroupCountersChange,
    { groupID: string; counters?: Record<string, number>; key?: string; value?: number; keyList?: string[] }
  >(type, (args, api) =>
    withSdk(api, async ({ sdk }) => {
      requireObject(args, `${method} needs { groupID, ... }`);
      requireId(args.groupID, `${method} needs a groupID`);
      if (needs === 'counters') {
        requireArg(
          isObject(args.counters) &&
            Object.entries(args.counters).every(([k, v]) => isSafeKey(k) && Number.isFinite(v)),
          `${method} needs counters: { key: number }`,
        );
      }
      if (needs === 'key')
        requireArg(isSafeKey(args.key) && Number.isFinite(args.value), `${method} needs { key, value: number }`);
      const data = dataOf(await invoke(sdk, method, { ...args }));
      const fromSdk = countersOf(data.counters);
      const counters = Object.keys(fromSdk).length ? fromSdk : needs === 'counters' ? countersOf(args.counters) : {};
      return { groupID: args.groupID, counters };
    }),
  );
}

/** Sets group counters. */
export const setGroupCounters = countersThunk('tim/setGroupCounters', 'setGroupCounters', 'counters');
/** Increases a group counter by `value`. */
export const increaseGroupCounter = countersThunk('tim/increaseGroupCounter', 'increaseGroupCounter', 'key');
/** Decreases a group counter by `value`. */
export const decreaseGroupCounter = countersThunk('tim/decreaseGroupCounter', 'decreaseGroupCounter', 'key');
/** Loads group counters (all when `keyList` is empty). */
export const getGroupCounters = countersThunk('tim/getGroupCounters', 'getGroupCounters', 'none');

/** Loads the communities I joined (merged into `state.tim.groups`). */
export const getJoinedCommunityList = createTimThunk<LoadedGroups, void>('tim/getJoinedCommunityList', (_arg, api) =>
  withSdk(api, async ({ sdk }) => ({
    groups: groupsOf(dataOf(await invoke(sdk, 'getJoinedCommunityList')).groupList),
  })),
);
