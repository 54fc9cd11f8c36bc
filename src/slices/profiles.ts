/** `state.tim.profiles` and `state.tim.groups`: user profiles and groups, keyed by ID. */
import type { UnknownAction } from '@reduxjs/toolkit';
import { conversationListUpdated, groupListUpdated, groupTipsReceived, profilesUpdated } from '../actions';
import { emptyTable, tableGet, tableRemove, tableReplaceAll, tableSet, tableUpsertMany } from '../entities/table';
import { plainEqual } from '../normalize/plain';
import { getConversationList, getConversationProfile, setMessageRemindType } from '../thunks/conversations';
import * as M from '../thunks/groupMembers';
import type { MembersChange } from '../thunks/groupMembers';
import * as G from '../thunks/groups';
import { getMyProfile } from '../thunks/profiles';
import * as R from '../thunks/relations';
import type { GroupMembersState, GroupRecord, ProfileRecord, TimState } from '../types';
import { applyGroupTips } from './groupTips';
import { isUserDataReset } from './reset';
import { isThunkAction } from './thunkAction';

function keepIfEqual<T>(prev: T | undefined, next: T): T {
  return prev !== undefined && plainEqual(prev, next) ? prev : next;
}

/**
 * Profiles and groups embedded in conversations are often placeholders (only an ID): they fill
 * gaps but never blank a name or avatar that an authoritative event already gave.
 */
