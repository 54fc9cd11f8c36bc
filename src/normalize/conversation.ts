/** SDK `Conversation` → `ConversationRecord`, plus the profile or group it embeds. */
import type { ConversationRecord, GroupRecord, LastMessageRecord, PlainObject, ProfileRecord } from '../types';
import { MalformedPayloadError } from '../errors';
import { bool, isObject, num, plainMatches, str, strArray, toPlain, toPlainObject } from './plain';
import { groupMatches, normalizeGroup, normalizeProfile, profileMatches } from './profileAndGroup';

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
  if (!isObject(raw))
    throw new MalformedPayloadError(`conversation is ${raw === null ? 'null' : typeof raw}, not an object`);
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
      draftText: str(raw.draftText),
    },
    profile,
    group,
  };
}

function lastMessageMatches(raw: unknown, record: LastMessageRecord | null): boolean {
  if (!isObject(raw)) return record === null;
  if (record === null) return false;
  if (num(raw.lastTime) !== record.lastTime || num(raw.lastSequence) !== record.lastSequence) return false;
  if (str(raw.messageForShow) !== record.messageForShow || str(raw.fromAccount) !== record.fromAccount) return false;
  if (str(raw.type) !== record.type || bool(raw.isRevoked) !== record.isRevoked) return false;
  if (bool(raw.isPeerRead) !== record.isPeerRead || str(raw.nick) !== record.nick) return false;
  if (str(raw.nameCard) !== record.nameCard || str(raw.cloudCustomData) !== record.cloudCustomData) return false;
  const payload = raw.payload;
  // normalizeLastMessage keeps an object payload (toPlain of it) and turns anything else into null.
  if (isObject(payload) && !Array.isArray(payload))
    return record.payload !== null && plainMatches(payload, record.payload);
  return record.payload === null && (payload === null || typeof payload !== 'object');
}

function arrayMatches(raw: unknown, record: readonly unknown[], keep: (v: unknown) => boolean): boolean {
  if (!Array.isArray(raw)) return record.length === 0;
  let j = 0;
  for (const v of raw) {
    if (!keep(v)) continue;
    if (j >= record.length || record[j] !== v) return false;
    j++;
  }
  return j === record.length;
}

const isNumber = (v: unknown) => typeof v === 'number';
const isString = (v: unknown) => typeof v === 'string';

/**
 * True when `normalizeConversation(raw)` would give records equal to `value`'s (false when unsure).
 * For lists of fresh objects (a copy of the SDK's list, or 3.x making a new Conversation): the
 * values are compared field by field, allocating nothing, so an unchanged conversation keeps its
 * records (===) and its embedded profile or group is not sent again.
 */
export function conversationMatches(raw: Record<string, unknown>, value: NormalizedConversation): boolean {
  const c = value.conversation;
  if (raw.conversationID !== c.conversationID || str(raw.type) !== c.type) return false;
  if (Math.max(0, num(raw.unreadCount)) !== c.unreadCount || bool(raw.isPinned) !== c.isPinned) return false;
  if (str(raw.messageRemindType) !== c.messageRemindType || str(raw.remark) !== c.remark) return false;
  if (num(raw.peerReadTime) !== c.peerReadTime || str(raw.customData) !== c.customData) return false;
  if (str(raw.draftText) !== c.draftText) return false;
  if (!lastMessageMatches(raw.lastMessage, c.lastMessage)) return false;
  if (!arrayMatches(raw.markList, c.markList, isNumber)) return false;
  if (!arrayMatches(raw.conversationGroupList, c.conversationGroupList, isString)) return false;
  const at = raw.groupAtInfoList;
  if (Array.isArray(at)) {
    if (at.length !== c.groupAtInfoList.length) return false;
    for (let i = 0; i < at.length; i++) {
      const item = at[i];
      if (!(isObject(item) && !Array.isArray(item) && plainMatches(item, c.groupAtInfoList[i]))) return false;
    }
  } else if (c.groupAtInfoList.length !== 0) return false;
  // The embed: made only when the object is there (a malformed one is dropped, hence "unsure" below).
  const user = c.userID ? raw.userProfile : undefined;
  if (isObject(user)) {
    if (value.profile === null || !profileMatches(user, value.profile)) return false;
  } else if (value.profile !== null) return false;
  const group = c.groupID ? raw.groupProfile : undefined;
  if (isObject(group)) {
    if (value.group === null || !groupMatches(group, value.group)) return false;
  } else if (value.group !== null) return false;
  return true;
}

/**
 * The fields of an SDK conversation that change while it lives, written into `out`. The SDK
 * updates its Conversation objects in place and sends the whole list again after nearly every
 * message, so the binding compares these instead of normalizing thousands of unchanged
 * conversations; `out` is reused so that an unchanged conversation allocates nothing. (A new last
 * message is a new `lastMessage` object; a revoke or read receipt mutates it, hence its flags.)
 */
