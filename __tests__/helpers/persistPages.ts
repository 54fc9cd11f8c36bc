/**
 * Pages of a persisted store on the real SDKs against one emulator per test: a page is a store and
 * a new SDK instance on a storage; unloading it closes the middleware and drops the SDK without a
 * logout, as a reload does. Used by the real-SDK persistence tests.
 */
import { createTimPersistence, login, type TimMiddlewareOptions, type TimPersistOptions } from '../../src';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator';
import { constants, createSdk, shutdown, sleep, type Sdk, type SdkKind } from '../emulator/sdk';
import { makeStore } from './store';

type StoreFactory = (
  sdk: Sdk,
  options: TimMiddlewareOptions,
) => Pick<ReturnType<typeof makeStore>, 'store' | 'middleware'>;

interface PagesOptions {
  /** Options of the emulator started before each test. */
  emulator?: EmulatorOptions;
  /** Server-side data made before each test. */
  seed?: (emu: Emulator) => void;
  /** The store of a page (default: the test store with RTK's checks). */
  makeStore?: StoreFactory;
  /** More SDK create options and middleware options, read when a page is made. */
  sdkOptions?: () => Record<string, unknown>;
  middlewareOptions?: () => Partial<TimMiddlewareOptions>;
}

/** Registers the emulator's lifecycle for the suite; returns the page helpers. */
export function usePersistPages(kind: SdkKind, options: PagesOptions = {}) {
  const { EVENT } = constants(kind);
  const ctx = { emu: undefined as unknown as Emulator };
  let sdks: Sdk[] = [];
  let closers: Array<() => void> = [];

  beforeEach(async () => {
    ctx.emu = await startEmulator(options.emulator);
    sdks = [];
    closers = [];
    options.seed?.(ctx.emu);
  });
  afterEach(async () => {
    for (const close of closers) close();
    await shutdown(...sdks);
    await ctx.emu.stop();
  });

  /** A page: a store (with persistence when `persist` is given) on a new SDK instance. */
  const page = (persist?: TimPersistOptions) => {
    const sdk = createSdk(kind, ctx.emu.url, undefined, options.sdkOptions?.() ?? {});
    sdks.push(sdk);
    const make = options.makeStore ?? makeStore;
    const made = make(sdk, {
      events: EVENT,
      persist: persist && createTimPersistence(persist),
      ...options.middlewareOptions?.(),
    });
    closers.push(() => made.middleware.close());
    return { sdk, ...made };
  };
  type Page = ReturnType<typeof page>;
  /** The page goes: nothing is logged out, the SDK object is dropped (a reload). */
  const unload = async (p: Page) => {
    p.middleware.close();
    sdks = sdks.filter((s) => s !== p.sdk);
    await p.sdk.destroy().catch(() => undefined);
  };
  /** Logs `userID` in and waits out the login sync and the SDKs' throttled list events. */
  const loginAs = async (p: Page, userID = 'bob') => {
    const synced = ctx.emu.waitForCommand('openim.getmsg', { userID });
    await p.store.dispatch(login({ userID, userSig: `sig-${userID}` })).unwrap();
    await synced;
    await sleep(1200);
  };
  return { ctx, page, unload, loginAs };
}
