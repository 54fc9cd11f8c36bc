/**
 * Isolation (issue 5, part 4): after logout, kick, or login as another user, nothing of the
 * previous user is anywhere in the store (every string, keys included) or in the middleware's
 * registry, including results that were in flight when the session ended. Two stores with two
 * SDKs in one process never see each other's events.
 */
import {
  getMessageList,
  login,
  logout,
  selectMessagesByConversationID,
  sendTextMessage,
  TIM_EVENTS,
  type TimState,
} from '../../src';
import { getMyProfile } from '../../src/thunks/profiles';
import { FakeConversation, FakeGroup, FakeMessage, FakeProfile, FakeSdk } from '../helpers/fakeSdk';
import { failOnConsoleWarnings, flush, makeStore } from '../helpers/store';
import { allStrings } from './runner';

failOnConsoleWarnings();

/** Every string of alice's session carries this mark (and her userID). */
const MARK = 'ALICE-ONLY';

/** alice logged in, with something of hers in every slice, the registry and the error log. */
async function aliceEverywhere() {
  const sdk = new FakeSdk();
  const made = makeStore(sdk);
  sdk.getMyProfile.mockImplementation(async () => ({
    code: 0,
    data:
      sdk.userID === 'alice'
        ? new FakeProfile('alice', `${MARK} my nick`, `https://cdn/${MARK}.png`)
        : new FakeProfile(sdk.userID, 'someone else'),
  }));
  await made.store.dispatch(login({ userID: 'alice', userSig: 'sig' })).unwrap();
  await flush();
  const msg = (n: number, conversationType = 'C2C') =>
    new FakeMessage({
      ID: `${MARK}-m${n}`,
      from: `${MARK}-peer`,
      to: conversationType === 'GROUP' ? `${MARK}-group` : 'alice',
      conversationType,
      text: `${MARK} text ${n}`,
    });
  sdk.emit('MESSAGE_RECEIVED', [msg(1), msg(2, 'GROUP')]);
  sdk.history.set(`C2C${MARK}-peer`, [[msg(3)], [msg(4)]]);
  await made.store.dispatch(getMessageList(`C2C${MARK}-peer`));
  sdk.sendMessage.mockRejectedValueOnce({ code: 2801, message: `${MARK} send failed` });
  await made.store.dispatch(sendTextMessage({ to: `${MARK}-peer`, conversationType: 'C2C', text: `${MARK} my words` }));
  sdk.emit('CONVERSATION_LIST_UPDATED', [
    new FakeConversation(`C2C${MARK}-peer`, 1, { unreadCount: 2, nick: `${MARK} peer nick` }),
  ]);
  sdk.emit('TOTAL_UNREAD_MESSAGE_COUNT_UPDATED', 2);
  sdk.emit('GROUP_LIST_UPDATED', [new FakeGroup(`${MARK}-group`, `${MARK} group name`)]);
  sdk.emit('PROFILE_UPDATED', [new FakeProfile(`${MARK}-friend`, `${MARK} friend nick`)]);
  sdk.emit('BLACKLIST_UPDATED', [`${MARK}-blocked`]);
  // Invented shapes (the emulator cannot make these events yet), each copied from the emit site
  // cited next to its entry in src/eventTable.ts (e.g. _onFriendListUpdated, _onApplicationListUpdated,
  // onUserStatusUpdated, _emitEvent of the follow module, _emitGroupAttributesUpdated,
  // _onGroupCountersUpdated, onTopicCreated, _emitConvGroupListUpdate, onPinnedMessageNotify,
  // onRoomCustomDataReceived); GROUP_SYSTEM_NOTICE_RECEIVED is emitted nowhere by 2.27.6.
  sdk.emit('FRIEND_LIST_UPDATED', [{ userID: `${MARK}-friend`, remark: `${MARK} remark` }]);
  sdk.emit('FRIEND_APPLICATION_LIST_UPDATED', {
    friendApplicationList: [{ userID: `${MARK}-applicant` }],
    unreadCount: 1,
  });
  sdk.emit('USER_STATUS_UPDATED', [{ userID: `${MARK}-friend`, customStatus: `${MARK} busy` }]);
  sdk.emit('MY_FOLLOWERS_LIST_UPDATED', { userInfoList: [{ userID: `${MARK}-follower` }], isAdd: true });
  sdk.emit('GROUP_ATTRIBUTES_UPDATED', { groupID: `${MARK}-group`, groupAttributes: { k: `${MARK} attr` } });
  sdk.emit('GROUP_COUNTER_UPDATED', { groupID: `${MARK}-group`, key: `${MARK}-counter`, value: 3 });
  sdk.emit('TOPIC_CREATED', { groupID: `${MARK}-group`, topicID: `${MARK}-topic` });
  sdk.emit('CONVERSATION_GROUP_LIST_UPDATED', [`${MARK} folder`]);
  sdk.emit('PINNED_GROUP_MESSAGE_UPDATED', {
    groupID: `${MARK}-group`,
    message: {
      ID: `${MARK}-pinned`,
      conversationID: `GROUP${MARK}-group`,
      sequence: 1,
      pinnerInfo: { userID: 'alice' },
    },
    isPinned: true,
    operatorInfo: { userID: 'alice' },
  });
  sdk.emit('ROOM_CUSTOM_DATA_RECEIVED', `${MARK} room`);
  sdk.emit('GROUP_SYSTEM_NOTICE_RECEIVED', { type: 1, message: `${MARK} notice` });
  sdk.emit('MESSAGE_RECEIVED', [{ ID: `${MARK}-broken` }]); // an error entry naming alice's data
  const everything = JSON.stringify(made.store.getState());
  // The fixture reaches every slice that holds user data, and the registry.
  for (const slice of ['conversations', 'messages', 'groups', 'profiles', 'relations', 'extras', 'errors'] as const) {
    expect([slice, JSON.stringify(made.store.getState().tim[slice])]).toEqual([slice, expect.stringContaining(MARK)]);
  }
  expect(everything).toContain('alice');
  expect(made.middleware.registry.ids().filter((id) => id.includes(MARK)).length).toBeGreaterThanOrEqual(4);
  return { sdk, ...made };
}

