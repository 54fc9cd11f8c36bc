/**
 * The middleware: subscribes to every SDK event, turns each into one action through
 * `EVENT_TABLE`, hands the SDK to thunks, and keeps a bad payload from ever throwing out.
 */
import type { Dispatch, Middleware, MiddlewareAPI, UnknownAction } from '@reduxjs/toolkit';
import { detachTim, eventFailed, messagesReceived, topicCreatedOrUpdated, unhandledEvent } from './actions';
import { asContextAnswer, getTimContext, type TimContext } from './context';
import { TIM_REDUX_ERROR, TimReduxError } from './errors';
import { EVENT_TABLE, type EventContext, type EventResult } from './eventTable';
import { TIM_EVENTS, type TimEventKey, type TimEventTable } from './events';
import { createConversationNormalizer } from './normalize/conversation';
import { isSafeKey, toPlain } from './normalize/plain';
import { attachPersistence, type PersistBinding, type TimPersistence } from './persist/hook';
import { MessageRegistry } from './registry';
import type { TimEvent, TimListener, TimSdk } from './sdk';
import { isUserDataReset } from './slices/reset';
import { sdkTotalUnread } from './thunks/call';
import { getMyProfile } from './thunks/profiles';
import { invoke } from './thunks/call';
import { dataOf } from './thunks/create';
import { topicsOf } from './thunks/topics';
import type { EventError, MessageRecord, RootStateWithTim } from './types';

/** Options of `createTimMiddleware`. */
export interface TimMiddlewareOptions {
  /** The SDK's `TIM.EVENT` (or any table of event key → runtime name). Defaults to every known event. */
  events?: TimEventTable;
  /** Called for every event the binding could not (fully) apply, after it is recorded in state. */
  onError?: (error: EventError) => void;
  /** Load my own profile when the SDK becomes ready (no event brings it). Default true. */
  loadProfileOnReady?: boolean;
  /** Load a topic that TOPIC_CREATED names (the event carries only its ID) with `getTopicList`. Default true. */
  loadTopicOnCreate?: boolean;
  /** How many of my own SDK messages the registry keeps for thunks (resend, revoke). Default 20,000. */
  registryLimit?: number;
  /**
   * How many received SDK messages the registry keeps (delete, forward), dropped oldest first a whole
   * event at a time. Default 2,000.
   */
  receivedRegistryLimit?: number;
  /**
   * Coalesce MESSAGE_RECEIVED events into one action. `true` (or `'tick'`): the events of one tick,
   * applied at the end of the tick. `'frame'`: the events of one frame, applied at the next
   * `requestAnimationFrame` (a 16 ms timer where there is none), so the state lags the SDK by up to
   * a frame and one store update serves a frame's worth of messages (see docs/performance.md). Either
   * way, any other action applies the waiting messages first (order is kept), and `flush()` and
   * `close()` apply them at once. Default false: state changes synchronously with each event.
   */
  coalesce?: boolean | 'tick' | 'frame';
  /**
   * Set to the value given to 3.x `TIM.create({ partialUpdatedConversations })`. With it,
   * CONVERSATION_LIST_UPDATED carries only the changed conversations: they are upserted and the others
   * kept (the SDK does not expose the setting, so the binding cannot find it out). Default false.
   */
  partialUpdatedConversations?: boolean;
  /**
   * Keep a per-user snapshot of the store (conversations, profiles, groups, the newest messages) and
   * show it at the next login before the SDK is ready: `createTimPersistence({ storage, ... })`
   * (docs/persistence.md). Absent (the default): no storage is touched, and the engine is not bundled.
   */
  persist?: TimPersistence;
}

/** The middleware, with a way to let go of the SDK. */
export type TimMiddleware = Middleware & {
  /** Unsubscribes every handler from the SDK. The store keeps its state. */
  close(): void;
  /** With `coalesce`, applies the messages waiting for the end of the tick (or frame) now. */
  flush(): void;
  /** The registry of SDK messages this middleware keeps (read-only use: tests, debugging). */
  readonly registry: MessageRegistry;
};

