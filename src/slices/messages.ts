/**
 * `state.tim.messages`: the messages of every conversation, partitioned by conversation.
 *
 * Written without immer on purpose: this reducer runs once per message in a live room, and
 * immer's drafts and deep freezing cost more than the update itself. Each case returns new arrays
 * only where something changed (see `entities/table.ts` and `entities/messageList.ts`).
 */
import type { UnknownAction } from '@reduxjs/toolkit';
import * as A from '../actions';
import {
  EMPTY_MESSAGE_LIST,
  firstMessage,
  hasMessage,
  listRecords,
  mergeMessage,
  removeMessages,
  trimOldest,
  updateMessage,
  upsertMessages,
} from '../entities/messageList';
import { closeJournal, journalConversation, locateMessage, openJournal, recordIDs } from '../entities/messageLocator';
import { emptyPagedTable, pagedGet, pagedRemove, pagedSet, pagedUpsertMany } from '../entities/pagedTable';
import { isStale } from '../thunks/create';
import { deleteMessages, getMessageList, resendMessage, revokeMessage, sendMessage } from '../thunks/messages';
import * as More from '../thunks/messageFeatures';
import { clearHistoryMessage, deleteConversation, getConversationList } from '../thunks/conversations';
import { createGroup, dismissGroup, getGroupList, getGroupProfile, joinGroup, quitGroup } from '../thunks/groups';
import { plainEqual } from '../normalize/plain';
import { mergeReactions, withMyReaction } from '../entities/reactions';
import type { HistoryState, MessageList, MessageReaction, MessageRecord, MessagesState, TimError } from '../types';
import { clearSendErrors, withError, withoutError } from './messageErrors';
import { isUserDataReset } from './reset';

/** Messages kept per conversation by default: AVChatRoom live rooms are capped, the rest are not. */
export const DEFAULT_MESSAGE_CAPS: Readonly<Record<string, number>> = { AVChatRoom: 1000, default: 0 };

/** Revoked IDs remembered for messages not (yet) stored. */
const REVOKED_MEMORY = 1000;

const initialState: MessagesState = {
  lists: emptyPagedTable(),
  history: emptyPagedTable(),
  revokedIDs: [],
  caps: DEFAULT_MESSAGE_CAPS,
  groupTypes: {},
  errors: {},
};

const EMPTY_HISTORY: HistoryState = {
  nextReqMessageID: null,
  isCompleted: false,
  loading: false,
  requestId: null,
  error: null,
};

function listOf(state: MessagesState, conversationID: string): MessageList {
  return pagedGet(state.lists, conversationID) ?? EMPTY_MESSAGE_LIST;
}

function byConversation<T extends { conversationID: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.conversationID);
    if (group) group.push(item);
    else groups.set(item.conversationID, [item]);
  }
  return groups;
}

type ListChange<T> = (list: MessageList, items: readonly T[], conversationID: string) => MessageList;

/**
 * Applies `change` to the lists of the conversations named, in one table update, carrying the
 * message locator (`entities/messageLocator.ts`) to the new table when it has one.
 */
function changeLists<T extends { conversationID: string }>(
  state: MessagesState,
  items: readonly T[],
  change: ListChange<T>,
): MessagesState {
  if (!openJournal(state.lists)) return changeListsOf(state, items, change);
  let next: MessagesState | undefined;
  try {
    next = changeListsOf(state, items, change);
  } finally {
    closeJournal(next?.lists);
  }
  return next;
}

function changeListsOf<T extends { conversationID: string }>(
  state: MessagesState,
  items: readonly T[],
  change: ListChange<T>,
): MessagesState {
  // One conversation (a live message, a history page): no grouping.
  const first = items[0]?.conversationID;
  if (items.every((item) => item.conversationID === first)) {
    if (first === undefined) return state;
    journalConversation(first);
    const before = listOf(state, first);
    const after = change(before, items, first);
    return after === before ? state : { ...state, lists: pagedSet(state.lists, first, after) };
  }
  const entries: Array<[string, MessageList]> = [];
  for (const [conversationID, group] of byConversation(items)) {
    journalConversation(conversationID);
    const before = pagedGet(state.lists, conversationID);
    const after = change(before ?? EMPTY_MESSAGE_LIST, group, conversationID);
    if (after !== (before ?? EMPTY_MESSAGE_LIST)) entries.push([conversationID, after]);
  }
  if (entries.length === 0) return state;
  return { ...state, lists: pagedUpsertMany(state.lists, entries) };
}

