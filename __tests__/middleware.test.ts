import TIM from 'tim-js-sdk';
import TencentCloudChat from '@tencentcloud/chat';
import { configureStore, type Middleware } from '@reduxjs/toolkit';
import { createTimMiddleware, detachTim, selectSession, TIM_EVENTS, timReducer, login, TIM_REDUX_ERROR } from '../src';
import { FakeSdk } from './helpers/fakeSdk';
import { failOnConsoleWarnings, makeStore } from './helpers/store';

failOnConsoleWarnings();

const allNames = Object.values(TIM_EVENTS);

describe('event subscription', () => {
  it('subscribes once to every known event by default (39 names)', () => {
    const sdk = new FakeSdk();
    makeStore(sdk);
    expect(allNames).toHaveLength(39);
    expect(sdk.on).toHaveBeenCalledTimes(39);
    expect(new Set(sdk.on.mock.calls.map((c) => c[0]))).toEqual(new Set(allNames));
  });

  it('covers every runtime event of tim-js-sdk 2.27.6 (31) and @tencentcloud/chat 3.6.6 (37)', () => {
    const v2 = Object.values(TIM.EVENT as Record<string, string>);
    const v3 = Object.values(TencentCloudChat.EVENT as Record<string, string>);
    expect(v2).toHaveLength(31);
    expect(v3).toHaveLength(37);
    // tim-wx-sdk (the mini-program twin) ships no .d.ts; its runtime table is 2.x's.
    const wx = require('tim-wx-sdk') as { EVENT: Record<string, string> };
    expect(Object.values(wx.EVENT).sort()).toEqual(v2.slice().sort());
    for (const name of [...v2, ...v3]) expect(allNames).toContain(name);
    for (const [events, count] of [
      [TIM.EVENT, 31],
      [TencentCloudChat.EVENT, 37],
    ] as const) {
      const sdk = new FakeSdk();
      makeStore(sdk, { events: events as unknown as Record<string, string> });
      expect(sdk.handlerCount()).toBe(count);
    }
  });

  it('close() and the detach action call off for every handler', () => {
    const sdk = new FakeSdk();
    const { middleware, store } = makeStore(sdk);
    expect(sdk.handlerCount()).toBe(39);
    middleware.close();
    expect(sdk.off).toHaveBeenCalledTimes(39);
    expect(sdk.handlerCount()).toBe(0);

    const sdk2 = new FakeSdk();
    const second = makeStore(sdk2);
    second.store.dispatch(detachTim());
    expect(sdk2.handlerCount()).toBe(0);
    void store;
  });

  it('a second store on the same SDK (React StrictMode) does not double handlers', () => {
    const sdk = new FakeSdk();
    const first = makeStore(sdk);
    const second = makeStore(sdk);
    expect(sdk.handlerCount()).toBe(39);
    sdk.emit('NET_STATE_CHANGE', { state: 'connecting' });
    expect(second.store.getState().tim.net.state).toBe('connecting');
    expect(first.store.getState().tim.net.state).toBe('connected');
  });

  it('dispatches events it has no slice for as a generic, serializable action', () => {
    const sdk = new FakeSdk();
    const { store } = makeStore(sdk, { events: { ...TIM_EVENTS, SOMETHING_NEW: 'onSomethingNew' } });
    const payload = new (class Weird {
      a = 1;
      _hidden = 2;
      nested = { when: new Date(5), fn: () => 1 };
    })();
    sdk.emit('onSomethingNew', payload);
    expect(store.getState().tim.unhandled.onSomethingNew).toEqual({ a: 1, nested: { when: 5 } });
  });

  it('one action per event, never one per item', () => {
    const sdk = new FakeSdk();
    const seen: string[] = [];
    const spy: Middleware = () => (next) => (action) => {
      seen.push((action as { type: string }).type);
      return next(action);
    };
    const store = configureStore({
      reducer: { tim: timReducer },
      middleware: (g) => g().concat(createTimMiddleware(sdk as never), spy),
    });
    sdk.emit('BLACKLIST_UPDATED', ['a', 'b', 'c']);
    sdk.emit('PROFILE_UPDATED', [{ userID: 'a' }, { userID: 'b' }, { userID: 'c' }]);
    expect(seen).toEqual(['tim/blacklistUpdated', 'tim/profilesUpdated']);
    void store;
  });
});

describe('thunks need no extra set-up', () => {
  it('reach the SDK through the middleware', async () => {
    const sdk = new FakeSdk();
    const { store } = makeStore(sdk);
    await store.dispatch(login({ userID: 'alice', userSig: 'sig' })).unwrap();
    expect(sdk.login).toHaveBeenCalledWith({ userID: 'alice', userSig: 'sig' });
    expect(selectSession(store.getState()).status).toBe('ready');
  });

  it('reject with a clear error when the middleware is missing', async () => {
    const store = configureStore({ reducer: { tim: timReducer } });
    await expect(store.dispatch(login({ userID: 'alice', userSig: 'sig' })).unwrap()).rejects.toEqual({
      code: TIM_REDUX_ERROR.NO_MIDDLEWARE,
      message: expect.stringContaining('createTimMiddleware'),
    });
  });
});
