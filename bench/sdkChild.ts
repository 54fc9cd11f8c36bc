/**
 * Child process of the real-SDK scenario: the real `tim-js-sdk` in jsdom, logged in to the IM
 * emulator, with a bare listener, no-op listeners on every event, tim-redux attached, or
 * (`alternate`) tim-redux attached and detached in turn. Reports its own CPU time for a flood.
 * Messages (IPC): parent → { url, mode, expect, userID, warm, pairs }; child → { flood, peer? } (inject
 * that many messages) and at the end { cpuMs, wallMs, received, stored, bindingMs, gcMs } or { phases }.
 */
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>', { url: 'http://localhost/' });
const g = globalThis as Record<string, unknown>;
const w = dom.window as unknown as Record<string, unknown>;
for (const key of [
  'window',
  'document',
  'navigator',
  'location',
  'WebSocket',
  'localStorage',
  'sessionStorage',
  'XMLHttpRequest',
  'Blob',
  'File',
  'FileReader',
  'HTMLElement',
  'Image',
]) {
  if (!(key in g) || g[key] === undefined) {
    try {
      g[key] = w[key];
    } catch {
      Object.defineProperty(g, key, { value: w[key], configurable: true });
    }
  }
}

/**
 * With BENCH_CHILD_PROF=dir, a CPU profile of the flood window only (not of start-up and login),
 * written to dir/<mode>-<pid>.cpuprofile. Returns the function that stops and writes it.
 */
async function startProfile(): Promise<((name: string) => Promise<void>) | null> {
  const dir = process.env.BENCH_CHILD_PROF;
  if (!dir) return null;
  const { Session } = await import('node:inspector/promises');
  const { writeFileSync } = await import('node:fs');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 }); // µs: the flood is short
  await session.post('Profiler.start');
  return async (name) => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(`${dir}/${name}.cpuprofile`, JSON.stringify(profile));
    session.disconnect();
  };
}

type Mode = 'bare' | 'listeners' | 'tim-redux' | 'alternate';