/** The conversation holding message `id` (O(1) through the message locator). */
function locate(state: MessagesState, id: string): string | null {
  return locateMessage(state.lists, id);
}

/**
 * The cap of a message's conversation, by its group's type. Received messages carry no
 * `conversationSubType`: the Message constructor (3.6.6 index.js `Lo`, 2.27.6 tim-js.js `Wa`:
 * `this.conversationSubType=t.conversationSubType`) copies it from its options, and a pushed item
 * has none (its type is in `groupProfile.groupType`). So the type comes from what the SDK said of
 * the group itself (`groupTypes`).
 */
function capFor(state: MessagesState, m: MessageRecord): number {
  const type = state.groupTypes[m.conversationID] || m.conversationSubType;
  return state.caps[type] ?? state.caps.default ?? 0;
}

/** Remembers the type of each group (the group list, a group profile, a joined group, a conversation's group). */
function learnGroupTypes(
  state: MessagesState,
  groups: ReadonlyArray<{ groupID: string; type: string }>,
): MessagesState {
  let groupTypes: Record<string, string> | null = null;
  for (const { groupID, type } of groups) {
    const conversationID = `GROUP${groupID}`;
    if (type === '' || (groupTypes ?? state.groupTypes)[conversationID] === type) continue;
    (groupTypes ??= { ...state.groupTypes })[conversationID] = type;
  }
  return groupTypes ? { ...state, groupTypes } : state;
}

/** Records with the revokes remembered for messages that were not stored when revoked. */
function withRememberedRevokes(state: MessagesState, records: readonly MessageRecord[]): readonly MessageRecord[] {
  if (state.revokedIDs.length === 0) return records;
  const revoked = new Set(state.revokedIDs);
  return records.map((m) => (revoked.has(m.ID) && !m.isRevoked ? { ...m, isRevoked: true } : m));
}

/** Live messages: insert, keep revoked ones revoked, then trim to the cap (with 10% slack). */
function receive(state: MessagesState, records: readonly MessageRecord[]): MessagesState {
  const incoming = withRememberedRevokes(state, records);
  let history = state.history;
  const next = changeLists(state, incoming, (list, group, conversationID) => {
    const merged = upsertMessages(list, group);
    const cap = capFor(state, group[0]);
    if (cap <= 0 || merged.count <= cap + Math.ceil(cap / 10)) return merged;
    const trimmed = trimOldest(merged, cap);
    // The oldest kept message is where paging back starts again.
    const h = pagedGet(history, conversationID) ?? EMPTY_HISTORY;
    history = pagedSet(history, conversationID, {
      ...h,
      nextReqMessageID: firstMessage(trimmed)?.ID ?? null,
      isCompleted: false,
    });
    return trimmed;
  });
  return clearSendErrors(state, history === state.history ? next : { ...next, history }, incoming);
}

/** Upserts records into their conversations' lists (history pages, found messages). */
function upsertAll(
  state: MessagesState,
  records: readonly MessageRecord[],
  options?: { older?: boolean },
): MessagesState {
  const incoming = withRememberedRevokes(state, records);
  return clearSendErrors(
    state,
    changeLists(state, incoming, (list, group) => upsertMessages(list, group, options)),
    incoming,
  );
}

function updateKnown<T extends { conversationID: string }>(
  state: MessagesState,
  items: readonly T[],
  idOf: (item: T) => string,
  update: (prev: MessageRecord, item: T) => MessageRecord,
): MessagesState {
  return changeLists(state, items, (list, group) =>
    group.reduce((l, item) => updateMessage(l, idOf(item), (prev) => update(prev, item)), list),
  );
}

function updateByID(state: MessagesState, id: string, update: (prev: MessageRecord) => MessageRecord): MessagesState {
  const conversationID = locate(state, id);
  return conversationID ? updateKnown(state, [{ conversationID }], () => id, update) : state;
}

/** Message types whose send uploads a file first (the SDK's `upload()` switch in its upload module). */
const UPLOADED_TYPES: ReadonlySet<string> = new Set([
  'TIMImageElem',
  'TIMFileElem',
  'TIMSoundElem',
  'TIMVideoFileElem',
]);

/** An upload about to start shows progress 0 (not null), so a progress bar appears before the first byte. */
function startProgress(record: MessageRecord): MessageRecord {
  return record.status === 'unSend' && record.progress === null && UPLOADED_TYPES.has(record.type)
    ? { ...record, progress: 0 }
    : record;
}

