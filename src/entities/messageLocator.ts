/**
 * "Which conversation holds message `id`?" in O(1): a Map from message ID to conversationID, kept
 * outside the state (state stays plain), for `selectMessageById` and the locate step of the events
 * that name a message by ID alone (extensions, reactions, resend). Without it every such call scanned
 * every stored message (233 ms per store update with 50 mounted rows at 2,000 × 30 messages).
 *
 * Like the per-list ID index (`messageIndex.ts`), the Map belongs to one `lists` table (`owner`) and
 * moves to the next table the messages reducer makes from it, with the IDs added and removed on the
 * way (`journal` below), so a live message costs one Map write. It is built only when first asked:
 * a store that never looks a message up by ID pays nothing. A table it was not carried to (another
 * store's, an older state's) gets its own, built once (a walk of every record) and kept by table.
 *
 * A message ID names one message of one conversation, so an entry is never wrong, at worst stale;
 * each answer is checked against the conversation's own list (O(1) through its ID index).
 */
import type { MessageList, PagedTable } from '../types';
import { holds, indexIfAny } from './messageIndex';
import { pagedGet } from './pagedTable';

type Lists = PagedTable<MessageList>;

interface Locator {
  /** The one table the Map is right for. */
  owner: Lists;
  /** Message ID → conversationID of every record of `owner`. */
  where: Map<string, string>;
}

/** The locator last carried by the reducer: found without a WeakMap read (one store: always this one). */
let latest: Locator | null = null;
/** Locators of other tables (other stores, older states), by table. */
const byTable = new WeakMap<Lists, Locator>();

function build(lists: Lists): Locator {
  const where = new Map<string, string>();
  for (const { keys, values } of lists.pages) {
    for (let i = 0; i < values.length; i++) {
      for (const chunk of values[i].chunks) for (const m of chunk) where.set(m.ID, keys[i]);
    }
  }
  return { owner: lists, where };
}

function existing(lists: Lists): Locator | null {
  if (latest !== null && latest.owner === lists) return latest;
  const loc = byTable.get(lists);
  return loc !== undefined && loc.owner === lists ? loc : null;
}

/**
 * The conversation that holds message `id` if `lists` holds it at all, else null; not checked
 * against the list (the caller's own look in the list does that).
 */
export function conversationOfMessage(lists: Lists, id: string): string | null {
  if (lists.size === 0 || typeof id !== 'string') return null;
  let loc = existing(lists);
  if (loc === null) {
    loc = build(lists);
    byTable.set(lists, loc);
  }
  return loc.where.get(id) ?? null;
}

/** The conversationID of the stored message `id`, or null when no list of `lists` holds it. */
export function locateMessage(lists: Lists, id: string): string | null {
  const conversationID = conversationOfMessage(lists, id);
  if (conversationID === null) return null;
  const list = pagedGet(lists, conversationID);
  return list !== undefined && holds(list, indexIfAny(list), id) ? conversationID : null;
}

/** The locator being carried through the current reducer call (the "journal"), and its conversation. */
let journal: Locator | null = null;
let journalConversationID = '';

/** What a locator belongs to once its carry was cut short: no table, so it is never used again. */
const NO_TABLE: Lists = { pages: [], size: 0 };

/**
 * Opens the journal for a change of `from` (the lists table of the state being reduced), when it
 * has a locator to carry; returns whether it did. `closeJournal` must follow in the same call.
 */
export function openJournal(from: Lists): boolean {
  journal = existing(from);
  return journal !== null;
}

/** The conversation whose list the next `recordIDs` calls change. */
export function journalConversation(conversationID: string): void {
  journalConversationID = conversationID;
}

/** True while a journal is open: the list code materializes its ID deltas only then. */
export function journaling(): boolean {
  return journal !== null;
}

/** IDs now in (`added`) and no longer in (`removed`) the journal's current conversation. */
export function recordIDs(added: Iterable<string>, removed: Iterable<string>): void {
  if (journal === null) return;
  const { where } = journal;
  const conversationID = journalConversationID;
  for (const id of added) where.set(id, conversationID);
  for (const id of removed) if (where.get(id) === conversationID) where.delete(id);
}

/**
 * Closes the journal: its locator now belongs to `to`. Without `to` (the change threw half-way)
 * the locator is dropped, since it no longer matches any table.
 */
export function closeJournal(to?: Lists): void {
  const locator = journal;
  journal = null;
  if (locator === null) return;
  if (to === undefined) {
    locator.owner = NO_TABLE;
    if (latest === locator) latest = null;
    return;
  }
  if (latest !== locator) {
    // Another store's (or an older state's) locator becomes the latest; the previous one stays findable.
    if (latest !== null) byTable.set(latest.owner, latest);
    latest = locator;
  }
  locator.owner = to;
}
