/** `state.tim.groups`: joined groups by ID, the members loaded per group, and the groups conversations embed. */
import type { UnknownAction } from '@reduxjs/toolkit';
import { conversationListUpdated, groupListUpdated, groupTipsReceived } from '../actions';
import { emptyTable, tableGet, tableRemove, tableReplaceAll, tableSet, tableUpsertMany } from '../entities/table';
import { getConversationList, getConversationProfile, setMessageRemindType } from '../thunks/conversations';
import * as M from '../thunks/groupMembers';
import type { MembersChange } from '../thunks/groupMembers';
import * as G from '../thunks/groups';
import type { GroupMembersState, GroupRecord, TimState } from '../types';
import { applyGroupTips } from './groupTips';
import { isUserDataReset } from './reset';
import { fillGaps, keepIfEqual } from './recordMerge';
import { isThunkAction } from './thunkAction';

const initialGroups: TimState['groups'] = { table: emptyTable(), members: emptyTable(), embedded: emptyTable() };

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
  if (G.joinGroup.fulfilled.match(action) && action.payload.status === 'JoinedSuccess') {
    // A member list loaded while outside the group is not the one the SDK has now: both SDKs hold no
    // member cache of a group they were not in, and getGroupMemberList asks the server after the join
    // (found by the differential test: members of `club` loaded, then joined). The app reloads it.
    const { groupID } = action.payload;
    const members = tableRemove(state.members, groupID);
    const table = tableUpsertMany(
      state.table,
      action.payload.groups.map((g) => [g.groupID, g] as const),
      keepIfEqual<GroupRecord>,
    );
    return table === state.table && members === state.members ? state : { ...state, table, members };
  }
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
    return withEmbeddedGroups(state, action.payload.groups);
  }
  if (G.quitGroup.fulfilled.match(action) || G.dismissGroup.fulfilled.match(action)) {
    const { groupID } = action.payload;
    const table = tableRemove(state.table, groupID);
    const members = tableRemove(state.members, groupID);
    return table === state.table && members === state.members ? state : { ...state, table, members };
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
  } else if (conversationListUpdated.match(action)) {
    const { groups, removed } = action.payload;
    const next = groups.length ? withEmbeddedGroups(state, groups) : state;
    return removed.length ? withoutEmbedded(next, removed) : next;
  }
  return table === state.table ? state : { ...state, table };
}

/**
 * Groups embedded in conversations. They never add a group to the joined groups: the SDK keeps the
 * conversation of a group the user quit or that was dismissed, with its group. They fill blanks of
 * joined groups (`fillGaps`), and are kept as the SDK shows them in `embedded`, the display data of
 * every group conversation (`selectConversationGroup`).
 */
function withEmbeddedGroups(state: TimState['groups'], groups: readonly GroupRecord[]): TimState['groups'] {
  const entries: Array<[string, GroupRecord]> = [];
  for (const g of groups) {
    const joined = tableGet(state.table, g.groupID);
    if (joined) entries.push([g.groupID, g]);
  }
  const table = entries.length ? tableUpsertMany(state.table, entries, fillGaps) : state.table;
  const embedded = tableUpsertMany(
    state.embedded,
    groups.map((g) => [g.groupID, g] as const),
    keepIfEqual<GroupRecord>,
  );
  return table === state.table && embedded === state.embedded ? state : { ...state, table, embedded };
}

/** Without the embedded groups of conversations that left the SDK's list. */
function withoutEmbedded(state: TimState['groups'], conversationIDs: readonly string[]): TimState['groups'] {
  let embedded = state.embedded;
  for (const id of conversationIDs) if (id.startsWith('GROUP')) embedded = tableRemove(embedded, id.slice(5));
  return embedded === state.embedded ? state : { ...state, embedded };
}
