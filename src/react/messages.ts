/** Message hooks: a conversation's history with paging, sending, one message, a sender's name. */
import {
  getMessageList,
  getUserProfile,
  resendMessage,
  selectHistoryState,
  selectMessageById,
  selectMessageInConversation,
  selectMessagesByConversationID,
  selectProfileByUserID,
  selectSenderDisplayName,
  sendMediaMessage,
  sendTextMessage,
  type MessageRecord,
  type SendMediaArgs,
  type TimError,
} from 'tim-redux';
import { useCallback, useEffect, useMemo } from 'react';
import { useTimDispatch, useTimSelector, type TimDispatch } from './store';

/** What `useMessages` returns. */
export interface MessagesState {
  /** The loaded messages, oldest first. The same array (===) until the conversation changes; unchanged messages keep their identity. */
  messages: readonly MessageRecord[];
  /** False once the oldest message is loaded (the history cursor says so). True before the first page. */
  hasMore: boolean;
  /** True while a page is loading. */
  loading: boolean;
  /** The last failure loading a page, or null. */
  error: TimError | null;
  /**
   * Loads the next older page. Safe to call from a scroll handler on every event: while a page is
   * loading, or once the beginning is reached, a call does nothing (no request).
   */
  loadOlder(): void;
}

/** Options of `useMessages`. */
export interface UseMessagesOptions {
  /** Load the newest page when the conversation has none loaded yet. Default true. */
  autoLoad?: boolean;
}

/**
 * A conversation's messages and its history paging. Loads the newest page on first use (once, also
 * under StrictMode's double effects: the page in flight makes a second call a no-op).
 */
export function useMessages(conversationID: string, { autoLoad = true }: UseMessagesOptions = {}): MessagesState {
  const dispatch = useTimDispatch();
  const messages = useTimSelector((state) => selectMessagesByConversationID(state, conversationID));
  const history = useTimSelector((state) => selectHistoryState(state, conversationID));
  // getMessageList's `condition` refuses a call while a page is loading or after the beginning, before
  // any request or action: this is what makes loadOlder safe to call any number of times.
  const loadOlder = useCallback(() => {
    if (conversationID) void dispatch(getMessageList(conversationID));
  }, [dispatch, conversationID]);
  const needsFirstPage =
    autoLoad &&
    conversationID !== '' &&
    history.nextReqMessageID === null &&
    !history.isCompleted &&
    !history.loading &&
    history.error === null;
  useEffect(() => {
    if (needsFirstPage) loadOlder();
  }, [needsFirstPage, loadOlder]);
  const hasMore = !history.isCompleted;
  const { loading, error } = history;
  return useMemo(
    () => ({ messages, hasMore, loading, error, loadOlder }),
    [messages, hasMore, loading, error, loadOlder],
  );
}

/** The conversation type and recipient a conversationID stands for. */
function recipientOf(conversationID: string): { to: string; conversationType: 'C2C' | 'GROUP' } {
  if (conversationID.startsWith('GROUP')) return { to: conversationID.slice(5), conversationType: 'GROUP' };
  if (conversationID.startsWith('C2C')) return { to: conversationID.slice(3), conversationType: 'C2C' };
  throw new Error(`cannot send to ${conversationID}: not a C2C or GROUP conversation`);
}

/** What `useSendMessage` returns. Its functions keep their identity for the life of the store. */
export interface SendMessageApi {
  /**
   * Sends a text. The message is in the store at once with status `unSend`, then `success` or
   * `fail` (never endless: the SDK fails a send it cannot deliver). Never throws; await `.unwrap()` to.
   */
  sendText(conversationID: string, text: string): ReturnType<ReturnType<typeof sendTextMessage>>;
  /**
   * Sends an image, file, audio or video message (`kind`): in the store at once with `progress` 0,
   * which the real upload moves to 1, then `success` or `fail` (Retry with `resend`). Needs
   * tim-upload-plugin registered on the SDK. Never throws; await `.unwrap()` to.
   */
  sendMedia(
    conversationID: string,
    kind: SendMediaArgs['kind'],
    file: SendMediaArgs['file'],
    options?: SendMediaArgs['options'],
  ): ReturnType<ReturnType<typeof sendMediaMessage>>;
  /** Sends a failed message again (the Retry of a chat UI). */
  resend(messageID: string): ReturnType<ReturnType<typeof resendMessage>>;
}

/** Sending text and media, and resending. */
export function useSendMessage(): SendMessageApi {
  const dispatch = useTimDispatch();
  return useMemo(
    () => ({
      sendText: (conversationID: string, text: string) =>
        dispatch(sendTextMessage({ ...recipientOf(conversationID), text })),
      sendMedia: (
        conversationID: string,
        kind: SendMediaArgs['kind'],
        file: SendMediaArgs['file'],
        options?: SendMediaArgs['options'],
      ) => dispatch(sendMediaMessage({ ...recipientOf(conversationID), kind, file, options })),
      resend: (messageID: string) => dispatch(resendMessage(messageID)),
    }),
    [dispatch],
  );
}

/**
 * One message by ID, or undefined; re-renders only when it changes. Give its conversationID when you
 * know it: the lookup is then in that conversation only, not across all of them.
 */
export function useMessage(messageID: string, conversationID?: string): MessageRecord | undefined {
  return useTimSelector((state) =>
    conversationID
      ? selectMessageInConversation(state, conversationID, messageID)
      : selectMessageById(state, messageID),
  );
}

/** userIDs whose profile a `useSenderName` already asked for, per store (by its dispatch). */
const asked = new WeakMap<TimDispatch, Set<string>>();

/**
 * The name to show for a message's sender (friend remark, group name card, nick, else userID: see
 * `selectSenderDisplayName`). When the store has no profile of the sender, it loads it once per
 * store (`getUserProfile`), however many rows and renders ask.
 */
export function useSenderName(
  message: Pick<MessageRecord, 'from'> &
    Partial<Pick<MessageRecord, 'conversationID' | 'conversationType' | 'to' | 'nameCard' | 'nick'>>,
): string {
  const dispatch = useTimDispatch();
  const name = useTimSelector((state) => selectSenderDisplayName(state, message));
  const known = useTimSelector(
    (state) => message.from === '' || selectProfileByUserID(state, message.from) !== undefined,
  );
  const from = message.from;
  useEffect(() => {
    if (known || !from) return;
    let ids = asked.get(dispatch);
    if (!ids) asked.set(dispatch, (ids = new Set()));
    if (ids.has(from)) return;
    ids.add(from);
    void dispatch(getUserProfile([from]));
  }, [dispatch, from, known]);
  return name;
}
