/** SDK `Message` → `MessageRecord`. The only code that knows the SDK message's fields. */
import type { MessageReaction, MessageRecord, MessageStatus, ReactionUser } from '../types';
import { MalformedPayloadError } from '../errors';
import { bool, isObject, num, str, strArray, toPlainObject } from './plain';

const STATUSES: ReadonlySet<string> = new Set(['unSend', 'success', 'fail']);

// Shared, frozen empties: most messages have no extensions, reactions, mentions or receipt counts,
// and four fewer objects per stored message is a quarter less for the garbage collector to trace.
const NO_EXTENSIONS: Record<string, string> = Object.freeze({}) as Record<string, string>;
const NO_REACTIONS: MessageReaction[] = Object.freeze([]) as unknown as MessageReaction[];
const NO_MENTIONS: string[] = Object.freeze([]) as unknown as string[];
const NO_RECEIPT = Object.freeze({ readCount: null, unreadCount: null });

/** A plain record of an SDK message. Throws `MalformedPayloadError` if it has no ID or conversation. */
export function normalizeMessage(raw: unknown): MessageRecord {
  if (!isObject(raw))
    throw new MalformedPayloadError(`message is ${raw === null ? 'null' : typeof raw}, not an object`);
  const ID = raw.ID;
  const conversationID = raw.conversationID;
  if (typeof ID !== 'string' || ID === '') throw new MalformedPayloadError('message has no ID');
  if (typeof conversationID !== 'string' || conversationID === '') {
    throw new MalformedPayloadError(`message ${ID} has no conversationID`);
  }
  const status = str(raw.status, 'success');
  const receipt = isObject(raw.readReceiptInfo) ? raw.readReceiptInfo : {};
  const readCount = typeof receipt.readCount === 'number' ? receipt.readCount : null;
  const unreadCount = typeof receipt.unreadCount === 'number' ? receipt.unreadCount : null;
  const atUserList = strArray(raw.atUserList);
  return {
    ID,
    conversationID,
    conversationType: str(raw.conversationType),
    conversationSubType: str(raw.conversationSubType),
    type: str(raw.type),
    payload: toPlainObject(raw.payload),
    from: str(raw.from),
    to: str(raw.to),
    flow: str(raw.flow),
    time: num(raw.time),
    sequence: num(raw.sequence),
    random: num(raw.random),
    status: (STATUSES.has(status) ? status : 'success') as MessageStatus,
    isRevoked: bool(raw.isRevoked),
    revoker: typeof raw.revoker === 'string' && raw.revoker !== '' ? raw.revoker : null,
    // Two SDK fields mean "the peer read it": `isPeerRead`, set from the peer's read time
    // (updateMessageIsPeerReadProperty, MESSAGE_READ_BY_PEER), and, for a message sent with
    // needReadReceipt, `readReceiptInfo.isPeerRead`, set from the getroammsg `IsPeerRead` flag
    // (Message constructor: initC2CReadReceiptInfo(readReceiptSentByPeer), both bundles) and by a
    // receipt (updateReadReceiptInfo → MESSAGE_READ_RECEIPT_RECEIVED). Only the second survives a
    // reload when the peer sent a receipt without reading the conversation.
    isPeerRead: bool(raw.isPeerRead) || receipt.isPeerRead === true,
    isModified: bool(raw.isModified),
    nick: str(raw.nick),
    avatar: str(raw.avatar),
    nameCard: str(raw.nameCard),
    priority: str(raw.priority),
    cloudCustomData: str(raw.cloudCustomData),
    atUserList: atUserList.length ? atUserList : NO_MENTIONS,
    needReadReceipt: bool(raw.needReadReceipt),
    readReceiptInfo: readCount === null && unreadCount === null ? NO_RECEIPT : { readCount, unreadCount },
    version: num(raw.version),
    extensions: NO_EXTENSIONS,
    reactions: NO_REACTIONS,
    progress: null,
  };
}

function reactionUser(raw: unknown): ReactionUser | null {
  if (typeof raw === 'string') return raw === '' ? null : { userID: raw, nick: '', avatar: '' };
  if (!isObject(raw) || typeof raw.userID !== 'string' || raw.userID === '') return null;
  return { userID: raw.userID, nick: str(raw.nick), avatar: str(raw.avatar) };
}

/**
 * The SDK's reaction items as records, skipping items without a reactionID. 3.6.6 index.js builds
 * them in `_handleReactionSummary` as `{reactionID, totalUserCount, partialUserList, reactedByMyself}`
 * (partialUserList: `{userID, nick, avatar}` from getUserNickAndAvatar) for MESSAGE_REACTIONS_UPDATED
 * (onReactionNotifyList, onReactionNotify) and `getMessageReactions` (`resultList[].reactionList`).
 */
export function normalizeReactionList(list: unknown): MessageReaction[] {
  const out: MessageReaction[] = [];
  for (const r of Array.isArray(list) ? list : []) {
    if (!isObject(r) || typeof r.reactionID !== 'string' || r.reactionID === '') continue;
    const users = Array.isArray(r.partialUserList) ? r.partialUserList : [];
    const partialUserList = users.map(reactionUser).filter((u): u is ReactionUser => u !== null);
    out.push({
      reactionID: r.reactionID,
      totalUserCount: Math.max(0, num(r.totalUserCount, partialUserList.length)),
      partialUserList,
      reactedByMyself: r.reactedByMyself === true,
    });
  }
  return out;
}

/** Normalize a list, keeping the good items and describing the bad ones. */
export function normalizeMany<T>(
  items: unknown,
  normalize: (raw: unknown) => T,
  what: string,
): { records: T[]; problems: string[] } {
  const list = Array.isArray(items) ? items : items === undefined || items === null ? [] : [items];
  const records: T[] = [];
  const problems: string[] = [];
  if (!Array.isArray(items) && items !== undefined && items !== null && !isObject(items)) {
    return { records, problems: [`${what} list is ${typeof items}, not an array`] };
  }
  if (items === undefined || items === null) problems.push(`${what} list is ${items === null ? 'null' : 'undefined'}`);
  for (const item of list) {
    try {
      records.push(normalize(item));
    } catch (e) {
      problems.push(e instanceof Error ? e.message : String(e));
    }
  }
  return { records, problems };
}
