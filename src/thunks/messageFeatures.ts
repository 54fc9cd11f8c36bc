/**
 * More message thunks: modify, jump to a message (hopping), extensions, reactions (3.x), read
 * receipts, `findMessage` and translation. (Media sends: `media.ts`; forwarding: `forward.ts`.)
 */
import { selectMessageById } from '../selectors/messages';
import { normalizeMessage, normalizeReactionList } from '../normalize/message';
import { isObject, isSafeKey, str, toPlainObject } from '../normalize/plain';
import type { SdkMessage } from '../sdk';
import type { MessageReaction, MessageRecord, PlainObject } from '../types';
import { invoke, isId, requireId, requireIdList, requireObject } from './call';
import { createTimThunk, dataOf, requireArg, withSdk } from './create';
import { sdkMessage } from './messages';
import { ownPage, rememberStalePage } from './ownership';

/** Arguments of `modifyMessage`: what to change on a sent message. */
export interface ModifyMessageArgs {
  /** The message. */
  messageID: string;
  /** New text (text messages). */
  text?: string;
  /** New custom data (custom messages: `payload.data`). */
  data?: string;
  /** New `cloudCustomData`. */
  cloudCustomData?: string;
}

/**
 * Edits a sent message (text, custom data or `cloudCustomData`); the record takes the SDK's
 * modified message (`isModified: true`, version bumped). On a conflict the SDK rejects and the
 * newer version arrives through MESSAGE_MODIFIED.
 */
export const modifyMessage = createTimThunk<MessageRecord, ModifyMessageArgs>('tim/modifyMessage', (args, api) =>
  withSdk(api, async (context) => {
    requireObject(args, 'modifyMessage needs { messageID, text | data | cloudCustomData }');
    requireId(args.messageID, 'modifyMessage needs a messageID');
    const fields = (['text', 'data', 'cloudCustomData'] as const).filter((f) => args[f] !== undefined);
    requireArg(
      fields.length > 0 && fields.every((f) => typeof args[f] === 'string'),
      'modifyMessage needs text, data or cloudCustomData (strings)',
    );
    const message = sdkMessage(context, args.messageID) as SdkMessage & { payload?: unknown; cloudCustomData?: string };
    const payload = message.payload;
    if (args.text !== undefined || args.data !== undefined)
      requireArg(isObject(payload), 'this message has no payload to modify');
    if (args.text !== undefined) (payload as Record<string, unknown>).text = args.text;
    if (args.data !== undefined) (payload as Record<string, unknown>).data = args.data;
    if (args.cloudCustomData !== undefined) message.cloudCustomData = args.cloudCustomData;
    const modified = dataOf(await invoke(context.sdk, 'modifyMessage', message)).message;
    const record = normalizeMessage(isObject(modified) ? modified : message);
    return { ...record, isModified: true };
  }),
);

/** Arguments of `getMessageListHopping` (3.x): a message to jump to, and which way to read. */
export interface MessageListHoppingArgs {
  /** The conversation. */
  conversationID: string;
  /** Group messages: the sequence to start at. */
  sequence?: number;
  /** One-to-one messages: the time (seconds) to start at. */
  time?: number;
  /** 0: older messages (default), 1: newer ones. */
  direction?: 0 | 1;
  /** How many (SDK default 15). */
  count?: number;
}

/** A hopping page: its messages (merged into the conversation) and whether the end was reached. */
export interface HoppingPage {
  /** The conversation. */
  conversationID: string;
  /** The messages of the page, oldest first. */
  messages: MessageRecord[];
  /** No more messages in that direction. */
  isCompleted: boolean;
}

/**
 * Loads messages around a point in a conversation (jump to a quoted or searched message), then
 * newer or older pages by calling it again from the first or last message. The messages are merged
 * into the conversation's ordered list (which may then have a gap before the newest page); the
 * older-history cursor of `getMessageList` is not touched.
 */
