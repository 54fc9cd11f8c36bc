import { pagedKeys } from '../../src/entities/pagedTable';
import {
  addMessageReaction,
  callTim,
  deleteMessageExtensions,
  findMessage,
  getGroupMessageReadMemberList,
  getMessageExtensions,
  getMessageListHopping,
  getMessageReadReceiptList,
  login,
  modifyMessage,
  removeMessageReaction,
  selectMessageById,
  selectMessagesByConversationID,
  sendMediaMessage,
  sendMessage,
  sendMessageReadReceipt,
  setMessageExtensions,
  translateText,
  uploadProgress,
  TIM_REDUX_ERROR,
} from '../../src';
import { FakeMessage, FakeSdk } from '../helpers/fakeSdk';
import { failOnConsoleWarnings, flush, makeStore } from '../helpers/store';

failOnConsoleWarnings();

async function setup() {
  const sdk = new FakeSdk();
  const { store, middleware } = makeStore(sdk);
  await store.dispatch(login({ userID: 'me', userSig: 's' })).unwrap();
  await flush();
  const m1 = new FakeMessage({ from: 'me', to: 'bob', flow: 'out', ID: 'm1', text: 'helo' });
  const g1 = new FakeMessage({ from: 'bob', to: 'team', conversationType: 'GROUP', ID: 'g1', sequence: 10 });
  sdk.emit('MESSAGE_RECEIVED', [m1, g1]);
  const rec = (id: string) => selectMessageById(store.getState(), id);
  return { sdk, store, middleware, m1, g1, rec };
}

async function expectInvalid(promise: Promise<{ payload?: unknown }>) {
  expect((await promise).payload).toMatchObject({ code: TIM_REDUX_ERROR.INVALID_ARGUMENT });
}

describe('modifyMessage', () => {
  it('edits the SDK message and lands the modified record', async () => {
    const { sdk, store, m1, rec } = await setup();
    await store.dispatch(modifyMessage({ messageID: 'm1', text: 'hello' })).unwrap();
    expect(sdk.modifyMessage).toHaveBeenCalledWith(m1);
    expect(rec('m1')).toMatchObject({ payload: { text: 'hello' }, isModified: true, version: 1 });
    sdk.modifyMessage.mockRejectedValueOnce({ code: 2480, message: 'conflict' });
    const before = rec('m1');
    expect((await store.dispatch(modifyMessage({ messageID: 'm1', cloudCustomData: 'x' }))).payload).toEqual({
      code: 2480,
      message: 'conflict',
    });
    expect(rec('m1')).toBe(before);
    await expectInvalid(store.dispatch(modifyMessage({ messageID: 'm1' })));
    expect((await store.dispatch(modifyMessage({ messageID: 'nope', text: 'x' }))).payload).toMatchObject({
      code: TIM_REDUX_ERROR.UNKNOWN_MESSAGE,
    });
  });
});

describe('getMessageListHopping', () => {
  it('merges the page in order without touching the history cursor', async () => {
    const { sdk, store } = await setup();
    const page = [5, 6, 7].map(
      (seq) => new FakeMessage({ from: 'x', to: 'team', conversationType: 'GROUP', ID: `h${seq}`, sequence: seq }),
    );
    sdk.getMessageListHopping.mockResolvedValueOnce({ code: 0, data: { messageList: page, isCompleted: false } });
    const result = await store
      .dispatch(getMessageListHopping({ conversationID: 'GROUPteam', sequence: 7, direction: 0, count: 3 }))
      .unwrap();
    expect(result.messages.map((m) => m.ID)).toEqual(['h5', 'h6', 'h7']);
    expect(selectMessagesByConversationID(store.getState(), 'GROUPteam').map((m) => m.ID)).toEqual([
      'h5',
      'h6',
      'h7',
      'g1',
    ]);
    expect(pagedKeys(store.getState().tim.messages.history)).toEqual([]);
    await expectInvalid(store.dispatch(getMessageListHopping({ conversationID: 'GROUPteam' })));
    await expectInvalid(
      store.dispatch(getMessageListHopping({ conversationID: 'GROUPteam', sequence: 1, direction: 2 as 0 })),
    );
    expect(sdk.getMessageListHopping).toHaveBeenCalledTimes(1);
  });
});

