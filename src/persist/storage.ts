/**
 * Where snapshots go: the storage contract and the adapters for `localStorage`, the mini-program
 * storage and memory. The IndexedDB adapter has its own file (`indexedDB.ts`), so that its library
 * is bundled only into apps that use it.
 */

/** What a storage must do; sync or async results both accepted. Values are strings (JSON). */
export interface TimPersistStorage {
  /** The value under `key`, or null when there is none. */
  getItem(key: string): Promise<string | null> | string | null;
  /** Stores `value` under `key`. A full quota throws or rejects (the binding records it). */
  setItem(key: string, value: string): Promise<void> | void;
  /** Deletes `key` (no error when it is absent). */
  removeItem(key: string): Promise<void> | void;
}

/** A storage in memory, for tests and server rendering: nothing outlives the page. */
export function memoryStorage(): TimPersistStorage & { readonly data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

/** The part of the Web Storage API (`localStorage`, `sessionStorage`) the adapter uses. */
export interface WebStorageLike {
  /** `Storage.getItem`. */
  getItem(key: string): string | null;
  /** `Storage.setItem` (throws `QuotaExceededError` when full). */
  setItem(key: string, value: string): void;
  /** `Storage.removeItem`. */
  removeItem(key: string): void;
}

/**
 * `localStorage` (or any Web Storage, e.g. `sessionStorage`). Synchronous and limited to about
 * 5 MB per origin: prefer `indexedDBStorage()` for more than a few hundred conversations. Where no
 * storage is given and there is no `localStorage` (Node, a sandboxed iframe that throws on access),
 * every call fails and the binding records the failure in `state.tim.errors`.
 */
export function localStorageStorage(storage?: WebStorageLike): TimPersistStorage {
  // Read on each call: touching `localStorage` throws in some sandboxed iframes and privacy modes.
  const target = (): WebStorageLike => {
    const s = storage ?? (globalThis as { localStorage?: WebStorageLike }).localStorage;
    if (!s) throw new Error('localStorage is not available here');
    return s;
  };
  return {
    getItem: (key) => target().getItem(key),
    setItem: (key, value) => target().setItem(key, value),
    removeItem: (key) => target().removeItem(key),
  };
}

/** The callback options of the mini-program storage API (`wx.getStorage` and friends). */
export interface WxStorageCallbacks<T> {
  /** Called with the result. */
  success?: (result: T) => void;
  /** Called with `{ errMsg }` (`'getStorage:fail data not found'` for a missing key). */
  fail?: (error: { errMsg?: string }) => void;
}

/** The part of the mini-program `wx` object the adapter uses (also `qq`, `tt`, `my`-like shims with the same API). */
export interface WxStorageApi {
  /** `wx.getStorage({ key, success({ data }), fail })`: fails when the key is absent. */
  getStorage(options: { key: string } & WxStorageCallbacks<{ data: unknown }>): void;
  /** `wx.setStorage({ key, data, success, fail })`: fails past the 1 MB per key / 10 MB quota. */
  setStorage(options: { key: string; data: string } & WxStorageCallbacks<unknown>): void;
  /** `wx.removeStorage({ key, success, fail })`. */
  removeStorage(options: { key: string } & WxStorageCallbacks<unknown>): void;
}

function wxError(error: { errMsg?: string } | undefined): Error {
  return new Error(error?.errMsg || 'mini-program storage call failed');
}

/**
 * The mini-program storage, through the asynchronous `wx.getStorage` / `setStorage` /
 * `removeStorage` (the synchronous ones would block the render thread on a large snapshot). A
 * missing key (`getStorage` fails with "data not found") reads as null. Mind the mini-program limit
 * of 1 MB per key: keep `maxConversations` and `maxMessagesPerConversation` small there.
 */
export function wxStorage(wx: WxStorageApi): TimPersistStorage {
  return {
    getItem: (key) =>
      new Promise<string | null>((resolve, reject) =>
        wx.getStorage({
          key,
          success: ({ data }) =>
            resolve(typeof data === 'string' ? data : data == null || data === '' ? null : JSON.stringify(data)),
          fail: (error) => (/not found/i.test(error?.errMsg ?? '') ? resolve(null) : reject(wxError(error))),
        }),
      ),
    setItem: (key, value) =>
      new Promise<void>((resolve, reject) =>
        wx.setStorage({ key, data: value, success: () => resolve(), fail: (error) => reject(wxError(error)) }),
      ),
    removeItem: (key) =>
      new Promise<void>((resolve, reject) =>
        wx.removeStorage({ key, success: () => resolve(), fail: (error) => reject(wxError(error)) }),
      ),
  };
}