export function readVolatileFields(c: Record<string, unknown>, out: unknown[]): void {
  const last = c.lastMessage as Record<string, unknown> | null | undefined;
  const user = c.userProfile as Record<string, unknown> | null | undefined;
  const group = c.groupProfile as Record<string, unknown> | null | undefined;
  const markList = c.markList as unknown[] | undefined;
  const groups = c.conversationGroupList as unknown[] | undefined;
  const atList = c.groupAtInfoList as unknown[] | undefined;
  out[0] = c.unreadCount;
  out[1] = c.isPinned;
  out[2] = c.messageRemindType;
  out[3] = c.remark;
  out[4] = c.peerReadTime;
  out[5] = c.customData;
  out[6] = markList;
  out[7] = markList?.length;
  out[8] = groups;
  out[9] = groups?.length;
  out[10] = atList;
  out[11] = atList?.length;
  out[12] = last;
  out[13] = last?.lastTime;
  out[14] = last?.isRevoked;
  out[15] = last?.isPeerRead;
  out[16] = last?.messageForShow;
  out[17] = last?.payload;
  out[18] = user;
  out[19] = user?.nick;
  out[20] = user?.avatar;
  out[21] = group;
  out[22] = group?.name;
  out[23] = group?.avatar;
  out[24] = group?.memberCount;
  out[25] = group?.selfInfo;
  // 3.x sets it in place and emits the list (3.6.6 index.js `setConvDraft`): a draft alone is a change.
  out[26] = c.draftText;
}

const FIELD_COUNT = 27;

/** In place of a last message that was never read from the object now seen: no object is ===. */
const STALE = Symbol('stale');

/**
 * `readVolatileFields(c, out)` followed by comparing `out` with `seen`, fused: the same fields in the
 * same order, read and compared in one pass with no writes, stopping at the first difference. Most
 * of the 5,000 conversations of a list event are unchanged, so this is the loop that decides what a
 * list event costs. A test keeps it in step with `readVolatileFields`.
 */
export function sameVolatileFields(c: Record<string, unknown>, seen: readonly unknown[]): boolean {
  if (c.unreadCount !== seen[0] || c.isPinned !== seen[1] || c.messageRemindType !== seen[2]) return false;
  if (c.remark !== seen[3] || c.peerReadTime !== seen[4] || c.customData !== seen[5]) return false;
  if (c.draftText !== seen[26]) return false;
  const markList = c.markList as unknown[] | undefined;
  const groups = c.conversationGroupList as unknown[] | undefined;
  const atList = c.groupAtInfoList as unknown[] | undefined;
  if (markList !== seen[6] || markList?.length !== seen[7]) return false;
  if (groups !== seen[8] || groups?.length !== seen[9]) return false;
  if (atList !== seen[10] || atList?.length !== seen[11]) return false;
  const last = c.lastMessage as Record<string, unknown> | null | undefined;
  if (last !== seen[12]) return false;
  if (last !== null && last !== undefined) {
    if (last.lastTime !== seen[13] || last.isRevoked !== seen[14] || last.isPeerRead !== seen[15]) return false;
    if (last.messageForShow !== seen[16] || last.payload !== seen[17]) return false;
  }
  const user = c.userProfile as Record<string, unknown> | null | undefined;
  if (user !== seen[18]) return false;
  if (user !== null && user !== undefined && (user.nick !== seen[19] || user.avatar !== seen[20])) return false;
  const group = c.groupProfile as Record<string, unknown> | null | undefined;
  if (group !== seen[21]) return false;
  if (group !== null && group !== undefined) {
    if (group.name !== seen[22] || group.avatar !== seen[23]) return false;
    if (group.memberCount !== seen[24] || group.selfInfo !== seen[25]) return false;
  }
  return true;
}

/** What one whole-list event becomes. */
export interface NormalizedConversationList {
  /** Every conversation of the list, in the SDK's order. */
  conversations: ConversationRecord[];
  /**
   * Conversations of the previous whole list that this one lacks: the SDK deleted them (here, on
   * another device through the `RecentContactMod` push, or with their group) and dropped their
   * messages (3.6.6 index.js `deleteLocalConv` → `clearMemMsg`; 2.27.6 tim-js.js `onConversationDeleted`).
   */
  removed: string[];
  /** The profiles and groups embedded in conversations that changed since the last list. */
  profiles: ProfileRecord[];
  /** Groups embedded in conversations that changed since the last list. */
  groups: GroupRecord[];
  /** Items that could not be normalized. */
  problems: string[];
}

/** A normalizer for whole conversation lists that remembers the SDK objects it has seen. */
export interface ConversationListNormalizer {
  /**
   * Normalizes a list; unchanged SDK conversations give back the same records (===). `whole`
   * (default true): the list is the SDK's whole list, so what left it since the last whole list is
   * `removed`; false for the changed conversations only (3.x `partialUpdatedConversations`).
   */
  normalizeList(list: readonly unknown[], whole?: boolean): NormalizedConversationList;
  /** Forgets everything (on reset). */
  clear(): void;
}