export const getMessageListHopping = createTimThunk<HoppingPage, MessageListHoppingArgs>(
  'tim/getMessageListHopping',
  (args, api) =>
    withSdk(api, async (context) => {
      requireObject(args, 'getMessageListHopping needs { conversationID, sequence | time }');
      requireId(args.conversationID, 'getMessageListHopping needs a conversationID');
      requireArg(
        Number.isFinite(args.sequence) || Number.isFinite(args.time),
        'getMessageListHopping needs a sequence (groups) or a time (one-to-one)',
      );
      requireArg(
        args.direction === undefined || args.direction === 0 || args.direction === 1,
        'direction must be 0 (older) or 1 (newer)',
      );
      requireArg(
        args.count === undefined || (Number.isInteger(args.count) && args.count > 0),
        'count must be a positive integer',
      );
      const epoch = context.epoch();
      const askedFor = api.getState().tim.session.userID;
      const data = dataOf(await invoke(context.sdk, 'getMessageListHopping', { ...args }));
      const list = Array.isArray(data.messageList) ? data.messageList : [];
      if (context.epoch() !== epoch) rememberStalePage(context, askedFor, list);
      const page = ownPage(context, api.getState().tim.session.userID, args.conversationID, list);
      if (context.epoch() === epoch) context.registry.addAll(page.kept);
      return { conversationID: args.conversationID, messages: page.records, isCompleted: data.isCompleted === true };
    }),
);

/** Extensions of one message (key → value), as a thunk result. */
export interface MessageExtensions {
  /** The message. */
  messageID: string;
  /** Extensions set or loaded. */
  extensions: Record<string, string>;
}

function extensionsOf(list: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of Array.isArray(list) ? list : []) if (isObject(e) && isSafeKey(e.key)) out[e.key] = str(e.value);
  return out;
}

/** Sets extensions on a message (`[{ key, value }]`); they show on the record at once. */
export const setMessageExtensions = createTimThunk<
  MessageExtensions,
  { messageID: string; extensions: Array<{ key: string; value: string }> }
>('tim/setMessageExtensions', (args, api) =>
  withSdk(api, async (context) => {
    requireObject(args, 'setMessageExtensions needs { messageID, extensions }');
    requireId(args.messageID, 'setMessageExtensions needs a messageID');
    requireArg(
      Array.isArray(args.extensions) &&
        args.extensions.length > 0 &&
        args.extensions.every((e) => isObject(e) && isSafeKey(e.key) && typeof e.value === 'string'),
      'setMessageExtensions needs extensions: [{ key, value }]',
    );
    const message = sdkMessage(context, args.messageID);
    const data = dataOf(
      await invoke(
        context.sdk,
        'setMessageExtensions',
        message,
        args.extensions.map((e) => ({ key: e.key, value: e.value })),
      ),
    );
    const failed = new Set(
      (Array.isArray(data.extensions) ? data.extensions : [])
        .filter((e) => isObject(e) && e.code !== undefined && e.code !== 0)
        .map((e) => (e as { key?: unknown }).key),
    );
    return { messageID: args.messageID, extensions: extensionsOf(args.extensions.filter((e) => !failed.has(e.key))) };
  }),
);

/** Loads a message's extensions onto its record. */
export const getMessageExtensions = createTimThunk<MessageExtensions, string>(
  'tim/getMessageExtensions',
  (messageID, api) =>
    withSdk(api, async (context) => {
      requireId(messageID, 'getMessageExtensions needs a messageID');
      const data = dataOf(await invoke(context.sdk, 'getMessageExtensions', sdkMessage(context, messageID)));
      return { messageID, extensions: extensionsOf(data.extensions) };
    }),
);

/** Deletes extensions of a message (all when `keyList` is left out). */
export const deleteMessageExtensions = createTimThunk<
  { messageID: string; keyList: string[] },
  { messageID: string; keyList?: string[] }
