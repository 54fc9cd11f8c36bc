/**
 * The persistence part of the middleware: restore on login, debounced save, delete on logout and
 * kick. Everything that touches storage runs in a queue off the dispatch path; after an action the
 * middleware only compares a few references (the slices are immutable: a reference that did not
 * change is data that did not change).
 */
import type { Dispatch, MiddlewareAPI, UnknownAction } from '@reduxjs/toolkit';
import { conversationListUpdated, eventFailed, kickedOut, resetTim, sdkReady } from '../actions';
import { TIM_REDUX_ERROR } from '../errors';
import { pagedGet } from '../entities/pagedTable';
import { isUserDataReset } from '../slices/reset';
import { loginStarted, logout } from '../thunks/session';
import type { EventError, RootStateWithTim, TimState } from '../types';
import { confirmRestored, createRestoredSync } from './confirm';
import { ATTACH, type AttachablePersistence, type PersistAttachHost, type TimPersistence } from './hook';
import { snapshotRestored } from './restore';
import { snapshotJSON } from './json';
import { readSnapshot, takeSnapshot, type SnapshotLimits } from './snapshot';
import type { TimPersistStorage } from './storage';

/** What `createTimPersistence` takes: where and how much of the store to keep per user. */
export interface TimPersistOptions {
  /** Where snapshots go: `indexedDBStorage()`, `localStorageStorage()`, `wxStorage(wx)`, `memoryStorage()` or your own. */
  storage: TimPersistStorage;
  /** Prefix of the storage key; the full key is `${key}:${SDKAppID}:${userID}`. Default `'tim-redux'`. */
  key?: string;
  /**
   * The SDKAppID given to `TIM.create`. Both SDKs keep it in their login module (2.27.6 tim-js.js
   * `getModule(xn).getSDKAppID()`, 3.6.6 index.js `this._m.get(12).getSDKAppID()`, `this._SDKAppID`
   * set from the create options; their own storage keys are `TIM_${SDKAppID}_${userID}_…`, see
   * `_getPrefix`), but neither exposes it on the instance `TIM.create` returns: that object is built
   * from a fixed table of API names (`An` / `Kn` in `create`) without `getSDKAppID`. So it is taken
   * from here, else from an SDK that has `getSDKAppID()` (a custom one), else the key holds
   * `default`: then two apps on one origin share a user's key. Give it.
   */
  SDKAppID?: number | string;
  /** Newest messages saved per conversation. Default 30. */
  maxMessagesPerConversation?: number;
  /** Conversations saved, pinned and newest first. Default 1,000. */
  maxConversations?: number;
  /** A save runs this long after the last change (debounced), never on the dispatch path. Default 1,000 ms. */
  debounceMs?: number;
  /**
   * Also save at once when the page is hidden (`visibilitychange` to hidden, `pagehide`), so a reload
   * within `debounceMs` of a message keeps it. Default true; a no-op where there is no `document`.
   */
  saveOnHide?: boolean;
}

/** Defaults of `TimPersistOptions`. */
export const PERSIST_DEFAULTS = {
  key: 'tim-redux',
  maxMessagesPerConversation: 30,
  maxConversations: 1000,
  debounceMs: 1000,
} as const;

type Api = MiddlewareAPI<Dispatch<UnknownAction>, RootStateWithTim>;

/** What the middleware gives the persistence. */
export interface PersistHost {
  /** The SDK's SDKAppID when it says (custom SDKs); the bundled ones do not. */
  sdkAppID(): string | null;
  /** The session's epoch (bumped at every reset): a restore from another epoch is dropped. */
  epoch(): number;
  /** Called with every persistence error, after it is recorded in state. */
  onError?: (error: EventError) => void;
  /** After SDK_READY of a login that restored a snapshot: make the SDK's total and whole list land. */
  confirmRestored(api: Api): void;
  /** A list event came while the restored view is on: end the view once the SDK's list is whole. */
  listWhileRestored(api: Api): void;
}

