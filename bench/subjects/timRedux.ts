/** tim-redux as a user wires it: middleware on an SDK emitter, configureStore with checks off. */
import { configureStore } from '@reduxjs/toolkit';
import type { TimSdk } from '../../src';
import { lib } from '../lib';
import { BenchEmitter } from '../shapes';

const {
  createTimMiddleware,
  getMessageList,
  normalizeMessage,
  selectConversationList,
  selectMessageById,
  selectMessagesByConversationID,
  setMessageCap,
  timReducer,
  TIM_EVENTS,
} = lib;
import type { Subject, SubjectKind, SubjectOptions } from './types';

/** A tim-redux store and the emitter that feeds it. */
export function createTimReduxStore(options: SubjectOptions = {}, coalesce = false) {
  const sdk = new BenchEmitter();
  const mw = createTimMiddleware(sdk as unknown as TimSdk, { loadProfileOnReady: false, coalesce });
  const store = configureStore({
    reducer: { tim: timReducer },
    middleware: (g) => g({ serializableCheck: false, immutableCheck: false }).concat(mw),
  });
  if (options.cap) store.dispatch(setMessageCap(options.cap));
  return { sdk, mw, store };
}

export type TimReduxStore = ReturnType<typeof createTimReduxStore>['store'];

let requestSeq = 0;

export const timRedux: SubjectKind = {
  name: 'tim-redux',
  supportsCap: true,
  lookup: true,
  create(options = {}): Subject {
    const { sdk, mw, store } = createTimReduxStore(options);
    return {
      receive: (messages) => sdk.emit(TIM_EVENTS.MESSAGE_RECEIVED, messages),
      conversationList: (list) => sdk.emit(TIM_EVENTS.CONVERSATION_LIST_UPDATED, list),
      // The thunk's own work after the SDK answers: normalize the page, then pending + fulfilled.
      historyPage: (conversationID, page) => {
        const requestId = `bench-${++requestSeq}`;
        store.dispatch(getMessageList.pending(requestId, conversationID));
        const messages = page.map(normalizeMessage);
        store.dispatch(
          getMessageList.fulfilled(
            { conversationID, messages, nextReqMessageID: page[0]?.ID ?? null, isCompleted: false },
            requestId,
            conversationID,
          ),
        );
      },
      count: (conversationID) => selectMessagesByConversationID(store.getState(), conversationID).length,
      conversationRows: () => selectConversationList(store.getState()),
      findById: (messageID) => selectMessageById(store.getState(), messageID),
      extension: (messageID, value) =>
        sdk.emit(TIM_EVENTS.MESSAGE_EXTENSIONS_UPDATED, { messageID, extensions: [{ key: 'k', value }] }),
      close: () => mw.close(),
    };
  },
};

/** Events per tick for the coalescing variant: a live room's burst, applied at the end of each tick. */
const EVENTS_PER_TICK = 100;

/**
 * tim-redux with `coalesce: true`, fed one message per event, 100 events per tick. The end of a
 * tick is simulated by `mw.flush()` after every 100th event (the harness is synchronous), so the
 * time of applying each batch is inside the timed events and the throughput is honest.
 */
export const timReduxCoalesced: SubjectKind = {
  name: 'tim-redux (coalesce)',
  supportsCap: true,
  floodOnly: true,
  create(options = {}): Subject {
    const { sdk, mw, store } = createTimReduxStore(options, true);
    let events = 0;
    return {
      receive: (messages) => {
        sdk.emit(TIM_EVENTS.MESSAGE_RECEIVED, messages);
        if (++events % EVENTS_PER_TICK === 0) mw.flush();
      },
      conversationList: null,
      historyPage: null,
      count: (conversationID) => {
        mw.flush();
        return selectMessagesByConversationID(store.getState(), conversationID).length;
      },
      close: () => mw.close(),
    };
  },
};
