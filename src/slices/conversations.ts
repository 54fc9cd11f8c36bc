/**
 * `state.tim.conversations`. CONVERSATION_LIST_UPDATED carries the whole list after nearly every
 * message; a conversation that did not change keeps its record (===), and one missing from the
 * list is removed. Written without immer: this runs for thousands of conversations per message.
 */
import type { UnknownAction } from '@reduxjs/toolkit';
import { conversationListUpdated, totalUnreadCountUpdated } from '../actions';
import { emptyTable, tableGet, tableRemove, tableReplaceAll, tableSet, tableUpsertMany } from '../entities/table';
import { plainEqual } from '../normalize/plain';
import * as C from '../thunks/conversations';
import { dismissGroup, quitGroup } from '../thunks/groups';
import { setMessageRead } from '../thunks/messages';
import type { ConversationRecord, ConversationsState } from '../types';
import { isUserDataReset } from './reset';
import { isThunkAction } from './thunkAction';

const initialState: ConversationsState = { table: emptyTable(), totalUnreadCount: 0, synced: false, restored: false };

const conversationIDOf = (c: ConversationRecord) => c.conversationID;

function keepIfEqual(prev: ConversationRecord | undefined, next: ConversationRecord): ConversationRecord {
  return prev !== undefined && (prev === next || plainEqual(prev, next)) ? prev : next;
}

/** The conversations reducer. */
export function conversationsReducer(
  state: ConversationsState = initialState,
  action: UnknownAction,
): ConversationsState {
  if (isUserDataReset(action)) return initialState;
  if (conversationListUpdated.match(action)) {
    const { conversations, complete, partial, totalUnreadCount } = action.payload;
    // An incomplete list (malformed items left out) only adds and updates: a bad item must not delete.
    // A partial list (3.x partialUpdatedConversations) holds only the changed conversations.
    const table =
      complete && !partial
        ? tableReplaceAll(state.table, conversations, conversationIDOf, keepIfEqual)
        : tableUpsertMany(
            state.table,
            conversations.map((c) => [c.conversationID, c] as const),
            keepIfEqual,
          );
    const next = table === state.table ? state : { ...state, table };
    return withSdkTotal(next.synced ? next : { ...next, synced: true }, totalUnreadCount);
  }
  if (totalUnreadCountUpdated.match(action)) {
    return action.payload === state.totalUnreadCount ? state : { ...state, totalUnreadCount: action.payload };
  }
  const more = applyThunkResult(state, action);
  if (more) return more;
  if (setMessageRead.fulfilled.match(action)) {
    // The SDK confirms with a list event a second later; show the read state now.
    const { conversationID } = action.payload;
    const conversation = tableGet(state.table, conversationID);
    const next =
      !conversation || conversation.unreadCount === 0
        ? state
        : { ...state, table: tableSet(state.table, conversationID, { ...conversation, unreadCount: 0 }) };
    return withSdkTotal(next, action.payload.totalUnreadCount);
  }
  return state;
}

/**
 * The total as the SDK gave it with a thunk result. Never computed from the rows: the SDK's total
 * leaves out muted and system conversations, and a row may still hold a count the SDK's total has
 * already dropped (`sdkTotalUnread`). Null (the SDK cannot say) keeps the total for the SDK's event.
 */
function withSdkTotal(state: ConversationsState, total: number | null): ConversationsState {
  return typeof total !== 'number' || total === state.totalUnreadCount ? state : { ...state, totalUnreadCount: total };
}

/** The conversations named, each changed by `change` (the same state when nothing changed). */
function changeEach(
  state: ConversationsState,
  conversationIDs: readonly string[],
  change: (c: ConversationRecord) => ConversationRecord,
): ConversationsState {
  const entries: Array<[string, ConversationRecord]> = [];
  for (const id of conversationIDs) {
    const c = tableGet(state.table, id);
    if (!c) continue;
    const next = change(c);
    if (next !== c) entries.push([id, next]);
  }
  return entries.length ? { ...state, table: tableUpsertMany(state.table, entries) } : state;
}

function changeAll(
  state: ConversationsState,
  change: (c: ConversationRecord) => ConversationRecord,
): ConversationsState {
  return changeEach(state, state.table.keys, change);
}

/** Without these conversations; the total is left to the SDK (`withSdkTotal`, its event). */
function remove(state: ConversationsState, conversationIDs: readonly string[]): ConversationsState {
  let { table } = state;
  for (const id of conversationIDs) if (tableGet(table, id)) table = tableRemove(table, id);
  return table === state.table ? state : { ...state, table };
}