>('tim/deleteMessageExtensions', (args, api) =>
  withSdk(api, async (context) => {
    requireObject(args, 'deleteMessageExtensions needs { messageID, keyList? }');
    requireId(args.messageID, 'deleteMessageExtensions needs a messageID');
    if (args.keyList !== undefined)
      requireIdList(args.keyList, 'deleteMessageExtensions: keyList must be non-empty strings');
    const message = sdkMessage(context, args.messageID);
    await invoke(context.sdk, 'deleteMessageExtensions', ...(args.keyList ? [message, args.keyList] : [message]));
    let keyList = args.keyList;
    if (!keyList) {
      keyList = Object.keys(selectMessageById(api.getState(), args.messageID)?.extensions ?? {});
    }
    return { messageID: args.messageID, keyList: keyList ?? [] };
  }),
);

/** A reaction of mine added or removed. */
export interface ReactionChange {
  /** The message. */
  messageID: string;
  /** The reaction (an emoji ID). */
  reactionID: string;
  /** Me. */
  userID: string;
  /** True when added. */
  added: boolean;
}

function reactionThunk(type: string, method: string, added: boolean) {
  return createTimThunk<ReactionChange, { messageID: string; reactionID: string }>(type, (args, api) =>
    withSdk(api, async (context) => {
      requireObject(args, `${method} needs { messageID, reactionID }`);
      requireId(args.messageID, `${method} needs a messageID`);
      requireArg(isSafeKey(args.reactionID), `${method} needs a reactionID`);
      const me = api.getState().tim.session.userID ?? '';
      await invoke(context.sdk, method, sdkMessage(context, args.messageID), args.reactionID);
      return { messageID: args.messageID, reactionID: args.reactionID, userID: me, added };
    }),
  );
}

/** Adds my reaction to a message (3.x); it shows on the record at once. */
export const addMessageReaction = reactionThunk('tim/addMessageReaction', 'addMessageReaction', true);
/** Removes my reaction from a message (3.x). */
export const removeMessageReaction = reactionThunk('tim/removeMessageReaction', 'removeMessageReaction', false);

/** The reactions of one message, as `getMessageReactions` resolves them. */
export interface MessageReactions {
  /** The message. */
  messageID: string;
  /** Its reactions, in the SDK's order. */
  reactionList: MessageReaction[];
}

/** Loads the reactions of messages (3.x); each record's `reactions` is replaced. */
export const getMessageReactions = createTimThunk<
  MessageReactions[],
  { messageIDList: string[]; maxUserCountPerReaction?: number }
>('tim/getMessageReactions', (args, api) =>
  withSdk(api, async (context) => {
    requireObject(args, 'getMessageReactions needs { messageIDList }');
    requireIdList(args.messageIDList, 'getMessageReactions needs a non-empty messageIDList');
    const messageList = args.messageIDList.map((id) => sdkMessage(context, id));
    const response = await invoke(context.sdk, 'getMessageReactions', {
      messageList,
      maxUserCountPerReaction: args.maxUserCountPerReaction ?? 10,
    });
    // 3.6.6 index.js getMessageReactions resolves `{resultList: [{messageID, reactionList}]}`
    // (reactionList from _handleReactionSummary).
    const { resultList } = dataOf(response);
    const out: MessageReactions[] = [];
    for (const item of Array.isArray(resultList) ? resultList : []) {
      if (!isObject(item) || !isId(item.messageID)) continue;
      out.push({ messageID: item.messageID, reactionList: normalizeReactionList(item.reactionList) });
    }
    return out;
  }),
);

/** Sends read receipts for received messages that asked for them (`needReadReceipt`). */
export const sendMessageReadReceipt = createTimThunk<string[], string[]>(
  'tim/sendMessageReadReceipt',
  (messageIDs, api) =>
    withSdk(api, async (context) => {
      requireIdList(messageIDs, 'sendMessageReadReceipt needs a non-empty list of messageIDs');
      await invoke(
        context.sdk,
        'sendMessageReadReceipt',
        messageIDs.map((id) => sdkMessage(context, id)),
      );
      return messageIDs;
    }),
);