// One live binding per SDK: a second store on the same SDK (React StrictMode) takes over from the
// first instead of doubling every handler.
const bindings = new WeakMap<TimSdk, () => void>();

/** Creates the middleware that binds `sdk` to the store it is added to. */
export function createTimMiddleware(sdk: TimSdk, options: TimMiddlewareOptions = {}): TimMiddleware {
  const events: TimEventTable = options.events ?? TIM_EVENTS;
  const registry = new MessageRegistry(options.registryLimit, options.receivedRegistryLimit);
  const conversations = createConversationNormalizer();
  const eventContext: EventContext = {
    conversations,
    registry,
    partialConversations: options.partialUpdatedConversations === true,
    // Not before SDK_READY: 2.x's API guard reports a call before ready as an SDK error.
    totalUnread: () => (ready ? sdkTotalUnread(sdk) : null),
  };
  let unsubscribe: (() => void) | null = null;
  let epoch = 0;
  let dispatch: Dispatch<UnknownAction> | null = null;

  // Coalescing (options.coalesce): received messages wait here until the end of the tick or frame.
  const coalesce = options.coalesce === 'frame' ? 'frame' : options.coalesce ? 'tick' : null;
  let pending: MessageRecord[] = [];
  let flushQueued = false;
  let cancelFrame: (() => void) | null = null;
  const queueFlush = () => {
    flushQueued = true;
    if (coalesce === 'tick') queueMicrotask(flush);
    else cancelFrame = onNextFrame(flush);
  };
  const flush = () => {
    flushQueued = false;
    if (cancelFrame) {
      const cancel = cancelFrame;
      cancelFrame = null;
      cancel();
    }
    if (pending.length === 0 || !dispatch) return;
    const batch = pending;
    pending = [];
    try {
      dispatch(messagesReceived(batch));
    } catch (e) {
      // Runs from a microtask: a throw here would be uncaught. Record it like any failed event.
      const error: EventError = {
        event: TIM_EVENTS.MESSAGE_RECEIVED,
        code: TIM_REDUX_ERROR.MALFORMED_EVENT,
        message: `coalesced messages: ${e instanceof Error ? e.message : String(e)}`,
        at: Date.now(),
      };
      try {
        dispatch(eventFailed(error));
      } catch {
        /* nothing more to do without throwing */
      }
      options.onError?.(error);
    }
  };

  // Readiness, for `login` to resolve on SDK_READY rather than on the login promise.
  let ready = typeof sdk.isReady === 'function' ? safeIsReady(sdk) : false;
  // Whether a list event came since SDK_READY (see refreshListWithTotal).
  let listSinceReady = ready;
  let waiters: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
  const settleWaiters = (error?: Error) => {
    const settling = waiters;
    waiters = [];
    for (const w of settling) {
      if (error) w.reject(error);
      else w.resolve();
    }
  };
  // Thunk calls in flight, so that logout can let them land before the SDK forgets its caches.
  const inFlight = new Set<Promise<unknown>>();
  const context: TimContext = asContextAnswer({
    sdk,
    registry,
    track<T>(call: Promise<T>): Promise<T> {
      inFlight.add(call);
      const done = () => inFlight.delete(call);
      call.then(done, done);
      return call;
    },
    whenSettled(timeoutMs: number) {
      if (inFlight.size === 0) return Promise.resolve();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
      const settled = Promise.allSettled([...inFlight]).then(() => undefined);
      return Promise.race([settled, timeout]).finally(() => clearTimeout(timer));
    },
    epoch: () => epoch,
    isClosed: () => unsubscribe === null,
    whenReady(timeoutMs: number) {
      if (ready) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        // No timer for an endless wait: SDK_READY, a kick, a reset or close() settles it.
        const timer = Number.isFinite(timeoutMs)
          ? setTimeout(() => {
              waiters = waiters.filter((w) => w !== waiter);
              reject(
                new TimReduxError(TIM_REDUX_ERROR.NOT_READY, `the SDK did not become ready within ${timeoutMs} ms`),
              );
            }, timeoutMs)
          : undefined;
        const waiter = {
          resolve: () => (clearTimeout(timer), resolve()),
          reject: (e: Error) => (clearTimeout(timer), reject(e)),
        };
        waiters.push(waiter);
      });
    },
  });

  const persistence: PersistBinding | null = options.persist
    ? attachPersistence(options.persist, {
        sdk,
        conversations,
        epoch: () => epoch,
        isOpen: () => unsubscribe !== null,
        sdkAppID: () => readSdkAppID(sdk),
        onError: options.onError,
      })
    : null;

  const close = () => {
    flush();
    persistence?.close();
    if (!unsubscribe) return;
    const off = unsubscribe;
    unsubscribe = null;
    off();
    settleWaiters(new TimReduxError(TIM_REDUX_ERROR.NOT_READY, 'the middleware was closed'));
  };

  const subscribe = (api: MiddlewareAPI<Dispatch<UnknownAction>>) => {
    const report = (name: string, problems: string[]) => {
      const error: EventError = {
        event: name,
        code: TIM_REDUX_ERROR.MALFORMED_EVENT,
        message: problems.join('; ').slice(0, 2000),
        at: Date.now(),
      };
      try {
        api.dispatch(eventFailed(error));
      } catch {
        /* the error slice itself failed: nothing more to do without throwing into the SDK */
      }
      options.onError?.(error);
    };

    /**
     * The login's unread counts on the rows as soon as in the total. The first CONVERSATION_LIST_UPDATED
     * of a login comes before SDK_READY with every C2C unreadCount 0 (the SDK applies the login sync's
     * counts after it: shared/tim-protocol/PROTOCOL.md, "unread count at login"). When the counts land,
     * the SDK emits TOTAL_UNREAD_MESSAGE_COUNT_UPDATED at once but holds the list back up to 1 s
     * (2.27.6 tim-js.js getOuterEmitterInstance: `_eventThrottleMap`, one emit per event name per
     * second): for that second a UI showed a total no row accounted for. So at that total the SDK's
     * local list is read (getConversationList answers from `_conversationMap` without a request: the
     * `getLocalConversationList()` the held-back event will carry) and applied as that event. It
     * resolves in microtasks, so no frame is painted between the total and the rows.
     */
    const refreshList = () => {
      const at = epoch;
      invoke(sdk, 'getConversationList').then(
        (response) => {
          if (epoch !== at || unsubscribe === null) return;
          const list = dataOf(response).conversationList;
          if (Array.isArray(list)) handle('CONVERSATION_LIST_UPDATED', TIM_EVENTS.CONVERSATION_LIST_UPDATED, list);
        },
        () => undefined, // the held-back list event still comes
      );
    };

    const handle = (key: string, name: string, data: unknown) => {
      if (key === 'CONVERSATION_LIST_UPDATED' && ready) listSinceReady = true;
      if (key === 'TOTAL_UNREAD_MESSAGE_COUNT_UPDATED' && ready && !listSinceReady) {
        listSinceReady = true;
        refreshList();
      }
      const handler = EVENT_TABLE[key as TimEventKey];
      let problems: string[] = [];
      let createdTopic: { groupID: string; topic: { topicID: string } } | null = null;
      try {
        if (key === 'SDK_READY') {
          ready = true;
          listSinceReady = false;
        }
        if (key === 'SDK_NOT_READY' || key === 'KICKED_OUT') ready = false;
        const result: EventResult = handler
          ? handler(data, eventContext)
          : isSafeKey(name)
            ? { action: unhandledEvent({ name, data: toPlain(data) }), problems: [] }
            : { action: null, problems: [`event name ${JSON.stringify(name)} cannot key the state`] };
        problems = result.problems;
        if (key === 'TOPIC_CREATED' && result.action && topicCreatedOrUpdated.match(result.action))
          createdTopic = result.action.payload;
        if (coalesce && result.action && messagesReceived.match(result.action)) {
          for (const m of result.action.payload) pending.push(m);
          if (!flushQueued) queueFlush();
        } else if (result.action) api.dispatch(result.action);
        for (const action of result.also ?? []) api.dispatch(action);
      } catch (e) {
        problems = [...problems, `${name}: ${e instanceof Error ? e.message : String(e)}`];
      }
      if (problems.length) report(name, problems);
      if (key === 'SDK_READY') {
        settleWaiters();
        if (options.loadProfileOnReady !== false) {
          (api.dispatch as (a: unknown) => unknown)(getMyProfile());
        }
      }
      // TOPIC_CREATED names the topic only: load it (the SDK fetches it, its topic cache was reset).
      // Not through the getTopicList thunk: its answer must be dropped if this session ends first.
      if (key === 'TOPIC_CREATED' && createdTopic && options.loadTopicOnCreate !== false) {
        const { groupID } = createdTopic;
        const at = epoch;
        invoke(sdk, 'getTopicList', { groupID, topicIDList: [createdTopic.topic.topicID] }).then(
          (response) => {
            if (epoch !== at) return;
            for (const topic of topicsOf(dataOf(response))) api.dispatch(topicCreatedOrUpdated({ groupID, topic }));
          },
          () => undefined, // the topic stays as its ID; a later TOPIC_UPDATED or getTopicList fills it
        );
      }
      if (key === 'KICKED_OUT') settleWaiters(new TimReduxError(TIM_REDUX_ERROR.NOT_READY, 'kicked out'));
    };

    const offs: Array<() => void> = [];
    for (const [key, name] of Object.entries(events)) {
      if (typeof name !== 'string' || name === '') continue;
      const listener: TimListener = (event: TimEvent) => handle(key, name, event?.data);
      sdk.on(name, listener);
      offs.push(() => sdk.off(name, listener));
    }
    return () => {
      for (const off of offs) off();
      if (bindings.get(sdk) === close) bindings.delete(sdk);
    };
  };

  const middleware: Middleware = (api) => {
    bindings.get(sdk)?.();
    unsubscribe = subscribe(api as MiddlewareAPI<Dispatch<UnknownAction>>);
    dispatch = api.dispatch as Dispatch<UnknownAction>;
    bindings.set(sdk, close);
    return (next) => (action) => {
      if (getTimContext.match(action)) return context;
      // Anything else dispatched while messages wait must come after them.
      if (pending.length && !messagesReceived.match(action)) flush();
      const before = persistence ? (api.getState() as RootStateWithTim) : null;
      const result = next(action);
      if (detachTim.match(action)) close();
      else if (isUserDataReset(action)) {
        epoch++;
        pending = [];
        if (cancelFrame) flush(); // nothing waits any more: only the frame callback goes
        registry.clear();
        conversations.clear();
        ready = false;
        settleWaiters(new TimReduxError(TIM_REDUX_ERROR.NOT_READY, 'the session ended'));
      }
      if (persistence && before) {
        persistence.afterAction(
          api as MiddlewareAPI<Dispatch<UnknownAction>, RootStateWithTim>,
          action as UnknownAction,
          before,
        );
      }
      return result;
    };
  };

  return Object.assign(middleware, { close, flush, registry });
}

