/**
 * The storage adapters: each one round-trips, reads an absent key as null, and carries a whole
 * save → restore through the binding. IndexedDB runs on fake-indexeddb; localStorage has its own
 * jsdom file (localStorage.test.ts).
 */
import 'fake-indexeddb/auto';
import {
  indexedDBStorage,
  memoryStorage,
  selectConversationList,
  selectMessagesByConversationID,
  selectRestoredView,
  wxStorage,
  type TimPersistStorage,
  type WxStorageApi,
} from '../../src';
import { failOnConsoleWarnings } from '../helpers/store';
import { loginAs, persistedStore, sync, wait, world } from './harness';

/** A wx-shaped object with the callback storage API of the mini-program runtime. */
function fakeWx(failWith?: string): WxStorageApi & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  const later = (fn: () => void) => setTimeout(fn, 0);
  return {
    data,
    getStorage: ({ key, success, fail }) =>
      later(() =>
        failWith
          ? fail?.({ errMsg: `getStorage:fail ${failWith}` })
          : data.has(key)
            ? success?.({ data: data.get(key) })
            : fail?.({ errMsg: 'getStorage:fail data not found' }),
      ),
    setStorage: ({ key, data: value, success, fail }) =>
      later(() =>
        failWith ? fail?.({ errMsg: `setStorage:fail ${failWith}` }) : (data.set(key, value), success?.({})),
      ),
    removeStorage: ({ key, success }) => later(() => (data.delete(key), success?.({}))),
  };
}

const adapters: Array<[string, () => TimPersistStorage]> = [
  ['memoryStorage', () => memoryStorage()],
  ['indexedDBStorage', () => indexedDBStorage({ dbName: `test-${Math.random()}` })],
  ['wxStorage', () => wxStorage(fakeWx())],
];

describe.each(adapters)('%s', (_name, make) => {
  failOnConsoleWarnings();

  it('round-trips a value, reads an absent key as null, removes', async () => {
    const storage = make();
    expect(await storage.getItem('k')).toBeNull();
    await storage.setItem('k', '{"a":1}');
    expect(await storage.getItem('k')).toBe('{"a":1}');
    await storage.removeItem('k');
    expect(await storage.getItem('k')).toBeNull();
    await storage.removeItem('absent'); // no error
  });
});

describe('a restore through each adapter, before the SDK is ready', () => {
  failOnConsoleWarnings();
  it.each(adapters)('%s', async (_name, make) => {
    const storage = make();
    const first = persistedStore(storage);
    world(first.sdk);
    await loginAs(first);
    await sync(first);
    await wait(30);
    first.middleware.close();

    const second = persistedStore(storage);
    second.sdk.autoReady = false;
    const pending = loginAs(second);
    await wait(20);
    const state = second.store.getState();
    expect(state.tim.session.status).toBe('loggingIn');
    expect(selectRestoredView(state)).toBe(true);
    expect(selectConversationList(state).map((c) => c.conversationID)).toEqual(['C2Cdave', 'C2Ccarol']);
    expect(selectMessagesByConversationID(state, 'C2Ccarol').map((m) => m.payload.text)).toEqual([
      'carol 1',
      'bob to carol',
    ]);
    second.sdk.becomeReady();
    await pending;
    second.middleware.close();
  });
});

describe('wxStorage errors', () => {
  it('a failing getStorage other than "data not found" rejects with its errMsg', async () => {
    const storage = wxStorage(fakeWx('storage is broken'));
    await expect(storage.getItem('k')).rejects.toThrow('getStorage:fail storage is broken');
    await expect(storage.setItem('k', 'v')).rejects.toThrow('setStorage:fail storage is broken');
  });
});
