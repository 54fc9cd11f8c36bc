/**
 * Group member thunks: the paged member list (into a per-group member `Table` in
 * `state.tim.groups.members`), add, delete, mute, role, name card, custom fields.
 */
import { tableGet } from '../entities/table';
import { isObject, isSafeKey, num, str } from '../normalize/plain';
import type { GroupMemberRecord, GroupMemberRole } from '../types';
import { idsOf, invoke, isId, requireId, requireIdList, requireObject } from './call';
import { createTimThunk, dataOf, requireArg, withSdk } from './create';

/** An SDK `GroupMember` → `GroupMemberRecord`. Throws when it has no userID. */
export function normalizeGroupMember(raw: unknown): GroupMemberRecord {
  requireArg(isObject(raw) && isId(raw.userID), 'group member has no userID');
  const custom: Record<string, string> = {};
  const fields = raw.memberCustomField;
  if (Array.isArray(fields)) {
    for (const f of fields) if (isObject(f) && isSafeKey(f.key)) custom[f.key] = str(f.value);
  } else if (isObject(fields)) {
    for (const [k, v] of Object.entries(fields)) if (isSafeKey(k)) custom[k] = str(v);
  }
  return {
    userID: raw.userID,
    nick: str(raw.nick),
    avatar: str(raw.avatar),
    nameCard: str(raw.nameCard),
    role: str(raw.role),
    joinTime: num(raw.joinTime),
    muteUntil: num(raw.muteUntil),
    memberCustomField: custom,
  };
}

/** A page of members as stored. */
export interface MemberPage {
  /** The group. */
  groupID: string;
  /** Members of the page. */
  members: GroupMemberRecord[];
  /** Offset of the next page. */
  nextOffset: number | string;
  /** No member is left to load. */
  isCompleted: boolean;
  /** A reload's first page: it replaces the members loaded before. */
  replace: boolean;
}

/**
 * Arguments of `getGroupMemberList`: a groupID, or `{ groupID, count?, role?, reload? }`.
 * `reload: true` starts again from the first page, which replaces the members loaded so far.
 */
export type GetGroupMemberListArgs =
  string | { groupID: string; count?: number; role?: GroupMemberRole; reload?: boolean };

const isReload = (args: GetGroupMemberListArgs): boolean => isObject(args) && args.reload === true;

const groupIDOf = (args: GetGroupMemberListArgs): unknown =>
  typeof args === 'string' ? args : isObject(args) ? args.groupID : undefined;

/**
 * Loads the next page of a group's members (15 by default, at most 100) into
 * `state.tim.groups.members`. A call while a page is in flight, or after the last page, does
 * nothing, unless it is a `reload` (which loads the first page again, replacing the members loaded
 * and outdating a page in flight); a page that arrives after a reset or after leaving the group is
 * dropped.
 */
export const getGroupMemberList = createTimThunk<MemberPage, GetGroupMemberListArgs>(
  'tim/getGroupMemberList',
  (args, api) =>
    withSdk(api, async ({ sdk }) => {
      const groupID = groupIDOf(args);
      requireId(groupID, 'getGroupMemberList needs a groupID');
      const count = isObject(args) && args.count !== undefined ? args.count : 15;
      requireArg(Number.isInteger(count) && count > 0 && count <= 100, 'getGroupMemberList: count must be 1..100');
      const role = isObject(args) ? args.role : undefined;
      requireArg(role === undefined || isId(role), 'getGroupMemberList: role must be a string');
      const replace = isReload(args);
      const offset = replace ? 0 : (tableGet(api.getState().tim.groups.members, groupID)?.nextOffset ?? 0);
      const data = dataOf(
        await invoke(sdk, 'getGroupMemberList', role ? { groupID, count, offset, role } : { groupID, count, offset }),
      );
      const list = Array.isArray(data.memberList) ? data.memberList : [];
      const members: GroupMemberRecord[] = [];
      for (const raw of list) {
        try {
          members.push(normalizeGroupMember(raw));
        } catch {
          /* a malformed member costs itself only */
        }
      }
      // 3.x (AVChatRoom, Community) answers with a cursor; otherwise the offset counts members.
      const cursor = data.offset;
      const nextOffset =
        typeof cursor === 'string' || (typeof cursor === 'number' && cursor > 0)
          ? cursor
          : (typeof offset === 'number' ? offset : 0) + list.length;
      const isCompleted =
        cursor === 0 || cursor === '' || (cursor === undefined && list.length < count) || list.length === 0;
      return { groupID, members, nextOffset, isCompleted, replace };
    }),
  {
    condition: (args, { getState }) => {
      const groupID = groupIDOf(args);
      const page = typeof groupID === 'string' ? tableGet(getState().tim.groups.members, groupID) : undefined;
      return !page || isReload(args) || (!page.loading && !page.isCompleted);
    },
  },
);

/** A change to some members of a group, as the groups reducer applies it. */
export interface MembersChange {
  /** The group. */
  groupID: string;
  /** Members affected. */
  userIDs: string[];
  /** What changed on each (`added`: stub records for new members; `removed`: gone). */
  change: { kind: 'added' } | { kind: 'removed' } | { kind: 'patch'; patch: Partial<GroupMemberRecord> };
}

/** Adds members to a group; those the SDK added appear in its loaded member table. */
export const addGroupMember = createTimThunk<MembersChange, { groupID: string; userIDList: string[] }>(
  'tim/addGroupMember',
  (args, api) =>
    withSdk(api, async ({ sdk }) => {
      requireObject(args, 'addGroupMember needs { groupID, userIDList }');
      requireId(args.groupID, 'addGroupMember needs a groupID');
      requireIdList(args.userIDList, 'addGroupMember needs a non-empty userIDList');
      const data = dataOf(await invoke(sdk, 'addGroupMember', { groupID: args.groupID, userIDList: args.userIDList }));
      return {
        groupID: args.groupID,
        userIDs: idsOf(data.successUserIDList, args.userIDList),
        change: { kind: 'added' },
      };
    }),
);

