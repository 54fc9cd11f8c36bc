/**
 * Issue 15, item 7: the names and types say what they hold, and test output stays clean.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import {
  login,
  selectEventErrors,
  selectIsLoggedIn,
  selectIsLoggedInOrLoggingIn,
  selectIsLoginComplete,
  selectNetState,
  type NetState,
} from '../../src';
import { FakeSdk } from '../helpers/fakeSdk';
import { isSdkBanner } from '../helpers/quietSdkBanner';
import { flush, makeStore } from '../helpers/store';

describe('small truths', () => {
  it('NetState is the SDK three values; anything else is an event error and keeps the state', () => {
    const sdk = new FakeSdk();
    const { store } = makeStore(sdk);
    const states: NetState[] = ['connecting', 'disconnected', 'connected'];
    for (const state of states) {
      sdk.emit('NET_STATE_CHANGE', { state });
      expect(selectNetState(store.getState())).toBe(state);
    }
    sdk.emit('NET_STATE_CHANGE', { state: 'sleeping' });
    expect(selectNetState(store.getState())).toBe('connected');
    expect(selectEventErrors(store.getState()).map((e) => e.event)).toEqual(['netStateChange']);
  });

  it('selectIsLoginComplete is false while logging in; the deprecated selectIsLoggedIn is already true', async () => {
    const sdk = new FakeSdk();
    sdk.autoReady = false;
    const { store } = makeStore(sdk);
    const pending = store.dispatch(login({ userID: 'alice', userSig: 's' }));
    await flush();
    expect(selectIsLoggedIn(store.getState())).toBe(true);
    expect(selectIsLoggedInOrLoggingIn(store.getState())).toBe(true);
    expect(selectIsLoginComplete(store.getState())).toBe(false);
    sdk.becomeReady();
    await pending;
    expect(selectIsLoginComplete(store.getState())).toBe(true);
  });

  it('recognises both SDKs version banners, and nothing else', () => {
    expect(isSdkBanner([' TIM  08:42:02.024 TIM.VERSION:2.27.6'])).toBe(true);
    expect(isSdkBanner([' Chat  08:42:02.253 TencentCloudChat.VERSION:3.6.6'])).toBe(true);
    expect(
      isSdkBanner(['%c TIM ', 'background:#0abf5b', 'background:transparent', '08:42', 'TIM.VERSION:2.27.6']),
    ).toBe(true);
    expect(isSdkBanner(['TIM.VERSION:2.27.6 is what I use'])).toBe(false);
    expect(isSdkBanner([' TIM  08:42:02.024 SDK_READY'])).toBe(false);
  });

  it('a test file that creates both real SDKs prints no banner', () => {
    const root = path.resolve(__dirname, '../..');
    const run = spawnSync(process.execPath, ['node_modules/.bin/jest', '__tests__/events.test.ts', '--colors=false'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status).toBe(0);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/VERSION:\d/);
  }, 130_000);
});