/** Frame scheduling where there are frames (browsers), else a frame's worth of timer (Node, mini programs). */
const FRAME_MS = 16;

/** Calls `fn` at the next frame; returns how to cancel it. */
function onNextFrame(fn: () => void): () => void {
  const g = globalThis as {
    requestAnimationFrame?: (cb: () => void) => number;
    cancelAnimationFrame?: (id: number) => void;
  };
  if (typeof g.requestAnimationFrame === 'function' && typeof g.cancelAnimationFrame === 'function') {
    const id = g.requestAnimationFrame(fn);
    return () => g.cancelAnimationFrame?.(id);
  }
  const timer = setTimeout(fn, FRAME_MS);
  return () => clearTimeout(timer);
}

/** The SDKAppID of an SDK that tells it (the bundled ones do not: see `TimPersistOptions.SDKAppID`). */
function readSdkAppID(sdk: TimSdk): string | null {
  try {
    const id: unknown = (sdk as { getSDKAppID?: () => unknown }).getSDKAppID?.();
    return typeof id === 'number' || (typeof id === 'string' && id !== '') ? String(id) : null;
  } catch {
    return null;
  }
}

function safeIsReady(sdk: TimSdk): boolean {
  try {
    return sdk.isReady?.() === true;
  } catch {
    return false;
  }
}
