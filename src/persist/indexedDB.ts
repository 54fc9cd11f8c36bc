/**
 * The IndexedDB adapter, on `idb-keyval` 6 (a ~600 B wrapper, 14 M downloads a month; chosen from
 * the package lists). Its own module, so that only apps that call `indexedDBStorage()` bundle it.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { TimPersistStorage } from './storage';

/** Options of `indexedDBStorage`. */
export interface IndexedDBStorageOptions {
  /** The database name. Default `'tim-redux'`. */
  dbName?: string;
  /** The object store name. Default `'snapshots'`. */
  storeName?: string;
}

/**
 * IndexedDB, the browser storage for large snapshots (no 5 MB `localStorage` limit, and writes do
 * not block the page). The database is opened on first use, not when this is called, so creating
 * the adapter where there is no IndexedDB (Node, server rendering) does not throw; using it there
 * fails, and the binding records the failure in `state.tim.errors`.
 */
export function indexedDBStorage(options: IndexedDBStorageOptions = {}): TimPersistStorage {
  let store: UseStore | null = null;
  const db = (): UseStore => (store ??= createStore(options.dbName ?? 'tim-redux', options.storeName ?? 'snapshots'));
  return {
    getItem: async (key) => {
      const value: unknown = await get(key, db());
      return typeof value === 'string' ? value : null;
    },
    setItem: (key, value) => set(key, value, db()),
    removeItem: (key) => del(key, db()),
  };
}
