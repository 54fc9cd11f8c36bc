/** Message thunks: send (optimistic), resend, revoke, delete, history paging, read. */
import type { ThunkDispatch, UnknownAction } from '@reduxjs/toolkit';
import { messageCreated } from '../actions';
import { timContextOf, type TimContext } from '../context';
import { TIM_REDUX_ERROR, TimReduxError, toTimError } from '../errors';
import { pagedGet } from '../entities/pagedTable';
import { normalizeMessage } from '../normalize/message';
import { isObject } from '../normalize/plain';
import type { SdkMessage } from '../sdk';
import type { MessageRecord, RootStateWithTim, SendConversationType } from '../types';
import { createTimThunk, dataOf, requireArg, withSdk } from './create';
import { sdkTotalUnread } from './call';
import { ownPage, rememberStalePage } from './ownership';
import { restoredMessageReplaced } from '../persist/restore';
import { recreateMessage } from '../persist/resend';
import { selectMessageById } from '../selectors/messages';

/**
 * The SDK message with this ID: from the registry, else from the SDK's own cache (and then kept in
 * the registry, for the next thunk that needs it).
 */
export function sdkMessage({ registry, sdk }: TimContext, messageID: string): SdkMessage {
  const kept = registry.get(messageID);
  if (kept) return kept;
  const find = (sdk as { findMessage?: (id: string) => unknown }).findMessage;
  const found = typeof find === 'function' ? find.call(sdk, messageID) : undefined;
  if (isObject(found) && found.ID === messageID) {
    registry.add(found);
    return found as unknown as SdkMessage;
  }
  throw new TimReduxError(TIM_REDUX_ERROR.UNKNOWN_MESSAGE, `no SDK message with ID ${messageID} is known`);
}

function sentRecord(response: unknown, fallback: SdkMessage): MessageRecord {
  const sent = dataOf(response).message;
  return normalizeMessage(isObject(sent) ? sent : fallback);
}

/** Arguments of the thunk behind `sendMessage`: the message is looked up in the registry. */
export interface SendRegisteredArgs {
  /** ID of a message already in the registry. */
  messageID: string;
  /** Conversation of the message (for state updates on failure). */
  conversationID: string;
  /** Options passed to `sdk.sendMessage` (offline push info, ...). Plain data only. */
  options?: Record<string, unknown>;
}

const sendRegistered = createTimThunk<MessageRecord, SendRegisteredArgs>('tim/sendMessage', (args, api) =>
  withSdk(api, async (context) => {
    requireArg(
      typeof args?.messageID === 'string' && args.messageID !== '',
      'sendMessage needs a Message made by the SDK',
    );
    const message = sdkMessage(context, args.messageID);
    api.dispatch(messageCreated({ ...normalizeMessage(message), status: 'unSend' }));
    return sentRecord(await context.sdk.sendMessage(message, args.options), message);
  }),
);

type TimDispatch = ThunkDispatch<RootStateWithTim, unknown, UnknownAction>;

/**
 * Sends a message made by any of the SDK's `create*Message` methods. The message appears in state
 * at once with status `unSend` and becomes `success` or `fail`. The SDK object stays in the
 * registry (never in the store), so the message can be resent or revoked by ID.
 * `sendMessage.pending/fulfilled/rejected` match the actions it dispatches.
 */
export const sendMessage = Object.assign(
  (message: SdkMessage, options?: Record<string, unknown>) => (dispatch: TimDispatch) => {
    const messageID = isObject(message) && typeof message.ID === 'string' ? message.ID : '';
    const conversationID =
      isObject(message) && typeof message.conversationID === 'string' ? message.conversationID : '';
    if (messageID) {
      try {
        timContextOf(dispatch).registry.add(message);
      } catch {
        /* no middleware: the thunk below rejects with that error */
      }
    }
    return dispatch(sendRegistered({ messageID, conversationID, options }));
  },
  {
    pending: sendRegistered.pending,
    fulfilled: sendRegistered.fulfilled,
    rejected: sendRegistered.rejected,
    typePrefix: sendRegistered.typePrefix,
  },
);

