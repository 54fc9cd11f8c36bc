/**
 * Persistence (issue 16): what `persist` costs a live message, what a save costs, and how big the
 * snapshot of 1,000 conversations is.
 *
 * Two stores wired alike (checks off, production build), one with `persist: createTimPersistence({ storage })` (an
 * in-memory storage that keeps what it is given) and one without: the baseline. Each holds the
 * SDK's list of 1,000 one-to-one conversations (profiles included) and 50 messages in each, for a
 * logged-in, synced user. Then 2,000 live messages spread over the conversations, each event fed to
 * both stores, in alternating order, each timed: the ratio of the medians is what `persist` costs the
 * dispatch path. Saves are debounced on a timer (never on that path): here the timer's callback is
 * taken from `setTimeout` and run by hand after every 100th message (as at 100 messages a second with
 * the default 1 s debounce), timed on its own: the snapshot taken from the state and its
 * `JSON.stringify`, which is the whole synchronous part of a save (the storage write is async).
 * Then a third store logs the same user in on that storage: the time until the snapshot is on
 * screen (read, parsed, checked, applied; the storage answers at once) is the restore.
 * The last save's value gives the snapshot's size with the defaults (newest 30 messages of each
 * conversation, up to 1,000 conversations), and without its messages (list, profiles, groups).
 * `npm run bench -- --only=persist`; three runs and `bench/summarize.ts --extras` for the spread.
 */
import { configureStore } from '@reduxjs/toolkit';
import type { TimSdk, TimPersistStorage } from '../../src';
import { lib } from '../lib';
import { BenchConversation, BenchEmitter, MessageFactory, conversationIDs, roundRobin } from '../shapes';
import { median, percentile, spread, type Config } from '../harness';
import { aggregate, type Row } from '../report';
import { measured, type Measurement, type Scenario } from './types';

const { createTimMiddleware, createTimPersistence, timReducer, selectMessagesByConversationID, TIM_EVENTS } = lib;

/** A debounce no save reaches by itself within a run: saves are run by hand. */
const DEBOUNCE_MS = 3_600_000;
/** Messages between two saves (100 messages a second, one save a second). */
const PER_SAVE = 100;
const CONVERSATIONS = 1000;
const STORED_PER_CONVERSATION = 50;

/** An in-memory storage that keeps the last value written. */
function keepingStorage(): TimPersistStorage & { last: string | null; writes: number } {
  const data = new Map<string, string>();
  const storage = {
    last: null as string | null,
    writes: 0,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => {
      storage.last = value;
      storage.writes++;
      data.set(key, value);
    },
    removeItem: (key: string) => void data.delete(key),
  };
  return storage;
}

/** Catches the save timer's callback as the persistence schedules it. */
function catchSaves(): { take(): (() => void) | null; restore(): void } {
  const real = globalThis.setTimeout;
  let caught: (() => void) | null = null;
  globalThis.setTimeout = ((fn: () => void, ms?: number, ...rest: unknown[]) => {
    if (ms === DEBOUNCE_MS) caught = fn;
    return real(fn, ms, ...rest);
  }) as typeof setTimeout;
  return {
    take: () => {
      const fn = caught;
      caught = null;
      return fn;
    },
    restore: () => {
      globalThis.setTimeout = real;
    },
  };
}

function store(persist: TimPersistStorage | null, ready = true) {
  const sdk = new BenchEmitter();
  const mw = createTimMiddleware(sdk as unknown as TimSdk, {
    loadProfileOnReady: false,
    ...(persist
      ? { persist: createTimPersistence({ storage: persist, SDKAppID: 1400000001, debounceMs: DEBOUNCE_MS }) }
      : {}),
  });
  const s = configureStore({
    reducer: { tim: timReducer },
    middleware: (g) => g({ serializableCheck: false, immutableCheck: false }).concat(mw),
  });
  // A logged-in user, as the login thunk and SDK_READY leave it (loginStarted is what `login` dispatches).
  s.dispatch({ type: 'tim/loginStarted', payload: { userID: 'me' } });
  if (ready) s.dispatch(lib.sdkReady());
  return { sdk, mw, store: s };
}

interface Rep {
  on: Measurement;
  off: Measurement;
  saveMs: number[];
  restoreMs: number;
  bytes: number;
  listBytes: number;
  savedConversations: number;
  savedMessages: number;
}

