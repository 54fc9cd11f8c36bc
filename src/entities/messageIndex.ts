/**
 * The ID index of message lists (`messageList.ts`): "do we have this ID?" without scanning, kept
 * outside the state. A module of its own because it is the one stateful piece of the list code.
 */
import type { MessageList, MessageRecord } from '../types';

/** A run of records of one list, in display order. */
export type Chunk = readonly MessageRecord[];

/**
 * "Do we have this ID?" in O(1): a Set of a list's IDs, kept outside the state (state stays plain).
 * When a reducer makes a new list from an old one, the Set moves to the new list (`carryIndex`)
 * instead of being rebuilt: rebuilding 1,000 IDs on every message of a live room is what this avoids.
 *
 * The Set is found through the list's first chunk, which a live message leaves in place, so a
 * message costs no WeakMap write (one per new list was the largest single cost of a flood). `owner`
 * says which list the Set is right for; an older list that shares the first chunk gets its own Set,
 * built once and kept by list in `rebuilt`. A list of one chunk has no Set at all: scanning 64 IDs
 * costs less than keeping one, and most conversations hold fewer messages than that.
 */
export interface IdIndex {
  /** The one list the Set is right for. */
  owner: MessageList;
  /** Its message IDs. */
  ids: Set<string>;
}

const byFirstChunk = new WeakMap<Chunk, IdIndex>();
const rebuilt = new WeakMap<MessageList, IdIndex>();

function current(list: MessageList): IdIndex | undefined {
  const first = list.chunks[0];
  const index = first === undefined ? undefined : byFirstChunk.get(first);
  return index !== undefined && index.owner === list ? index : rebuilt.get(list);
}

function build(list: MessageList): IdIndex {
  const ids = new Set<string>();
  for (const chunk of list.chunks) for (const m of chunk) ids.add(m.ID);
  return { owner: list, ids };
}

/** The index of a non-empty list, built (once) when it has none. */
function indexFor(list: MessageList): IdIndex {
  let index = current(list);
  if (index === undefined) {
    index = build(list);
    const first = list.chunks[0];
    if (first !== undefined && byFirstChunk.get(first) === undefined) byFirstChunk.set(first, index);
    else rebuilt.set(list, index);
  }
  return index;
}

/** True when the list holds this ID: a scan for one chunk, the index beyond. */
export function holds(list: MessageList, index: IdIndex | null, id: string): boolean {
  if (index !== null) return index.ids.has(id);
  const chunk = list.chunks[0];
  if (chunk === undefined) return false;
  for (let i = chunk.length - 1; i >= 0; i--) if (chunk[i].ID === id) return true;
  return false;
}

/** The index of a list worth one (more than one chunk), else null. */
export function indexIfAny(list: MessageList): IdIndex | null {
  return list.chunks.length > 1 ? indexFor(list) : null;
}

/** Moves `from`'s index (from `indexFor`) to `to`, with the IDs added and removed on the way. */
export function carryIndex(
  from: MessageList,
  index: IdIndex,
  to: MessageList,
  added: Iterable<string>,
  removed: Iterable<string>,
) {
  if (rebuilt.get(from) === index) rebuilt.delete(from);
  index.owner = to; // `from` no longer finds it: asked again, it builds its own
  for (const id of added) index.ids.add(id);
  for (const id of removed) index.ids.delete(id);
  const first = to.chunks[0];
  if (first !== undefined && byFirstChunk.get(first) !== index) byFirstChunk.set(first, index);
}
