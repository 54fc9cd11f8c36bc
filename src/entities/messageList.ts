/**
 * The ordered, deduplicated message list of one conversation, updated without copying what did
 * not change. Order: groups by `sequence` (a message still being sent has none yet and goes last;
 * ties by `time`, `sequence`, then ID), one-to-one by `time` alone. One-to-one messages of the same
 * second keep the order they came in, as the SDK's own list does: its MessageListHandler keeps a Map
 * per conversation, appends live and own messages (`pushIn`) and puts history pages in front
 * (`unshift` / `_unshiftMultipleMsgs`), and never sorts (both bundles). No field orders them better:
 * `sequence` is each sender's own counter, so ordering by it put a quick reply above its question.
 * Live messages go after the stored ones of their second, history pages (`older`) before.
 * Every path a message comes by (live, history page, own send) goes through `upsertMessages`, so
 * dedupe and the "never backwards" rules live in one place.
 *
 * Layout: the records in chunks of at most `CHUNK` (a chunk that takes inserts in the middle may grow
 * to twice that before it is split). A live message copies the last chunk and the array of chunks,
 * never the whole list: in a room holding 1,000 messages that is about 80 pointers instead of 2,000,
 * and the garbage those whole-list copies made was most of what a flood cost.
 */
import type { MessageList, MessageRecord, MessageStatus } from '../types';
import { plainEqual } from '../normalize/plain';
import { carryIndex, holds, indexIfAny, type Chunk, type IdIndex } from './messageIndex';
import { journaling, recordIDs } from './messageLocator';

/** Records per chunk. */
export const CHUNK = 64;

const NO_RECORDS: readonly MessageRecord[] = Object.freeze([]);

/** A list with no message. */
export const EMPTY_MESSAGE_LIST: MessageList = Object.freeze({ chunks: Object.freeze([]), count: 0 });

/** A new list of `chunks`, taking over the ID index of `from`. */
function derive(
  from: MessageList,
  chunks: readonly Chunk[],
  added: Iterable<string> = [],
  removed: Iterable<string> = [],
  index: IdIndex | null = indexIfAny(from),
): MessageList {
  let count = 0;
  for (const chunk of chunks) count += chunk.length;
  const to: MessageList = { chunks, count };
  if (journaling()) {
    // The store-wide locator (`messageLocator.ts`) is being carried: it takes the same delta.
    const ids = Array.from(added);
    recordIDs(ids, removed);
    added = ids;
  }
  // A list that just outgrew one chunk builds its index when first asked.
  if (index !== null && chunks.length > 1) carryIndex(from, index, to, added, removed);
  return to;
}

/** Splits sorted records into chunks of `CHUNK`; with `fromEnd` the short chunk is the first. */
function split(records: readonly MessageRecord[], fromEnd = false): Chunk[] {
  const out: Chunk[] = [];
  const lead = fromEnd ? records.length % CHUNK : 0;
  if (lead > 0) out.push(records.slice(0, lead));
  for (let i = lead; i < records.length; i += CHUNK) out.push(records.slice(i, i + CHUNK));
  return out;
}

function flatten(chunks: readonly Chunk[]): MessageRecord[] {
  return ([] as MessageRecord[]).concat(...chunks);
}

const flatCache = new WeakMap<MessageList, readonly MessageRecord[]>();

/**
 * The records of a list in display order, as one array: the same array (===) for the same list,
 * built once when first read (a render), not on every message.
 */
export function listRecords(list: MessageList): readonly MessageRecord[] {
  const { chunks } = list;
  if (chunks.length <= 1) return chunks.length === 0 ? NO_RECORDS : chunks[0];
  let records = flatCache.get(list);
  if (!records) {
    records = flatten(chunks);
    flatCache.set(list, records);
  }
  return records;
}

/** The oldest record of a list. */
export function firstMessage(list: MessageList): MessageRecord | undefined {
  return list.chunks[0]?.[0];
}

function isGroupLike(m: MessageRecord): boolean {
  return m.conversationType === 'GROUP' || m.conversationType === 'TOPIC';
}

function primaryKey(m: MessageRecord): number {
  if (isGroupLike(m)) return m.sequence > 0 ? m.sequence : Infinity;
  return m.time;
}

/**
 * Display order of two messages of one conversation: negative when `a` comes first, 0 when their
 * places depend on the order they came in. Group messages are totally ordered (the group sequence is
 * the server's order; unsent ones by time, then ID). One-to-one times are in seconds and nothing else
 * orders two senders' messages within a second, so those ties are 0 and keep the arrival order.
 */
export function compareMessages(a: MessageRecord, b: MessageRecord): number {
  const pa = primaryKey(a);
  const pb = primaryKey(b);
  if (pa !== pb) return pa < pb ? -1 : 1;
  if (!isGroupLike(a)) return 0;
  if (a.time !== b.time) return a.time < b.time ? -1 : 1;
  if (a.sequence !== b.sequence) return a.sequence < b.sequence ? -1 : 1;
  return a.ID < b.ID ? -1 : a.ID > b.ID ? 1 : 0;
}

