/**
 * The binding on a real SDK against the IM emulator, as the integration and fault suites use it:
 * bob's store (RTK's checks on) on tim-js-sdk 2.x or @tencentcloud/chat 3.x, a fresh emulator per
 * test, peers on their own SDK instances, and a full teardown.
 */
import { login, selectMessagesByConversationID, type MessageRecord } from '../../src';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator';
import { constants, createSdk, loginReady, shutdown, sleep, type Sdk, type SdkKind } from '../emulator/sdk';
import { makeStore } from './store';

export { kinds } from '../emulator/sdk';

/** What one test works with. */
export interface EmulatorStoreContext {
  kind: SdkKind;
  emu: Emulator;
  bob: Sdk;
  store: ReturnType<typeof makeStore>['store'];
  middleware: ReturnType<typeof makeStore>['middleware'];
  EVENT: Record<string, string>;
  TYPES: Record<string, string>;
}

/**
 * Registers beforeEach/afterEach that start an emulator, create bob's SDK and store, and tear it all
 * down (middleware closed, SDKs logged out and destroyed, emulator stopped). Returns a live view.
 */
export function useBindingOnEmulator(
  kind: SdkKind,
  emulatorOptions: EmulatorOptions = {},
  /** `friendship`: every SDK of the test on tim-js-sdk's friendship build (see `createSdk`). */
  { friendship = false } = {},
) {
  const { EVENT, TYPES } = constants(kind);
  const ctx = { kind, EVENT, TYPES } as EmulatorStoreContext;
  let sdks: Sdk[] = [];

  beforeEach(async () => {
    ctx.emu = await startEmulator(emulatorOptions);
    ctx.bob = createSdk(kind, ctx.emu.url, undefined, { friendship });
    sdks = [ctx.bob];
    const made = makeStore(ctx.bob, { events: EVENT });
    ctx.store = made.store;
    ctx.middleware = made.middleware;
  });
  afterEach(async () => {
    ctx.emu.clearFaults();
    ctx.middleware.close();
    await shutdown(...sdks);
    await ctx.emu.stop();
  });

  /** Logs bob in through the store and waits out the login sync. */
  const loginBob = async (userSig = 'sig-bob'): Promise<void> => {
    const synced = ctx.emu.waitForCommand('openim.getmsg', { userID: 'bob' });
    await ctx.store.dispatch(login({ userID: 'bob', userSig })).unwrap();
    await synced;
    await sleep(20);
  };
  /** Another user on their own SDK instance (own SDKAppID), logged in directly. */
  const peer = async (userID: string): Promise<Sdk> => {
    const tim = createSdk(kind, ctx.emu.url, undefined, { friendship });
    sdks.push(tim);
    await loginReady(kind, tim, userID, { emulator: ctx.emu });
    return tim;
  };
  /** Another SDK instance for bob himself (a second device), not logged in yet. */
  const secondDevice = (): Sdk => {
    const tim = createSdk(kind, ctx.emu.url, undefined, { friendship });
    sdks.push(tim);
    return tim;
  };
  const messages = (conversationID: string): readonly MessageRecord[] =>
    selectMessagesByConversationID(ctx.store.getState(), conversationID);
  const texts = (conversationID: string): string[] => messages(conversationID).map((m) => String(m.payload.text ?? ''));

  return { ctx, loginBob, peer, secondDevice, messages, texts };
}
