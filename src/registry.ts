/**
 * SDK `Message` objects that thunks need back (to revoke, resend, delete), kept outside the store
 * by message ID. Bounded, in two parts: my own messages (the ones resent and revoked) and received
 * ones (deleted, forwarded, now and then), each dropping its oldest first past its limit. A live
 * room's flood therefore keeps a few thousand SDK objects, not every message twice; a thunk that
 * needs an older one falls back to the SDK's own `findMessage`.
 */
import type { SdkMessage } from './sdk';

/** The registry the middleware and its thunks share. */
export class MessageRegistry {
  private readonly own = new Map<string, SdkMessage>();
  private readonly received = new Map<string, SdkMessage>();

  /**
   * @param limit most of my own messages kept
   * @param receivedLimit most received messages kept
   */
  constructor(
    private readonly limit = 20_000,
    private readonly receivedLimit = 2_000,
  ) {}

  /** Keep one SDK message (a newer object for a known ID replaces it in place). Never throws. */
  add(message: unknown): void {
    let id: unknown;
    let flow: unknown;
    try {
      // A hostile getter must not cost the other messages of the event.
      id = (message as { ID?: unknown } | null)?.ID;
      flow = (message as { flow?: unknown } | null)?.flow;
    } catch {
      return;
    }
    if (typeof id !== 'string' || id === '') return;
    // Once per message of a flood: no tuple, no allocation.
    const incoming = flow === 'in';
    const into = incoming ? this.received : this.own;
    (incoming ? this.own : this.received).delete(id);
    into.set(id, message as SdkMessage);
    if (into.size > (incoming ? this.receivedLimit : this.limit)) {
      const oldest = into.keys().next().value;
      if (oldest !== undefined) into.delete(oldest);
    }
  }

  /** Keep every SDK message of a list. */
  addAll(messages: readonly unknown[]): void {
    for (const m of messages) this.add(m);
  }

  /** The SDK message with this ID, if kept. */
  get(messageID: string): SdkMessage | undefined {
    return this.own.get(messageID) ?? this.received.get(messageID);
  }

  /** Forget messages (deleted ones). */
  remove(messageIDs: Iterable<string>): void {
    for (const id of messageIDs) {
      this.own.delete(id);
      this.received.delete(id);
    }
  }

  /** Forget everything (logout, kick, user switch). */
  clear(): void {
    this.own.clear();
    this.received.clear();
  }

  /** How many messages are kept. */
  get size(): number {
    return this.own.size + this.received.size;
  }

  /** Every kept message ID (for isolation checks). */
  ids(): string[] {
    return [...this.own.keys(), ...this.received.keys()];
  }
}