async function once(cfg: Config): Promise<Rep> {
  const saves = catchSaves();
  try {
    const ids = conversationIDs(CONVERSATIONS);
    const factory = new MessageFactory();
    const list = ids.map((id, i) => new BenchConversation(id, 1_700_000_000 + i));
    const history = roundRobin(factory, ids, STORED_PER_CONVERSATION);
    const storage = keepingStorage();
    const on = store(storage);
    const off = store(null);
    for (const s of [on, off]) {
      s.sdk.emit(TIM_EVENTS.CONVERSATION_LIST_UPDATED, list);
      s.sdk.emit(TIM_EVENTS.MESSAGE_RECEIVED, history);
    }
    // The first save (of the whole setup) is not one of the timed ones.
    saves.take()?.();
    const n = cfg.quick ? 500 : 2000;
    const events = Array.from({ length: n }, (_, i) => [factory.next(ids[spread(i, ids.length)])]);
    const tOn = new Float64Array(n);
    const tOff = new Float64Array(n);
    const saveMs: number[] = [];
    for (let i = 0; i < n; i++) {
      const order = i % 2 ? [off, on] : [on, off];
      for (const s of order) {
        const t0 = performance.now();
        s.sdk.emit(TIM_EVENTS.MESSAGE_RECEIVED, events[i]);
        (s === on ? tOn : tOff)[i] = performance.now() - t0;
      }
      if (i % PER_SAVE === PER_SAVE - 1) {
        const save = saves.take();
        if (!save) throw new Error(`persist: no save was scheduled by message ${i + 1}`);
        const t0 = performance.now();
        save();
        saveMs.push(performance.now() - t0);
      }
    }
    const held = selectMessagesByConversationID(on.store.getState(), ids[0]).length;
    if (held < STORED_PER_CONVERSATION) throw new Error(`persist: ${held} held`);
    on.mw.close();
    off.mw.close();
    // The storage write is queued behind a promise: let the last one land.
    await new Promise((resolve) => setImmediate(resolve));
    if (storage.writes < saveMs.length || storage.last === null)
      throw new Error(`persist: ${storage.writes} writes for ${saveMs.length} saves`);
    // A reload: a new store logs the same user in and shows the snapshot (read, parsed, checked,
    // applied) before the SDK is ready. Timed from the login to the restored state.
    const t0 = performance.now();
    const reloaded = store(storage, false);
    await new Promise((resolve) => setImmediate(resolve));
    const restoreMs = performance.now() - t0;
    const restored = reloaded.store.getState().tim.conversations;
    if (!restored.restored || lib.selectConversationList(reloaded.store.getState()).length !== CONVERSATIONS)
      throw new Error('persist: the snapshot was not restored');
    reloaded.mw.close();
    const snapshot = JSON.parse(storage.last) as Record<string, unknown>;
    const counts = countSaved(snapshot);
    // Throughput over each store's own dispatch time (the loop's wall time holds both stores and the saves).
    const own = (times: Float64Array) => ({ times, done: n, wallMs: times.reduce((a, b) => a + b, 0) });
    return {
      on: measured(own(tOn), n),
      off: measured(own(tOff), n),
      saveMs,
      restoreMs,
      bytes: Buffer.byteLength(storage.last, 'utf8'),
      // The same snapshot without its messages: what the list, profiles and groups take.
      listBytes: Buffer.byteLength(JSON.stringify(withoutMessages(snapshot)), 'utf8'),
      ...counts,
    };
  } finally {
    saves.restore();
  }
}

/** The snapshot with every message list emptied. */
function withoutMessages(snapshot: Record<string, unknown>): Record<string, unknown> {
  const { messages } = snapshot;
  const empty = Array.isArray(messages)
    ? messages.map((m) => (m && typeof m === 'object' ? { ...(m as object), messages: [] } : m))
    : [];
  return { ...snapshot, messages: empty };
}

/** Conversations and messages in a saved snapshot, whatever its layout: arrays of records with `conversationID` and with `ID`. */
function countSaved(snapshot: unknown): { savedConversations: number; savedMessages: number } {
  const conversations = new Set<string>();
  const messages = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v && typeof v === 'object') {
      const r = v as Record<string, unknown>;
      if (typeof r.ID === 'string' && typeof r.conversationID === 'string') messages.add(r.ID);
      else if (typeof r.conversationID === 'string' && 'unreadCount' in r) conversations.add(r.conversationID);
      for (const x of Object.values(r)) walk(x);
    }
  };
  walk(snapshot);
  return { savedConversations: conversations.size, savedMessages: messages.size };
}

const TITLE =
  'Persistence: live message with persist on vs off (1,000 conversations / 50,000 messages), a save, the snapshot';

/** Run by the driver after the other scenarios (its storage writes are async). */
export const persist = {
  id: 'persist',
  asScenario: {
    id: 'persist',
    title: TITLE,
    throughputUnit: 'events/s',
    target: { text: 'a save never costs a live message more than a few µs' },
    notApplicable: () => null,
    run: () => {
      throw new Error('run through persist.run');
    },
  } as Scenario,
  async run(cfg: Config): Promise<Row[]> {
    const reps: Rep[] = [];
    for (let r = 0; r < cfg.reps; r++) reps.push(await once(cfg));
    const scenario = persist.asScenario;
    const off = aggregate(
      scenario,
      'tim-redux (persist off)',
      reps.map((r) => r.off),
    );
    const on = aggregate(
      scenario,
      'tim-redux (persist on)',
      reps.map((r) => r.on),
    );
    const ratios = reps.map((r) => r.on.medianMs / r.off.medianMs);
    const saves = reps.flatMap((r) => r.saveMs);
    const save = median(saves);
    const last = reps[reps.length - 1];
    on.extra = {
      vsOffMedian: Number(median(ratios).toFixed(3)),
      vsOffMin: Number(Math.min(...ratios).toFixed(3)),
      vsOffMax: Number(Math.max(...ratios).toFixed(3)),
      extraPerMessageUs: Number(
        ((median(reps.map((r) => r.on.medianMs - r.off.medianMs)) as number) * 1000).toFixed(3),
      ),
      saveMedianMs: Number(save.toFixed(2)),
      saveP95Ms: Number(percentile(saves, 95).toFixed(2)),
      saves: saves.length,
      amortizedUsPerMessageAt100PerSave: Number(((save / PER_SAVE) * 1000).toFixed(2)),
      restoreMedianMs: Number(median(reps.map((r) => r.restoreMs)).toFixed(1)),
      snapshotBytes: last.bytes,
      listOnlyBytes: last.listBytes,
      bytesPerSavedMessage: Math.round((last.bytes - last.listBytes) / Math.max(1, last.savedMessages)),
      savedConversations: last.savedConversations,
      savedMessages: last.savedMessages,
    };
    return [off, on];
  },
};