function setStatus(status: MessageRecord['status'], from: ReadonlyArray<MessageRecord['status']>) {
  return (prev: MessageRecord) => (from.includes(prev.status) ? { ...prev, status, progress: null } : prev);
}

function setHistory(state: MessagesState, conversationID: string, history: HistoryState): MessagesState {
  return { ...state, history: pagedSet(state.history, conversationID, history) };
}

function rememberRevoked(
  state: MessagesState,
  items: ReadonlyArray<{ ID: string; conversationID: string }>,
): MessagesState {
  const unknown = items.filter((r) => !hasMessage(listOf(state, r.conversationID), r.ID)).map((r) => r.ID);
  if (unknown.length === 0) return state;
  return { ...state, revokedIDs: state.revokedIDs.concat(unknown).slice(-REVOKED_MEMORY) };
}

type ReceiptItem = {
  messageID: string;
  conversationID: string;
  isPeerRead: boolean;
  readCount: number | null;
  unreadCount: number | null;
};

/** Read receipts (an event or `getMessageReadReceiptList`) applied to known messages. */
function applyReceipts(state: MessagesState, receipts: readonly ReceiptItem[]): MessagesState {
  return updateKnown(
    state,
    receipts,
    (r) => r.messageID,
    (prev, r) => {
      const isPeerRead = prev.isPeerRead || r.isPeerRead;
      const readCount = r.readCount ?? prev.readReceiptInfo.readCount;
      const unreadCount = r.unreadCount ?? prev.readReceiptInfo.unreadCount;
      if (
        isPeerRead === prev.isPeerRead &&
        readCount === prev.readReceiptInfo.readCount &&
        unreadCount === prev.readReceiptInfo.unreadCount
      )
        return prev;
      return { ...prev, isPeerRead, readReceiptInfo: { readCount, unreadCount } };
    },
  );
}

function setExtensions(state: MessagesState, messageID: string, extensions: Record<string, string>): MessagesState {
  return updateByID(state, messageID, (prev) => {
    const next = { ...prev.extensions, ...extensions };
    return plainEqual(next, prev.extensions) ? prev : { ...prev, extensions: next };
  });
}

function deleteExtensions(state: MessagesState, messageID: string, keyList: readonly string[]): MessagesState {
  return updateByID(state, messageID, (prev) => {
    if (!keyList.some((k) => Object.prototype.hasOwnProperty.call(prev.extensions, k))) return prev;
    const extensions = { ...prev.extensions };
    for (const key of keyList) delete extensions[key];
    return { ...prev, extensions };
  });
}

function setReactions(
  state: MessagesState,
  messageID: string,
  changes: readonly MessageReaction[],
  replace = false,
): MessagesState {
  return updateByID(state, messageID, (prev) => {
    const reactions = mergeReactions(prev.reactions, changes, replace);
    return plainEqual(reactions, prev.reactions) ? prev : { ...prev, reactions };
  });
}

function changeMyReaction(state: MessagesState, r: More.ReactionChange): MessagesState {
  return updateByID(state, r.messageID, (prev) => {
    const reactions = withMyReaction(prev.reactions, r.reactionID, r.userID, r.added);
    return reactions === prev.reactions ? prev : { ...prev, reactions };
  });
}

/** Drops the messages, history cursor and errors of conversations that are gone (deleted, cleared, group left). */
function forgetConversations(state: MessagesState, conversationIDs: readonly string[]): MessagesState {
  let { lists, history, errors } = state;
  const carrying = openJournal(lists);
  for (const id of conversationIDs) {
    const list = pagedGet(lists, id);
    if (list) {
      if (carrying) {
        journalConversation(id);
        recordIDs(
          [],
          listRecords(list).map((m) => m.ID),
        );
      }
      for (const { ID } of listRecords(list)) {
        if (Object.prototype.hasOwnProperty.call(errors, ID)) {
          if (errors === state.errors) errors = { ...errors };
          delete (errors as Record<string, TimError>)[ID];
        }
      }
    }
    lists = pagedRemove(lists, id);
    history = pagedRemove(history, id);
  }
  if (carrying) closeJournal(lists);
  return lists === state.lists && history === state.history && errors === state.errors
    ? state
    : { ...state, lists, history, errors };
}

type Handler = (state: MessagesState, action: UnknownAction) => MessagesState;