function fillGaps<T extends { name?: string; nick?: string; avatar: string; extra: object }>(
  prev: T | undefined,
  next: T,
): T {
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

const initialGroups: TimState['groups'] = { table: emptyTable(), members: emptyTable() };

const EMPTY_MEMBERS: GroupMembersState = {
  members: emptyTable(),
  nextOffset: 0,
  isCompleted: false,
  loading: false,
  requestId: null,
  error: null,
};

const groupIDOf = (g: GroupRecord) => g.groupID;

type MembersMeta = { meta: { arg: unknown; requestId: string; condition?: boolean } };

function memberGroupID(arg: unknown): string | null {
  const id =
    typeof arg === 'string'
      ? arg
      : arg !== null && typeof arg === 'object'
        ? (arg as { groupID?: unknown }).groupID
        : undefined;
  return typeof id === 'string' && id !== '' ? id : null;
}

function applyMemberChange(page: GroupMembersState, { userIDs, change }: MembersChange): GroupMembersState {
  let members = page.members;
  for (const userID of userIDs) {
    const prev = tableGet(members, userID);
    if (change.kind === 'removed') members = tableRemove(members, userID);
    else if (change.kind === 'added') {
      if (!prev)
        members = tableSet(members, userID, {
          userID,
          nick: '',
          avatar: '',
          nameCard: '',
          role: 'Member',
          joinTime: Math.floor(Date.now() / 1000),
          muteUntil: 0,
          memberCustomField: {},
        });
    } else if (prev) {
      const { patch } = change;
      const next = {
        ...prev,
        ...patch,
        memberCustomField: patch.memberCustomField
          ? { ...prev.memberCustomField, ...patch.memberCustomField }
          : prev.memberCustomField,
      };
      members = tableSet(members, userID, keepIfEqual(prev, next));
    }
  }
  return members === page.members ? page : { ...page, members };
}

/** Groups after a group thunk, or null when `action` is none of them. */
function applyGroupThunk(state: TimState['groups'], action: UnknownAction): TimState['groups'] | null {
  if (!isThunkAction(action)) return null;
  if (
    G.getGroupList.fulfilled.match(action) ||
    G.getGroupProfile.fulfilled.match(action) ||
    G.createGroup.fulfilled.match(action) ||
    G.joinGroup.fulfilled.match(action) ||
    G.updateGroupProfile.fulfilled.match(action) ||
    G.getJoinedCommunityList.fulfilled.match(action)
  ) {
    const table = tableUpsertMany(
      state.table,
      action.payload.groups.map((g) => [g.groupID, g] as const),
      keepIfEqual<GroupRecord>,
    );
    return table === state.table ? state : { ...state, table };
  }
  if (getConversationList.fulfilled.match(action) || getConversationProfile.fulfilled.match(action)) {
    const table = tableUpsertMany(
      state.table,
      action.payload.groups.map((g) => [g.groupID, g] as const),
      fillGaps,
    );
    return table === state.table ? state : { ...state, table };
  }
  if (G.quitGroup.fulfilled.match(action) || G.dismissGroup.fulfilled.match(action)) {
    const { groupID } = action.payload;
    const table = tableRemove(state.table, groupID);
    const members = tableRemove(state.members, groupID);
    return table === state.table && members === state.members ? state : { table, members };
  }
  if (G.changeGroupOwner.fulfilled.match(action)) {
    const { groupID, newOwnerID } = action.payload;
    const group = tableGet(state.table, groupID);
    return !group || group.ownerID === newOwnerID
      ? state
      : { ...state, table: tableSet(state.table, groupID, { ...group, ownerID: newOwnerID }) };
  }
  if (setMessageRemindType.fulfilled.match(action) && action.payload.groupID) {
    const { groupID, messageRemindType } = action.payload;
    const group = tableGet(state.table, groupID);
    if (!group || group.selfInfo.messageRemindType === messageRemindType) return state;
    return {
      ...state,
      table: tableSet(state.table, groupID, { ...group, selfInfo: { ...group.selfInfo, messageRemindType } }),
    };
  }
  if (M.getGroupMemberList.pending.match(action)) {
    const groupID = memberGroupID(action.meta.arg);
    if (!groupID) return state; // refused by the thunk
    const page = tableGet(state.members, groupID) ?? EMPTY_MEMBERS;
    return {
      ...state,
      members: tableSet(state.members, groupID, {
        ...page,
        loading: true,
        requestId: action.meta.requestId,
        error: null,
      }),
    };
  }
  if (M.getGroupMemberList.fulfilled.match(action)) {
    const { groupID, members, nextOffset, isCompleted, replace } = action.payload;
    const page = tableGet(state.members, groupID);
    if (!page || page.requestId !== action.meta.requestId) return state; // stale: a reset, a quit or a newer request
    const table = replace
      ? tableReplaceAll(page.members, members, (m) => m.userID, keepIfEqual)
      : tableUpsertMany(
          page.members,
          members.map((m) => [m.userID, m] as const),
          keepIfEqual,
        );
    return {
      ...state,
      members: tableSet(state.members, groupID, {
        members: table,
        nextOffset,
        isCompleted,
        loading: false,
        requestId: null,
        error: null,
      }),
    };
  }
  if (M.getGroupMemberList.rejected.match(action)) {
    const { meta } = action as unknown as MembersMeta;
    const groupID = memberGroupID(meta.arg);
    const page = groupID ? tableGet(state.members, groupID) : undefined;
    if (meta.condition || !groupID || !page || page.requestId !== meta.requestId) return state;
    return {
      ...state,
      members: tableSet(state.members, groupID, {
        ...page,
        loading: false,
        requestId: null,
        error: action.payload ?? null,
      }),
    };
  }
  if (
    M.addGroupMember.fulfilled.match(action) ||
    M.deleteGroupMember.fulfilled.match(action) ||
    M.setGroupMemberMuteTime.fulfilled.match(action) ||
    M.setGroupMemberRole.fulfilled.match(action) ||
    M.setGroupMemberNameCard.fulfilled.match(action) ||
    M.setGroupMemberCustomField.fulfilled.match(action)
  ) {
    const page = tableGet(state.members, action.payload.groupID);
    if (!page) return state; // members not loaded: nothing to keep in step
    const next = applyMemberChange(page, action.payload);
    return next === page ? state : { ...state, members: tableSet(state.members, action.payload.groupID, next) };
  }
  return null;
}

/** The groups reducer. GROUP_LIST_UPDATED is the whole list of joined groups. */
export function groupsReducer(state = initialGroups, action: UnknownAction): TimState['groups'] {
  if (isUserDataReset(action)) return initialGroups;
  if (groupTipsReceived.match(action)) return applyGroupTips(state, action.payload);
  const more = applyGroupThunk(state, action);
  if (more) return more;
  let table = state.table;
  if (groupListUpdated.match(action)) {
    const { groups, complete } = action.payload;
    table = complete
      ? tableReplaceAll(state.table, groups, groupIDOf, keepIfEqual<GroupRecord>)
      : tableUpsertMany(
          state.table,
          groups.map((g) => [g.groupID, g] as const),
          keepIfEqual<GroupRecord>,
        );
  } else if (conversationListUpdated.match(action) && action.payload.groups.length) {
    table = tableUpsertMany(
      state.table,
      action.payload.groups.map((g) => [g.groupID, g] as const),
      fillGaps,
    );
  }
  return table === state.table ? state : { ...state, table };
}