/** A read-receipt row, as the messages reducer applies it. */
export interface ReceiptRow {
  /** The message. */
  messageID: string;
  /** Its conversation. */
  conversationID: string;
  /** One-to-one: the peer read it. */
  isPeerRead: boolean;
  /** Group: members who read it. */
  readCount: number | null;
  /** Group: members who did not. */
  unreadCount: number | null;
}

/** Loads read-receipt counts of my messages onto their records (`readReceiptInfo`, `isPeerRead`). */
export const getMessageReadReceiptList = createTimThunk<ReceiptRow[], string[]>(
  'tim/getMessageReadReceiptList',
  (messageIDs, api) =>
    withSdk(api, async (context) => {
      requireIdList(messageIDs, 'getMessageReadReceiptList needs a non-empty list of messageIDs');
      const data = dataOf(
        await invoke(
          context.sdk,
          'getMessageReadReceiptList',
          messageIDs.map((id) => sdkMessage(context, id)),
        ),
      );
      const rows: ReceiptRow[] = [];
      for (const raw of Array.isArray(data.messageList) ? data.messageList : []) {
        try {
          const m = normalizeMessage(raw);
          rows.push({
            messageID: m.ID,
            conversationID: m.conversationID,
            isPeerRead: m.isPeerRead,
            ...m.readReceiptInfo,
          });
        } catch {
          /* skip */
        }
      }
      return rows;
    }),
);

/** Members who read (filter 0) or did not read (filter 1) a group message, one page; plain, not stored. */
export const getGroupMessageReadMemberList = createTimThunk<
  PlainObject,
  { messageID: string; filter: 0 | 1; cursor?: string; count?: number }
>('tim/getGroupMessageReadMemberList', (args, api) =>
  withSdk(api, async (context) => {
    requireObject(args, 'getGroupMessageReadMemberList needs { messageID, filter }');
    requireId(args.messageID, 'getGroupMessageReadMemberList needs a messageID');
    requireArg(args.filter === 0 || args.filter === 1, 'filter must be 0 (read) or 1 (unread)');
    const { messageID, ...rest } = args;
    const data = dataOf(
      await invoke(context.sdk, 'getGroupMessageReadMemberList', {
        message: sdkMessage(context, messageID),
        cursor: '',
        count: 100,
        ...rest,
      }),
    );
    return toPlainObject({ ...data, message: undefined });
  }),
);

/**
 * A message by ID: from state when stored, else from the SDK's cache (`findMessage`), which keeps
 * messages after a history reload; a message found there is added to its conversation in state.
 * Resolves with the record, or null when neither knows it.
 */
export const findMessage = createTimThunk<MessageRecord | null, string>('tim/findMessage', (messageID, api) =>
  withSdk(api, async (context) => {
    requireId(messageID, 'findMessage needs a messageID');
    const stored = selectMessageById(api.getState(), messageID);
    if (stored) return stored;
    try {
      return normalizeMessage(sdkMessage(context, messageID));
    } catch {
      return null;
    }
  }),
);

/** Translates texts; resolves with the SDK's answer (`translatedTextList`) as plain data. Not stored. */
export const translateText = createTimThunk<PlainObject, { sourceTextList: string[]; source?: string; target: string }>(
  'tim/translateText',
  (args, api) =>
    withSdk(api, async ({ sdk }) => {
      requireObject(args, 'translateText needs { sourceTextList, target }');
      requireArg(
        Array.isArray(args.sourceTextList) &&
          args.sourceTextList.length > 0 &&
          args.sourceTextList.every((t) => typeof t === 'string'),
        'translateText needs sourceTextList: string[]',
      );
      requireId(args.target, 'translateText needs a target language');
      return toPlainObject(dataOf(await invoke(sdk, 'translateText', { source: 'auto', ...args })));
    }),
);
