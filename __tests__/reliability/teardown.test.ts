/**
 * Teardown (issue 5, part 5): after `middleware.close()` (or the detach action) no SDK handler is
 * left, events no longer reach the store, and no timer keeps the process alive: a `login` waiting
 * for SDK_READY is settled and its timer cleared by close, logout and kick. Timers are counted
 * with jest's fake timers (`jest.getTimerCount()`), not measured.
 */
import TIM from 'tim-js-sdk';
import TencentCloudChat from '@tencentcloud/chat';
import { detachTim, login, logout, TIM_REDUX_ERROR } from '../../src';
import { FakeSdk } from '../helpers/fakeSdk';
import { failOnConsoleWarnings, makeStore } from '../helpers/store';

failOnConsoleWarnings();

/** Lets promise callbacks run without letting any (fake) timer fire. */
async function microtasks(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.resolve();
}

/**
 * No timer is left once RTK's own auto-batch notification (a 10 ms timer after an event action)
 * has run: 100 ms of fake time is far below the 30 s ready timeout, so a leftover ready timer
 * still counts.
 */
function expectNoTimerLeft(): void {
  jest.advanceTimersByTime(100);
  expect(jest.getTimerCount()).toBe(0);
}

describe('no handler remains', () => {
  it.each([
    ['the built-in table (39 events)', undefined, 39],
    ['tim-js-sdk 2.x TIM.EVENT', TIM.EVENT as unknown as Record<string, string>, 31],
    ['@tencentcloud/chat 3.x EVENT', TencentCloudChat.EVENT as unknown as Record<string, string>, 37],
  ])('close() with %s', (_label, events, count) => {
    const sdk = new FakeSdk();
    const { store, middleware } = makeStore(sdk, events ? { events } : undefined);
    expect(sdk.handlerCount()).toBe(count);
    middleware.close();
    expect(sdk.handlerCount()).toBe(0);
    // Every handler given to on() was given to off().
    const given = sdk.on.mock.calls.map(([name, handler]) => [name, handler]);
    const taken = sdk.off.mock.calls.map(([name, handler]) => [name, handler]);
    expect(taken).toEqual(given);
    // Events no longer reach the store.
    const before = store.getState();
    sdk.emit('NET_STATE_CHANGE', { state: 'disconnected' });
    sdk.emit('KICKED_OUT', { type: 'multipleAccount' });
    expect(store.getState()).toBe(before);
  });

  it('the detach action, twice, and close() after it', () => {
    const sdk = new FakeSdk();
    const { store, middleware } = makeStore(sdk);
    store.dispatch(detachTim());
    store.dispatch(detachTim());
    middleware.close();
    expect(sdk.handlerCount()).toBe(0);
    expect(sdk.off).toHaveBeenCalledTimes(39);
  });

  it('a store re-created on the same SDK (StrictMode) and closed leaves no handler of either', () => {
    const sdk = new FakeSdk();
    const first = makeStore(sdk);
    const second = makeStore(sdk);
    expect(sdk.handlerCount()).toBe(39);
    second.middleware.close();
    first.middleware.close();
    expect(sdk.handlerCount()).toBe(0);
  });
});

describe('no timer keeps the process alive', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  /** A login that waits for SDK_READY, which this SDK never sends by itself. */
  async function waitingLogin() {
    const sdk = new FakeSdk();
    sdk.autoReady = false;
    const made = makeStore(sdk);
    const pending = made.store.dispatch(login({ userID: 'alice', userSig: 'sig', readyTimeoutMs: 30_000 }));
    await microtasks();
    expect(sdk.login).toHaveBeenCalledTimes(1);
    expect(jest.getTimerCount()).toBe(1); // the ready timeout
    jest.advanceTimersByTime(100);
    expect(jest.getTimerCount()).toBe(1); // still waiting
    return { sdk, pending, ...made };
  }

  it('close() while login waits for SDK_READY: login rejects and its timer is cleared', async () => {
    const { pending, middleware } = await waitingLogin();
    middleware.close();
    const result = await pending;
    expect(result.payload).toEqual({ code: TIM_REDUX_ERROR.NOT_READY, message: expect.any(String) });
    expectNoTimerLeft();
  });

  it('logout while login waits for SDK_READY: the logout waits for the login to settle (here its timeout)', async () => {
    const { pending, store, sdk } = await waitingLogin();
    const loggingOut = store.dispatch(logout());
    await microtasks();
    expect(sdk.logout).not.toHaveBeenCalled(); // logging out before SDK_READY breaks tim-js-sdk 2.27.6
    jest.advanceTimersByTime(30_000);
    expect((await pending).payload).toMatchObject({ code: TIM_REDUX_ERROR.NOT_READY });
    expect((await loggingOut).type).toBe(logout.fulfilled.type);
    expect(sdk.logout).toHaveBeenCalledTimes(1);
    expectNoTimerLeft();
  });

  it('a kick while login waits for SDK_READY', async () => {
    const { pending, sdk, store } = await waitingLogin();
    sdk.emit('KICKED_OUT', { type: 'userSigExpired' });
    expect((await pending).payload).toMatchObject({ code: TIM_REDUX_ERROR.NOT_READY });
    expectNoTimerLeft();
    expect(store.getState().tim.session).toMatchObject({ status: 'kickedOut', kickedOutReason: 'userSigExpired' });
  });

  it('SDK_READY in time: login resolves and its timer is cleared', async () => {
    const { pending, sdk } = await waitingLogin();
    sdk.becomeReady();
    expect((await pending).type).toBe('tim/login/fulfilled');
    await microtasks();
    expectNoTimerLeft();
  });

  it('no SDK_READY at all: login rejects at its timeout and leaves no timer', async () => {
    const { pending } = await waitingLogin();
    jest.advanceTimersByTime(30_000);
    expect((await pending).payload).toMatchObject({ code: TIM_REDUX_ERROR.NOT_READY });
    expectNoTimerLeft();
  });

  // Was BUG 13 (found here, fixed in 366f510): thunks still reach the SDK after the middleware is closed (the middleware keeps
  // answering getTimContext). A login dispatched after close() calls sdk.login and then waits for
  // an SDK_READY that can never arrive (the handlers are off), keeping a 30 s timer alive; it
  // should reject at once (e.g. NO_MIDDLEWARE / NOT_READY) without calling the SDK.
  // Repro: makeStore(sdk); middleware.close(); dispatch(login(...)): sdk.login is called and
  // jest.getTimerCount() is 1 until the 30 s timeout.
  it('a login dispatched after close() neither calls the SDK nor leaves a timer (was BUG 13)', async () => {
    const sdk = new FakeSdk();
    sdk.autoReady = false;
    const { store, middleware } = makeStore(sdk);
    middleware.close();
    const pending = store.dispatch(login({ userID: 'alice', userSig: 'sig' }));
    await microtasks();
    expect(sdk.login).not.toHaveBeenCalled();
    expectNoTimerLeft();
    expect((await pending).type).toBe('tim/login/rejected');
  });
});