function on<P, M = unknown>(
  creator: { match(action: unknown): action is { payload: P; meta?: M } & UnknownAction; type: string },
  handle: (state: MessagesState, payload: P, action: { payload: P; meta: M }) => MessagesState,
): [string, Handler] {
  return [
    creator.type,
    (state, action) => handle(state, (action as unknown as { payload: P }).payload, action as never),
  ];
}

type ArgMeta<Arg> = { arg: Arg; requestId: string; condition?: boolean };

const learnFrom = (state: MessagesState, payload: { groups: ReadonlyArray<{ groupID: string; type: string }> }) =>
  learnGroupTypes(state, payload.groups);

const handlers = new Map<string, Handler>([
  on(A.messagesReceived, receive),
  on(A.groupListUpdated, learnFrom),
  on(A.conversationListUpdated, learnFrom),
  on(getConversationList.fulfilled, learnFrom),
  on(getGroupList.fulfilled, learnFrom),
  on(getGroupProfile.fulfilled, learnFrom),
  on(createGroup.fulfilled, learnFrom),
  on(joinGroup.fulfilled, learnFrom),
  on(A.messageCreated, (state, record) => receive(withoutError(state, record.ID), [startProgress(record)])),
  on(sendMessage.fulfilled, (state, record) => receive(withoutError(state, record.ID), [record])),
  on(sendMessage.rejected, (state, error, action: { meta: ArgMeta<{ messageID: string; conversationID: string }> }) => {
    const { messageID, conversationID } = action.meta.arg;
    if (!messageID || isStale(error)) return state;
    const failed = updateKnown(state, [{ conversationID }], () => messageID, setStatus('fail', ['unSend']));
    return withError(failed, messageID, error);
  }),
  on(resendMessage.pending, (state, _p, action: { meta: ArgMeta<string> }) =>
    updateByID(withoutError(state, action.meta.arg), action.meta.arg, (prev) =>
      startProgress(setStatus('unSend', ['fail'])(prev)),
    ),
  ),
  on(resendMessage.fulfilled, (state, record) => receive(state, [record])),
  on(resendMessage.rejected, (state, error, action: { meta: ArgMeta<string> }) => {
    // A restored failed message's Retry that sent a new message in its place: the error is that one's.
    const messageID = error?.messageID ?? action.meta.arg;
    return withError(updateByID(state, messageID, setStatus('fail', ['unSend'])), messageID, error);
  }),
  on(revokeMessage.fulfilled, (state, revoked) =>
    updateKnown(
      rememberRevoked(state, [revoked]),
      [revoked],
      (r) => r.ID,
      (prev) => (prev.isRevoked ? prev : { ...prev, isRevoked: true }),
    ),
  ),
  on(revokeMessage.rejected, (state, error, action: { meta: ArgMeta<string> }) =>
    withError(state, action.meta.arg, error),
  ),
  on(deleteMessages.fulfilled, (state, deleted) =>
    changeLists(state, deleted, (list, group) => removeMessages(list, new Set(group.map((d) => d.ID)))),
  ),
  on(A.messagesRevoked, (state, revoked) =>
    updateKnown(
      rememberRevoked(state, revoked),
      revoked,
      (r) => r.ID,
      (prev, r) =>
        prev.isRevoked && prev.revoker === (r.revoker ?? prev.revoker)
          ? prev
          : { ...prev, isRevoked: true, revoker: r.revoker ?? prev.revoker },
    ),
  ),
  on(A.messagesModified, (state, modified) =>
    updateKnown(
      state,
      modified,
      (m) => m.ID,
      (prev, m) => mergeMessage(prev, { ...m, isModified: true }),
    ),
  ),
  on(A.messagesReadByPeer, (state, read) =>
    updateKnown(
      state,
      read,
      (r) => r.ID,
      (prev) => (prev.isPeerRead ? prev : { ...prev, isPeerRead: true }),
    ),
  ),
  on(A.readReceiptsReceived, applyReceipts),
  on(A.messageExtensionsUpdated, (state, { messageID, extensions }) =>
    updateByID(state, messageID, (prev) => ({ ...prev, extensions: { ...prev.extensions, ...extensions } })),
  ),
  on(A.messageExtensionsDeleted, (state, { messageID, keyList }) =>
    updateByID(state, messageID, (prev) => {
      const extensions = { ...prev.extensions };
      for (const key of keyList) delete extensions[key];
      return { ...prev, extensions };
    }),
  ),
  on(A.messageReactionsUpdated, (state, { messageID, reactionList }) => setReactions(state, messageID, reactionList)),
  on(A.messageProgress, (state, p) =>
    updateKnown(
      state,
      [p],
      () => p.messageID,
      (prev) => (prev.status === 'unSend' && prev.progress !== p.progress ? { ...prev, progress: p.progress } : prev),
    ),
  ),
  on(getMessageList.pending, (state, _p, action: { meta: ArgMeta<string> }) => {
    const conversationID = action.meta.arg;
    if (typeof conversationID !== 'string' || conversationID === '') return state; // rejected by the thunk
    const h = pagedGet(state.history, conversationID) ?? EMPTY_HISTORY;
    return setHistory(state, conversationID, { ...h, loading: true, requestId: action.meta.requestId, error: null });
  }),
  on(getMessageList.fulfilled, (state, page, action: { meta: ArgMeta<string> }) => {
    const h = pagedGet(state.history, page.conversationID);
    if (!h || h.requestId !== action.meta.requestId) return state; // stale: a reset or a newer request came first
    // A page is older than what is stored: its messages go before the stored ones of their second.
    return setHistory(upsertAll(state, page.messages, { older: true }), page.conversationID, {
      nextReqMessageID: page.nextReqMessageID,
      isCompleted: page.isCompleted,
      loading: false,
      requestId: null,
      error: null,
    });
  }),
  on(getMessageList.rejected, (state, error, action: { meta: ArgMeta<string> }) => {
    if (typeof action.meta.arg !== 'string') return state;
    const h = pagedGet(state.history, action.meta.arg);
    if (action.meta.condition || !h || h.requestId !== action.meta.requestId) return state;
    return setHistory(state, action.meta.arg, { ...h, loading: false, requestId: null, error: error ?? null });
  }),
  on(More.modifyMessage.fulfilled, (state, m) =>
    updateKnown(
      state,
      [m],
      (r) => r.ID,
      (prev) => mergeMessage(prev, m),
    ),
  ),
  on(More.getMessageListHopping.fulfilled, (state, page) => upsertAll(state, page.messages)),
  on(More.findMessage.fulfilled, (state, m) => (m ? upsertAll(state, [m]) : state)),
  on(More.setMessageExtensions.fulfilled, (state, { messageID, extensions }) =>
    setExtensions(state, messageID, extensions),
  ),
  on(More.getMessageExtensions.fulfilled, (state, { messageID, extensions }) =>
    setExtensions(state, messageID, extensions),
  ),
  on(More.deleteMessageExtensions.fulfilled, (state, { messageID, keyList }) =>
    deleteExtensions(state, messageID, keyList),
  ),
  on(More.addMessageReaction.fulfilled, changeMyReaction),
  on(More.removeMessageReaction.fulfilled, changeMyReaction),
  on(More.getMessageReactions.fulfilled, (state, items) =>
    items.reduce((s, { messageID, reactionList }) => setReactions(s, messageID, reactionList, true), state),
  ),
  on(More.getMessageReadReceiptList.fulfilled, (state, rows) => applyReceipts(state, rows)),
  on(deleteConversation.fulfilled, (state, { conversationIDs }) => forgetConversations(state, conversationIDs)),
  // A conversation the SDK dropped (deleted on another device too): the SDK drops its messages.
  on(A.conversationListUpdated, (state, { removed }) => (removed.length ? forgetConversations(state, removed) : state)),
  on(clearHistoryMessage.fulfilled, (state, { conversationIDs }) => forgetConversations(state, conversationIDs)),
  on(quitGroup.fulfilled, (state, { groupID }) => forgetConversations(state, [`GROUP${groupID}`])),
  on(dismissGroup.fulfilled, (state, { groupID }) => forgetConversations(state, [`GROUP${groupID}`])),
  on(A.setMessageCap, (state, { subType, cap }) =>
    Number.isFinite(cap) && cap >= 0 ? { ...state, caps: { ...state.caps, [subType]: Math.floor(cap) } } : state,
  ),
]);

/** The messages reducer. */
export function messagesReducer(state: MessagesState = initialState, action: UnknownAction): MessagesState {
  if (isUserDataReset(action)) return state === initialState ? state : { ...initialState, caps: state.caps };
  const handle = handlers.get(action.type);
  return handle ? handle(state, action) : state;
}
