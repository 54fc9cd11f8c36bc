import { pagedKeys } from '../src/entities/pagedTable';
import { login, logout, resetTim, selectIsReady, selectMyProfile, selectSession, TIM_REDUX_ERROR } from '../src';
import { FakeMessage, FakeSdk } from './helpers/fakeSdk';
import { failOnConsoleWarnings, flush, makeStore } from './helpers/store';

failOnConsoleWarnings();

function setup() {
  const sdk = new FakeSdk();
  const { store, middleware } = makeStore(sdk);
  return { sdk, store, middleware };
}

describe('session state machine', () => {
  it('idle → loggingIn → ready, resolving only once the SDK is ready', async () => {
    const { sdk, store } = setup();
    sdk.autoReady = false;
    expect(selectSession(store.getState()).status).toBe('idle');
    let resolved = false;
    const pending = store
      .dispatch(login({ userID: 'alice', userSig: 's' }))
      .unwrap()
      .then((r) => ((resolved = true), r));
    await flush();
    expect(sdk.login).toHaveBeenCalled();
    expect(resolved).toBe(false); // the login promise resolved, but SDK_READY has not come
    expect(selectSession(store.getState())).toMatchObject({ status: 'loggingIn', userID: 'alice' });
    sdk.becomeReady();
    await expect(pending).resolves.toEqual({ userID: 'alice', repeatLogin: false });
    expect(selectIsReady(store.getState())).toBe(true);
  });

  it('reports repeatLogin and resolves at once when the SDK is already ready', async () => {
    const { store } = setup();
    await store.dispatch(login({ userID: 'alice', userSig: 's' })).unwrap();
    const again = await store.dispatch(login({ userID: 'alice', userSig: 's' })).unwrap();
    expect(again.repeatLogin).toBe(true);
    expect(selectSession(store.getState())).toMatchObject({ status: 'ready', repeatLogin: true });
  });

  it('rejects with the SDK error { code, message } and records it', async () => {
    const { sdk, store } = setup();
    sdk.login.mockRejectedValueOnce(Object.assign(new Error('userSig is expired'), { code: 70001, data: {} }));
    await expect(store.dispatch(login({ userID: 'alice', userSig: 'bad' })).unwrap()).rejects.toEqual({
      code: 70001,
      message: 'userSig is expired',
    });
    expect(selectSession(store.getState())).toMatchObject({ status: 'idle', userID: null, error: { code: 70001 } });
  });

  it('rejects when the SDK never becomes ready, without leaving a timer behind', async () => {
    const { sdk, store } = setup();
    sdk.autoReady = false;
    const result = store.dispatch(login({ userID: 'alice', userSig: 's', readyTimeoutMs: 20 })).unwrap();
    await expect(result).rejects.toMatchObject({ code: TIM_REDUX_ERROR.NOT_READY });
  });

  it('ready ⇄ notReady follows SDK_READY / SDK_NOT_READY', async () => {
    const { sdk, store } = setup();
    await store.dispatch(login({ userID: 'alice', userSig: 's' })).unwrap();
    sdk.emit('SDK_NOT_READY');
    expect(selectSession(store.getState()).status).toBe('notReady');
    sdk.emit('SDK_READY');
    expect(selectSession(store.getState()).status).toBe('ready');
  });

  it('SDK_READY names no user: without a login through the binding the session never says ready', async () => {
    const { sdk, store } = setup();
    sdk.emit('SDK_READY');
    expect(selectSession(store.getState())).toMatchObject({ status: 'idle', userID: null });
    await store.dispatch(login({ userID: 'alice', userSig: 's' })).unwrap();
    store.dispatch(resetTim({ reason: 'manual' }));
    sdk.emit('SDK_NOT_READY');
    sdk.emit('SDK_READY');
    expect(selectSession(store.getState())).toMatchObject({ status: 'idle', userID: null });
  });

  // Recorded: each kick, the message and conversation list before it, and the SDK_NOT_READY after it.
  it.each([
    ['multipleAccount', 'kicked-multiple-account'],
    ['multipleDevice', 'kicked-multiple-device'],
    ['userSigExpired', 'kicked-usersig-expired'],
    ['REST_API_Kick', 'kicked-rest-api'],
  ])(
    'kick (%s) records the reason, clears user data, and a later SDK_NOT_READY keeps kickedOut',
    async (reason, scenario) => {
      const { sdk, store, middleware } = setup();
      await store.dispatch(login({ userID: 'bob', userSig: 's' })).unwrap();
      sdk.emitRecorded('MESSAGE_RECEIVED', 'c2c-receive', { userID: 'bob' });
      sdk.emitRecorded('CONVERSATION_LIST_UPDATED', 'c2c-receive', { userID: 'bob', index: -1 });
      expect(middleware.registry.size).toBe(1);
      expect(store.getState().tim.conversations.table.keys).toEqual(['C2Calice']);
      sdk.emitRecorded('KICKED_OUT', scenario);
      sdk.emitRecorded('SDK_NOT_READY', scenario);
      const state = store.getState().tim;
      expect(state.session).toMatchObject({ status: 'kickedOut', kickedOutReason: reason, userID: null });
      expect(pagedKeys(state.messages.lists)).toEqual([]);
      expect(state.conversations.table.keys).toEqual([]);
      expect(state.profiles.table.keys).toEqual([]);
      expect(middleware.registry.size).toBe(0);
    },
  );

  it('a login pending when the user is kicked rejects', async () => {
    const { sdk, store } = setup();
    sdk.autoReady = false;
    const result = store.dispatch(login({ userID: 'alice', userSig: 's' })).unwrap();
    await flush();
    sdk.emitRecorded('KICKED_OUT', 'kicked-multiple-account');
    await expect(result).rejects.toMatchObject({ code: TIM_REDUX_ERROR.NOT_READY });
    expect(selectSession(store.getState()).status).toBe('kickedOut');
  });

  it('logout clears everything and ends in loggedOut, even when the SDK call fails', async () => {
    const { sdk, store } = setup();
    await store.dispatch(login({ userID: 'alice', userSig: 's' })).unwrap();
    sdk.emit('BLACKLIST_UPDATED', ['mallory']);
    sdk.logout.mockRejectedValueOnce({ code: 2800, message: 'network error' });
    await expect(store.dispatch(logout()).unwrap()).rejects.toEqual({ code: 2800, message: 'network error' });
    expect(selectSession(store.getState())).toMatchObject({ status: 'loggedOut', userID: null, error: { code: 2800 } });
    expect(store.getState().tim.relations.blacklist).toEqual([]);
  });

  it('logging in as another user logs the first out and clears their data first', async () => {
    const { sdk, store } = setup();
    await store.dispatch(login({ userID: 'alice', userSig: 's' })).unwrap();
    sdk.emit('MESSAGE_RECEIVED', [new FakeMessage({ from: 'bob', to: 'alice', text: 'for alice only' })]);
    await store.dispatch(login({ userID: 'carol', userSig: 's' })).unwrap();
    expect(sdk.logout).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(store.getState())).not.toContain('for alice only');
    expect(selectSession(store.getState())).toMatchObject({ status: 'ready', userID: 'carol' });
  });

  it('loads my own profile when the SDK becomes ready', async () => {
    const { store } = setup();
    await store.dispatch(login({ userID: 'alice', userSig: 's' })).unwrap();
    await flush();
    expect(selectMyProfile(store.getState())).toMatchObject({ userID: 'alice', nick: 'alice nick' });
    // the fields of a real 2.27.6 Profile (recorded), kept in extra
    expect(selectMyProfile(store.getState())?.extra).toMatchObject({
      gender: '',
      allowType: 'AllowType_Type_AllowAny',
    });
  });

  it('resetTim clears user data but keeps the network state', async () => {
    const { sdk, store } = setup();
    await store.dispatch(login({ userID: 'alice', userSig: 's' })).unwrap();
    sdk.emit('NET_STATE_CHANGE', { state: 'connecting' });
    store.dispatch(resetTim({ reason: 'manual' }));
    expect(store.getState().tim.net.state).toBe('connecting');
    expect(selectSession(store.getState()).status).toBe('idle');
  });
});
