/**
 * Which messages of a history page belong to the logged-in user. The SDK caches history pages
 * per conversation ID, and a page answered after its user's session ended (logout, kick) is
 * cached all the same: 2.27.6 tim-js.js `getRoamingMessage` (`d.setCompleted(s); d.onRoamingMessage(i,s)`
 * on the `getroammsg` answer, no login check), 3.6.6 index.js likewise. The next user's
 * `getMessageList` of the same conversation ID (both talking to carol: `C2Ccarol`) is then answered
 * from that cache without asking the server. Such records must never reach the next user's state.
 */
import type { TimContext } from '../context';
import { normalizeMessage } from '../normalize/message';
import type { MessageRecord } from '../types';

/** Message IDs of pages that arrived after their session ended, by the user who asked. */
interface StalePages {
  owner: Map<string, string>;
}

/** Enough for a few pages of each conversation in flight at a session's end. */
const STALE_LIMIT = 5_000;

const staleByContext = new WeakMap<TimContext, StalePages>();

function staleOf(context: TimContext): StalePages {
  let stale = staleByContext.get(context);
  if (!stale) staleByContext.set(context, (stale = { owner: new Map() }));
  return stale;
}

/**
 * Remembers the IDs of a page that arrived after `userID`'s session ended: the SDK keeps it in
 * its cache and may hand it to the next user. Never throws.
 */
export function rememberStalePage(context: TimContext, userID: string | null, list: readonly unknown[]): void {
  if (userID === null) return;
  const { owner } = staleOf(context);
  for (const raw of list) {
    let id: unknown;
    try {
      id = (raw as { ID?: unknown } | null)?.ID;
    } catch {
      continue;
    }
    if (typeof id !== 'string' || id === '') continue;
    owner.delete(id);
    owner.set(id, userID);
  }
  for (const id of owner.keys()) {
    if (owner.size <= STALE_LIMIT) break;
    owner.delete(id);
  }
}

/**
 * True when `record` may be shown to `me`: a one-to-one message only when `me` sent or received
 * it (its `from` or `to`), and no message of a page that was fetched for another user. With
 * nobody known to be logged in (a login made on the SDK directly), only the second rule applies.
 */
export function belongsTo(context: TimContext, me: string | null, record: MessageRecord): boolean {
  if (me !== null && record.conversationType === 'C2C' && record.from !== me && record.to !== me) return false;
  const fetchedFor = staleByContext.get(context)?.owner.get(record.ID);
  return fetchedFor === undefined || fetchedFor === me;
}

/** A history page made plain: the records of `conversationID` that belong to `me`, and the SDK messages kept. */
export interface OwnPage {
  /** Records of the conversation asked for, in the SDK's order. */
  records: MessageRecord[];
  /** The SDK messages that belong to `me` (for the registry). */
  kept: unknown[];
}

/**
 * Normalizes a page from the SDK, dropping malformed messages (each costs itself only) and
 * those that do not belong to `me`.
 */
export function ownPage(
  context: TimContext,
  me: string | null,
  conversationID: string,
  list: readonly unknown[],
): OwnPage {
  const records: MessageRecord[] = [];
  const kept: unknown[] = [];
  for (const raw of list) {
    let record: MessageRecord;
    try {
      record = normalizeMessage(raw);
    } catch {
      continue;
    }
    if (!belongsTo(context, me, record)) continue;
    kept.push(raw);
    if (record.conversationID === conversationID) records.push(record);
  }
  return { records, kept };
}