function leaks(tim: TimState, registryIDs: string[], needles: string[]): string[] {
  const strings = allStrings(tim).concat(registryIDs);
  return strings.filter((s) => needles.some((n) => s.includes(n)));
}

describe('nothing of the previous user survives', () => {
  it('logout', async () => {
    const { store, middleware } = await aliceEverywhere();
    await store.dispatch(logout());
    expect(leaks(store.getState().tim, middleware.registry.ids(), [MARK, 'alice'])).toEqual([]);
    expect(store.getState().tim.session.status).toBe('loggedOut');
  });

  it('logout that fails in the SDK', async () => {
    const { sdk, store, middleware } = await aliceEverywhere();
    sdk.logout.mockRejectedValueOnce({ code: 2999, message: 'network down' });
    await store.dispatch(logout());
    expect(leaks(store.getState().tim, middleware.registry.ids(), [MARK, 'alice'])).toEqual([]);
  });

  it.each(['multipleAccount', 'multipleDevice', 'userSigExpired', 'REST_API_Kick'])('kick (%s)', async (type) => {
    const { sdk, store, middleware } = await aliceEverywhere();
    sdk.emit('KICKED_OUT', { type });
    sdk.emit('SDK_NOT_READY');
    expect(leaks(store.getState().tim, middleware.registry.ids(), [MARK, 'alice'])).toEqual([]);
    expect(store.getState().tim.session).toMatchObject({ status: 'kickedOut', kickedOutReason: type });
  });

  it('login as another user', async () => {
    const { store, middleware } = await aliceEverywhere();
    await store.dispatch(login({ userID: 'bob', userSig: 'sig' })).unwrap();
    await flush();
    expect(leaks(store.getState().tim, middleware.registry.ids(), [MARK, 'alice'])).toEqual([]);
    expect(store.getState().tim.session).toMatchObject({ status: 'ready', userID: 'bob' });
  });

  it('login as another user after a kick', async () => {
    const { sdk, store, middleware } = await aliceEverywhere();
    sdk.emit('KICKED_OUT', { type: 'multipleDevice' });
    await store.dispatch(login({ userID: 'bob', userSig: 'sig' })).unwrap();
    await flush();
    expect(leaks(store.getState().tim, middleware.registry.ids(), [MARK, 'alice'])).toEqual([]);
  });

  it('a send in flight when the session ends does not bring its message back', async () => {
    const { sdk, store, middleware } = await aliceEverywhere();
    const gate = sdk.holdNextSend();
    const sending = store.dispatch(sendTextMessage({ to: 'bob', conversationType: 'C2C', text: `${MARK} late send` }));
    await flush();
    sdk.emit('KICKED_OUT', { type: 'multipleAccount' }); // a kick does not wait for calls in flight (logout does)
    gate.resolve();
    await sending;
    await flush();
    expect(leaks(store.getState().tim, middleware.registry.ids(), [MARK, 'alice'])).toEqual([]);
  });

  it('logout lets a page in flight land first (the SDK would cache a later answer for the next user), then clears it', async () => {
    const { sdk, store, middleware } = await aliceEverywhere();
    let answer!: () => void;
    const late = new FakeMessage({ ID: `${MARK}-late-page`, from: 'carol', to: 'alice', text: `${MARK} late page` });
    sdk.getMessageList.mockImplementationOnce(
      () =>
        new Promise(
          (resolve) =>
            (answer = () =>
              resolve({ code: 0, data: { messageList: [late], nextReqMessageID: '', isCompleted: true } })),
        ),
    );
    const loading = store.dispatch(getMessageList('C2Ccarol'));
    const loggingOut = store.dispatch(logout());
    await flush();
    expect(sdk.logout).not.toHaveBeenCalled();
    answer();
    expect((await loading).type).toBe(getMessageList.fulfilled.type);
    await loggingOut;
    expect(sdk.logout).toHaveBeenCalledTimes(1);
    expect(leaks(store.getState().tim, middleware.registry.ids(), [MARK, 'alice'])).toEqual([]);
  });

  it('my profile loading when the session ends is dropped', async () => {
    const { sdk, store, middleware } = await aliceEverywhere();
    let answer!: () => void;
    sdk.getMyProfile.mockImplementationOnce(
      () =>
        new Promise(
          (resolve) => (answer = () => resolve({ code: 0, data: new FakeProfile('alice', `${MARK} late nick`) })),
        ),
    );
    const loading = store.dispatch(getMyProfile());
    sdk.emit('KICKED_OUT', { type: 'multipleAccount' }); // a kick does not wait for calls in flight (logout does)
    answer();
    await loading;
    await flush();
    expect(leaks(store.getState().tim, middleware.registry.ids(), [MARK, 'alice'])).toEqual([]);
  });

  it('a history page loading when the session ends is dropped from the store', async () => {
    const { sdk, store } = await aliceEverywhere();
    let answer!: () => void;
    const late = new FakeMessage({ ID: `${MARK}-late-page`, from: 'carol', to: 'alice', text: `${MARK} late page` });
    sdk.getMessageList.mockImplementationOnce(
      () =>
        new Promise(
          (resolve) =>
            (answer = () =>
              resolve({ code: 0, data: { messageList: [late], nextReqMessageID: '', isCompleted: true } })),
        ),
    );
    const loading = store.dispatch(getMessageList('C2Ccarol'));
    sdk.emit('KICKED_OUT', { type: 'multipleAccount' }); // a kick does not wait for calls in flight (logout does)
    answer();
    await loading;
    await flush();
    expect(leaks(store.getState().tim, [], [MARK, 'alice'])).toEqual([]);
    expect(selectMessagesByConversationID(store.getState(), 'C2Ccarol')).toEqual([]);
  });

  // Was BUG 12 (found here, fixed in 366f510): a history page that was loading when the session ended is dropped from the store but
  // its SDK messages are still added to the registry (getMessageList calls registry.addAll after
  // the SDK answers, whatever happened meanwhile), so alice's messages outlive her logout in
  // `middleware.registry` and can be resent/revoked by ID by the next user's thunks.
  // Repro: hold sdk.getMessageList, dispatch getMessageList, dispatch logout, release the page:
  // middleware.registry.ids() holds the page's IDs.
  it('a history page loading when the session ends leaves nothing in the registry (was BUG 12)', async () => {
    const { sdk, store, middleware } = await aliceEverywhere();
    let answer!: () => void;
    const late = new FakeMessage({ ID: `${MARK}-late-page`, from: 'carol', to: 'alice', text: `${MARK} late page` });
    sdk.getMessageList.mockImplementationOnce(
      () =>
        new Promise(
          (resolve) =>
            (answer = () =>
              resolve({ code: 0, data: { messageList: [late], nextReqMessageID: '', isCompleted: true } })),
        ),
    );
    const loading = store.dispatch(getMessageList('C2Ccarol'));
    sdk.emit('KICKED_OUT', { type: 'multipleAccount' }); // a kick does not wait for calls in flight (logout does)
    answer();
    await loading;
    await flush();
    expect(middleware.registry.ids()).toEqual([]);
  });
});