function withMark(c: ConversationRecord, markType: number, enable: boolean): ConversationRecord {
  const has = c.markList.includes(markType);
  if (has === enable) return c;
  return { ...c, markList: enable ? [...c.markList, markType] : c.markList.filter((m) => m !== markType) };
}

function withGroups(c: ConversationRecord, groups: string[]): ConversationRecord {
  return plainEqual(groups, c.conversationGroupList) ? c : { ...c, conversationGroupList: groups };
}

/** State after a conversation or group thunk succeeded, or null when `action` is none of them. */
function applyThunkResult(state: ConversationsState, action: UnknownAction): ConversationsState | null {
  if (!isThunkAction(action)) return null;
  if (C.getConversationList.fulfilled.match(action) || C.getConversationProfile.fulfilled.match(action)) {
    const table = tableUpsertMany(
      state.table,
      action.payload.conversations.map((c) => [c.conversationID, c] as const),
      keepIfEqual,
    );
    const synced = state.synced || C.getConversationList.fulfilled.match(action);
    return table === state.table && synced === state.synced ? state : { ...state, table, synced };
  }
  if (C.deleteConversation.fulfilled.match(action)) {
    return withSdkTotal(remove(state, action.payload.conversationIDs), action.payload.totalUnreadCount);
  }
  if (quitGroup.fulfilled.match(action) || dismissGroup.fulfilled.match(action)) {
    // Both SDKs keep the conversation of a left group (see GroupLeft.conversationKept).
    return action.payload.conversationKept ? state : remove(state, [`GROUP${action.payload.groupID}`]);
  }
  if (C.pinConversation.fulfilled.match(action)) {
    const { conversationID, isPinned } = action.payload;
    return changeEach(state, [conversationID], (c) => (c.isPinned === isPinned ? c : { ...c, isPinned }));
  }
  if (C.setAllMessageRead.fulfilled.match(action)) {
    const want = { readAllC2CMessage: 'C2C', readAllGroupMessage: 'GROUP', readAllMessage: null }[action.payload.scope];
    const next = changeAll(state, (c) =>
      c.unreadCount === 0 || (want !== null && c.type !== want) ? c : { ...c, unreadCount: 0 },
    );
    return withSdkTotal(next, action.payload.totalUnreadCount);
  }
  if (C.setMessageRemindType.fulfilled.match(action)) {
    const { conversationIDs, messageRemindType, totalUnreadCount } = action.payload;
    const next = changeEach(state, conversationIDs, (c) =>
      c.messageRemindType === messageRemindType ? c : { ...c, messageRemindType },
    );
    return withSdkTotal(next, totalUnreadCount);
  }
  if (C.markConversation.fulfilled.match(action)) {
    const { conversationIDList, markType, enableMark } = action.payload;
    return changeEach(state, conversationIDList, (c) => withMark(c, markType, enableMark));
  }
  if (C.setConversationDraft.fulfilled.match(action)) {
    const { conversationID, draftText } = action.payload;
    return changeEach(state, [conversationID], (c) => (c.draftText === draftText ? c : { ...c, draftText }));
  }
  if (C.setConversationCustomData.fulfilled.match(action)) {
    const { conversationIDList, customData } = action.payload;
    return changeEach(state, conversationIDList, (c) => (c.customData === customData ? c : { ...c, customData }));
  }
  if (C.createConversationGroup.fulfilled.match(action) || C.addConversationsToGroup.fulfilled.match(action)) {
    const { groupName, conversationIDs } = action.payload;
    return changeEach(state, conversationIDs, (c) =>
      c.conversationGroupList.includes(groupName) ? c : withGroups(c, [...c.conversationGroupList, groupName]),
    );
  }
  if (C.deleteConversationsFromGroup.fulfilled.match(action)) {
    const { groupName, conversationIDs } = action.payload;
    return changeEach(state, conversationIDs, (c) =>
      withGroups(
        c,
        c.conversationGroupList.filter((g) => g !== groupName),
      ),
    );
  }
  if (C.deleteConversationGroup.fulfilled.match(action)) {
    const { groupName } = action.payload;
    return changeAll(state, (c) =>
      withGroups(
        c,
        c.conversationGroupList.filter((g) => g !== groupName),
      ),
    );
  }
  if (C.renameConversationGroup.fulfilled.match(action)) {
    const { groupName, newName } = action.payload;
    return changeAll(state, (c) =>
      c.conversationGroupList.includes(groupName)
        ? withGroups(
            c,
            c.conversationGroupList.map((g) => (g === groupName ? (newName ?? g) : g)),
          )
        : c,
    );
  }
  return null;
}