interface Start {
  url: string;
  mode: Mode;
  expect: number;
  userID: string;
  /** Messages received before the measured flood starts (0: measure from the first message). */
  warm: number;
  /** `alternate` mode: pairs of phases (bare, tim-redux) of `expect` messages each. */
  pairs?: number;
  /** The binding's `coalesce` option (`'frame'`: a 16 ms timer here, jsdom has no animation frames). */
  coalesce?: 'frame';
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One process, the binding attached and detached in turn: phases of `expect` messages with a bare
 * listener and with tim-redux, in the order bare, tim-redux, tim-redux, bare, ... (so a drift of the
 * machine cancels out), after a warm-up flood with tim-redux attached. Two processes' CPU times
 * differ by ±15 % on a shared machine; two phases of one process much less.
 */
async function alternate(
  tim: Parameters<typeof attach>[0],
  start: Start,
  receivedNow: () => number,
  waitFor: (total: number) => Promise<void>,
): Promise<void> {
  const warmUp = await attach(tim, start.coalesce);
  process.send?.({ flood: start.warm });
  await waitFor(start.warm);
  await sleep(1500);
  warmUp.close();
  const phases: Array<{ mode: 'bare' | 'tim-redux'; cpuMs: number; gcMs: number; bindingMs: number }> = [];
  for (let k = 0; k < (start.pairs ?? 3) * 2; k++) {
    const withBinding = [false, true, true, false][k % 4];
    const binding = withBinding ? await attach(tim, start.coalesce) : null;
    const total = receivedNow() + start.expect;
    const m = await measure(binding, async () => {
      // A new peer each phase: the SDK's own cost per message grows with the conversation it lands in.
      process.send?.({ flood: start.expect, peer: `peer${k}` });
      await waitFor(total);
      await sleep(1000); // the SDK's throttled conversation-list update, part of what the binding handles
    });
    binding?.close();
    phases.push({ mode: withBinding ? 'tim-redux' : 'bare', ...m });
  }
  process.send?.({ phases });
}

/** tim-redux attached to the SDK as an app does, with the time spent in its handlers measured. */
interface Attached {
  store: { getState(): unknown };
  /** Time spent inside the binding's handlers (normalize, dispatch, reducers) since the last reset. */
  time(): number;
  resetTime(): void;
  /** Detaches the binding from the SDK (`middleware.close()`). */
  close(): void;
}

type Listen = (name: string, handler: (e: unknown) => void) => void;

async function attach(
  tim: { on: Listen; off: Listen } & Record<string | symbol, unknown>,
  coalesce?: 'frame',
): Promise<Attached> {
  // require, not import(): one copy of RTK (its CJS build, as dist/index.js uses), not two.
  const { configureStore } = require('@reduxjs/toolkit') as typeof import('@reduxjs/toolkit');
  const { createTimMiddleware, timReducer } = (await import('./lib')).lib;
  // Measured in process, so it does not suffer from the noise of comparing two processes' CPU.
  let bindingMs = 0;
  let inHandler = 0;
  const wrapped = new Map<unknown, (e: unknown) => void>();
  const timedSdk = new Proxy(tim, {
    get(target, prop) {
      if (prop === 'on') {
        return (name: string, handler: (e: unknown) => void) => {
          const timedHandler = (e: unknown) => {
            const t0 = performance.now();
            inHandler++;
            try {
              handler(e);
            } finally {
              inHandler--;
              bindingMs += performance.now() - t0;
            }
          };
          wrapped.set(handler, timedHandler);
          target.on(name, timedHandler);
        };
      }
      if (prop === 'off')
        return (name: string, handler: (e: unknown) => void) => target.off(name, wrapped.get(handler) ?? handler);
      const value = target[prop];
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const mw = createTimMiddleware(timedSdk as never, { loadProfileOnReady: false, coalesce });
  // With coalescing, the waiting messages are applied from a timer, outside any handler: timed here.
  const timeFlushes = () => (next: (a: unknown) => unknown) => (action: unknown) => {
    if (inHandler > 0) return next(action);
    const t0 = performance.now();
    try {
      return next(action);
    } finally {
      bindingMs += performance.now() - t0;
    }
  };
  const store = configureStore({
    reducer: { tim: timReducer },
    middleware: (gd) => gd({ serializableCheck: false, immutableCheck: false }).prepend(timeFlushes).concat(mw),
  });
  return {
    store,
    time: () => bindingMs,
    resetTime: () => (bindingMs = 0),
    close: () => mw.close(),
  };
}

async function storedCount(binding: Attached, userID: string): Promise<number> {
  const { selectMessagesByConversationID } = (await import('./lib')).lib;
  return selectMessagesByConversationID(binding.store.getState() as never, `C2C${userID}-peer`).length;
}

/** CPU time, main-thread GC pauses and binding time of what `run` makes the child do. */
async function measure(binding: Attached | null, run: () => Promise<void>) {
  let gcMs = 0;
  const { PerformanceObserver } = await import('node:perf_hooks');
  const gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  binding?.resetTime();
  const cpu0 = process.cpuUsage();
  await run();
  const cpu = process.cpuUsage(cpu0);
  gcObserver.disconnect();
  return { cpuMs: (cpu.user + cpu.system) / 1000, gcMs, bindingMs: binding?.time() ?? 0 };
}

async function main(start: Start): Promise<void> {
  const quiet = { log: console.log, info: console.info, warn: console.warn };
  console.log = console.info = console.warn = () => undefined;

  const mod = require('tim-js-sdk');
  const TIM = mod.default ?? mod;
  const tim = TIM.create({ SDKAppID: 1400000000 + (process.pid % 100000), proxyServer: start.url });
  tim.setLogLevel(4);
  Object.assign(console, quiet);
  let received = 0;
  let warmed: () => void = () => undefined;
  const warmedUp = new Promise<void>((r) => (warmed = start.warm > 0 ? r : () => undefined));
  let done: () => void = () => undefined;
  const finished = new Promise<void>((r) => (done = r));
  let waiter: { total: number; resolve: () => void } | null = null;
  const count = (e: { data: unknown[] }) => {
    received += e.data.length;
    if (received >= start.warm) warmed();
    if (received >= start.warm + start.expect) done();
    if (waiter && received >= waiter.total) {
      waiter.resolve();
      waiter = null;
    }
  };
  const waitFor = (total: number) =>
    new Promise<void>((resolve) => (received >= total ? resolve() : (waiter = { total, resolve })));
  if (start.mode === 'listeners') {
    // What subscribing to every event costs the SDK itself (some events are built only when listened to).
    for (const name of Object.values(TIM.EVENT) as string[]) tim.on(name, () => undefined);
  }
  let binding: Attached | null = null;
  if (start.mode === 'tim-redux') binding = await attach(tim);
  const ready = new Promise<void>((r) => tim.on(TIM.EVENT.SDK_READY, () => r()));
  await tim.login({ userID: start.userID, userSig: `sig-${start.userID}` });
  await ready;
  tim.on(TIM.EVENT.MESSAGE_RECEIVED, count);
  await new Promise((r) => setTimeout(r, 300));
  if (start.mode === 'alternate') {
    await alternate(tim, start, () => received, waitFor);
    setTimeout(() => process.exit(0), 50);
    return;
  }
  if (start.warm > 0) {
    // A warm-up flood first: the steady state of an app that has been receiving for a while
    // (the binding's code compiled by the JIT), not its first messages after login.
    process.send?.({ flood: start.warm });
    await warmedUp;
    await new Promise((r) => setTimeout(r, 1500));
  }
  const profiler = await startProfile();
  // Main-thread GC pauses during the flood (the GC's helper threads are in the CPU time only).
  let gcMs = 0;
  const { PerformanceObserver } = await import('node:perf_hooks');
  const gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  const cpu0 = process.cpuUsage();
  binding?.resetTime();
  const t0 = performance.now();
  process.send?.({ flood: start.expect });
  await finished;
  // Let the SDK's throttled conversation-list update land (it is part of what the binding handles).
  await new Promise((r) => setTimeout(r, 1200));
  const cpu = process.cpuUsage(cpu0);
  gcObserver.disconnect();
  const wallMs = performance.now() - t0;
  await profiler?.(`${start.mode}-${process.pid}`);
  const stored = binding ? await storedCount(binding, start.userID) : -1;
  process.send?.({
    cpuMs: (cpu.user + cpu.system) / 1000,
    wallMs,
    received: received - start.warm,
    stored,
    bindingMs: binding?.time() ?? 0,
    gcMs,
  });
  setTimeout(() => process.exit(0), 50);
}

process.once('message', (m: Start) => {
  main(m).catch((e) => {
    process.send?.({ error: e instanceof Error ? e.message : String(e) });
    setTimeout(() => process.exit(1), 50);
  });
});
