/**
 * Transport and framing: the WebSocket server on 127.0.0.1 and the frame format the SDK speaks.
 *
 * Uplink frames are binary (or text, in the SDK's devMode `/info` path) UTF-8 JSON `{head, body}`.
 * Downlink frames on `/binfo` must be binary: a text frame there is read as an empty string by the SDK.
 */
import type { WebSocket, RawData } from 'ws';
import { createRequire } from 'node:module';
import { dirname, join } from 'path';
import { createServer, type IncomingMessage, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { isObject, type JsonObject } from './json';

/** The head of a frame. Requests carry many more fields; a reply needs only `servcmd` and `seq`. */
export interface FrameHead extends JsonObject {
  servcmd: string;
  seq: number;
}

/** One protocol frame. */
export interface Frame {
  head: FrameHead;
  body: JsonObject;
}

/** The login state of one socket. */
export interface Session {
  userID: string;
  tinyID: string;
  a2: string;
  /** The InstId the server gave this login. */
  instanceID: number;
  sdkAppID: string;
  /** Unix ms when the login happened (older sessions are kicked first). */
  loginAt: number;
  /** Set by the control API: every request on this session is answered with 70001 until a new login. */
  sigExpired: boolean;
  /** Kicked: no more pushes go to this socket; its requests are still served until it logs out. */
  kicked: boolean;
}

/** One SDK socket. */
export class Connection {
  /** The login on this socket, once `wslogin` succeeded. */
  session: Session | undefined;
  private closed = false;

  constructor(
    /** A server-wide id for this socket (for logs and the control API). */
    readonly id: number,
    private readonly socket: WebSocket,
    /** The query string of the URL the SDK opened (`sdkappid`, `instanceid`, ...). */
    readonly query: URLSearchParams,
    /** Whether downlink frames go out as text (`/info`) instead of binary (`/binfo`). */
    readonly textFrames: boolean,
  ) {
    socket.on('close', () => {
      this.closed = true;
    });
  }

  /** Whether the socket is still open. */
  get isOpen(): boolean {
    return !this.closed && this.socket.readyState === this.socket.OPEN;
  }

  /** Sends one frame; returns false if the socket is closed. */
  send(frame: Frame): boolean {
    if (!this.isOpen) return false;
    const data = JSON.stringify(frame);
    this.socket.send(this.textFrames ? data : Buffer.from(data, 'utf8'), { binary: !this.textFrames });
    return true;
  }

  /** Drops the socket at once, without a close handshake (what a network failure looks like). */
  drop(): void {
    this.closed = true;
    this.socket.terminate();
  }
}

/** Parses an uplink frame; returns undefined for anything that is not `{head:{servcmd,seq}, body}`. */
export function decodeFrame(data: RawData): Frame | undefined {
  let text: string;
  if (Buffer.isBuffer(data)) text = data.toString('utf8');
  else if (Array.isArray(data)) text = Buffer.concat(data).toString('utf8');
  else text = Buffer.from(data).toString('utf8');
  if (text.startsWith('COMP')) return undefined; // the SDK never compresses uplink
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(parsed) || !isObject(parsed.head)) return undefined;
  const head = parsed.head;
  if (typeof head.servcmd !== 'string') return undefined;
  const seq = typeof head.seq === 'number' ? head.seq : Number(head.seq);
  return { head: { ...head, servcmd: head.servcmd, seq }, body: isObject(parsed.body) ? parsed.body : {} };
}

/** Callbacks the transport drives. */
export interface TransportHandlers {
  onOpen(conn: Connection): void;
  onFrame(conn: Connection, frame: Frame): void;
  onClose(conn: Connection): void;
  /** Plain HTTP requests on the same port (uploads and downloads); 404 when absent or false. */
  onHttp?(req: IncomingMessage, res: ServerResponse): boolean;
}

/** A listening transport. */
export interface Transport {
  port: number;
  /** Terminates every socket and closes the server. */
  close(): Promise<void>;
}

/**
 * `ws`, loaded by file path. Under jest-environment-jsdom, jest resolves `ws` with the "browser"
 * export condition to a stub that throws; the emulator runs in such test files, so it loads the
 * package's Node entry (`index.js`, next to its package.json) directly.
 */
const nodeRequire = createRequire(__filename); // a real require in the CJS and the ESM build alike
const { WebSocketServer } = nodeRequire(
  join(dirname(nodeRequire.resolve('ws/package.json')), 'index.js'),
) as typeof import('ws');

/** Starts the HTTP and WebSocket server on 127.0.0.1 (port 0 = a free port). */
export function startTransport(port: number, handlers: TransportHandlers): Promise<Transport> {
  return new Promise((resolve, reject) => {
    const server = createServer((req, res) => {
      if (handlers.onHttp?.(req, res)) return;
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    });
    const wss = new WebSocketServer({ server });
    let nextID = 1;
    wss.on('connection', (socket: WebSocket, req: IncomingMessage) => {
      const url = new URL(req.url ?? '/', 'ws://127.0.0.1');
      const conn = new Connection(nextID++, socket, url.searchParams, url.pathname.endsWith('/info'));
      socket.on('message', (data: RawData) => {
        const frame = decodeFrame(data);
        if (frame) handlers.onFrame(conn, frame);
      });
      socket.on('close', () => handlers.onClose(conn));
      socket.on('error', () => undefined);
      handlers.onOpen(conn);
    });
    wss.on('error', () => undefined);
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      resolve({
        port: address.port,
        close: () =>
          new Promise<void>((done) => {
            for (const client of wss.clients) client.terminate();
            wss.close(() => {
              server.closeAllConnections();
              server.close(() => done());
            });
          }),
      });
    });
  });
}