/**
 * One per middleware: an SDK conversation whose volatile fields did not change gives back its
 * previous records, and its embedded profile or group is not sent again.
 */
export function createConversationNormalizer(): ConversationListNormalizer {
  /** What was made of one SDK conversation, and where it was in the last list. */
  interface Seen {
    raw: object;
    fields: unknown[];
    value: NormalizedConversation;
    index: number;
    /** The list (`generation`) it was last found in. */
    gen: number;
  }
  let generation = 0;
  let cache = new WeakMap<object, Seen>();
  // The entries of the last list, by position: the SDK sends the list again in nearly the same
  // order (the conversation that got a message moves to the top), so the previous position, shifted
  // by the offset of the last item found, finds most items without a WeakMap lookup.
  let last: Array<Seen | undefined> = [];
  const scratch: unknown[] = Array.from({ length: FIELD_COUNT }, () => undefined); // packed, not holey: 2x faster reads
  // Kept out of the loop above: a try/catch around the hot path costs every unchanged item.
  const normalizeFresh = (raw: unknown, index: number, problems: string[]): Seen | null => {
    try {
      const value = normalizeConversation(raw);
      if (!isObject(raw)) return null; // unreachable: normalizeConversation throws first
      readVolatileFields(raw, scratch);
      const seen = { raw, fields: scratch.slice(), value, index, gen: generation };
      cache.set(raw, seen);
      return seen;
    } catch (e) {
      problems.push(e instanceof Error ? e.message : String(e));
      return null;
    }
  };
  return {
    normalizeList(list, whole = true) {
      const result: NormalizedConversationList = {
        conversations: [],
        removed: [],
        profiles: [],
        groups: [],
        problems: [],
      };
      const now: Array<Seen | undefined> = new Array(list.length);
      generation++;
      let fresh: Set<string> | null = null;
      let shift = 0;
      let byID: Map<string, Seen> | null = null;
      for (let i = 0; i < list.length; i++) {
        const raw = list[i];
        const guess = last[i + shift];
        let hit = guess !== undefined && guess.raw === raw ? guess : undefined;
        // A fresh object for a conversation already seen (a copy of the SDK's list): found by ID,
        // at its previous position or in the last list, and compared by value.
        let copyOf: Seen | undefined;
        if (hit === undefined && isObject(raw)) {
          if (guess !== undefined && guess.value.conversation.conversationID === raw.conversationID) copyOf = guess;
          else {
            hit = cache.get(raw);
            if (hit !== undefined) shift = hit.index - i;
            else if (typeof raw.conversationID === 'string') {
              byID ??= new Map(
                last.flatMap((e) => (e === undefined ? [] : [[e.value.conversation.conversationID, e]])),
              );
              copyOf = byID.get(raw.conversationID);
              if (copyOf !== undefined) shift = copyOf.index - i;
            }
          }
        }
        let same: Seen | undefined;
        const fields = raw as Record<string, unknown>;
        if (hit !== undefined) {
          if (sameVolatileFields(fields, hit.fields)) same = hit;
          else if (conversationMatches(fields, hit.value)) {
            // Changed in place, but nothing the record holds (an equal last message object, ...).
            readVolatileFields(fields, hit.fields);
            same = hit;
          }
        } else if (copyOf !== undefined && conversationMatches(fields, copyOf.value)) {
          // The copy stands for the conversation from now on (the old object may go). Its fields are
          // not read (5,000 copies per event): the next identity hit on it compares by value.
          copyOf.raw = fields;
          copyOf.fields[12] = STALE;
          same = copyOf;
        }
        if (same !== undefined) {
          same.index = i;
          same.gen = generation;
          now[i] = same;
          result.conversations.push(same.value.conversation);
          continue;
        }
        const seen = normalizeFresh(raw, i, result.problems);
        if (!seen) continue;
        now[i] = seen;
        (fresh ??= new Set()).add(seen.value.conversation.conversationID);
        const { value } = seen;
        result.conversations.push(value.conversation);
        if (value.profile) result.profiles.push(value.profile);
        if (value.group) result.groups.push(value.group);
      }
      // Changed conversations only: nothing can be seen leaving, and the positions of the last whole
      // list stay (a wrong position guess only costs the WeakMap lookup).
      if (!whole) return result;
      // An entry of the last list not found again either changed (a fresh entry has its ID) or left.
      // A list with bad items says nothing about what left: what it lacks is kept for the next list.
      for (const seen of last) {
        if (seen === undefined || seen.gen === generation) continue;
        const id = seen.value.conversation.conversationID;
        if (fresh?.has(id)) continue;
        if (result.problems.length === 0) result.removed.push(id);
        else now.push(seen);
      }
      last = now;
      return result;
    },
    clear() {
      cache = new WeakMap();
      last = [];
    },
  };
}
