/**
 * The real Web SDK in a plain Node script (not Jest, not a browser): the browser globals it needs,
 * and a clean end, so that a script logs in, chats, and exits by itself.
 *
 * Why each piece:
 * - Both SDKs read `window`, `document`, `navigator`, `localStorage` and `WebSocket` at `create`
 *   (`TIM.create` throws `window is not defined` without them): jsdom provides them.
 * - `destroy()` logs out first; after an explicit `logout()` it rejects with 2024
 *   (USER_NOT_LOGGED_IN; 2.27.6 tim-js.js `USER_NOT_LOGGED_IN:2024`), although it did clean up.
 * - Each SDK instance starts a 1-second "not logged in" check with the global `setInterval` in its
 *   channel module's constructor (2.27.6 tim-js.js and 3.6.6 index.js:
 *   `_timerForNotLoggedIn=setInterval(...onCheckTimer...,1e3)`), clears it only on the first tick
 *   after login, and `dealloc` clears only the latest one: an instance destroyed within a second of
 *   its login leaves an interval that keeps Node running forever.
 */
import { createRequire } from 'node:module';

/** The browser globals taken from jsdom when Node lacks them (the set the SDKs read). */
const BROWSER_GLOBALS = [
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
] as const;

/** Where the SDK bundles live; an interval started from one of them is the SDK's. */
const SDK_FILES = /[\\/](tim-js-sdk|tim-wx-sdk|@tencentcloud[\\/]chat)[\\/]/;

/** What `installNodeGlobals` returns: call it once every SDK instance is disposed. */
export type DisposeNodeGlobals = () => void;

interface JsdomModule {
  JSDOM: new (html: string, options: { url: string }) => { window: Record<string, unknown> & { close(): void } };
}

const nodeRequire = createRequire(__filename); // a real require in the CJS and the ESM build alike

function loadJsdom(): JsdomModule {
  try {
    return nodeRequire('jsdom') as JsdomModule;
  } catch {
    throw new Error(
      'installNodeGlobals needs jsdom (an optional peer dependency of tim-redux/emulator): npm install --save-dev jsdom',
    );
  }
}

/**
 * Gives the real `tim-js-sdk` / `@tencentcloud/chat` the browser globals it needs in a plain Node
 * process: those Node lacks are taken from a jsdom window (jsdom is an optional peer dependency:
 * install it yourself). Globals that exist already (in a jsdom test environment, or Node 22's
 * `WebSocket`) are left alone, so in Jest's jsdom environment this changes nothing.
 *
 * Returns `dispose()`: call it after {@link disposeSdk} on every instance. It removes what was
 * installed, closes the jsdom window, and clears the SDKs' leftover 1-second intervals (only those
 * started from the SDK bundles' files), so that the process can exit by itself.
 */
export function installNodeGlobals(): DisposeNodeGlobals {
  const g = globalThis as Record<string, unknown>;
  const missing = BROWSER_GLOBALS.filter((key) => !(key in g) || g[key] === undefined);
  const { JSDOM } = loadJsdom();
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { url: 'http://localhost/' });
  for (const key of missing) {
    try {
      g[key] = dom.window[key];
    } catch {
      Object.defineProperty(g, key, { value: dom.window[key], configurable: true, writable: true });
    }
  }

  const originalSetInterval = globalThis.setInterval;
  const sdkIntervals = new Set<ReturnType<typeof setInterval>>();
  const trackingSetInterval = ((...args: Parameters<typeof setInterval>) => {
    const timer = originalSetInterval(...args);
    // Intervals are rare (a few per SDK instance), so reading the caller's stack costs nothing.
    if (SDK_FILES.test(new Error().stack ?? '')) sdkIntervals.add(timer);
    return timer;
  }) as typeof setInterval;
  globalThis.setInterval = trackingSetInterval;

  let disposed = false;
  return () => {
    if (disposed) return;
    disposed = true;
    if (globalThis.setInterval === trackingSetInterval) globalThis.setInterval = originalSetInterval;
    for (const timer of sdkIntervals) clearInterval(timer);
    sdkIntervals.clear();
    for (const key of missing) delete g[key];
    dom.window.close();
  };
}

/** The SDK instance methods {@link disposeSdk} calls. */
export interface DisposableSdk {
  logout(): Promise<unknown>;
  destroy(): Promise<unknown>;
}

/** The SDK's USER_NOT_LOGGED_IN: what logout/destroy reject with when nobody is logged in. */
const USER_NOT_LOGGED_IN = 2024;

function isNotLoggedIn(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === USER_NOT_LOGGED_IN;
}

/**
 * Ends an SDK instance cleanly: logs out (if logged in) and destroys it, treating 2024
 * (USER_NOT_LOGGED_IN, which `destroy()` rejects with after a `logout()`) as success. Other errors
 * reject. In a Node script, call the `dispose` of {@link installNodeGlobals} afterwards so that
 * the process exits by itself.
 */
export async function disposeSdk(tim: DisposableSdk): Promise<void> {
  try {
    await tim.logout();
  } catch (error) {
    if (!isNotLoggedIn(error)) throw error;
  }
  try {
    await tim.destroy();
  } catch (error) {
    if (!isNotLoggedIn(error)) throw error;
  }
}