/** Arguments of `sendTextMessage`. */
export interface SendTextArgs {
  /** userID or groupID. */
  to: string;
  /** `'C2C'` or `'GROUP'` (or the SDK's `TYPES.CONV_C2C` / `TYPES.CONV_GROUP`). */
  conversationType: SendConversationType;
  /** The text. */
  text: string;
}

/** Creates a text message with the SDK and sends it like `sendMessage`. */
export const sendTextMessage = createTimThunk<MessageRecord, SendTextArgs>('tim/sendTextMessage', (args, api) =>
  withSdk(api, async ({ sdk, registry }) => {
    requireArg(isObject(args), 'sendTextMessage needs { to, conversationType, text }');
    requireArg(typeof args.to === 'string' && args.to !== '', 'sendTextMessage needs a recipient (to)');
    requireArg(
      args.conversationType === 'C2C' || args.conversationType === 'GROUP',
      'conversationType must be C2C or GROUP',
    );
    requireArg(typeof args.text === 'string' && args.text !== '', 'sendTextMessage needs a non-empty text');
    // Called while the SDK is not ready (before login, after a kick), `create*Message` returns a
    // rejected promise `{ code: getNotReadyReason() }` instead of a Message, and emits ERROR:
    // 2.27.6 tim-js.js and 3.6.6 index.js, the API wrapper made in `TIM.create`
    // (`isReady()||1===tc[t]` ... `onError(o)` ... `Za(s)` / `E(i)`). Awaited, it rejects this thunk
    // with the SDK's code (2024 before login) instead of being left unhandled.
    const created: unknown = await sdk.createTextMessage({
      to: args.to,
      conversationType: args.conversationType,
      payload: { text: args.text },
    });
    requireArg(
      isObject(created) && typeof created.ID === 'string' && created.ID !== '',
      'the SDK did not create a message',
    );
    const message = created as unknown as SdkMessage;
    registry.add(message);
    const sent = await api.dispatch(sendRegistered({ messageID: message.ID, conversationID: message.conversationID }));
    if (sendRegistered.rejected.match(sent)) throw sent.payload ?? sent.error;
    return sent.payload;
  }),
);

/**
 * Sends a failed message again; its status goes `fail` → `unSend` → `success`/`fail`. A failed
 * message restored from a snapshot (no SDK message of that ID exists any more) is made again from
 * its payload and sent as a new message that replaces its row (text, custom, face, location; other
 * types reject with UNSUPPORTED: see docs/persistence.md).
 */
export const resendMessage = createTimThunk<MessageRecord, string>('tim/resendMessage', (messageID, api) =>
  withSdk(api, async (context) => {
    requireArg(typeof messageID === 'string' && messageID !== '', 'resendMessage needs a messageID');
    let message: SdkMessage;
    try {
      message = sdkMessage(context, messageID);
    } catch (e) {
      const record = selectMessageById(api.getState(), messageID);
      // Restored from a snapshot (or older than both the registry and the SDK's cache): made again.
      if (!record || record.flow !== 'out' || record.status === 'success') throw e;
      const created = await recreateMessage(context.sdk, record);
      context.registry.add(created);
      api.dispatch(restoredMessageReplaced({ conversationID: record.conversationID, ID: messageID }));
      const sent = await api.dispatch(
        sendRegistered({ messageID: created.ID, conversationID: created.conversationID }),
      );
      // The failed row is the new message now, with its error (sendMessage.rejected): say its ID, so
      // that this rejection lands there too, not under the ID of the row that is gone.
      if (sendRegistered.rejected.match(sent))
        throw { ...toTimError(sent.payload ?? sent.error), messageID: created.ID };
      return sent.payload;
    }
    return sentRecord(await context.sdk.resendMessage(message), message);
  }),
);