describe('extensions and reactions', () => {
  it('set, get and delete extensions on the record', async () => {
    const { sdk, store, g1, rec } = await setup();
    await store
      .dispatch(
        setMessageExtensions({
          messageID: 'g1',
          extensions: [
            { key: 'vote', value: '1' },
            { key: 'pin', value: 'y' },
          ],
        }),
      )
      .unwrap();
    expect(sdk.setMessageExtensions).toHaveBeenCalledWith(g1, [
      { key: 'vote', value: '1' },
      { key: 'pin', value: 'y' },
    ]);
    expect(rec('g1')?.extensions).toEqual({ vote: '1', pin: 'y' });
    await store.dispatch(getMessageExtensions('g1')).unwrap();
    expect(rec('g1')?.extensions).toEqual({ vote: '3', pin: 'y' });
    await store.dispatch(deleteMessageExtensions({ messageID: 'g1', keyList: ['pin'] })).unwrap();
    expect(rec('g1')?.extensions).toEqual({ vote: '3' });
    await store.dispatch(deleteMessageExtensions({ messageID: 'g1' })).unwrap();
    expect(sdk.deleteMessageExtensions).toHaveBeenLastCalledWith(g1);
    expect(rec('g1')?.extensions).toEqual({});
    await expectInvalid(
      store.dispatch(setMessageExtensions({ messageID: 'g1', extensions: [{ key: '__proto__', value: 'x' }] })),
    );
    sdk.setMessageExtensions.mockRejectedValueOnce({ code: 23001, message: 'not enabled' });
    expect(
      (await store.dispatch(setMessageExtensions({ messageID: 'g1', extensions: [{ key: 'a', value: 'b' }] }))).payload,
    ).toEqual({ code: 23001, message: 'not enabled' });
    expect(rec('g1')?.extensions).toEqual({});
  });

  // Loading and pushed changes run on the real 3.x SDK: integration/reactions.test.ts.
  it('add and remove my reaction', async () => {
    const { store, rec } = await setup();
    await store.dispatch(addMessageReaction({ messageID: 'g1', reactionID: 'like' })).unwrap();
    expect(rec('g1')?.reactions).toEqual([
      {
        reactionID: 'like',
        totalUserCount: 1,
        partialUserList: [{ userID: 'me', nick: '', avatar: '' }],
        reactedByMyself: true,
      },
    ]);
    await store.dispatch(removeMessageReaction({ messageID: 'g1', reactionID: 'like' })).unwrap();
    expect(rec('g1')?.reactions).toEqual([]);
    await expectInvalid(store.dispatch(addMessageReaction({ messageID: 'g1', reactionID: '' })));
  });
});

describe('read receipts', () => {
  it('send, and load counts onto the records; read members come back plain', async () => {
    const { sdk, store, g1, rec } = await setup();
    await store.dispatch(sendMessageReadReceipt(['g1'])).unwrap();
    expect(sdk.sendMessageReadReceipt).toHaveBeenCalledWith([g1]);
    await store.dispatch(getMessageReadReceiptList(['g1'])).unwrap();
    expect(rec('g1')?.readReceiptInfo).toEqual({ readCount: 2, unreadCount: 1 });
    const members = await store.dispatch(getGroupMessageReadMemberList({ messageID: 'g1', filter: 0 })).unwrap();
    expect(members).toEqual({ isCompleted: true, cursor: '', readUserIDList: ['bob'] });
    await expectInvalid(store.dispatch(sendMessageReadReceipt([])));
    await expectInvalid(store.dispatch(getGroupMessageReadMemberList({ messageID: 'g1', filter: 3 as 0 })));
  });
});

describe('findMessage', () => {
  it('answers from state, else from the SDK cache (and stores what it finds), else null', async () => {
    const { sdk, store, middleware, rec } = await setup();
    expect(await store.dispatch(findMessage('m1')).unwrap()).toBe(rec('m1'));
    expect(sdk.findMessage).not.toHaveBeenCalled();
    const old = new FakeMessage({ from: 'bob', to: 'me', ID: 'old1', time: 5 });
    sdk.findMessage.mockImplementation((id: string) => (id === 'old1' ? old : null));
    const found = await store.dispatch(findMessage('old1')).unwrap();
    expect(found?.ID).toBe('old1');
    expect(rec('old1')).toEqual(found);
    expect(middleware.registry.get('old1')).toBe(old);
    expect(await store.dispatch(findMessage('gone')).unwrap()).toBeNull();
    await expectInvalid(store.dispatch(findMessage('')));
  });
});

describe('translateText', () => {
  it('resolves plain data and stores nothing', async () => {
    const { store } = await setup();
    const before = store.getState();
    const result = await store.dispatch(translateText({ sourceTextList: ['你好'], target: 'en' })).unwrap();
    expect(result).toEqual({ translatedTextList: ['[en] 你好'] });
    expect(store.getState()).toBe(before);
    await expectInvalid(store.dispatch(translateText({ sourceTextList: [], target: 'en' })));
  });
});

