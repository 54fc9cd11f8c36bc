/**
 * The ordered, deduplicated message list of one conversation, updated without copying what did
 * not change. Order: groups by `sequence` (a message still being sent has none yet and goes last),
 * one-to-one by `time`; ties by `time`, then by ID. Every path a message comes by (live, history
 * page, own send) goes through `upsertMessages`, so dedupe and the "never backwards" rules live in
 * one place.
 */
import type { MessageList, MessageRecord, MessageStatus } from '../types';
import { plainEqual } from '../normalize/plain';
import { searchKeys } from './table';

/** A list with no message. */
export const EMPTY_MESSAGE_LIST: MessageList = Object.freeze({ records: Object.freeze([]), sortedIDs: Object.freeze([]) });

function primaryKey(m: MessageRecord): number {
  if (m.conversationType === 'GROUP' || m.conversationType === 'TOPIC') return m.sequence > 0 ? m.sequence : Infinity;
  return m.time;
}

/** Display order of two messages of one conversation: negative when `a` comes first. */
export function compareMessages(a: MessageRecord, b: MessageRecord): number {
  const pa = primaryKey(a);
  const pb = primaryKey(b);
  if (pa !== pb) return pa < pb ? -1 : 1;
  if (a.time !== b.time) return a.time < b.time ? -1 : 1;
  return a.ID < b.ID ? -1 : a.ID > b.ID ? 1 : 0;
}