/** What the middleware calls. */
export interface Persistence {
  /** After `next(action)`; `before` is the state before it. Never throws. */
  afterAction(api: Api, action: UnknownAction, before: RootStateWithTim): void;
  /** Writes a due save, then stops timers and listeners (the middleware was closed). */
  close(): void;
}

/** Resets after which the user's snapshot is deleted: logout, kick, user switch, a manual reset. A failed login is not one. */
function deletesSnapshot(action: UnknownAction): boolean {
  return (
    logout.fulfilled.match(action) || logout.rejected.match(action) || kickedOut.match(action) || resetTim.match(action)
  );
}

const LIVE = new Set(['loggingIn', 'ready', 'notReady']);

/** Creates the persistence of one middleware. */
export function createPersistence(options: TimPersistOptions, host: PersistHost): Persistence {
  const { storage } = options;
  const prefix = options.key ?? PERSIST_DEFAULTS.key;
  const limits: SnapshotLimits = {
    maxConversations: options.maxConversations ?? PERSIST_DEFAULTS.maxConversations,
    maxMessagesPerConversation: options.maxMessagesPerConversation ?? PERSIST_DEFAULTS.maxMessagesPerConversation,
  };
  const debounceMs = options.debounceMs ?? PERSIST_DEFAULTS.debounceMs;
  const appID = (): string => String(options.SDKAppID ?? host.sdkAppID() ?? 'default');
  const keyOf = (userID: string) => `${prefix}:${appID()}:${userID}`;

  // Storage calls one at a time, in order: a delete after a save must not be overtaken by it.
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(op: () => Promise<T> | T): Promise<T> => {
    const run = queue.then(op);
    queue = run.catch(() => undefined);
    return run;
  };

  let api: Api | null = null;
  const report = (code: number, message: string) => {
    const error: EventError = { event: 'persist', code, message: message.slice(0, 2000), at: Date.now() };
    try {
      api?.dispatch(eventFailed(error));
    } catch {
      /* the error slice failed: nothing more to do without throwing */
    }
    host.onError?.(error);
  };
  const storageFailed = (what: string, e: unknown) =>
    report(
      TIM_REDUX_ERROR.STORAGE_FAILED,
      `persist: ${what} failed: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`,
    );

  // What was last saved (or restored): a save runs only when one of these changed. Compared field by
  // field after every action, without allocating: this is the whole cost of persistence per message.
  let saved: TimState | null = null;
  const changedSince = (tim: TimState): boolean =>
    saved === null ||
    tim.conversations.table !== saved.conversations.table ||
    tim.conversations.totalUnreadCount !== saved.conversations.totalUnreadCount ||
    tim.messages.lists !== saved.messages.lists ||
    tim.profiles.table !== saved.profiles.table ||
    tim.groups.table !== saved.groups.table ||
    tim.groups.embedded !== saved.groups.embedded;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let restoredLogin = false;

  /** The user whose data the state holds and may be saved, or null. */
  const savable = (tim: TimState): string | null => {
    const { userID, status } = tim.session;
    if (userID === null || !LIVE.has(status)) return null;
    // Not before the SDK's list (an empty store must not overwrite the snapshot), nor while restored.
    return tim.conversations.synced && !tim.conversations.restored ? userID : null;
  };

  const save = () => {
    timer = null;
    const tim = api?.getState().tim;
    const userID = tim ? savable(tim) : null;
    if (!tim || userID === null) return;
    saved = tim;
    let text: string;
    try {
      const lists = tim.messages.lists;
      text = snapshotJSON(
        takeSnapshot(tim, appID(), userID, limits),
        (id) => pagedGet(lists, id),
        limits.maxMessagesPerConversation,
      );
    } catch (e) {
      storageFailed('taking the snapshot', e);
      return;
    }
    const key = keyOf(userID);
    enqueue(() => storage.setItem(key, text)).catch((e: unknown) => storageFailed(`saving ${key}`, e));
  };

  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const restore = (userID: string) => {
    const at = host.epoch();
    const key = keyOf(userID);
    enqueue(() => storage.getItem(key)).then(
      (text) => {
        if (!api || text === null || text === undefined) return;
        // Only for this login: not after a logout, a kick or a switch, nor once the SDK's list is in.
        const { session, conversations } = api.getState().tim;
        if (host.epoch() !== at || session.userID !== userID || !LIVE.has(session.status) || conversations.synced)
          return;
        if (typeof text !== 'string') {
          report(TIM_REDUX_ERROR.SNAPSHOT_REJECTED, `persist: the stored value of ${key} is not a string`);
          return;
        }
        const read = readSnapshot(text, appID(), userID);
        if ('problem' in read) {
          report(TIM_REDUX_ERROR.SNAPSHOT_REJECTED, `persist: ${read.problem.message} (${key}); starting empty`);
          return;
        }
        api.dispatch(snapshotRestored(read.snapshot));
        const now = api.getState().tim;
        saved = now;
        // SDK_READY came while the snapshot was read (a slow storage): confirm now, or the restored
        // total (and, with no list event, the rows) would stay.
        if (now.conversations.restored && now.session.status === 'ready') host.confirmRestored(api);
        else restoredLogin = now.conversations.restored;
      },
      (e: unknown) => storageFailed(`reading ${key}`, e),
    );
  };

  // A save that is due runs at once when the page is hidden or goes (a reload, a closed tab).
  const saveNow = () => {
    if (timer === null) return;
    cancel();
    save();
  };
  const onVisibility = () => {
    if ((globalThis as { document?: { visibilityState?: string } }).document?.visibilityState === 'hidden') saveNow();
  };
  const listens = options.saveOnHide !== false && typeof globalThis.addEventListener === 'function';
  if (listens) {
    globalThis.addEventListener('pagehide', saveNow);
    globalThis.addEventListener('visibilitychange', onVisibility);
  }

  return {
    afterAction(store, action, before) {
      api = store;
      try {
        if (isUserDataReset(action)) {
          cancel();
          restoredLogin = false;
          saved = null; // nothing of the user's state is kept here either
          const userID = before.tim?.session.userID ?? null;
          if (userID !== null && deletesSnapshot(action)) {
            const key = keyOf(userID);
            enqueue(() => storage.removeItem(key)).catch((e: unknown) => storageFailed(`deleting ${key}`, e));
          }
          return;
        }
        if (loginStarted.match(action)) {
          restoredLogin = false;
          restore(action.payload.userID);
          return;
        }
        const tim = store.getState().tim;
        if (tim.conversations.restored && conversationListUpdated.match(action)) host.listWhileRestored(store);
        if (sdkReady.match(action) && restoredLogin) {
          restoredLogin = false;
          host.confirmRestored(store);
        }
        if (timer === null && savable(tim) !== null && changedSince(tim)) timer = setTimeout(save, debounceMs);
      } catch (e) {
        storageFailed('bookkeeping', e);
      }
    },
    close() {
      saveNow(); // a due save is written: the app is done with the binding, the user may come back
      cancel();
      if (listens) {
        globalThis.removeEventListener('pagehide', saveNow);
        globalThis.removeEventListener('visibilitychange', onVisibility);
      }
    },
  };
}

/**
 * Turns persistence on: keep a per-user snapshot of the store and show it at the next login before
 * the SDK is ready. Give the result to `createTimMiddleware(tim, { persist })`. Only an app that
 * calls this bundles the persistence engine.
 */
export function createTimPersistence(options: TimPersistOptions): TimPersistence {
  const attach = (host: PersistAttachHost) => {
    const restoredSync = createRestoredSync(host.sdk, host.conversations, host.epoch, host.isOpen);
    const persistence = createPersistence(options, {
      sdkAppID: host.sdkAppID,
      epoch: host.epoch,
      onError: host.onError,
      confirmRestored: (api) => confirmRestored(api, host.sdk, restoredSync),
      listWhileRestored: (api) => restoredSync.poke(api),
    });
    return {
      afterAction: persistence.afterAction,
      close: () => {
        persistence.close();
        restoredSync.stop();
      },
    };
  };
  const persist: AttachablePersistence = { options, [ATTACH]: attach };
  return persist;
}
