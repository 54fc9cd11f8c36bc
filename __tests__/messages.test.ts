import { pagedKeys } from '../src/entities/pagedTable';
import { configureStore, type Middleware } from '@reduxjs/toolkit';
import {
  createTimMiddleware,
  messagesReceived,
  timReducer,
  deleteMessages,
  getMessageList,
  login,
  logout,
  resendMessage,
  revokeMessage,
  selectHistoryState,
  selectMessageById,
  selectMessagesByConversationID,
  sendMessage,
  sendTextMessage,
  setMessageCap,
  TIM_REDUX_ERROR,
} from '../src';
import { FakeMessage, FakeSdk } from './helpers/fakeSdk';
import { recorded, type RecordedChoice } from './helpers/recorded';
import { failOnConsoleWarnings, flush, makeStore } from './helpers/store';

/** The 3.x recordings (reactions exist only there). */
const V3: RecordedChoice = { sdk: '@tencentcloud/chat', userID: 'bob' };
/** A recorded event's data as an object, to aim at a test's own message ID. */
const ofRecorded = (event: string, scenario: string, choice?: RecordedChoice): Record<string, unknown> =>
  recorded<Record<string, unknown>>(event, scenario, choice);

failOnConsoleWarnings();

function setup(largeState = false) {
  const sdk = new FakeSdk();
  const { store, middleware } = makeStore(sdk, undefined, { largeState });
  const ids = (conversationID: string) =>
    selectMessagesByConversationID(store.getState(), conversationID).map((m) => m.ID);
  return { sdk, store, middleware, ids };
}

const msg = (init: ConstructorParameters<typeof FakeMessage>[0]) => new FakeMessage(init);

