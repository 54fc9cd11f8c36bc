/**
 * `state.tim.conversations`. CONVERSATION_LIST_UPDATED carries the whole list after nearly every
 * message; a conversation that did not change keeps its record (===), and one missing from the
 * list is removed. Written without immer: this runs for thousands of conversations per message.
 */
import type { UnknownAction } from '@reduxjs/toolkit';
import { conversationListUpdated, totalUnreadCountUpdated } from '../actions';
import { emptyTable, tableGet, tableReplaceAll, tableSet, tableUpsertMany } from '../entities/table';
import { plainEqual } from '../normalize/plain';
import { setMessageRead } from '../thunks/messages';
import type { ConversationRecord, ConversationsState } from '../types';
import { isUserDataReset } from './reset';

const initialState: ConversationsState = { table: emptyTable(), totalUnreadCount: 0 };

const conversationIDOf = (c: ConversationRecord) => c.conversationID;

function keepIfEqual(prev: ConversationRecord | undefined, next: ConversationRecord): ConversationRecord {
  return prev !== undefined && (prev === next || plainEqual(prev, next)) ? prev : next;
}

/** The conversations reducer. */
export function conversationsReducer(state: ConversationsState = initialState, action: UnknownAction): ConversationsState {
  if (isUserDataReset(action)) return initialState;
  if (conversationListUpdated.match(action)) {
    const { conversations, complete } = action.payload;
    // An incomplete list (malformed items left out) only adds and updates: a bad item must not delete.
    const table = complete
      ? tableReplaceAll(state.table, conversations, conversationIDOf, keepIfEqual)
      : tableUpsertMany(state.table, conversations.map((c) => [c.conversationID, c] as const), keepIfEqual);
    return table === state.table ? state : { ...state, table };
  }
  if (totalUnreadCountUpdated.match(action)) {
    return action.payload === state.totalUnreadCount ? state : { ...state, totalUnreadCount: action.payload };
  }
  if (setMessageRead.fulfilled.match(action)) {
    // The SDK confirms with a list event a second later; show the read state now.
    const { conversationID } = action.payload;
    const conversation = tableGet(state.table, conversationID);
    if (!conversation || conversation.unreadCount === 0) return state;
    return {
      table: tableSet(state.table, conversationID, { ...conversation, unreadCount: 0 }),
      totalUnreadCount: Math.max(0, state.totalUnreadCount - conversation.unreadCount),
    };
  }
  return state;
}
