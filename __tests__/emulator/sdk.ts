/**
 * Test helpers: create the real SDKs (tim-js-sdk 2.x and @tencentcloud/chat 3.x) against the emulator,
 * log in and wait for events. Typed structurally so one test body drives both SDKs.
 */
import type TIM2 from 'tim-js-sdk';
import type TIM3 from '@tencentcloud/chat';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator';

/** The SDK surface the tests use (both versions share it). */
export interface Sdk {
  setLogLevel(level: number): void;
  on(event: string, handler: (e: { name: string; data: unknown }) => void): void;
  off(event: string, handler: (e: { name: string; data: unknown }) => void): void;
  login(options: { userID: string; userSig: string }): Promise<unknown>;
  logout(): Promise<unknown>;
  destroy(): Promise<unknown>;
  createTextMessage(options: {
    to: string;
    conversationType: string;
    payload: { text: string };
    needReadReceipt?: boolean;
  }): SdkMessage;
  sendMessage(message: SdkMessage): Promise<{ data: { message: SdkMessage } }>;
  revokeMessage(message: SdkMessage): Promise<unknown>;
  getMessageList(options: { conversationID: string; nextReqMessageID?: string; count?: number }): Promise<{
    data: { messageList: SdkMessage[]; nextReqMessageID: string; isCompleted: boolean };
  }>;
  setMessageRead(options: { conversationID: string }): Promise<unknown>;
  getConversationList(): Promise<{ data: { conversationList: SdkConversation[] } }>;
  getConversationProfile(conversationID: string): Promise<{ data: { conversation: SdkConversation } }>;
  deleteConversation(conversationID: string): Promise<unknown>;
  pinConversation(options: { conversationID: string; isPinned: boolean }): Promise<unknown>;
  getTotalUnreadMessageCount(): number;
  getMyProfile(): Promise<{ data: { userID: string; nick: string; avatar: string } }>;
  getUserProfile(options: { userIDList: string[] }): Promise<{ data: Array<{ userID: string; nick: string }> }>;
  updateMyProfile(options: { nick?: string; avatar?: string }): Promise<{ data: { nick: string } }>;
  getBlacklist(): Promise<{ data: string[] }>;
  addToBlacklist(options: { userIDList: string[] }): Promise<{ data: string[] }>;
  removeFromBlacklist(options: { userIDList: string[] }): Promise<{ data: string[] }>;
  createGroup(options: {
    type: string;
    name: string;
    memberList?: Array<{ userID: string }>;
  }): Promise<{ data: { group: { groupID: string } } }>;
  joinGroup(options: {
    groupID: string;
    type?: string;
  }): Promise<{ data: { status: string; group?: { groupID: string } } }>;
  quitGroup(groupID: string): Promise<{ data: { groupID: string } }>;
  dismissGroup(groupID: string): Promise<{ data: { groupID: string } }>;
  getGroupList(): Promise<{ data: { groupList: Array<{ groupID: string; type: string; name: string }> } }>;
  getGroupProfile(options: {
    groupID: string;
  }): Promise<{ data: { group: { groupID: string; name: string; memberCount: number } } }>;
  getGroupMemberList(options: {
    groupID: string;
    count?: number;
    offset?: number;
  }): Promise<{ data: { memberList: Array<{ userID: string; role: string }> } }>;
}

/** The message fields the tests read. */
export interface SdkMessage {
  ID: string;
  from: string;
  to: string;
  flow: string;
  status: string;
  time: number;
  sequence: number;
  conversationID: string;
  type: string;
  payload: { text?: string; operationType?: number; userIDList?: string[] };
  isRevoked: boolean;
  isPeerRead: boolean;
  needReadReceipt?: boolean;
}

/** The conversation fields the tests read. */
export interface SdkConversation {
  conversationID: string;
  type: string;
  unreadCount: number;
  isPinned: boolean;
  lastMessage: { messageForShow: string; payload: { text?: string } | null; isRevoked: boolean };
}

