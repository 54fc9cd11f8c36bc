/**
 * Server-initiated frames: `im_open_push.msg_push` with an `EventArray`, sent to a user's sockets.
 */
import type { JsonObject } from './json';
import type { Connection } from './transport';

/** The push servcmd the SDK routes to its message dispatcher. */
export const MSG_PUSH = 'im_open_push.msg_push';

/** Sends pushes to sockets. */
export class Pusher {
  /** How many upcoming pushes are sent twice (control API: "push the same message twice"). */
  duplicateNext = 0;
  private nextSeq = 0x40000000;

  constructor(private readonly connections: Set<Connection>) {}

  /** The open, logged-in sockets of a user (not kicked, userSig not expired): where pushes go. */
  socketsOf(userID: string): Connection[] {
    return [...this.connections].filter(
      (c) => c.isOpen && c.session?.userID === userID && !c.session.kicked && !c.session.sigExpired,
    );
  }

  /** Sends a frame with a fresh seq (one that matches no request). Returns whether it was sent. */
  raw(conn: Connection, servcmd: string, body: JsonObject): boolean {
    this.nextSeq = (this.nextSeq + 1) % 0xffffffff;
    return conn.send({ head: { servcmd, seq: this.nextSeq }, body });
  }

  /** Pushes events to one socket. */
  events(conn: Connection, events: JsonObject[]): boolean {
    let sent = this.raw(conn, MSG_PUSH, { EventArray: events });
    if (this.duplicateNext > 0 && sent) {
      this.duplicateNext--;
      sent = this.raw(conn, MSG_PUSH, { EventArray: events });
    }
    return sent;
  }

  /** Pushes events to every socket of a user, except `except`. Returns how many sockets got it. */
  toUser(userID: string, events: JsonObject[], except?: Connection): number {
    let n = 0;
    for (const conn of this.socketsOf(userID)) if (conn !== except && this.events(conn, events)) n++;
    return n;
  }
}
