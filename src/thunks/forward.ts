/**
 * Forwarding a message, and merged messages (a chat history sent as one message). Both create the
 * message with the SDK and send it like `sendMessage` (optimistic `unSend`, then `success`/`fail`).
 */
import { isObject, toPlainObject } from '../normalize/plain';
import type { SdkMessage } from '../sdk';
import type { MessageRecord, PlainObject, SendConversationType } from '../types';
import { invoke, isId, requireId, requireIdList, requireObject } from './call';
import type { TimContext } from '../context';
import { createTimThunk, dataOf, requireArg, withSdk } from './create';
import { sdkMessage, sendMessage } from './messages';

/** Sends a message the SDK created, through `sendMessage`, and resolves with its record. */
async function sendCreated(
  context: TimContext,
  dispatch: (thunk: ReturnType<typeof sendMessage>) => Promise<unknown>,
  created: unknown,
): Promise<MessageRecord> {
  requireArg(isObject(created) && isId(created.ID), 'the SDK did not create a message');
  context.registry.add(created);
  const sent = await dispatch(sendMessage(created as unknown as SdkMessage));
  if (sendMessage.rejected.match(sent)) throw sent.payload ?? sent.error;
  return (sent as ReturnType<typeof sendMessage.fulfilled>).payload;
}

function requireTarget(args: { to?: unknown; conversationType?: unknown }, what: string): void {
  requireId(args.to, `${what} needs a recipient (to)`);
  requireArg(
    args.conversationType === 'C2C' || args.conversationType === 'GROUP',
    'conversationType must be C2C or GROUP',
  );
}

/** Arguments of `forwardMessage`. */
export interface ForwardMessageArgs {
  /** The message to forward (any stored or SDK-known message). */
  messageID: string;
  /** userID or groupID to forward to. */
  to: string;
  /** `C2C` or `GROUP`. */
  conversationType: SendConversationType;
}

/** Forwards a message to another conversation (the SDK's `createForwardMessage`). */
export const forwardMessage = createTimThunk<MessageRecord, ForwardMessageArgs>('tim/forwardMessage', (args, api) =>
  withSdk(api, async (context) => {
    requireObject(args, 'forwardMessage needs { messageID, to, conversationType }');
    requireId(args.messageID, 'forwardMessage needs a messageID');
    requireTarget(args, 'forwardMessage');
    const original = sdkMessage(context, args.messageID);
    const created = await invoke(context.sdk, 'createForwardMessage', {
      to: args.to,
      conversationType: args.conversationType,
      payload: original,
    });
    return sendCreated(context, api.dispatch as never, created);
  }),
);

/** Arguments of `sendMergerMessage`. */
export interface SendMergerMessageArgs {
  /** The messages to merge, oldest first. */
  messageIDs: string[];
  /** userID or groupID to send to. */
  to: string;
  /** `C2C` or `GROUP`. */
  conversationType: SendConversationType;
  /** Title of the merged message ("Chat history of Alice and Bob"). */
  title: string;
  /** A few summary lines shown under the title. */
  abstractList: string[];
  /** Text shown by clients that cannot show merged messages. */
  compatibleText: string;
}

/** Sends several messages merged into one (the SDK's `createMergerMessage`). */
export const sendMergerMessage = createTimThunk<MessageRecord, SendMergerMessageArgs>(
  'tim/sendMergerMessage',
  (args, api) =>
    withSdk(api, async (context) => {
      requireObject(
        args,
        'sendMergerMessage needs { messageIDs, to, conversationType, title, abstractList, compatibleText }',
      );
      requireIdList(args.messageIDs, 'sendMergerMessage needs a non-empty list of messageIDs');
      requireTarget(args, 'sendMergerMessage');
      requireArg(typeof args.title === 'string', 'sendMergerMessage needs a title');
      requireArg(Array.isArray(args.abstractList), 'sendMergerMessage needs an abstractList');
      requireArg(typeof args.compatibleText === 'string', 'sendMergerMessage needs a compatibleText');
      const messageList = args.messageIDs.map((id) => sdkMessage(context, id));
      const created = await invoke(context.sdk, 'createMergerMessage', {
        to: args.to,
        conversationType: args.conversationType,
        payload: {
          messageList,
          title: args.title,
          abstractList: args.abstractList,
          compatibleText: args.compatibleText,
        },
      });
      return sendCreated(context, api.dispatch as never, created);
    }),
);

/**
 * The messages inside a merged message (the SDK's `downloadMergerMessage`), as plain data: they are
 * summaries (sender, time, elements), not messages of a conversation, so they are not stored.
 */
export const downloadMergerMessage = createTimThunk<PlainObject[], string>(
  'tim/downloadMergerMessage',
  (messageID, api) =>
    withSdk(api, async (context) => {
      requireId(messageID, 'downloadMergerMessage needs a messageID');
      const merged = sdkMessage(context, messageID);
      const data = dataOf(await invoke(context.sdk, 'downloadMergerMessage', merged));
      const payload = isObject(data.payload) ? data.payload : {};
      const list = Array.isArray(payload.messageList) ? payload.messageList : [];
      return list.map(toPlainObject);
    }),
);