/** Revokes (recalls) a message; on success it is marked `isRevoked` for good. */
export const revokeMessage = createTimThunk<{ ID: string; conversationID: string }, string>(
  'tim/revokeMessage',
  (messageID, api) =>
    withSdk(api, async (context) => {
      requireArg(typeof messageID === 'string' && messageID !== '', 'revokeMessage needs a messageID');
      const message = sdkMessage(context, messageID);
      await context.sdk.revokeMessage(message);
      return { ID: messageID, conversationID: message.conversationID };
    }),
);

/** Deletes messages (from the server's history too) and drops them from state. */
export const deleteMessages = createTimThunk<Array<{ ID: string; conversationID: string }>, string[]>(
  'tim/deleteMessages',
  (messageIDs, api) =>
    withSdk(api, async (context) => {
      requireArg(Array.isArray(messageIDs) && messageIDs.length > 0, 'deleteMessages needs a non-empty array of IDs');
      requireArg(
        messageIDs.every((id) => typeof id === 'string' && id !== ''),
        'deleteMessages needs string IDs',
      );
      const messages = messageIDs.map((id) => sdkMessage(context, id));
      await context.sdk.deleteMessage(messages);
      context.registry.remove(messageIDs);
      return messages.map((m) => ({ ID: m.ID, conversationID: m.conversationID }));
    }),
);

/** A page of history as stored. */
export interface HistoryPage {
  /** The conversation paged. */
  conversationID: string;
  /** Messages of the page. */
  messages: MessageRecord[];
  /** Cursor for the next older page. */
  nextReqMessageID: string | null;
  /** No older message is left. */
  isCompleted: boolean;
}

/**
 * Loads the next older page of a conversation. A second call while one is in flight, or after the
 * history is complete, does nothing; a result that arrives after a reset is dropped.
 */
export const getMessageList = createTimThunk<HistoryPage, string>(
  'tim/getMessageList',
  (conversationID, api) =>
    withSdk(api, async (context) => {
      requireArg(typeof conversationID === 'string' && conversationID !== '', 'getMessageList needs a conversationID');
      const cursor = pagedGet(api.getState().tim.messages.history, conversationID)?.nextReqMessageID ?? null;
      const epoch = context.epoch();
      const askedFor = api.getState().tim.session.userID;
      const response = await context.sdk.getMessageList(
        cursor ? { conversationID, nextReqMessageID: cursor } : { conversationID },
      );
      const data = dataOf(response);
      const list = Array.isArray(data.messageList) ? data.messageList : [];
      // withSdk drops a page whose session ended; the SDK keeps it in its cache all the same.
      if (context.epoch() !== epoch) rememberStalePage(context, askedFor, list);
      const page = ownPage(context, api.getState().tim.session.userID, conversationID, list);
      if (context.epoch() === epoch) context.registry.addAll(page.kept);
      return {
        conversationID,
        messages: page.records,
        nextReqMessageID:
          typeof data.nextReqMessageID === 'string' && data.nextReqMessageID !== '' ? data.nextReqMessageID : null,
        isCompleted: data.isCompleted === true,
      };
    }),
  {
    condition: (conversationID, { getState }) => {
      const history =
        typeof conversationID === 'string' ? pagedGet(getState().tim.messages.history, conversationID) : undefined;
      return !history || (!history.loading && !history.isCompleted);
    },
  },
);

/** Reports a conversation as read; its unread count drops to 0. */
export const setMessageRead = createTimThunk<{ conversationID: string; totalUnreadCount: number | null }, string>(
  'tim/setMessageRead',
  (conversationID, api) =>
    withSdk(api, async ({ sdk }) => {
      requireArg(typeof conversationID === 'string' && conversationID !== '', 'setMessageRead needs a conversationID');
      await sdk.setMessageRead({ conversationID });
      // The SDK's own total, not ours minus the row: see `sdkTotalUnread`.
      return { conversationID, totalUnreadCount: sdkTotalUnread(sdk) };
    }),
);