/** Removes members from a group (kick); they leave its member table. */
export const deleteGroupMember = createTimThunk<
  MembersChange,
  { groupID: string; userIDList: string[]; reason?: string }
>('tim/deleteGroupMember', (args, api) =>
  withSdk(api, async ({ sdk }) => {
    requireObject(args, 'deleteGroupMember needs { groupID, userIDList }');
    requireId(args.groupID, 'deleteGroupMember needs a groupID');
    requireIdList(args.userIDList, 'deleteGroupMember needs a non-empty userIDList');
    requireArg(
      args.reason === undefined || typeof args.reason === 'string',
      'deleteGroupMember: reason must be a string',
    );
    const data = dataOf(await invoke(sdk, 'deleteGroupMember', { ...args }));
    return {
      groupID: args.groupID,
      userIDs: idsOf(data.successUserIDList, args.userIDList),
      change: { kind: 'removed' },
    };
  }),
);

/** Mutes a member for `muteTime` seconds (0 unmutes); `muteUntil` is set at once. */
export const setGroupMemberMuteTime = createTimThunk<
  MembersChange,
  { groupID: string; userID: string; muteTime: number }
>('tim/setGroupMemberMuteTime', (args, api) =>
  withSdk(api, async ({ sdk }) => {
    requireObject(args, 'setGroupMemberMuteTime needs { groupID, userID, muteTime }');
    requireId(args.groupID, 'setGroupMemberMuteTime needs a groupID');
    requireId(args.userID, 'setGroupMemberMuteTime needs a userID');
    requireArg(
      Number.isInteger(args.muteTime) && args.muteTime >= 0,
      'setGroupMemberMuteTime needs muteTime >= 0 (seconds)',
    );
    await invoke(sdk, 'setGroupMemberMuteTime', {
      groupID: args.groupID,
      userID: args.userID,
      muteTime: args.muteTime,
    });
    const muteUntil = args.muteTime === 0 ? 0 : Math.floor(Date.now() / 1000) + args.muteTime;
    return { groupID: args.groupID, userIDs: [args.userID], change: { kind: 'patch', patch: { muteUntil } } };
  }),
);

/** Sets a member's role (`Admin`, `Member`). */
export const setGroupMemberRole = createTimThunk<
  MembersChange,
  { groupID: string; userID: string; role: GroupMemberRole }
>('tim/setGroupMemberRole', (args, api) =>
  withSdk(api, async ({ sdk }) => {
    requireObject(args, 'setGroupMemberRole needs { groupID, userID, role }');
    requireId(args.groupID, 'setGroupMemberRole needs a groupID');
    requireId(args.userID, 'setGroupMemberRole needs a userID');
    requireId(args.role, 'setGroupMemberRole needs a role');
    await invoke(sdk, 'setGroupMemberRole', { groupID: args.groupID, userID: args.userID, role: args.role });
    return { groupID: args.groupID, userIDs: [args.userID], change: { kind: 'patch', patch: { role: args.role } } };
  }),
);

/** The member a thunk names, or me when it names none. */
function memberOf(userID: unknown, me: string | null): string {
  const who = userID === undefined ? me : userID;
  requireId(who, 'a userID is needed (or a logged-in user)');
  return who;
}

/** Sets a member's name card (mine when `userID` is left out). */
export const setGroupMemberNameCard = createTimThunk<
  MembersChange,
  { groupID: string; userID?: string; nameCard: string }
>('tim/setGroupMemberNameCard', (args, api) =>
  withSdk(api, async ({ sdk }) => {
    requireObject(args, 'setGroupMemberNameCard needs { groupID, nameCard }');
    requireId(args.groupID, 'setGroupMemberNameCard needs a groupID');
    requireArg(typeof args.nameCard === 'string', 'setGroupMemberNameCard needs nameCard: string');
    const userID = memberOf(args.userID, api.getState().tim.session.userID);
    await invoke(sdk, 'setGroupMemberNameCard', { groupID: args.groupID, userID, nameCard: args.nameCard });
    return { groupID: args.groupID, userIDs: [userID], change: { kind: 'patch', patch: { nameCard: args.nameCard } } };
  }),
);

/** Sets member custom fields (mine when `userID` is left out). */
export const setGroupMemberCustomField = createTimThunk<
  MembersChange,
  { groupID: string; userID?: string; memberCustomField: Array<{ key: string; value: string }> }
>('tim/setGroupMemberCustomField', (args, api) =>
  withSdk(api, async ({ sdk }) => {
    requireObject(args, 'setGroupMemberCustomField needs { groupID, memberCustomField }');
    requireId(args.groupID, 'setGroupMemberCustomField needs a groupID');
    requireArg(
      Array.isArray(args.memberCustomField) &&
        args.memberCustomField.length > 0 &&
        args.memberCustomField.every((f) => isObject(f) && isSafeKey(f.key) && typeof f.value === 'string'),
      'setGroupMemberCustomField needs memberCustomField: [{ key, value }]',
    );
    const userID = memberOf(args.userID, api.getState().tim.session.userID);
    await invoke(sdk, 'setGroupMemberCustomField', {
      groupID: args.groupID,
      userID,
      memberCustomField: args.memberCustomField,
    });
    const fields: Record<string, string> = {};
    for (const f of args.memberCustomField) fields[f.key] = f.value;
    return {
      groupID: args.groupID,
      userIDs: [userID],
      change: { kind: 'patch', patch: { memberCustomField: fields } },
    };
  }),
);
