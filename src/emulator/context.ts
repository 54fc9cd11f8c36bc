/**
 * What every command handler gets: the store, the pusher, the options, and the request at hand.
 */
import type { JsonObject } from './json';
import { PURCHASE_BITS } from './purchaseBits';
import type { Store } from './store';
import type { Connection, FrameHead } from './transport';
import type { Pusher } from './push';

/** How the emulator treats a second SDK instance of a user who is already online. */
export type MultiInstancePolicy = 'allow' | 'kickOlder';

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  /** TCP port on 127.0.0.1; 0 or absent picks a free one. */
  port?: number;
  /**
   * Decides whether a userSig is good. Default: any non-empty userSig is accepted.
   * A rejected login gets ErrorCode 70003 (invalid userSig), and `login()` rejects with it.
   */
  checkUserSig?: (input: { userID: string; userSig: string; sdkAppID: string }) => boolean;
  /** `'allow'` (default): many instances per user. `'kickOlder'`: a new login kicks the user's older sockets. */
  multiInstance?: MultiInstancePolicy;
  /** The KickType sent to the older instance under `'kickOlder'`: 1 multipleAccount (default), 2 multipleDevice. */
  multiInstanceKickType?: 1 | 2;
  /** HelloInterval given to the SDK at login, in seconds (default 30). */
  helloIntervalSeconds?: number;
  /** Users to create up front, with their nick and avatar. */
  users?: Array<{ userID: string; nick?: string; avatar?: string }>;
  /** Receives one line per frame in and out, for debugging. Default: silent. */
  log?: (line: string) => void;
  /**
   * The purchased-feature bits given to the SDK (`fetch_imsdk_purchase_bitsv2`), a binary string with
   * bit 0 last; the SDKs refuse gated APIs without them. Default `PURCHASE_BITS` (user status, conversation
   * marks and groups, extensions, reactions, follow). Group counters need bit 15 too (`GROUP_COUNTER_PURCHASE_BITS`).
   */
  purchaseBits?: string;
  /**
   * Conversations per `recentcontact.page_get` answer. Default: the whole list in one page
   * (`CompleteFlag: 1`). A real server pages the list: both SDKs then ask again with the cursor it
   * answered (`StartIndex`) until `CompleteFlag` is 1, emitting CONVERSATION_LIST_UPDATED after
   * each page and SDK_READY after the first.
   */
  conversationPageSize?: number;
}

/** The options with defaults applied. */
export interface ResolvedOptions {
  port: number;
  checkUserSig: (input: { userID: string; userSig: string; sdkAppID: string }) => boolean;
  multiInstance: MultiInstancePolicy;
  multiInstanceKickType: 1 | 2;
  helloIntervalSeconds: number;
  log: ((line: string) => void) | undefined;
  purchaseBits: string;
  conversationPageSize: number;
}

/** Applies defaults. */
export function resolveOptions(options: EmulatorOptions): ResolvedOptions {
  return {
    port: options.port ?? 0,
    checkUserSig: options.checkUserSig ?? ((input) => input.userSig !== ''),
    multiInstance: options.multiInstance ?? 'allow',
    multiInstanceKickType: options.multiInstanceKickType ?? 1,
    helloIntervalSeconds: options.helloIntervalSeconds ?? 30,
    log: options.log,
    purchaseBits: options.purchaseBits ?? PURCHASE_BITS,
    conversationPageSize:
      options.conversationPageSize !== undefined && options.conversationPageSize >= 1
        ? Math.floor(options.conversationPageSize)
        : Number.POSITIVE_INFINITY,
  };
}

/** The shared core the handlers work on. */
export interface EmulatorCore {
  store: Store;
  push: Pusher;
  options: ResolvedOptions;
  /** Every open socket. */
  connections: Set<Connection>;
  /** a2 key → userID, for requests the SDK re-sends after a reconnect before it logs in again. */
  a2Keys: Map<string, string>;
  /** `${userID}\n${userSig}` pairs that the control API expired: a login with them fails with 70001. */
  expiredSigs: Set<string>;
  /** The last userSig each user logged in with. */
  userSigs: Map<string, string>;
}

/** One request being handled. */
export interface CommandContext {
  core: EmulatorCore;
  conn: Connection;
  head: FrameHead;
  body: JsonObject;
  /** The user making the request ('' when neither logged in nor carrying a known a2). */
  userID: string;
}

/** A command handler: returns the reply body, or throws a {@link CommandError}. */
export type CommandHandler = (ctx: CommandContext) => JsonObject | Promise<JsonObject>;

/** A handler and whether it needs a known user. */
export interface CommandSpec {
  /** Default true: without a user the request fails with code 2 ("not logged in"). */
  auth?: boolean;
  handle: CommandHandler;
}

/** A table of commands by servcmd. */
export type CommandTable = Record<string, CommandSpec>;

/** An error reply: `{ErrorCode: code, ErrorInfo: info}`, which makes the SDK's promise reject. */
export class CommandError extends Error {
  constructor(
    readonly code: number,
    readonly info: string,
  ) {
    super(`${code} ${info}`);
  }
}
