/**
 * Restoring a snapshot into the state, and reconciling it with the SDK's data as that arrives.
 *
 * Records that came from a snapshot and that nothing has written since are "restored": they are
 * kept in a WeakSet by object (the state stays plain, and a record that any live action replaced
 * is a new object, so it drops out by itself). The SDK's data wins over them where it speaks:
 * - a list event while the SDK still pages its list (the server answers it in pages, an event
 *   each) adds and updates rows and removes none;
 * - the SDK's whole conversation list (once the SDK says its sync is complete: `confirm.ts`)
 *   replaces every restored conversation (rows that did not change keep their object), ends the
 *   restored view, and drops the messages of the conversations it lacks, and the restored profiles
 *   (but mine, which getMyProfile replaces at SDK_READY) and embedded groups it does not bring
 *   again; joined groups go with the SDK's group list;
 * - a history page replaces the restored messages in the span it covers: the ones it brings again
 *   keep their object when unchanged, the others go. Older restored messages stay until a page
 *   covers them. My own messages restored as failed stay (the SDK never had them: Retry resends).
 */
import { createAction, type UnknownAction } from '@reduxjs/toolkit';
import { conversationListUpdated } from '../actions';
import {
  EMPTY_MESSAGE_LIST,
  compareMessages,
  hasMessage,
  listRecords,
  removeMessages,
  updateMessage,
  upsertMessages,
} from '../entities/messageList';
import { pagedGet, pagedRemove, pagedSet } from '../entities/pagedTable';
import { tableGet, tableRemove, tableSet, tableUpsertMany } from '../entities/table';
import { plainEqual } from '../normalize/plain';
import { getMessageList, type HistoryPage } from '../thunks/messages';
import type { GroupRecord, MessageList, MessageRecord, ProfileRecord, Table, TimState } from '../types';
import type { TimSnapshot } from './snapshot';

/** A checked snapshot of the user being logged in, shown until the SDK's data arrives. */
export const snapshotRestored = createAction<TimSnapshot>('tim/snapshotRestored');

/**
 * A restored failed message was sent again as a new SDK message (its old ID is unknown to the
 * SDK): the old row goes, the new message takes its place.
 */
export const restoredMessageReplaced = createAction<{ conversationID: string; ID: string }>(
  'tim/restoredMessageReplaced',
);

/**
 * The SDK's whole conversation list, read once the SDK said its list sync is complete
 * (`getConversationList()` resolved `isSyncCompleted: true`, see `confirm.ts`): applied as a whole
 * list event, it ends the restored view.
 */
export const restoredListSynced =
  createAction<ReturnType<typeof conversationListUpdated>['payload']>('tim/restoredListSynced');

/** Records restored from a snapshot and not written since. */
const restored = new WeakSet<object>();
/**
 * At least the number of restored messages still in `restored` (in every store of the process): a
 * history page scans its list for them only when there can be some, so that without a snapshot a
 * page costs nothing more. Messages dropped other than by `beforePage` are not counted down: the
 * count only errs high.
 */
let restoredMessages = 0;

const keepFirst = <T>(prev: T | undefined, next: T): T => prev ?? next;

function mark<T extends object>(records: readonly T[]): T[] {
  for (const r of records) restored.add(r);
  return records as T[];
}

function upsertAbsent<T extends object>(table: Table<T>, records: readonly T[], keyOf: (r: T) => string): Table<T> {
  return tableUpsertMany(
    table,
    mark(records).map((r) => [keyOf(r), r] as const),
    keepFirst,
  );
}

/** A message restored as it must show: one that was being sent failed (never resent silently). */
function asRestored(m: MessageRecord): MessageRecord {
  return m.status === 'unSend'
    ? { ...m, status: 'fail', progress: null }
    : m.progress === null
      ? m
      : { ...m, progress: null };
}

