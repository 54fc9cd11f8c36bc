/**
 * Naive Redux Toolkit: the design every user would otherwise write (issue 4). One
 * `createEntityAdapter({ sortComparer })` holding every message, `upsertMany` per event; another for
 * conversations with `setAll` per list event. Same plain records as tim-redux (its exported
 * normalizers), same store setup (checks off), immer reducers from `createSlice`.
 */
import { configureStore, createEntityAdapter, createSelector, createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { ConversationRecord, MessageRecord } from '../src';
import { lib } from './lib';
import { BenchEmitter } from './shapes';
import { overCap, type Subject, type SubjectKind, type SubjectOptions } from './subjects/types';

const { normalizeConversation, normalizeMessage } = lib;

const byTime = (a: MessageRecord, b: MessageRecord) =>
  a.time - b.time || a.sequence - b.sequence || (a.ID < b.ID ? -1 : a.ID > b.ID ? 1 : 0);
const messagesAdapter = createEntityAdapter({ selectId: (m: MessageRecord) => m.ID, sortComparer: byTime });
const conversationsAdapter = createEntityAdapter({
  selectId: (c: ConversationRecord) => c.conversationID,
  sortComparer: (a, b) => (b.lastMessage?.lastTime ?? 0) - (a.lastMessage?.lastTime ?? 0),
});

function makeSlices(cap: SubjectOptions['cap']) {
  const messages = createSlice({
    name: 'messages',
    initialState: messagesAdapter.getInitialState(),
    reducers: {
      received(state, action: PayloadAction<MessageRecord[]>) {
        messagesAdapter.upsertMany(state, action.payload);
        if (!cap) return;
        // The cap as a user would write it: look up the conversation's messages, drop the oldest.
        const touched = new Set(
          action.payload.filter((m) => m.conversationSubType === cap.subType).map((m) => m.conversationID),
        );
        for (const conversationID of touched) {
          const ids = state.ids.filter((id) => state.entities[id].conversationID === conversationID);
          if (overCap(ids.length, cap.cap)) messagesAdapter.removeMany(state, ids.slice(0, ids.length - cap.cap));
        }
      },
    },
  });
  const conversations = createSlice({
    name: 'conversations',
    initialState: conversationsAdapter.getInitialState(),
    reducers: {
      listUpdated(state, action: PayloadAction<ConversationRecord[]>) {
        conversationsAdapter.setAll(state, action.payload);
      },
    },
  });
  return { messages, conversations };
}

/** A naive store wired to an emitter, plus its selectors. */
export function createNaiveStore(options: SubjectOptions = {}) {
  const { messages, conversations } = makeSlices(options.cap);
  const store = configureStore({
    reducer: { messages: messages.reducer, conversations: conversations.reducer },
    middleware: (g) => g({ serializableCheck: false, immutableCheck: false }),
  });
  const sdk = new BenchEmitter();
  sdk.on('onMessageReceived', (e) =>
    store.dispatch(messages.actions.received((e.data as unknown[]).map(normalizeMessage))),
  );
  sdk.on('onConversationListUpdated', (e) =>
    store.dispatch(
      conversations.actions.listUpdated((e.data as unknown[]).map((c) => normalizeConversation(c).conversation)),
    ),
  );
  type State = ReturnType<typeof store.getState>;
  const all = messagesAdapter.getSelectors((s: State) => s.messages).selectAll;
  /** What a user writes for "messages of a conversation": one memoized selector per conversation. */
  const makeSelectMessages = (conversationID: string) =>
    createSelector([all], (list) => list.filter((m) => m.conversationID === conversationID));
  const selectConversationList = conversationsAdapter.getSelectors((s: State) => s.conversations).selectAll;
  const received = (records: MessageRecord[]): void => void store.dispatch(messages.actions.received(records));
  return { sdk, store, makeSelectMessages, selectConversationList, received };
}

export const naive: SubjectKind = {
  name: 'naive RTK',
  supportsCap: true,
  lookup: true,
  create(options = {}): Subject {
    const { sdk, store, received, selectConversationList } = createNaiveStore(options);
    return {
      receive: (m) => sdk.emit('onMessageReceived', m),
      conversationList: (list) => sdk.emit('onConversationListUpdated', list),
      historyPage: (_id, page) => received(page.map(normalizeMessage)),
      count: (conversationID) => {
        const { ids, entities } = store.getState().messages;
        let n = 0;
        for (const id of ids) if (entities[id].conversationID === conversationID) n++;
        return n;
      },
      conversationRows: () => selectConversationList(store.getState()),
      // The entity adapter's own lookup: `entities[id]`.
      findById: (messageID) => store.getState().messages.entities[messageID],
      close: () => undefined,
    };
  },
};
