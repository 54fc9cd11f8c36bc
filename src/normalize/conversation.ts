/** SDK `Conversation` → `ConversationRecord`, plus the profile or group it embeds. */
import type { ConversationRecord, GroupRecord, LastMessageRecord, PlainObject, ProfileRecord } from '../types';
import { MalformedPayloadError } from '../errors';
import { bool, isObject, num, str, strArray, toPlain, toPlainObject } from './plain';
import { normalizeGroup, normalizeProfile } from './profile';

/** What one SDK conversation becomes. */
export interface NormalizedConversation {
  /** The conversation record. */
  conversation: ConversationRecord;
  /** The peer's profile, for one-to-one conversations that carry one. */
  profile: ProfileRecord | null;
  /** The group, for group conversations that carry one. */
  group: GroupRecord | null;
}

function normalizeLastMessage(raw: unknown): LastMessageRecord | null {
  if (!isObject(raw)) return null;
  const payload = toPlain(raw.payload);
  return {
    lastTime: num(raw.lastTime),
    lastSequence: num(raw.lastSequence),
    fromAccount: str(raw.fromAccount),
    type: str(raw.type),
    payload: payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? payload : null,
    messageForShow: str(raw.messageForShow),
    isRevoked: bool(raw.isRevoked),
    isPeerRead: bool(raw.isPeerRead),
    nick: str(raw.nick),
    nameCard: str(raw.nameCard),
    cloudCustomData: str(raw.cloudCustomData),
  };
}

/** A plain conversation record and what it embeds. Throws when it has no conversationID. */
export function normalizeConversation(raw: unknown): NormalizedConversation {
  if (!isObject(raw)) throw new MalformedPayloadError(`conversation is ${raw === null ? 'null' : typeof raw}, not an object`);
  const conversationID = raw.conversationID;
  if (typeof conversationID !== 'string' || conversationID === '') {
    throw new MalformedPayloadError('conversation has no conversationID');
  }
  const type = str(raw.type);
  const userID = type === 'C2C' && conversationID.startsWith('C2C') ? conversationID.slice(3) : '';
  const groupID = type === 'GROUP' && conversationID.startsWith('GROUP') ? conversationID.slice(5) : '';
  let profile: ProfileRecord | null = null;
  let group: GroupRecord | null = null;
  // An embedded profile or group that is malformed costs the embed, not the conversation.
  try {
    if (userID && isObject(raw.userProfile)) profile = normalizeProfile(raw.userProfile);
    if (groupID && isObject(raw.groupProfile)) group = normalizeGroup(raw.groupProfile);
  } catch {
    /* keep the conversation */
  }
  const groupAt = Array.isArray(raw.groupAtInfoList) ? raw.groupAtInfoList.map(toPlainObject) : [];
  return {
    conversation: {
      conversationID,
      type,
      userID,
      groupID,
      unreadCount: Math.max(0, num(raw.unreadCount)),
      lastMessage: normalizeLastMessage(raw.lastMessage),
      isPinned: bool(raw.isPinned),
      messageRemindType: str(raw.messageRemindType),
      remark: str(raw.remark),
      peerReadTime: num(raw.peerReadTime),
      markList: Array.isArray(raw.markList) ? raw.markList.filter((m): m is number => typeof m === 'number') : [],
      customData: str(raw.customData),
      conversationGroupList: strArray(raw.conversationGroupList),
      groupAtInfoList: groupAt as PlainObject[],
    },
    profile,
    group,
  };
}

/**
 * The fields of an SDK conversation that change while it lives. The SDK updates its Conversation
 * objects in place and sends the whole list again after nearly every message, so the binding
 * compares these instead of normalizing thousands of unchanged conversations.
 */
function volatileFields(c: Record<string, unknown>): unknown[] {
  const last = isObject(c.lastMessage) ? c.lastMessage : null;
  const user = isObject(c.userProfile) ? c.userProfile : null;
  const group = isObject(c.groupProfile) ? c.groupProfile : null;
  const markList = c.markList as unknown[] | undefined;
  const groups = c.conversationGroupList as unknown[] | undefined;
  const atList = c.groupAtInfoList as unknown[] | undefined;
  return [
    c.conversationID, c.type, c.unreadCount, c.isPinned, c.messageRemindType, c.remark, c.peerReadTime, c.customData,
    markList, markList?.length, groups, groups?.length, atList, atList?.length,
    last, last?.lastTime, last?.lastSequence, last?.isRevoked, last?.isPeerRead, last?.messageForShow, last?.payload,
    last?.nick, last?.nameCard, last?.fromAccount, last?.cloudCustomData,
    user, user?.nick, user?.avatar, group, group?.name, group?.avatar, group?.memberCount, group?.selfInfo,
  ];
}

/**
 * `normalizeConversation` with a memory of the SDK objects it has seen: an SDK conversation whose
 * volatile fields did not change gives back the same records (===). One per middleware.
 */
export function createConversationNormalizer(): ((raw: unknown) => NormalizedConversation) & { clear(): void } {
  let cache = new WeakMap<object, { fields: unknown[]; result: NormalizedConversation }>();
  const normalize = (raw: unknown): NormalizedConversation => {
    if (!isObject(raw)) return normalizeConversation(raw);
    const fields = volatileFields(raw);
    const hit = cache.get(raw);
    if (hit && sameFields(hit.fields, fields)) return hit.result;
    const result = normalizeConversation(raw);
    cache.set(raw, { fields, result });
    return result;
  };
  return Object.assign(normalize, { clear: () => void (cache = new WeakMap()) });
}

function sameFields(a: unknown[], b: unknown[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
