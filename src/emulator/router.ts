/**
 * Routes each request frame to its command handler and sends the reply, applying the test faults
 * (delay, fail) and the userSig-expired rule on the way.
 */
import { CommandError, type CommandSpec, type CommandTable, type EmulatorCore } from './context';
import type { JsonObject } from './json';
import type { Connection, Frame } from './transport';
import { str } from './json';
import { ERR_USERSIG_EXPIRED } from './handlers/session';

/** A fault the control API arms for a servcmd. */
export interface FaultRule {
  servcmd: string;
  /** Only requests made as this user (any user when absent). */
  userID?: string;
  /** Reply with this error instead of running the handler. */
  fail?: { code: number; message: string };
  /** Hold the request this long before handling it. */
  delayMs?: number;
  /** Neither handle nor answer the request (lost on the way to the server). */
  swallow?: boolean;
  /** How many more requests this rule applies to. */
  remaining: number;
}

/** One request the emulator received (the control API exposes the recent ones). */
export interface CommandLogEntry {
  connectionID: number;
  userID: string;
  servcmd: string;
  body: JsonObject;
  /** Unix ms. */
  at: number;
}

const LOG_LIMIT = 2000;

/** Commands an expired session may still send: a new login, the logout, keep-alives, telemetry. */
const EXEMPT_FROM_EXPIRY = new Set([
  'im_open_status.wslogin',
  'im_open_status.wslogout',
  'heartbeat.alive',
  'im_open_status.wshello',
  'imopenstat.tim_web_report_v2',
]);

/** The command router. */
export class Router {
  private readonly table = new Map<string, CommandSpec>();
  readonly faults: FaultRule[] = [];
  readonly log: CommandLogEntry[] = [];
  private readonly listeners = new Set<(entry: CommandLogEntry) => void>();
  private readonly timers = new Set<NodeJS.Timeout>();
  /** servcmds that reached no handler (answered `{}`), for discovering what the SDK asks. */
  readonly unhandled = new Set<string>();

  constructor(private readonly core: EmulatorCore) {}

  /** Adds commands (later tables override earlier ones). */
  register(table: CommandTable): void {
    for (const [servcmd, spec] of Object.entries(table)) this.table.set(servcmd, spec);
  }

  /** Calls `listener` for every request from now on; returns the unsubscribe function. */
  subscribe(listener: (entry: CommandLogEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Cancels pending delays (their requests are dropped unanswered). */
  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /** Handles one request frame. */
  dispatch(conn: Connection, frame: Frame): void {
    const { servcmd, seq } = frame.head;
    const a2 = str(frame.head.a2);
    const userID = conn.session?.userID ?? this.core.a2Keys.get(a2) ?? '';
    const entry: CommandLogEntry = { connectionID: conn.id, userID, servcmd, body: frame.body, at: Date.now() };
    this.log.push(entry);
    if (this.log.length > LOG_LIMIT) this.log.splice(0, this.log.length - LOG_LIMIT);
    this.core.options.log?.(`<- #${conn.id} ${userID || '-'} ${servcmd} ${JSON.stringify(frame.body)}`);
    for (const listener of this.listeners) listener(entry);

    const reply = (body: JsonObject): void => {
      this.core.options.log?.(`-> #${conn.id} ${userID || '-'} ${servcmd} ${JSON.stringify(body)}`);
      conn.send({ head: { servcmd, seq }, body });
    };

    if (conn.session?.sigExpired && !EXEMPT_FROM_EXPIRY.has(servcmd)) {
      reply({ ErrorCode: ERR_USERSIG_EXPIRED, ErrorInfo: 'userSig expired' });
      return;
    }

    const fault = this.takeFault(servcmd, userID);
    if (fault?.swallow) return;
    const run = (): void => {
      if (fault?.fail) {
        reply({ ErrorCode: fault.fail.code, ErrorInfo: fault.fail.message });
        return;
      }
      this.run(conn, frame, userID, reply);
    };
    if (fault?.delayMs !== undefined && fault.delayMs > 0) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        run();
      }, fault.delayMs);
      this.timers.add(timer);
    } else {
      run();
    }
  }

  private takeFault(servcmd: string, userID: string): FaultRule | undefined {
    const i = this.faults.findIndex((f) => f.servcmd === servcmd && (f.userID === undefined || f.userID === userID));
    if (i < 0) return undefined;
    const fault = this.faults[i];
    fault.remaining--;
    if (fault.remaining <= 0) this.faults.splice(i, 1);
    return fault;
  }

  private run(conn: Connection, frame: Frame, userID: string, reply: (body: JsonObject) => void): void {
    const spec = this.table.get(frame.head.servcmd);
    if (!spec) {
      this.unhandled.add(frame.head.servcmd);
      reply({});
      return;
    }
    if (spec.auth !== false && userID === '') {
      reply({ ErrorCode: 2, ErrorInfo: 'not logged in' });
      return;
    }
    const onError = (error: unknown): void => {
      if (error instanceof CommandError) reply({ ErrorCode: error.code, ErrorInfo: error.info });
      else reply({ ErrorCode: 1, ErrorInfo: error instanceof Error ? error.message : String(error) });
    };
    try {
      const result = spec.handle({ core: this.core, conn, head: frame.head, body: frame.body, userID });
      if (result instanceof Promise) result.then(reply, onError);
      else reply(result);
    } catch (error) {
      onError(error);
    }
  }
}