describe('upload progress', () => {
  it('sendMediaMessage puts progress on the unSend record, then success clears it', async () => {
    const { sdk, store, rec } = await setup();
    const gate = sdk.holdNextSend();
    const file = { name: 'a.png', size: 10, type: 'image/png' };
    const sending = store.dispatch(sendMediaMessage({ kind: 'image', to: 'bob', conversationType: 'C2C', file }));
    await flush(1);
    const created = sdk.createImageMessage.mock.results[0].value as FakeMessage & { _onProgress: (p: number) => void };
    // An upload about to start shows 0 (a bar before the first byte), not null.
    expect(rec(created.ID)).toMatchObject({ status: 'unSend', progress: 0, type: 'TIMImageElem' });
    created._onProgress(0.4);
    expect(rec(created.ID)?.progress).toBe(0.4);
    created._onProgress(1.7);
    expect(rec(created.ID)?.progress).toBe(1);
    gate.resolve();
    const done = await sending;
    expect(sendMediaMessage.fulfilled.match(done)).toBe(true);
    expect(rec(created.ID)).toMatchObject({ status: 'success', progress: null });
    created._onProgress(0.5);
    expect(rec(created.ID)?.progress).toBeNull();
  });

  it('sendMediaMessage refuses bad arguments before creating anything, and reports a failed send', async () => {
    const { sdk, store } = await setup();
    await expectInvalid(
      store.dispatch(sendMediaMessage({ kind: 'gif' as 'image', to: 'bob', conversationType: 'C2C', file: {} })),
    );
    await expectInvalid(
      store.dispatch(sendMediaMessage({ kind: 'image', to: 'bob', conversationType: 'C2C', file: undefined })),
    );
    expect(sdk.createImageMessage).not.toHaveBeenCalled();
    sdk.sendMessage.mockRejectedValueOnce({ code: 6008, message: 'upload failed' });
    const failed = await store.dispatch(
      sendMediaMessage({ kind: 'image', to: 'bob', conversationType: 'C2C', file: {} }),
    );
    expect(failed.payload).toEqual({ code: 6008, message: 'upload failed' });
    const id = (sdk.createImageMessage.mock.results[0].value as FakeMessage).ID;
    expect(selectMessageById(store.getState(), id)?.status).toBe('fail');
    const unsupported = await store.dispatch(
      sendMediaMessage({ kind: 'video', to: 'bob', conversationType: 'C2C', file: {} }),
    );
    expect(unsupported.payload).toMatchObject({ code: TIM_REDUX_ERROR.UNSUPPORTED });
  });

  it('uploadProgress works with a message created by the app', async () => {
    const { sdk, store, rec } = await setup();
    const gate = sdk.holdNextSend();
    const progress = uploadProgress(store.dispatch);
    const message = sdk.createImageMessage({
      to: 'bob',
      conversationType: 'C2C',
      payload: { file: {} },
      onProgress: progress.onProgress,
    });
    progress.track(message);
    const sending = store.dispatch(sendMessage(message));
    progress.onProgress(0.25);
    expect(rec(message.ID)?.progress).toBe(0.25);
    gate.resolve();
    await sending;
  });
});

describe('callTim', () => {
  it('calls any SDK method and resolves with plain data; SDK objects never enter an action', async () => {
    const { sdk, store, g1 } = await setup();
    const extra = sdk as unknown as Record<string, jest.Mock>;
    extra.getGroupOnlineMemberCount = jest.fn(async () => ({
      code: 0,
      data: { memberCount: 3, group: new FakeMessage({ from: 'a', to: 'b' }) },
    }));
    const result = await store.dispatch(callTim('getGroupOnlineMemberCount', 'team')).unwrap();
    expect(extra.getGroupOnlineMemberCount).toHaveBeenCalledWith('team');
    expect(result).toMatchObject({ code: 0, data: { memberCount: 3, group: { ID: expect.any(String) } } });
    expect(JSON.stringify(result)).not.toContain('_elements');
    await store.dispatch(callTim('revokeMessage', g1)).unwrap();
    expect(sdk.revokeMessage).toHaveBeenCalledWith(g1);
    expect((await store.dispatch(callTim('noSuchMethod'))).payload).toMatchObject({
      code: TIM_REDUX_ERROR.UNSUPPORTED,
    });
    expect((await store.dispatch(callTim('on'))).payload).toMatchObject({ code: TIM_REDUX_ERROR.INVALID_ARGUMENT });
    extra.getGroupOnlineMemberCount.mockRejectedValueOnce({ code: 10010, message: 'gone' });
    expect((await store.dispatch(callTim('getGroupOnlineMemberCount', 'x'))).payload).toEqual({
      code: 10010,
      message: 'gone',
    });
  });

  it('drops a result that arrives after a kick', async () => {
    const { sdk, store } = await setup();
    let release!: () => void;
    const extra = sdk as unknown as Record<string, jest.Mock>;
    extra.slow = jest.fn(() => new Promise((r) => (release = () => r({ code: 0, data: 1 }))));
    const pending = store.dispatch(callTim('slow'));
    sdk.emit('KICKED_OUT', { type: 'multipleAccount' }); // a kick does not wait for calls in flight (logout does)
    release();
    expect((await pending).payload).toMatchObject({ code: TIM_REDUX_ERROR.STALE });
  });
});