/** Index where `m` belongs in `records` (after any equal element). */
function insertionIndex(records: readonly MessageRecord[], m: MessageRecord): number {
  const n = records.length;
  if (n === 0 || compareMessages(records[n - 1], m) <= 0) return n; // live messages: append
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareMessages(records[mid], m) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Position of the record with `id`, found by the order key of `probe` first, then by a scan. */
export function indexOfMessage(list: MessageList, id: string, probe?: MessageRecord): number {
  const { records } = list;
  if (probe) {
    const at = insertionIndex(records, probe) - 1;
    if (at >= 0 && records[at].ID === id) return at;
  }
  // The order key changed (a send that got its server time and sequence): scan from the newest end,
  // where messages being sent are.
  for (let i = records.length - 1; i >= 0; i--) if (records[i].ID === id) return i;
  return -1;
}

/** True when the list holds a message with this ID. */
export function hasMessage(list: MessageList, id: string): boolean {
  return searchKeys(list.sortedIDs, id) >= 0;
}

const STATUS_RANK: Record<MessageStatus, number> = { unSend: 0, fail: 1, success: 2 };

/**
 * The record to keep when `next` arrives for a stored `prev`: a status never goes backwards
 * (a stale `unSend` after `fail` or `success` is ignored), revoked and peer-read stay true, an
 * older version does not overwrite a newer edit, and `prev` itself is returned when nothing changed.
 */
export function mergeMessage(prev: MessageRecord, next: MessageRecord): MessageRecord {
  if (prev === next) return prev;
  const status = STATUS_RANK[next.status] >= STATUS_RANK[prev.status] ? next.status : prev.status;
  const stale = next.version < prev.version;
  const merged: MessageRecord = {
    ...next,
    // A send that already succeeded keeps its server time and sequence.
    time: prev.status === 'success' && next.status !== 'success' ? prev.time : next.time,
    sequence: prev.status === 'success' && next.status !== 'success' ? prev.sequence : next.sequence,
    status,
    payload: stale ? prev.payload : next.payload,
    cloudCustomData: stale ? prev.cloudCustomData : next.cloudCustomData,
    version: Math.max(prev.version, next.version),
    isModified: prev.isModified || next.isModified,
    isRevoked: prev.isRevoked || next.isRevoked,
    revoker: next.revoker ?? prev.revoker,
    isPeerRead: prev.isPeerRead || next.isPeerRead,
    extensions: Object.keys(next.extensions).length > 0 ? next.extensions : prev.extensions,
    reactions: Object.keys(next.reactions).length > 0 ? next.reactions : prev.reactions,
    progress: status === 'unSend' ? next.progress ?? prev.progress : null,
    readReceiptInfo:
      next.readReceiptInfo.readCount === null && next.readReceiptInfo.unreadCount === null
        ? prev.readReceiptInfo
        : next.readReceiptInfo,
  };
  return plainEqual(merged, prev) ? prev : merged;
}

/** Sorted union of two sorted ID arrays (the second has no ID of the first). */
function mergeSortedIDs(a: readonly string[], b: readonly string[]): string[] {
  if (b.length === 1) {
    const out = a.slice();
    out.splice(-searchKeys(a, b[0]) - 1, 0, b[0]);
    return out;
  }
  const out: string[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i] < b[j] ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

/** Records of both sorted runs in display order. */
function mergeRecords(a: readonly MessageRecord[], b: readonly MessageRecord[]): MessageRecord[] {
  if (b.length === 0) return a.slice();
  if (a.length === 0 || compareMessages(a[a.length - 1], b[0]) <= 0) return a.concat(b);
  if (compareMessages(b[b.length - 1], a[0]) < 0) return b.concat(a);
  if (b.length === 1) {
    const out = a.slice();
    out.splice(insertionIndex(a, b[0]), 0, b[0]);
    return out;
  }
  const out: MessageRecord[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compareMessages(a[i], b[j]) <= 0 ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

/**
 * A list with `incoming` merged in: new IDs inserted in order, known IDs merged with
 * `mergeMessage` (and moved if their order key changed). Returns `list` itself when nothing changed.
 */
export function upsertMessages(list: MessageList, incoming: readonly MessageRecord[]): MessageList {
  let records: MessageRecord[] | null = null; // copied on first change
  let moved = false;
  const fresh = new Map<string, MessageRecord>();
  for (const next of incoming) {
    const pending = fresh.get(next.ID);
    if (pending) {
      fresh.set(next.ID, mergeMessage(pending, next));
      continue;
    }
    if (!hasMessage(list, next.ID)) {
      fresh.set(next.ID, next);
      continue;
    }
    const current: MessageList = records ? { records, sortedIDs: list.sortedIDs } : list;
    const at = indexOfMessage(current, next.ID, next);
    const prev = current.records[at];
    const merged = mergeMessage(prev, next);
    if (merged === prev) continue;
    if (!records) records = list.records.slice();
    records[at] = merged;
    if (compareMessages(prev, merged) !== 0) moved = true;
  }
  if (!records && fresh.size === 0) return list;
  let base: MessageRecord[] = records ?? (list.records as MessageRecord[]);
  if (moved) base = base.slice().sort(compareMessages);
  if (fresh.size === 0) return { records: base, sortedIDs: list.sortedIDs };
  const added = Array.from(fresh.values()).sort(compareMessages);
  const addedIDs = Array.from(fresh.keys()).sort();
  return { records: mergeRecords(base, added), sortedIDs: mergeSortedIDs(list.sortedIDs, addedIDs) };
}

/** A list with `update` applied to the known message `id`; unknown IDs change nothing. */
export function updateMessage(
  list: MessageList,
  id: string,
  update: (prev: MessageRecord) => MessageRecord,
): MessageList {
  if (!hasMessage(list, id)) return list;
  const at = indexOfMessage(list, id);
  const prev = list.records[at];
  const next = update(prev);
  if (next === prev) return list;
  const records = list.records.slice();
  records[at] = next;
  if (compareMessages(prev, next) !== 0) records.sort(compareMessages);
  return { records, sortedIDs: list.sortedIDs };
}

/** A list without the given IDs. */
export function removeMessages(list: MessageList, ids: ReadonlySet<string>): MessageList {
  if (!list.sortedIDs.some((id) => ids.has(id))) return list;
  return {
    records: list.records.filter((m) => !ids.has(m.ID)),
    sortedIDs: list.sortedIDs.filter((id) => !ids.has(id)),
  };
}

/** A list keeping only the newest `cap` records. */
export function trimOldest(list: MessageList, cap: number): MessageList {
  if (cap <= 0 || list.records.length <= cap) return list;
  const dropped = new Set<string>();
  const cut = list.records.length - cap;
  for (let i = 0; i < cut; i++) dropped.add(list.records[i].ID);
  return { records: list.records.slice(cut), sortedIDs: list.sortedIDs.filter((id) => !dropped.has(id)) };
}
