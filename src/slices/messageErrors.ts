/** `state.tim.messages.errors`: the last failure of a send, resend or revoke, by message ID. */
import { findMessage } from '../entities/messageList';
import { pagedGet } from '../entities/pagedTable';
import { isSafeKey } from '../normalize/plain';
import { isStale } from '../thunks/create';
import type { MessageRecord, MessagesState, TimError } from '../types';

/** Records `error` for the message (not a stale result's). */
export function withError(state: MessagesState, messageID: unknown, error: TimError | undefined): MessagesState {
  if (!error || isStale(error) || !isSafeKey(messageID)) return state;
  return { ...state, errors: { ...state.errors, [messageID]: error } };
}

/** Forgets the message's error. */
export function withoutError(state: MessagesState, messageID: string): MessagesState {
  if (!Object.prototype.hasOwnProperty.call(state.errors, messageID)) return state;
  const errors = { ...state.errors };
  delete errors[messageID];
  return { ...state, errors };
}

/**
 * Drops the send error of each record that arrives as `success` when the stored copy was not
 * (a send that timed out but reached the server, then came back in a history page). A revoke's
 * error on a message that was already `success` stays.
 */
export function clearSendErrors(
  before: MessagesState,
  after: MessagesState,
  records: readonly MessageRecord[],
): MessagesState {
  if (!hasAnyKey(after.errors)) return after; // errors are rare: the loop runs only when there is one
  let errors: Record<string, TimError> | null = null;
  for (const r of records) {
    if (r.status !== 'success' || !Object.prototype.hasOwnProperty.call(after.errors, r.ID)) continue;
    const list = pagedGet(before.lists, r.conversationID);
    if (list && findMessage(list, r.ID)?.status === 'success') continue;
    errors ??= { ...after.errors };
    delete errors[r.ID];
  }
  return errors ? { ...after, errors } : after;
}

function hasAnyKey(record: object): boolean {
  for (const key in record) if (Object.prototype.hasOwnProperty.call(record, key)) return true;
  return false;
}
