/** Message and history selectors. */
import { findMessage, listRecords } from '../entities/messageList';
import { tableGet } from '../entities/table';
import type { HistoryState, MessageRecord, RootStateWithTim } from '../types';

const NO_MESSAGES: readonly MessageRecord[] = Object.freeze([]);
const NO_HISTORY: HistoryState = Object.freeze({
  nextReqMessageID: null,
  isCompleted: false,
  loading: false,
  requestId: null,
  error: null,
});

/** Messages of a conversation, oldest to newest. The same array (===) until the conversation changes. */
export const selectMessagesByConversationID = (
  state: RootStateWithTim,
  conversationID: string,
): readonly MessageRecord[] => {
  const list = tableGet(state.tim.messages.lists, conversationID);
  return list ? listRecords(list) : NO_MESSAGES;
};

/** A message by ID, searched across every conversation; undefined when not stored. */
export const selectMessageById = (state: RootStateWithTim, messageID: string): MessageRecord | undefined => {
  for (const list of state.tim.messages.lists.values) {
    const record = findMessage(list, messageID);
    if (record) return record;
  }
  return undefined;
};

/** History paging state of a conversation: `{ nextReqMessageID, isCompleted, loading, error }`. */
export const selectHistoryState = (state: RootStateWithTim, conversationID: string): HistoryState =>
  tableGet(state.tim.messages.history, conversationID) ?? NO_HISTORY;

/** The last failure of a send, resend or revoke of this message, if any. */
export const selectMessageError = (state: RootStateWithTim, messageID: string) => state.tim.messages.errors[messageID];