describe('messages of every conversation', () => {
  it('keeps messages of all conversations, not only an open one', () => {
    const { sdk, ids } = setup();
    sdk.emit('MESSAGE_RECEIVED', [
      msg({ from: 'bob', to: 'me', ID: 'b1' }),
      msg({ from: 'carol', to: 'me', ID: 'c1' }),
    ]);
    sdk.emit('MESSAGE_RECEIVED', [msg({ from: 'dave', to: 'team', conversationType: 'GROUP', ID: 'g1' })]);
    expect(ids('C2Cbob')).toEqual(['b1']);
    expect(ids('C2Ccarol')).toEqual(['c1']);
    expect(ids('GROUPteam')).toEqual(['g1']);
  });

  it('stores plain records: no class instance, private field, method or cycle', () => {
    const { sdk, store } = setup();
    sdk.emit('MESSAGE_RECEIVED', [msg({ from: 'bob', to: 'me', ID: 'b1', text: 'hello' })]);
    const record = selectMessageById(store.getState(), 'b1');
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(record).toMatchObject({ ID: 'b1', payload: { text: 'hello' }, from: 'bob', flow: 'in', status: 'success' });
    expect(Object.keys(record!).some((k) => k.startsWith('_'))).toBe(false);
    expect(() => JSON.stringify(store.getState())).not.toThrow();
  });

  it('deduplicates a message received twice, and one arriving by live push and history page', async () => {
    const { sdk, store, ids } = setup();
    const m1 = msg({ from: 'bob', to: 'me', ID: 'm1', time: 100 });
    sdk.emit('MESSAGE_RECEIVED', [m1]);
    sdk.emit('MESSAGE_RECEIVED', [m1]);
    sdk.emit('MESSAGE_RECEIVED', [msg({ from: 'bob', to: 'me', ID: 'm1', time: 100 })]);
    sdk.history.set('C2Cbob', [
      [msg({ from: 'bob', to: 'me', ID: 'm0', time: 90 }), msg({ from: 'bob', to: 'me', ID: 'm1', time: 100 })],
    ]);
    await store.dispatch(getMessageList('C2Cbob'));
    expect(ids('C2Cbob')).toEqual(['m0', 'm1']);
  });

  it('orders one-to-one by time, ties by sequence then ID; groups by sequence', () => {
    const { sdk, ids } = setup();
    sdk.emit('MESSAGE_RECEIVED', [
      msg({ from: 'bob', to: 'me', ID: 'z', time: 5, sequence: 7 }),
      msg({ from: 'bob', to: 'me', ID: 'a', time: 5, sequence: 8 }),
      msg({ from: 'bob', to: 'me', ID: 'y', time: 5, sequence: 8 }),
      msg({ from: 'bob', to: 'me', ID: 'm', time: 1, sequence: 9 }),
    ]);
    expect(ids('C2Cbob')).toEqual(['m', 'z', 'a', 'y']);
    sdk.emit('MESSAGE_RECEIVED', [
      msg({ from: 'x', to: 'g', conversationType: 'GROUP', ID: 's3', sequence: 3, time: 1 }),
      msg({ from: 'y', to: 'g', conversationType: 'GROUP', ID: 's1', sequence: 1, time: 9 }),
    ]);
    sdk.emit('MESSAGE_RECEIVED', [
      msg({ from: 'y', to: 'g', conversationType: 'GROUP', ID: 's2', sequence: 2, time: 5 }),
    ]);
    expect(ids('GROUPg')).toEqual(['s1', 's2', 's3']);
  });

  it('updates for unknown messages never insert them', () => {
    const { sdk, store } = setup();
    const ghost = msg({ from: 'bob', to: 'me', ID: 'ghost' });
    sdk.emit('MESSAGE_MODIFIED', [ghost]);
    sdk.emit('MESSAGE_REVOKED', [ghost]);
    sdk.emit('MESSAGE_READ_BY_PEER', [ghost]);
    // Recorded payloads (c2c-read-receipt, message-extensions, message-reactions), aimed at the ghost.
    const receipts = recorded<Array<Record<string, unknown>>>('MESSAGE_READ_RECEIPT_RECEIVED', 'c2c-read-receipt');
    sdk.emit(
      'MESSAGE_READ_RECEIPT_RECEIVED',
      receipts.map((r) => ({ ...r, messageID: 'ghost' })),
    );
    sdk.emit('MESSAGE_EXTENSIONS_UPDATED', {
      ...ofRecorded('MESSAGE_EXTENSIONS_UPDATED', 'message-extensions'),
      messageID: 'ghost',
    });
    sdk.emit('MESSAGE_REACTIONS_UPDATED', {
      ...ofRecorded('MESSAGE_REACTIONS_UPDATED', 'message-reactions', V3),
      messageID: 'ghost',
    });
    expect(pagedKeys(store.getState().tim.messages.lists)).toEqual([]);
    expect(selectMessageById(store.getState(), 'ghost')).toBeUndefined();
  });

  it('applies modify, revoke, peer read, receipts, extensions and reactions in place', () => {
    const { sdk, store } = setup();
    const m = msg({ from: 'bob', to: 'me', ID: 'm', text: 'v1' });
    sdk.emit('MESSAGE_RECEIVED', [m]);
    const other = msg({ from: 'carol', to: 'me', ID: 'other' });
    sdk.emit('MESSAGE_RECEIVED', [other]);
    const untouched = selectMessageById(store.getState(), 'other');
    m._elements = [{ type: 'TIMTextElem', content: { text: 'v2' } }];
    m.version = 1;
    sdk.emit('MESSAGE_MODIFIED', [m]);
    expect(selectMessageById(store.getState(), 'm')).toMatchObject({ payload: { text: 'v2' }, isModified: true });
    sdk.emit('MESSAGE_READ_BY_PEER', [m]);
    // Recorded payloads (message-extensions, message-reactions on 3.x), aimed at m.
    sdk.emit('MESSAGE_EXTENSIONS_UPDATED', {
      ...ofRecorded('MESSAGE_EXTENSIONS_UPDATED', 'message-extensions'),
      messageID: 'm',
    });
    sdk.emit('MESSAGE_EXTENSIONS_DELETED', {
      ...ofRecorded('MESSAGE_EXTENSIONS_DELETED', 'message-extensions'),
      messageID: 'm',
    });
    const reactions = ofRecorded('MESSAGE_REACTIONS_UPDATED', 'message-reactions', { ...V3, index: -1 });
    sdk.emit('MESSAGE_REACTIONS_UPDATED', { ...reactions, messageID: 'm' });
    m.isRevoked = true;
    m.revoker = 'bob';
    sdk.emit('MESSAGE_REVOKED', [m]);
    expect(selectMessageById(store.getState(), 'm')).toMatchObject({
      isPeerRead: true,
      isRevoked: true,
      revoker: 'bob',
      extensions: { yes: '1' },
      reactions: [
        {
          reactionID: 'like',
          totalUserCount: 1,
          partialUserList: [{ userID: 'alice', nick: '', avatar: '' }],
          reactedByMyself: false,
        },
      ],
    });
    expect(selectMessageById(store.getState(), 'other')).toBe(untouched);
  });

  it('a revoked message stays revoked when a stale copy arrives later', async () => {
    const { sdk, store } = setup();
    sdk.emit('MESSAGE_RECEIVED', [msg({ from: 'bob', to: 'me', ID: 'r1' })]);
    sdk.emit('MESSAGE_REVOKED', [msg({ from: 'bob', to: 'me', ID: 'r1', isRevoked: true })]);
    sdk.emit('MESSAGE_RECEIVED', [msg({ from: 'bob', to: 'me', ID: 'r1' })]);
    expect(selectMessageById(store.getState(), 'r1')?.isRevoked).toBe(true);
    // Revoked before it was ever stored: the later copy arrives revoked too.
    sdk.emit('MESSAGE_REVOKED', [msg({ from: 'bob', to: 'me', ID: 'r2', isRevoked: true })]);
    sdk.history.set('C2Cbob', [[msg({ from: 'bob', to: 'me', ID: 'r2' })]]);
    sdk.emit('MESSAGE_RECEIVED', [msg({ from: 'bob', to: 'me', ID: 'r2' })]);
    expect(selectMessageById(store.getState(), 'r2')?.isRevoked).toBe(true);
  });
});