/** The state with `snapshot` shown, when it is still for the session's user and the SDK's list has not come. */
function applySnapshot(state: TimState, snapshot: TimSnapshot): TimState {
  if (state.session.userID !== snapshot.userID || state.conversations.synced) return state;
  const conversations = {
    ...state.conversations,
    table: upsertAbsent(state.conversations.table, snapshot.conversations, (c) => c.conversationID),
    totalUnreadCount: snapshot.totalUnreadCount,
    restored: true,
  };
  let lists = state.messages.lists;
  for (const { conversationID, messages } of snapshot.messages) {
    const list = pagedGet(lists, conversationID) ?? EMPTY_MESSAGE_LIST;
    // Live messages (already in the list) win over their restored copies.
    const records = mark(messages.filter((m) => !hasMessage(list, m.ID)).map(asRestored));
    restoredMessages += records.length;
    const next = upsertMessages(list, records);
    if (next !== list) lists = pagedSet(lists, conversationID, next);
  }
  const userIDOf = (p: ProfileRecord) => p.userID;
  const groupIDOf = (g: GroupRecord) => g.groupID;
  return {
    ...state,
    conversations,
    messages: lists === state.messages.lists ? state.messages : { ...state.messages, lists },
    profiles: { ...state.profiles, table: upsertAbsent(state.profiles.table, snapshot.profiles, userIDOf) },
    groups: {
      ...state.groups,
      table: upsertAbsent(state.groups.table, snapshot.groups, groupIDOf),
      embedded: upsertAbsent(state.groups.embedded, snapshot.embeddedGroups, groupIDOf),
    },
  };
}

/** `table` where each restored record that `incoming` does not bring again is gone (or kept by `keep`). */
function confirmRestored<T extends object>(
  before: Table<T>,
  after: Table<T>,
  incoming: ReadonlyMap<string, T>,
  keep: (key: string) => boolean,
): Table<T> {
  let table = after;
  for (let i = 0; i < before.keys.length; i++) {
    const prev = before.values[i];
    if (!restored.has(prev)) continue;
    const key = before.keys[i];
    const now = tableGet(table, key);
    if (now === undefined) continue;
    const fresh = incoming.get(key);
    if (fresh !== undefined) {
      // The SDK's copy wins over the restored one (not merged into it), the object kept when equal.
      const winner = plainEqual(prev, fresh) ? prev : fresh;
      if (winner !== now) table = tableSet(table, key, winner);
    } else if (now === prev && !keep(key)) table = tableRemove(table, key);
  }
  return table;
}

/** After the SDK's whole conversation list: the SDK's data replaces the restored view. */
function endRestoredView(
  before: TimState,
  after: TimState,
  action: ReturnType<typeof conversationListUpdated>,
): TimState {
  const live = after.conversations.table;
  let { lists, history } = after.messages;
  for (const conversationID of before.conversations.table.keys) {
    if (tableGet(live, conversationID)) continue;
    lists = pagedRemove(lists, conversationID);
    history = pagedRemove(history, conversationID);
  }
  const profiles = new Map(action.payload.profiles.map((p) => [p.userID, p]));
  const groups = new Map(action.payload.groups.map((g) => [g.groupID, g]));
  // My own profile stays until getMyProfile (on SDK_READY) replaces it: no flicker of my avatar.
  const me = before.session.userID;
  const profileTable = confirmRestored(before.profiles.table, after.profiles.table, profiles, (id) => id === me);
  const embedded = confirmRestored(before.groups.embedded, after.groups.embedded, groups, () => false);
  return {
    ...after,
    conversations: { ...after.conversations, restored: false },
    messages:
      lists === after.messages.lists && history === after.messages.history
        ? after.messages
        : { ...after.messages, lists, history },
    profiles: profileTable === after.profiles.table ? after.profiles : { ...after.profiles, table: profileTable },
    groups: embedded === after.groups.embedded ? after.groups : { ...after.groups, embedded },
  };
}

/**
 * The restored records of `before` that `incoming` brings again: the SDK's copy wins (not merged into
 * the restored one), the object kept when equal, and they are the SDK's from now on. The whole list
 * that ends the view brings an embedded record again only if its conversation changed (the
 * normalizer sends those of the conversations that changed), so a page is where they are confirmed.
 */
function takeBrought<T extends object>(
  before: Table<T>,
  after: Table<T>,
  incoming: readonly T[],
  keyOf: (r: T) => string,
): Table<T> {
  let table = after;
  for (const fresh of incoming) {
    const key = keyOf(fresh);
    const prev = tableGet(before, key);
    if (prev === undefined || !restored.has(prev)) continue;
    restored.delete(prev);
    const now = tableGet(table, key);
    if (now === undefined) continue;
    const winner = plainEqual(prev, fresh) ? prev : fresh;
    if (winner !== now) table = tableSet(table, key, winner);
  }
  return table;
}