/**
 * True when a stored record `a` goes before an incoming `m`: when it sorts before, or level with it
 * and `m` is live (after the stored ones of its second) rather than `older` (before them).
 */
function goesBefore(a: MessageRecord, m: MessageRecord, older: boolean): boolean {
  const c = compareMessages(a, m);
  return older ? c < 0 : c <= 0;
}

/** Index where `m` belongs in `records`: after equal elements, or before them when `older`. */
function insertionIndex(records: readonly MessageRecord[], m: MessageRecord, older = false): number {
  const n = records.length;
  if (n === 0 || goesBefore(records[n - 1], m, older)) return n; // live messages: append
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (goesBefore(records[mid], m, older)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the chunk where `m` belongs: the first whose last record does not go before it, else the last. */
function chunkFor(chunks: readonly Chunk[], m: MessageRecord, older = false): number {
  let lo = 0;
  let hi = chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const chunk = chunks[mid];
    if (goesBefore(chunk[chunk.length - 1], m, older)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where a record is: chunk and index in it. */
interface Position {
  chunk: number;
  index: number;
}

/** Position of the record with `id`, found by the order key of `probe` first, then by a scan. */
function locate(chunks: readonly Chunk[], id: string, probe?: MessageRecord): Position | null {
  if (probe && chunks.length > 0) {
    const c = chunkFor(chunks, probe);
    const at = insertionIndex(chunks[c], probe) - 1;
    if (at >= 0 && chunks[c][at].ID === id) return { chunk: c, index: at };
    if (at < 0 && c > 0 && chunks[c - 1][chunks[c - 1].length - 1].ID === id) {
      return { chunk: c - 1, index: chunks[c - 1].length - 1 };
    }
  }
  // The order key changed (a send that got its server time and sequence), or the record is not the
  // last of the one-to-one messages of its second: scan from the newest end, where those are.
  for (let c = chunks.length - 1; c >= 0; c--) {
    const chunk = chunks[c];
    for (let i = chunk.length - 1; i >= 0; i--) if (chunk[i].ID === id) return { chunk: c, index: i };
  }
  return null;
}

/** The stored record with this ID, if any. */
export function findMessage(list: MessageList, id: string): MessageRecord | undefined {
  // A one-chunk list has no index: the scan below is the whole check (not a scan to check, then another).
  const index = indexIfAny(list);
  if (index !== null && !index.ids.has(id)) return undefined;
  const at = locate(list.chunks, id);
  return at ? list.chunks[at.chunk][at.index] : undefined;
}

/** True when the list holds a message with this ID. */
export function hasMessage(list: MessageList, id: string): boolean {
  return holds(list, indexIfAny(list), id);
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
    reactions: next.reactions.length > 0 ? next.reactions : prev.reactions,
    progress: status === 'unSend' ? (next.progress ?? prev.progress) : null,
    readReceiptInfo:
      next.readReceiptInfo.readCount === null && next.readReceiptInfo.unreadCount === null
        ? prev.readReceiptInfo
        : next.readReceiptInfo,
  };
  return plainEqual(merged, prev) ? prev : merged;
}

/** Stored records `a` and incoming `b`, two sorted runs, in display order (ties as in `goesBefore`). */
function mergeRecords(a: readonly MessageRecord[], b: readonly MessageRecord[], older: boolean): MessageRecord[] {
  const out: MessageRecord[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = goesBefore(a[i], b[j], older) ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

/** Chunks with sorted `added` (new IDs) put in order, copying only the chunks they land in. */
function insertSorted(chunks: readonly Chunk[], added: readonly MessageRecord[], older: boolean): Chunk[] {
  const n = chunks.length;
  if (n === 0) return split(added);
  const last = chunks[n - 1];
  // Live messages: fill the last chunk, then start new ones.
  if (goesBefore(last[last.length - 1], added[0], older)) {
    const room = Math.max(0, CHUNK - last.length);
    const out = chunks.slice();
    if (room > 0) out[n - 1] = last.concat(added.length <= room ? added : added.slice(0, room));
    for (let i = room; i < added.length; i += CHUNK) out.push(added.slice(i, i + CHUNK));
    return out;
  }
  // History pages: before the first chunk, the short chunk in front (the next page fills it).
  const first = chunks[0];
  if (!goesBefore(first[0], added[added.length - 1], older)) {
    if (first.length >= CHUNK) return [...split(added, true), ...chunks];
    return [...split(added.concat(first), true), ...chunks.slice(1)];
  }
  // In between (rare: a late message): many at once are merged whole, a few go into their chunks.
  if (added.length > CHUNK) return split(mergeRecords(flatten(chunks), added, older));
  const out = chunks.slice();
  const mine = new Set<Chunk>();
  // Older ones go in from the newest, each before its equals, so level ones keep their page order.
  for (let i = 0; i < added.length; i++) {
    const m = added[older ? added.length - 1 - i : i];
    const c = chunkFor(out, m, older);
    const chunk = (mine.has(out[c]) ? out[c] : out[c].slice()) as MessageRecord[];
    chunk.splice(insertionIndex(chunk, m, older), 0, m);
    mine.add(chunk);
    out[c] = chunk;
  }
  // A chunk that kept taking inserts is split, so no chunk grows past 2 × CHUNK.
  return out.some((c) => c.length > 2 * CHUNK) ? out.flatMap((c) => (c.length > 2 * CHUNK ? split(c) : [c])) : out;
}

/**
 * True when `m` is a received message that sorts after every stored one, so it cannot be stored
 * already: a received message comes with the same time and sequence on every path (push, history,
 * edit, revoke), so a stored copy would sort level with it. Only my own messages change their order
 * key (a send gives them the server's time and sequence), and they never take this shortcut. It
 * spares the live path the ID lookup, which on a list not touched for a while is a cache miss per ID.
 */
function isAfterNewest(newest: MessageRecord | undefined, m: MessageRecord): boolean {
  return newest !== undefined && m.flow === 'in' && compareMessages(newest, m) < 0;
}

/** How `upsertMessages` places new one-to-one messages level with stored ones. */
export interface UpsertOptions {
  /** A history page: new messages go before the stored ones of their second (the SDK's `unshift`). */
  older?: boolean;
}

/**
 * A list with `incoming` merged in: new IDs inserted in order, known IDs merged with
 * `mergeMessage` (and moved if their order key changed). Returns `list` itself when nothing changed.
 */
export function upsertMessages(
  list: MessageList,
  incoming: readonly MessageRecord[],
  { older = false }: UpsertOptions = {},
): MessageList {
  const index = indexIfAny(list);
  const newest = list.chunks[list.chunks.length - 1]?.at(-1);
  let chunks: Chunk[] | null = null; // copied on first change
  const mine = new Set<Chunk>();
  let moved = false;
  const fresh = new Map<string, MessageRecord>();
  for (const next of incoming) {
    const pending = fresh.get(next.ID);
    if (pending) {
      fresh.set(next.ID, mergeMessage(pending, next));
      continue;
    }
    if (isAfterNewest(newest, next) || !holds(list, index, next.ID)) {
      fresh.set(next.ID, next);
      continue;
    }
    const current = chunks ?? list.chunks;
    const at = locate(current, next.ID, next);
    if (!at) continue; // unreachable while the index is right
    const prev = current[at.chunk][at.index];
    const merged = mergeMessage(prev, next);
    if (merged === prev) continue;
    if (!chunks) chunks = list.chunks.slice();
    let chunk = chunks[at.chunk] as MessageRecord[];
    if (!mine.has(chunk)) {
      chunk = chunk.slice();
      mine.add(chunk);
      chunks[at.chunk] = chunk;
    }
    chunk[at.index] = merged;
    if (compareMessages(prev, merged) !== 0) moved = true;
  }
  if (!chunks && fresh.size === 0) return list;
  let base: readonly Chunk[] = chunks ?? list.chunks;
  if (moved) base = split(flatten(base).sort(compareMessages));
  if (fresh.size === 0) return derive(list, base, [], [], index);
  const added = fresh.size === 1 ? Array.from(fresh.values()) : Array.from(fresh.values()).sort(compareMessages);
  return derive(list, insertSorted(base, added, older), fresh.keys(), [], index);
}

/** A list with `update` applied to the known message `id`; unknown IDs change nothing. */
export function updateMessage(
  list: MessageList,
  id: string,
  update: (prev: MessageRecord) => MessageRecord,
): MessageList {
  if (!hasMessage(list, id)) return list;
  const at = locate(list.chunks, id);
  if (!at) return list;
  const prev = list.chunks[at.chunk][at.index];
  const next = update(prev);
  if (next === prev) return list;
  const chunk = list.chunks[at.chunk].slice();
  chunk[at.index] = next;
  const chunks = list.chunks.slice();
  chunks[at.chunk] = chunk;
  if (compareMessages(prev, next) === 0) return derive(list, chunks);
  return derive(list, split(flatten(chunks).sort(compareMessages)));
}

/** A list without the given IDs. */
export function removeMessages(list: MessageList, removed: ReadonlySet<string>): MessageList {
  const index = indexIfAny(list);
  let any = false;
  for (const id of removed) if (holds(list, index, id)) any = true;
  if (!any) return list;
  const chunks: Chunk[] = [];
  for (const chunk of list.chunks) {
    const kept = chunk.some((m) => removed.has(m.ID)) ? chunk.filter((m) => !removed.has(m.ID)) : chunk;
    if (kept.length > 0) chunks.push(kept);
  }
  return derive(list, chunks, [], removed, index);
}

/** A list keeping only the newest `cap` records. */
export function trimOldest(list: MessageList, cap: number): MessageList {
  if (cap <= 0 || list.count <= cap) return list;
  let cut = list.count - cap;
  const gone: string[] = [];
  let c = 0;
  for (; cut >= list.chunks[c].length; c++) {
    for (const m of list.chunks[c]) gone.push(m.ID);
    cut -= list.chunks[c].length;
  }
  const chunks = list.chunks.slice(c);
  if (cut > 0) {
    for (let i = 0; i < cut; i++) gone.push(chunks[0][i].ID);
    chunks[0] = chunks[0].slice(cut);
  }
  return derive(list, chunks, [], gone);
}