/** Which SDK to run. `tim-wx-sdk` needs the wx shim installed first (`__tests__/helpers/wx.ts`). */
export type SdkKind = 'tim-js-sdk' | '@tencentcloud/chat' | 'tim-wx-sdk';

/** The two web SDKs (the recordings and most suites run on these). */
export type WebSdkKind = Exclude<SdkKind, 'tim-wx-sdk'>;

/** Both SDKs, for `describe.each`. */
export const kinds: WebSdkKind[] = ['tim-js-sdk', '@tencentcloud/chat'];

/** The three SDKs, for suites that install the wx shim before tim-wx-sdk is loaded (`useWxShim`). */
export const allKinds: SdkKind[] = [...kinds, 'tim-wx-sdk'];

interface SdkFactory {
  create(options: Record<string, unknown>): Sdk;
  EVENT: Record<string, string>;
  TYPES: Record<string, string>;
}

/** Runs `fn` with console.log/info/warn silenced (the SDKs log at load and inside create()). */
function hushed<T>(fn: () => T): T {
  const saved = { log: console.log, info: console.info, warn: console.warn };
  console.log = console.info = console.warn = () => undefined;
  try {
    return fn();
  } finally {
    Object.assign(console, saved);
  }
}

const factories: Record<Exclude<SdkKind, 'tim-wx-sdk'>, SdkFactory> = hushed(() => ({
  'tim-js-sdk': (require('tim-js-sdk') as { default?: typeof TIM2 }).default ?? (require('tim-js-sdk') as typeof TIM2),

  '@tencentcloud/chat':
    (require('@tencentcloud/chat') as { default?: typeof TIM3 }).default ??
    (require('@tencentcloud/chat') as typeof TIM3),
})) as unknown as Record<Exclude<SdkKind, 'tim-wx-sdk'>, SdkFactory>;

/**
 * tim-wx-sdk, loaded on first use: it is the same bundle as tim-js-sdk (byte for byte) and decides at
 * load time that it runs in a mini-program (`wx.getSystemInfoSync().fontSizeSetting`), so it must be
 * required after the wx shim is installed.
 */
function factoryOf(kind: SdkKind): SdkFactory {
  if (kind !== 'tim-wx-sdk') return factories[kind];
  if (typeof (globalThis as { wx?: unknown }).wx !== 'object')
    throw new Error('install the wx shim before using tim-wx-sdk');
  return hushed(() => {
    const mod = require('tim-wx-sdk') as SdkFactory & { default?: SdkFactory };
    return mod.default ?? mod;
  });
}

/**
 * tim-js-sdk 2.27.6's default entry (`tim-js.js`) has no friend module: getFriendList and the other
 * friend APIs reject with CANNOT_FIND_MODULE. Friends live in the separate `tim-js-friendship.js`
 * bundle. @tencentcloud/chat 3.6.6's `index.js` has them built in (SnsModule, FollowModule).
 */
const friendshipFactory: SdkFactory = hushed(
  () =>
    (require('tim-js-sdk/tim-js-friendship.js') as { default?: SdkFactory }).default ??
    (require('tim-js-sdk/tim-js-friendship.js') as SdkFactory),
);

/** The SDK's event names and type constants. */
export function constants(kind: SdkKind): { EVENT: Record<string, string>; TYPES: Record<string, string> } {
  const factory = factoryOf(kind);
  return { EVENT: factory.EVENT, TYPES: factory.TYPES };
}

let nextAppID = 1400000001;

/**
 * Creates a quiet SDK instance on its own SDKAppID (instances are per-SDKAppID singletons).
 * `friendship`: on tim-js-sdk, the `tim-js-friendship.js` build (the one with friend APIs); any other
 * key is passed to `create` (e.g. 3.x `partialUpdatedConversations`).
 */