describe('sending', () => {
  it('optimistic: unSend at once, then success with the server time', async () => {
    const { sdk, store, ids } = setup();
    await store.dispatch(login({ userID: 'me', userSig: 's' })).unwrap();
    const gate = sdk.holdNextSend();
    const sending = store.dispatch(sendTextMessage({ to: 'bob', conversationType: 'C2C', text: 'hi' }));
    await flush(1);
    const [pending] = selectMessagesByConversationID(store.getState(), 'C2Cbob');
    expect(pending).toMatchObject({ status: 'unSend', flow: 'out', payload: { text: 'hi' } });
    gate.resolve();
    const sent = await sending.unwrap();
    expect(sent.ID).toBe(pending.ID);
    expect(ids('C2Cbob')).toEqual([pending.ID]);
    expect(selectMessageById(store.getState(), pending.ID)).toMatchObject({ status: 'success', time: 1800000000 });
  });

  it('a failed send is marked fail with the SDK error and can be resent', async () => {
    const { sdk, store } = setup();
    const message = msg({ from: 'me', to: 'bob', flow: 'out', status: 'unSend', ID: 'out1' });
    sdk.sendMessage.mockImplementationOnce(async (m: FakeMessage) => {
      m.status = 'fail';
      throw { code: 20007, message: 'blocked by peer', data: { message: m } };
    });
    await expect(store.dispatch(sendMessage(message as never)).unwrap()).rejects.toEqual({
      code: 20007,
      message: 'blocked by peer',
    });
    expect(selectMessageById(store.getState(), 'out1')?.status).toBe('fail');
    expect(store.getState().tim.messages.errors.out1).toEqual({ code: 20007, message: 'blocked by peer' });
    await store.dispatch(resendMessage('out1')).unwrap();
    expect(sdk.resendMessage).toHaveBeenCalledWith(message);
    expect(selectMessageById(store.getState(), 'out1')?.status).toBe('success');
    expect(store.getState().tim.messages.errors.out1).toBeUndefined();
  });

  it('a status never goes backwards: a late unSend copy does not undo success', async () => {
    const { sdk, store } = setup();
    const message = msg({ from: 'me', to: 'bob', flow: 'out', status: 'unSend', ID: 'out2' });
    await store.dispatch(sendMessage(message as never)).unwrap();
    sdk.emit('MESSAGE_RECEIVED', [msg({ from: 'me', to: 'bob', flow: 'out', status: 'unSend', ID: 'out2' })]);
    expect(selectMessageById(store.getState(), 'out2')?.status).toBe('success');
  });

  it('a group send moves from the end to its sequence once the server assigns it', async () => {
    const { sdk, store, ids } = setup();
    sdk.emit('MESSAGE_RECEIVED', [msg({ from: 'x', to: 'g', conversationType: 'GROUP', ID: 'a', sequence: 10 })]);
    const gate = sdk.holdNextSend();
    const own = msg({
      from: 'me',
      to: 'g',
      conversationType: 'GROUP',
      flow: 'out',
      status: 'unSend',
      sequence: 0,
      ID: 'own',
    });
    const sending = store.dispatch(sendMessage(own as never));
    await flush(1);
    sdk.emit('MESSAGE_RECEIVED', [msg({ from: 'x', to: 'g', conversationType: 'GROUP', ID: 'b', sequence: 11 })]);
    expect(ids('GROUPg')).toEqual(['a', 'b', 'own']); // pending last
    gate.resolve(); // server gives sequence 99999
    await sending;
    sdk.emit('MESSAGE_RECEIVED', [msg({ from: 'x', to: 'g', conversationType: 'GROUP', ID: 'c', sequence: 100000 })]);
    expect(ids('GROUPg')).toEqual(['a', 'b', 'own', 'c']);
  });

  it('revoke marks the message revoked; a failed revoke records the error', async () => {
    const { store } = setup();
    const message = msg({ from: 'me', to: 'bob', flow: 'out', ID: 'rv' });
    await store.dispatch(sendMessage(message as never)).unwrap();
    await store.dispatch(revokeMessage('rv')).unwrap();
    expect(selectMessageById(store.getState(), 'rv')?.isRevoked).toBe(true);
    await expect(store.dispatch(revokeMessage('nope')).unwrap()).rejects.toMatchObject({
      code: TIM_REDUX_ERROR.UNKNOWN_MESSAGE,
    });
  });

  it('deleteMessages removes them from state and registry', async () => {
    const { sdk, store, middleware, ids } = setup();
    sdk.emit('MESSAGE_RECEIVED', [msg({ from: 'bob', to: 'me', ID: 'd1' }), msg({ from: 'bob', to: 'me', ID: 'd2' })]);
    await store.dispatch(deleteMessages(['d1'])).unwrap();
    expect(ids('C2Cbob')).toEqual(['d2']);
    expect(middleware.registry.get('d1')).toBeUndefined();
  });

  it('a send answered after a kick does not bring the message back', async () => {
    const { sdk, store } = setup();
    await store.dispatch(login({ userID: 'me', userSig: 's' })).unwrap();
    const gate = sdk.holdNextSend();
    const sending = store.dispatch(sendTextMessage({ to: 'bob', conversationType: 'C2C', text: 'late' }));
    await flush(1);
    sdk.emit('KICKED_OUT', { type: 'multipleAccount' }); // a kick does not wait for calls in flight (logout does)
    gate.resolve();
    await sending;
    expect(JSON.stringify(store.getState())).not.toContain('late');
  });
});

