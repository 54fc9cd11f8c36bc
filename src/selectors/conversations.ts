/** Conversation selectors. */
import { tableGet } from '../entities/table';
import type { ConversationRecord, GroupRecord, RootStateWithTim, Table } from '../types';

/** Pinned first, then the newest last message first; ties by ID so the order is stable. */
export function compareConversations(a: ConversationRecord, b: ConversationRecord): number {
  if (a.isPinned !== b.isPinned) return a.isPinned ? -1 : 1;
  const ta = a.lastMessage?.lastTime ?? 0;
  const tb = b.lastMessage?.lastTime ?? 0;
  if (ta !== tb) return tb - ta;
  return a.conversationID < b.conversationID ? -1 : a.conversationID > b.conversationID ? 1 : 0;
}

function insertionIndex(sorted: readonly ConversationRecord[], c: ConversationRecord): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareConversations(sorted[mid], c) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Past this many changed conversations a full sort is cheaper than re-placing each. */
const INCREMENTAL_LIMIT = 64;

let lastTable: Table<ConversationRecord> | null = null;
let lastSorted: readonly ConversationRecord[] = [];

/**
 * Every conversation, pinned first, then newest last message first. The rows are the stored
 * records, so a row that did not change is the same object (===) as in the previous result, and the
 * array itself is the same until a conversation changes. When only a few conversations changed (a
 * message arrived), only those are moved: the list is not sorted again.
 */
export function selectConversationList(state: RootStateWithTim): readonly ConversationRecord[] {
  const table = state.tim.conversations.table;
  if (table === lastTable) return lastSorted;
  let sorted: ConversationRecord[] | null = null;
  if (lastTable && table.keys === lastTable.keys) {
    const before = new Set<ConversationRecord>();
    const after: ConversationRecord[] = [];
    for (let i = 0; i < table.values.length && after.length <= INCREMENTAL_LIMIT; i++) {
      if (table.values[i] !== lastTable.values[i]) {
        before.add(lastTable.values[i]);
        after.push(table.values[i]);
      }
    }
    if (after.length <= INCREMENTAL_LIMIT) {
      sorted = lastSorted.filter((c) => !before.has(c));
      for (const c of after) sorted.splice(insertionIndex(sorted, c), 0, c);
    }
  }
  lastTable = table;
  lastSorted = sorted ?? table.values.slice().sort(compareConversations);
  return lastSorted;
}

/** One conversation, or undefined. */
export const selectConversationById = (
  state: RootStateWithTim,
  conversationID: string,
): ConversationRecord | undefined => tableGet(state.tim.conversations.table, conversationID);

/** Total unread messages, as the SDK reports it. */
export const selectTotalUnreadCount = (state: RootStateWithTim): number => state.tim.conversations.totalUnreadCount;

/**
 * The group of a group conversation, for display: the joined group, or else the group as the
 * conversation embeds it (the SDK keeps the conversation of a group the user quit or that was
 * dismissed; that group is not among the joined groups).
 */
export const selectConversationGroup = (state: RootStateWithTim, groupID: string): GroupRecord | undefined =>
  tableGet(state.tim.groups.table, groupID) ?? tableGet(state.tim.groups.embedded, groupID);

/**
 * True once the SDK's conversation list has arrived since login: before that an empty list means
 * "not synced yet", not "no conversations", and unread counts are not final.
 */
export const selectConversationListSynced = (state: RootStateWithTim): boolean => state.tim.conversations.synced;

/**
 * True while the conversations and messages shown are a restored snapshot (the `persist` option)
 * that the SDK has not confirmed: from the restore at login until the SDK's whole conversation list
 * arrives. A UI may dim the list or show "updating…" meanwhile.
 */
export const selectRestoredView = (state: RootStateWithTim): boolean => state.tim.conversations.restored;