export function createSdk(
  kind: SdkKind,
  url: string,
  sdkAppID = nextAppID++,
  { friendship = false, ...extra }: { friendship?: boolean } & Record<string, unknown> = {},
): Sdk {
  const options: Record<string, unknown> = { SDKAppID: sdkAppID, proxyServer: url };
  if (kind === '@tencentcloud/chat') options.eventThrottling = false;
  Object.assign(options, extra);
  const factory = friendship && kind === 'tim-js-sdk' ? friendshipFactory : factoryOf(kind);
  // The SDK logs a few lines inside create(), before setLogLevel can be called.
  return hushed(() => {
    const tim = factory.create(options);
    tim.setLogLevel(4);
    return tim;
  });
}

/** Resolves with the data of the next `event` for which `accept` returns true; rejects after `timeoutMs`. */
export function waitForEvent<T = unknown>(
  tim: Sdk,
  event: string,
  accept: (data: T) => boolean = () => true,
  timeoutMs = 4000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const handler = (e: { data: unknown }): void => {
      if (accept(e.data as T)) {
        clearTimeout(timer);
        tim.off(event, handler);
        resolve(e.data as T);
      }
    };
    const timer = setTimeout(() => {
      tim.off(event, handler);
      reject(new Error(`timed out waiting for ${event}`));
    }, timeoutMs);
    tim.on(event, handler);
  });
}

/** Collects every payload of `event` until `stop()` is called. */
export function collect<T = unknown>(tim: Sdk, event: string): { items: T[]; stop(): void } {
  const items: T[] = [];
  const handler = (e: { data: unknown }): void => {
    items.push(e.data as T);
  };
  tim.on(event, handler);
  return { items, stop: () => tim.off(event, handler) };
}

/**
 * Logs in and waits for SDK_READY and then for the login's `getmsg` sync to be answered.
 * SDK_READY fires before that sync; a message pushed in between is counted twice by
 * @tencentcloud/chat 3.6.6 (once by the push, once more by the sync), so tests wait it out.
 */
export async function loginReady(
  kind: SdkKind,
  tim: Sdk,
  userID: string,
  options: { userSig?: string; emulator?: Pick<Emulator, 'waitForCommand'> } = {},
): Promise<void> {
  const ready = waitForEvent(tim, constants(kind).EVENT.SDK_READY);
  const synced = options.emulator?.waitForCommand('openim.getmsg', { userID });
  await tim.login({ userID, userSig: options.userSig ?? `sig-${userID}` });
  await ready;
  if (synced) {
    await synced;
    await sleep(20);
  }
}

/** Polls `check` every 20 ms until it returns true; rejects after `timeoutMs`. */
export async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 4000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Waits `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Logs out and destroys SDK instances, ignoring errors (for afterEach). */
export async function shutdown(...sdks: Sdk[]): Promise<void> {
  for (const tim of sdks) {
    try {
      await tim.logout();
    } catch {
      // not logged in
    }
    try {
      await tim.destroy();
    } catch {
      // already destroyed
    }
  }
}

/**
 * Per test: an emulator and the SDKs made against it, all stopped after the test. The emulator is
 * started before each test (with `options`), or with `{ startEach: false }` by the test itself through
 * `start(options)`.
 * Call it inside a `describe`: it registers `beforeEach` / `afterEach`.
 */
export function useEmulator(kind: SdkKind, { startEach = true, options = {} as EmulatorOptions } = {}) {
  let emu: Emulator | undefined;
  let sdks: Sdk[] = [];
  const start = async (options: EmulatorOptions = {}): Promise<Emulator> => (emu = await startEmulator(options));
  beforeEach(async () => {
    sdks = [];
    if (startEach) await start(options);
  });
  afterEach(async () => {
    await shutdown(...sdks);
    await emu?.stop();
    emu = undefined;
  });
  const current = (): Emulator => {
    if (!emu) throw new Error('no emulator running in this test');
    return emu;
  };
  return {
    start,
    /** The emulator of the running test. */
    emulator: current,
    /** A new SDK instance against `server` (the running test's emulator by default), shut down after the test. */
    sdk(server: Emulator = current()): Sdk {
      const tim = createSdk(kind, server.url);
      sdks.push(tim);
      return tim;
    },
  };
}
