/**
 * Persistence in a mini-program: tim-wx-sdk 2.27.6 under the wx shim, the snapshot in the
 * mini-program storage through `wxStorage(wx)` (the asynchronous `wx.getStorage` / `setStorage` /
 * `removeStorage`), next to the SDK's own `TIM_<SDKAppID>_<userID>_` keys.
 */
import {
  createTimPersistence,
  getMessageList,
  login,
  logout,
  selectConversationList,
  selectMessagesByConversationID,
  selectRestoredView,
  wxStorage,
  type WxStorageApi,
} from '../../src';
import { startEmulator, type Emulator } from '../../src/emulator';
import { constants, createSdk, shutdown, sleep, until, type Sdk } from '../emulator/sdk';
import { makeStore } from '../helpers/store';
import { useWxShim } from '../helpers/wx';

const shim = useWxShim();
const KEY = 'tim-redux:1400000888:bob';

describe('persistence on tim-wx-sdk with wxStorage', () => {
  const { EVENT } = constants('tim-wx-sdk');
  let emu: Emulator;
  let sdks: Sdk[] = [];
  const closers: Array<() => void> = [];

  beforeEach(async () => {
    emu = await startEmulator();
    emu.injectC2CMessage({ from: 'carol', to: 'bob', text: 'carol on wx' });
  });
  afterEach(async () => {
    for (const close of closers.splice(0)) close();
    await shutdown(...sdks);
    sdks = [];
    await emu.stop();
  });

  const page = () => {
    const sdk = createSdk('tim-wx-sdk', emu.url);
    sdks.push(sdk);
    const wx = (globalThis as unknown as { wx: WxStorageApi }).wx;
    const made = makeStore(sdk, {
      events: EVENT,
      persist: createTimPersistence({ storage: wxStorage(wx), SDKAppID: 1400000888, debounceMs: 20 }),
    });
    closers.push(() => made.middleware.close());
    return { sdk, ...made };
  };

  it('saves to the mini-program storage, restores before ready, deletes at logout', async () => {
    const first = page();
    await first.store.dispatch(login({ userID: 'bob', userSig: 'sig-bob' })).unwrap();
    await sleep(1200);
    await first.store.dispatch(getMessageList('C2Ccarol')).unwrap();
    first.middleware.close(); // writes the save that is due (with the page's messages)
    const saved = () => String(shim.storage.get(KEY) ?? '').includes('"messages":[{"conversationID":"C2Ccarol"');
    await until(saved, 2000, 'the save at close');
    sdks = sdks.filter((s) => s !== first.sdk);
    await first.sdk.destroy().catch(() => undefined);

    const second = page();
    let shown: string[] = [];
    const stop = second.store.subscribe(() => {
      const state = second.store.getState();
      if (shown.length === 0 && selectRestoredView(state) && state.tim.session.status === 'loggingIn')
        shown = selectMessagesByConversationID(state, 'C2Ccarol').map((m) => String(m.payload.text));
    });
    await second.store.dispatch(login({ userID: 'bob', userSig: 'sig-bob' })).unwrap();
    stop();
    expect(shown).toEqual(['carol on wx']);
    await sleep(1200);
    expect(selectRestoredView(second.store.getState())).toBe(false);
    expect(selectConversationList(second.store.getState()).map((c) => c.conversationID)).toEqual(['C2Ccarol']);
    await second.store.dispatch(logout()).unwrap();
    await until(() => !shim.storage.has(KEY), 2000, 'the delete');
  });
});
