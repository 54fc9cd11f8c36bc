/**
 * The ordered, deduplicated message list of one conversation, updated without copying what did
 * not change. Order: groups by `sequence` (a message still being sent has none yet and goes last),
 * one-to-one by `time`; ties by `time`, then `sequence`, then ID. Every path a message comes by (live, history
 * page, own send) goes through `upsertMessages`, so dedupe and the "never backwards" rules live in
 * one place.
 */
import type { MessageList, MessageRecord, MessageStatus } from '../types';
import { plainEqual } from '../normalize/plain';

/** A list with no message. */
export const EMPTY_MESSAGE_LIST: MessageList = Object.freeze({ ids: Object.freeze([]), records: Object.freeze([]) });

/**
 * "Do we have this ID?" in O(1): a Set derived from a list's `ids` array, kept outside the state
 * (state stays plain) and keyed by the array's identity. When a reducer makes a new `ids` array from
 * an old one, the Set moves to the new array (`carryIndex`) instead of being rebuilt; whoever asks
 * with the old array later gets a freshly built, correct Set. Rebuilding 1,000 IDs on every message
 * of a live room is what this avoids.
 */
const idIndex = new WeakMap<readonly string[], Set<string>>();

function idSet(ids: readonly string[]): Set<string> {
  let set = idIndex.get(ids);
  if (!set) {
    set = new Set(ids);
    idIndex.set(ids, set);
  }
  return set;
}

function carryIndex(
  from: readonly string[],
  to: readonly string[],
  added: Iterable<string>,
  removed: Iterable<string> = [],
) {
  if (from === to) return;
  const set = idSet(from);
  idIndex.delete(from);
  for (const id of added) set.add(id);
  for (const id of removed) set.delete(id);
  idIndex.set(to, set);
}
function primaryKey(m: MessageRecord): number {
  if (m.conversationType === 'GROUP' || m.conversationType === 'TOPIC') return m.sequence > 0 ? m.sequence : Infinity;
  return m.time;
}

/**
 * Display order of two messages of one conversation: negative when `a` comes first. Times are in
 * seconds, so ties are common: within a second, the sequence keeps a sender's own order (the
 * server's order), and the ID decides what is left, so the order is total and the same on every path.
 */
export function compareMessages(a: MessageRecord, b: MessageRecord): number {
  const pa = primaryKey(a);
  const pb = primaryKey(b);
  if (pa !== pb) return pa < pb ? -1 : 1;
  if (a.time !== b.time) return a.time < b.time ? -1 : 1;
  if (a.sequence !== b.sequence) return a.sequence < b.sequence ? -1 : 1;
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
  return idSet(list.ids).has(id);
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
    progress: status === 'unSend' ? (next.progress ?? prev.progress) : null,
    readReceiptInfo:
      next.readReceiptInfo.readCount === null && next.readReceiptInfo.unreadCount === null
        ? prev.readReceiptInfo
        : next.readReceiptInfo,
  };
  return plainEqual(merged, prev) ? prev : merged;
}

/** Records of two interleaving sorted runs in display order (appends and prepends never get here). */
function mergeRecords(a: readonly MessageRecord[], b: readonly MessageRecord[]): MessageRecord[] {
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
  const known = idSet(list.ids);
  let records: MessageRecord[] | null = null; // copied on first change
  let moved = false;
  const fresh = new Map<string, MessageRecord>();
  for (const next of incoming) {
    const pending = fresh.get(next.ID);
    if (pending) {
      fresh.set(next.ID, mergeMessage(pending, next));
      continue;
    }
    if (!known.has(next.ID)) {
      fresh.set(next.ID, next);
      continue;
    }
    const current: MessageList = records ? { ids: list.ids, records } : list;
    const at = indexOfMessage(current, next.ID, next);
    const prev = current.records[at];
    const merged = mergeMessage(prev, next);
    if (merged === prev) continue;
    if (!records) records = list.records.slice();
    records[at] = merged;
    if (compareMessages(prev, merged) !== 0) moved = true;
  }
  if (!records && fresh.size === 0) return list;
  let base: readonly MessageRecord[] = records ?? list.records;
  if (moved) base = base.slice().sort(compareMessages);
  if (fresh.size === 0) return { ids: moved ? base.map((m) => m.ID) : list.ids, records: base };
  const added = fresh.size === 1 ? Array.from(fresh.values()) : Array.from(fresh.values()).sort(compareMessages);
  // Live messages append and history pages prepend: both keep the IDs array without re-deriving it.
  const appended = base.length === 0 || compareMessages(base[base.length - 1], added[0]) <= 0;
  const prepended = !appended && compareMessages(added[added.length - 1], base[0]) < 0;
  const all = appended ? base.concat(added) : prepended ? added.concat(base) : mergeRecords(base, added);
  const addedIDs = added.map((m) => m.ID);
  const ids = moved
    ? all.map((m) => m.ID)
    : appended
      ? list.ids.concat(addedIDs)
      : prepended
        ? addedIDs.concat(list.ids)
        : all.map((m) => m.ID);
  carryIndex(list.ids, ids, fresh.keys());
  return { ids, records: all };
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
  if (compareMessages(prev, next) === 0) return { ids: list.ids, records };
  records.sort(compareMessages);
  const ids = records.map((m) => m.ID);
  carryIndex(list.ids, ids, []);
  return { ids, records };
}

/** A list without the given IDs. */
export function removeMessages(list: MessageList, removed: ReadonlySet<string>): MessageList {
  const known = idSet(list.ids);
  let any = false;
  for (const id of removed) if (known.has(id)) any = true;
  if (!any) return list;
  const records = list.records.filter((m) => !removed.has(m.ID));
  const ids = records.map((m) => m.ID);
  carryIndex(list.ids, ids, [], removed);
  return { ids, records };
}

/** A list keeping only the newest `cap` records. */
export function trimOldest(list: MessageList, cap: number): MessageList {
  if (cap <= 0 || list.records.length <= cap) return list;
  const cut = list.records.length - cap;
  const ids = list.ids.slice(cut);
  carryIndex(list.ids, ids, [], list.ids.slice(0, cut));
  return { ids, records: list.records.slice(cut) };
}
