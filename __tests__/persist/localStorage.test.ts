/**
 * @jest-environment jsdom
 *
 * `localStorageStorage` on jsdom's Web Storage.
 */
import { localStorageStorage, selectRestoredView, type WebStorageLike } from '../../src';
import { failOnConsoleWarnings } from '../helpers/store';
import { APP, loginAs, persistedStore, sync, wait, world } from './harness';

describe('localStorageStorage', () => {
  failOnConsoleWarnings();
  beforeEach(() => window.localStorage.clear());

  it('round-trips through window.localStorage', () => {
    const storage = localStorageStorage();
    expect(storage.getItem('k')).toBeNull();
    storage.setItem('k', 'v');
    expect(window.localStorage.getItem('k')).toBe('v');
    storage.removeItem('k');
    expect(window.localStorage.getItem('k')).toBeNull();
  });

  it('takes another Web Storage (sessionStorage)', () => {
    localStorageStorage(window.sessionStorage).setItem('k', 's');
    expect(window.sessionStorage.getItem('k')).toBe('s');
  });

  it('throws where there is none (the binding records it)', () => {
    const storage = localStorageStorage(undefined as unknown as WebStorageLike);
    const saved = Object.getOwnPropertyDescriptor(window, 'localStorage');
    Object.defineProperty(window, 'localStorage', { configurable: true, get: () => undefined });
    try {
      expect(() => storage.getItem('k')).toThrow('localStorage is not available here');
    } finally {
      if (saved) Object.defineProperty(window, 'localStorage', saved);
    }
  });

  it('saves and restores a session', async () => {
    const first = persistedStore(localStorageStorage());
    world(first.sdk);
    await loginAs(first);
    await sync(first);
    await wait(30);
    expect(window.localStorage.getItem(`tim-redux:${APP}:bob`)).toContain('carol 1');
    first.middleware.close();
    const second = persistedStore(localStorageStorage());
    second.sdk.autoReady = false;
    const pending = loginAs(second);
    await wait(10);
    expect(selectRestoredView(second.store.getState())).toBe(true);
    second.sdk.becomeReady();
    await pending;
    second.middleware.close();
  });
});

describe('saving when the page is hidden or goes', () => {
  failOnConsoleWarnings();
  beforeEach(() => window.localStorage.clear());

  const setVisibility = (state: 'visible' | 'hidden') =>
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  afterEach(() => setVisibility('visible'));

  it.each(['pagehide', 'visibilitychange'] as const)(
    '%s saves a due save at once, not after the debounce',
    async (event) => {
      const made = persistedStore(localStorageStorage(), { debounceMs: 60_000 });
      world(made.sdk);
      await loginAs(made);
      await sync(made);
      expect(window.localStorage.getItem(`tim-redux:${APP}:bob`)).toBeNull();
      setVisibility('hidden');
      if (event === 'pagehide') window.dispatchEvent(new Event('pagehide'));
      else document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
      await wait(0);
      expect(window.localStorage.getItem(`tim-redux:${APP}:bob`)).toContain('carol 1');
      made.middleware.close();
    },
  );

  it('saveOnHide: false waits for the debounce', async () => {
    const made = persistedStore(localStorageStorage(), { debounceMs: 60_000, saveOnHide: false });
    world(made.sdk);
    await loginAs(made);
    await sync(made);
    window.dispatchEvent(new Event('pagehide'));
    await wait(0);
    expect(window.localStorage.getItem(`tim-redux:${APP}:bob`)).toBeNull();
    made.middleware.close();
  });
});