describe('two stores, two SDKs, one process', () => {
  async function pair() {
    const sdkA = new FakeSdk();
    const sdkB = new FakeSdk();
    const a = makeStore(sdkA);
    const b = makeStore(sdkB);
    await a.store.dispatch(login({ userID: 'alice', userSig: 'sig' })).unwrap();
    await b.store.dispatch(login({ userID: 'bob', userSig: 'sig' })).unwrap();
    await flush();
    return { sdkA, sdkB, a, b };
  }

  it('every event reaches only the store of its SDK', async () => {
    const { sdkA, sdkB, a, b } = await pair();
    const beforeB = b.store.getState().tim;
    sdkA.emit('MESSAGE_RECEIVED', [new FakeMessage({ ID: 'only-a', from: 'x', to: 'alice' })]);
    sdkA.emit('CONVERSATION_LIST_UPDATED', [new FakeConversation('C2Cx', 1)]);
    sdkA.emit('NET_STATE_CHANGE', { state: 'disconnected' });
    for (const key of Object.keys(TIM_EVENTS)) {
      if (key !== 'KICKED_OUT' && key !== 'SDK_NOT_READY') sdkA.emit(key, { groupID: 'g', state: 'connecting' });
    }
    expect(b.store.getState().tim).toBe(beforeB);
    expect(JSON.stringify(a.store.getState())).toContain('only-a');
    expect(b.middleware.registry.ids()).toEqual([]);

    sdkB.emit('KICKED_OUT', { type: 'multipleDevice' });
    expect(b.store.getState().tim.session.status).toBe('kickedOut');
    expect(a.store.getState().tim.session).toMatchObject({ status: 'ready', userID: 'alice' });
    expect(JSON.stringify(a.store.getState())).toContain('only-a');
  });

  it('thunks of one store call only its own SDK', async () => {
    const { sdkA, sdkB, a, b } = await pair();
    await a.store.dispatch(sendTextMessage({ to: 'carol', conversationType: 'C2C', text: 'from a' }));
    await b.store.dispatch(logout());
    expect(sdkA.sendMessage).toHaveBeenCalledTimes(1);
    expect(sdkB.sendMessage).not.toHaveBeenCalled();
    expect(sdkB.logout).toHaveBeenCalledTimes(1);
    expect(sdkA.logout).not.toHaveBeenCalled();
    expect(a.store.getState().tim.session.status).toBe('ready');
    expect(a.middleware.registry.size).toBe(1);
  });

  it('each SDK has exactly one set of handlers, and closing one store leaves the other bound', async () => {
    const { sdkA, sdkB, a, b } = await pair();
    expect(sdkA.handlerCount()).toBe(39);
    expect(sdkB.handlerCount()).toBe(39);
    a.middleware.close();
    expect(sdkA.handlerCount()).toBe(0);
    expect(sdkB.handlerCount()).toBe(39);
    sdkB.emit('NET_STATE_CHANGE', { state: 'connecting' });
    expect(b.store.getState().tim.net.state).toBe('connecting');
  });
});
