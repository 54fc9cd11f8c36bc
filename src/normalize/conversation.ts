/** SDK `Conversation` → `ConversationRecord`, plus the profile or group it embeds. */
import type { ConversationRecord, GroupRecord, LastMessageRecord, PlainObject, ProfileRecord } from '../types';
import { MalformedPayloadError } from '../errors';
import { bool, isObject, num, str, strArray, toPlain, toPlainObject } from './plain';
import { normalizeGroup, normalizeProfile } from './profileAndGroup';

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
      for (let i = 0; i < list.length; i++) {
        const raw = list[i];
        const guess = last[i + shift];
        let hit = guess !== undefined && guess.raw === raw ? guess : undefined;
        if (hit === undefined && isObject(raw)) {
          hit = cache.get(raw);
          if (hit !== undefined) shift = hit.index - i;
        }
        if (hit !== undefined) {
          if (sameVolatileFields(raw as Record<string, unknown>, hit.fields)) {
            hit.index = i;
            hit.gen = generation;
            now[i] = hit;
            result.conversations.push(hit.value.conversation);
            continue;
          }
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
