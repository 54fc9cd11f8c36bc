/** Message and history selectors. */
import { findMessage, listRecords } from '../entities/messageList';
import { conversationOfMessage } from '../entities/messageLocator';
import { pagedGet } from '../entities/pagedTable';
import type { HistoryState, MessageRecord, RootStateWithTim, TimError } from '../types';

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
  const list = pagedGet(state.tim.messages.lists, conversationID);
  return list ? listRecords(list) : NO_MESSAGES;
};

/**
 * A message by ID, in any conversation; undefined when not stored. O(1) to find the conversation
 * (the message locator, built on the first call and then kept up by the reducer), then a look in it.
 */
export const selectMessageById = (state: RootStateWithTim, messageID: string): MessageRecord | undefined => {
  const { lists } = state.tim.messages;
  const conversationID = conversationOfMessage(lists, messageID);
  if (conversationID === null) return undefined;
  const list = pagedGet(lists, conversationID);
  return list ? findMessage(list, messageID) : undefined;
};

/** History paging state of a conversation: `{ nextReqMessageID, isCompleted, loading, error }`. */
export const selectHistoryState = (state: RootStateWithTim, conversationID: string): HistoryState =>
  pagedGet(state.tim.messages.history, conversationID) ?? NO_HISTORY;

/** The last failure of a send, resend or revoke of this message, or `undefined` when there is none. */
export const selectMessageError = (state: RootStateWithTim, messageID: string): TimError | undefined => {
  const { errors } = state.tim.messages;
  // Own keys only: `errors` is a plain object, and `errors.constructor` is not an error.
  return Object.prototype.hasOwnProperty.call(errors, messageID) ? errors[messageID] : undefined;
};

/**
 * True while older messages may remain on the server: false only once a history page said it
 * reached the beginning (`isCompleted`). True before the first page, which is not loaded yet.
 */
export const selectHasMoreHistory = (state: RootStateWithTim, conversationID: string): boolean =>
  !selectHistoryState(state, conversationID).isCompleted;

/** A message of one conversation by ID (cheaper than `selectMessageById`, which searches every conversation). */
export const selectMessageInConversation = (
  state: RootStateWithTim,
  conversationID: string,
  messageID: string,
): MessageRecord | undefined => {
  const list = pagedGet(state.tim.messages.lists, conversationID);
  return list ? findMessage(list, messageID) : undefined;
};