describe('history paging', () => {
  function pages(sdk: FakeSdk) {
    const page = (from: number) =>
      Array.from({ length: 3 }, (_, i) => msg({ from: 'bob', to: 'me', ID: `h${from + i}`, time: from + i }));
    sdk.history.set('C2Cbob', [page(7), page(4), page(1)]); // newest page first
  }

  it('loads older pages with the cursor until complete', async () => {
    const { sdk, store, ids } = setup();
    pages(sdk);
    await store.dispatch(getMessageList('C2Cbob'));
    expect(selectHistoryState(store.getState(), 'C2Cbob')).toMatchObject({
      nextReqMessageID: 'page:1',
      isCompleted: false,
      loading: false,
    });
    await store.dispatch(getMessageList('C2Cbob'));
    await store.dispatch(getMessageList('C2Cbob'));
    expect(sdk.getMessageList.mock.calls.map((c) => c[0])).toEqual([
      { conversationID: 'C2Cbob' },
      { conversationID: 'C2Cbob', nextReqMessageID: 'page:1' },
      { conversationID: 'C2Cbob', nextReqMessageID: 'page:2' },
    ]);
    expect(ids('C2Cbob')).toEqual(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h7', 'h8', 'h9']);
    expect(selectHistoryState(store.getState(), 'C2Cbob').isCompleted).toBe(true);
    await store.dispatch(getMessageList('C2Cbob')); // complete: no further call
    expect(sdk.getMessageList).toHaveBeenCalledTimes(3);
  });

  it('refuses a second load of the same conversation while one is in flight', async () => {
    const { sdk, store } = setup();
    pages(sdk);
    const first = store.dispatch(getMessageList('C2Cbob'));
    const second = store.dispatch(getMessageList('C2Cbob'));
    expect(selectHistoryState(store.getState(), 'C2Cbob').loading).toBe(true);
    await Promise.all([first, second]);
    expect(sdk.getMessageList).toHaveBeenCalledTimes(1);
  });

  it('drops a page that arrives after a reset (stale)', async () => {
    const { sdk, store } = setup();
    pages(sdk);
    await store.dispatch(login({ userID: 'me', userSig: 's' })).unwrap();
    const loading = store.dispatch(getMessageList('C2Cbob'));
    await store.dispatch(logout());
    await loading;
    expect(pagedKeys(store.getState().tim.messages.lists)).toEqual([]);
    expect(pagedKeys(store.getState().tim.messages.history)).toEqual([]);
  });

  it('records a failed page and allows a retry', async () => {
    const { sdk, store } = setup();
    pages(sdk);
    sdk.getMessageList.mockRejectedValueOnce({ code: 2801, message: 'timeout' });
    await store.dispatch(getMessageList('C2Cbob'));
    expect(selectHistoryState(store.getState(), 'C2Cbob')).toMatchObject({ loading: false, error: { code: 2801 } });
    await store.dispatch(getMessageList('C2Cbob'));
    expect(selectMessagesByConversationID(store.getState(), 'C2Cbob')).toHaveLength(3);
  });
});

describe('per-conversation cap', () => {
  it('caps an AVChatRoom and moves the history cursor to the oldest kept message', () => {
    const { sdk, store } = setup();
    store.dispatch(setMessageCap({ subType: 'AVChatRoom', cap: 10 }));
    for (let i = 1; i <= 30; i++) {
      sdk.emit('MESSAGE_RECEIVED', [
        msg({
          from: 'fan',
          to: 'live',
          conversationType: 'GROUP',
          conversationSubType: 'AVChatRoom',
          ID: `L${i}`,
          sequence: i,
        }),
      ]);
    }
    const kept = selectMessagesByConversationID(store.getState(), 'GROUPlive');
    expect(kept.length).toBeGreaterThanOrEqual(10);
    expect(kept.length).toBeLessThanOrEqual(11);
    expect(kept[kept.length - 1].ID).toBe('L30');
    expect(selectHistoryState(store.getState(), 'GROUPlive')).toMatchObject({
      nextReqMessageID: kept[0].ID,
      isCompleted: false,
    });
  });

  it('does not cap ordinary conversations by default', () => {
    const { sdk, store } = setup(true);
    const burst = Array.from({ length: 1500 }, (_, i) => msg({ from: 'bob', to: 'me', ID: `n${i}`, time: i }));
    sdk.emit('MESSAGE_RECEIVED', burst);
    expect(selectMessagesByConversationID(store.getState(), 'C2Cbob')).toHaveLength(1500);
  });
});

describe('coalescing (options.coalesce)', () => {
  it('applies messages of one tick in one action, before any later action', async () => {
    const sdk = new FakeSdk();
    const received: number[] = [];
    const spy: Middleware = () => (next) => (action) => {
      if (messagesReceived.match(action)) received.push(action.payload.length);
      return next(action);
    };
    const store = configureStore({
      reducer: { tim: timReducer },
      middleware: (g) => g().concat(createTimMiddleware(sdk as never, { coalesce: true }), spy),
    });
    for (let i = 0; i < 50; i++) sdk.emit('MESSAGE_RECEIVED', [msg({ from: 'bob', to: 'me', ID: `c${i}`, time: i })]);
    expect(selectMessagesByConversationID(store.getState(), 'C2Cbob')).toHaveLength(0); // applied at the end of the tick
    await Promise.resolve();
    expect(selectMessagesByConversationID(store.getState(), 'C2Cbob')).toHaveLength(50);
    expect(received).toEqual([50]); // one action for 50 events

    // A later event in the same tick is applied after the waiting messages, so it finds them.
    sdk.emit('MESSAGE_RECEIVED', [msg({ from: 'bob', to: 'me', ID: 'late', time: 99 })]);
    sdk.emit('MESSAGE_REVOKED', [msg({ from: 'bob', to: 'me', ID: 'late', time: 99, isRevoked: true })]);
    expect(selectMessageById(store.getState(), 'late')?.isRevoked).toBe(true);
    expect(received).toEqual([50, 1]);
  });
});