/** A list event while the SDK still pages its list: rows added and updated, none removed. */
function applyPage(
  before: TimState,
  reduce: (s: TimState, a: UnknownAction) => TimState,
  action: ReturnType<typeof conversationListUpdated>,
): TimState {
  const after = action.payload.complete
    ? reduce(before, conversationListUpdated({ ...action.payload, complete: false }))
    : reduce(before, action);
  const { profiles: incomingProfiles, groups: incomingGroups } = action.payload;
  const profiles = takeBrought(before.profiles.table, after.profiles.table, incomingProfiles, (p) => p.userID);
  const embedded = takeBrought(before.groups.embedded, after.groups.embedded, incomingGroups, (g) => g.groupID);
  return profiles === after.profiles.table && embedded === after.groups.embedded
    ? after
    : {
        ...after,
        profiles: profiles === after.profiles.table ? after.profiles : { ...after.profiles, table: profiles },
        groups: embedded === after.groups.embedded ? after.groups : { ...after.groups, embedded },
      };
}

const isFailedMine = (m: MessageRecord): boolean => m.flow === 'out' && m.status === 'fail';

/**
 * A history page over restored messages: the restored ones in the span it covers (all of them
 * when it is the last page) that it does not bring again go; those it brings keep their object
 * when unchanged. Returns the state to reduce the page into, and the step that restores identities.
 */
function beforePage(state: TimState, page: HistoryPage): { state: TimState; after: (s: TimState) => TimState } | null {
  const list = pagedGet(state.messages.lists, page.conversationID);
  if (!list || restoredMessages === 0) return null;
  const stale = new Map<string, MessageRecord>();
  const oldest = page.messages.reduce<MessageRecord | null>(
    (o, m) => (o === null || compareMessages(m, o) < 0 ? m : o),
    null,
  );
  for (const m of listRecords(list)) {
    if (!restored.has(m) || isFailedMine(m)) continue;
    if (page.isCompleted || (oldest !== null && compareMessages(m, oldest) >= 0)) stale.set(m.ID, m);
  }
  if (stale.size === 0) return null;
  const without = removeMessages(list, new Set(stale.keys()));
  const pre = {
    ...state,
    messages: { ...state.messages, lists: pagedSet(state.messages.lists, page.conversationID, without) },
  };
  const after = (s: TimState): TimState => {
    let next: MessageList | undefined = pagedGet(s.messages.lists, page.conversationID);
    if (!next) return s;
    for (const [id, old] of stale) {
      next = updateMessage(next, id, (now) => (plainEqual(now, old) ? old : now));
      if (restored.delete(old)) restoredMessages--; // the SDK brought it again: it is the SDK's now
    }
    return next === pagedGet(s.messages.lists, page.conversationID)
      ? s
      : { ...s, messages: { ...s.messages, lists: pagedSet(s.messages.lists, page.conversationID, next) } };
  };
  return { state: pre, after };
}

function dropMessage(state: TimState, conversationID: string, id: string): TimState {
  const list = pagedGet(state.messages.lists, conversationID);
  if (!list || !hasMessage(list, id)) return state;
  const lists = pagedSet(state.messages.lists, conversationID, removeMessages(list, new Set([id])));
  return { ...state, messages: { ...state.messages, lists } };
}

/**
 * Wraps one step of the tim reducer (`reduce`) with restoring and reconciling. Returns null for
 * the actions it has nothing to do with, so the hot path pays two type compares.
 */
export function reduceWithRestore(
  state: TimState,
  action: UnknownAction,
  reduce: (s: TimState, a: UnknownAction) => TimState,
): TimState | null {
  if (snapshotRestored.match(action)) return applySnapshot(state, action.payload);
  if (restoredMessageReplaced.match(action))
    return dropMessage(state, action.payload.conversationID, action.payload.ID);
  if (restoredListSynced.match(action)) {
    if (!state.conversations.restored) return state;
    const whole = conversationListUpdated(action.payload);
    return endRestoredView(state, reduce(state, whole), whole);
  }
  if (state.conversations.restored && conversationListUpdated.match(action)) {
    // The SDK's list so far (the server pages it, an event per page), or its changed conversations
    // (3.x partial lists): restored rows it does not list yet stay; the list the SDK says is whole
    // ends the view (restoredListSynced).
    return applyPage(state, reduce, action);
  }
  if (getMessageList.fulfilled.match(action)) {
    const plan = beforePage(state, action.payload);
    return plan ? plan.after(reduce(plan.state, action)) : null;
  }
  return null;
}
