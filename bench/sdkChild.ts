/**
 * Child process of the real-SDK scenario: the real `tim-js-sdk` in jsdom, logged in to the IM
 * emulator, with a bare listener, no-op listeners on every event, or tim-redux attached. Reports its
 * own CPU time for a flood.
 * Messages (IPC): parent → { url, mode, expect } ; child → { ready } then { cpuMs, wallMs, received }.
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

type Mode = 'bare' | 'listeners' | 'tim-redux';

interface Start {
  url: string;
  mode: Mode;
  expect: number;
  userID: string;
  /** Messages received before the measured flood starts (0: measure from the first message). */
  warm: number;
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
  const count = (e: { data: unknown[] }) => {
    received += e.data.length;
    if (received >= start.warm) warmed();
    if (received >= start.warm + start.expect) done();
  };
  let store: { getState(): unknown } | null = null;
  // Time spent inside the binding's own handlers (normalize, dispatch, reducers): measured in
  // process, so it does not suffer from the noise of comparing two child processes' CPU.
  let bindingMs = 0;
  if (start.mode === 'listeners') {
    // What subscribing to every event costs the SDK itself (some events are built only when listened to).
    for (const name of Object.values(TIM.EVENT) as string[]) tim.on(name, () => undefined);
  }
  if (start.mode === 'tim-redux') {
    // require, not import(): one copy of RTK (its CJS build, as dist/index.js uses), not two.
    const { configureStore } = require('@reduxjs/toolkit') as typeof import('@reduxjs/toolkit');
    const { createTimMiddleware, timReducer } = (await import('./lib')).lib;
    const wrapped = new Map<unknown, (e: unknown) => void>();
    const timedSdk = new Proxy(tim, {
      get(target, prop) {
        if (prop === 'on') {
          return (name: string, handler: (e: unknown) => void) => {
            const timedHandler = (e: unknown) => {
              const t0 = performance.now();
              try {
                handler(e);
              } finally {
                bindingMs += performance.now() - t0;
              }
            };
            wrapped.set(handler, timedHandler);
            target.on(name, timedHandler);
          };
        }
        if (prop === 'off')
          return (name: string, handler: unknown) => target.off(name, wrapped.get(handler) ?? handler);
        const value = target[prop];
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const mw = createTimMiddleware(timedSdk, { loadProfileOnReady: false });
    store = configureStore({
      reducer: { tim: timReducer },
      middleware: (gd) => gd({ serializableCheck: false, immutableCheck: false }).concat(mw),
    });
  }
  const ready = new Promise<void>((r) => tim.on(TIM.EVENT.SDK_READY, () => r()));
  await tim.login({ userID: start.userID, userSig: `sig-${start.userID}` });
  await ready;
  tim.on(TIM.EVENT.MESSAGE_RECEIVED, count);
  await new Promise((r) => setTimeout(r, 300));
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
  bindingMs = 0;
  const t0 = performance.now();
  process.send?.({ flood: start.expect });
  await finished;
  // Let the SDK's throttled conversation-list update land (it is part of what the binding handles).
  await new Promise((r) => setTimeout(r, 1200));
  const cpu = process.cpuUsage(cpu0);
  gcObserver.disconnect();
  const wallMs = performance.now() - t0;
  await profiler?.(`${start.mode}-${process.pid}`);
  let stored = -1;
  if (store) {
    const { selectMessagesByConversationID } = (await import('./lib')).lib;
    stored = selectMessagesByConversationID(store.getState() as never, `C2C${start.userID}-peer`).length;
  }
  process.send?.({
    cpuMs: (cpu.user + cpu.system) / 1000,
    wallMs,
    received: received - start.warm,
    stored,
    bindingMs,
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
