/**
 * SDK `Message` objects that thunks need back (to revoke, resend, delete), kept outside the store
 * by message ID. Bounded, in two parts: my own messages (the ones resent and revoked) and received
 * ones (deleted, forwarded, now and then), each dropping its oldest first past its limit. A live
 * room's flood therefore keeps a few thousand SDK objects, not every message twice; a thunk that
 * needs an older one falls back to the SDK's own `findMessage`.
 *
 * Received messages are kept as the batches events brought them: in a flood, keeping one is a push,
 * not a Map insert plus an eviction per message. Looking one up (a thunk, now and then) scans the
 * batches from the newest, so a newer object for an ID wins.
 */
import type { SdkMessage } from './sdk';

/** Received messages of one event, with their IDs read once (an SDK getter is read at most once). */
interface Batch {
  ids: string[];
  messages: SdkMessage[];
}

/** The registry the middleware and its thunks share. */
export class MessageRegistry {
  private readonly own = new Map<string, SdkMessage>();
  private received: Batch[] = [];
  private receivedCount = 0;

  /**
   * @param limit most of my own messages kept
   * @param receivedLimit most received messages kept
   */
  constructor(
    private readonly limit = 20_000,
    private readonly receivedLimit = 2_000,
  ) {}

  /** Keep one SDK message (a newer object for a known ID replaces it). Never throws. */
  add(message: unknown): void {
    this.addAll([message]);
  }

  /** Keep every SDK message of a list. Never throws. */
  addAll(messages: readonly unknown[]): void {
    let batch: Batch | null = null;
    for (const message of messages) {
      let id: unknown;
      let flow: unknown;
      try {
        // A hostile getter must not cost the other messages of the event.
        id = (message as { ID?: unknown } | null)?.ID;
        flow = (message as { flow?: unknown } | null)?.flow;
      } catch {
        continue;
      }
      if (typeof id !== 'string' || id === '') continue;
      if (flow === 'in') {
        batch ??= { ids: [], messages: [] };
        batch.ids.push(id);
        batch.messages.push(message as SdkMessage);
        if (this.own.size > 0) this.own.delete(id);
      } else {
        this.own.delete(id); // re-inserted as the newest
        this.own.set(id, message as SdkMessage);
        if (this.own.size > this.limit) {
          const oldest = this.own.keys().next().value;
          if (oldest !== undefined) this.own.delete(oldest);
        }
      }
    }
    if (batch) this.keepReceived(batch);
  }

  private keepReceived(batch: Batch): void {
    this.received.push(batch);
    this.receivedCount += batch.ids.length;
    // Whole batches go, oldest first, while what is left still holds the limit.
    while (this.received.length > 1 && this.receivedCount - this.received[0].ids.length >= this.receivedLimit) {
      this.receivedCount -= this.received[0].ids.length;
      this.received.shift();
    }
  }

  /** The SDK message with this ID, if kept. */
  get(messageID: string): SdkMessage | undefined {
    const own = this.own.get(messageID);
    if (own !== undefined) return own;
    for (let b = this.received.length - 1; b >= 0; b--) {
      const { ids, messages } = this.received[b];
      for (let i = ids.length - 1; i >= 0; i--) if (ids[i] === messageID) return messages[i];
    }
    return undefined;
  }

  /** Forget messages (deleted ones). */
  remove(messageIDs: Iterable<string>): void {
    const gone = new Set(messageIDs);
    if (gone.size === 0) return;
    for (const id of gone) this.own.delete(id);
    this.filterReceived((id) => !gone.has(id));
  }

  /** Forget every message `test` picks (those of a conversation that is gone). */
  removeWhere(test: (message: SdkMessage) => boolean): void {
    const picked = (message: SdkMessage) => {
      try {
        return test(message);
      } catch {
        return false; // a hostile getter: keep it, rather than throw out of a thunk
      }
    };
    for (const [id, message] of this.own) if (picked(message)) this.own.delete(id);
    this.filterReceived((_id, message) => !picked(message));
  }

  private filterReceived(keep: (id: string, message: SdkMessage) => boolean): void {
    const batches: Batch[] = [];
    let count = 0;
    for (const batch of this.received) {
      const kept: Batch = { ids: [], messages: [] };
      batch.ids.forEach((id, i) => {
        if (keep(id, batch.messages[i])) {
          kept.ids.push(id);
          kept.messages.push(batch.messages[i]);
        }
      });
      if (kept.ids.length > 0) batches.push(kept);
      count += kept.ids.length;
    }
    this.received = batches;
    this.receivedCount = count;
  }

  /** Forget everything (logout, kick, user switch). */
  clear(): void {
    this.own.clear();
    this.received = [];
    this.receivedCount = 0;
  }

  /** How many messages are kept (a received ID that came twice counts twice). */
  get size(): number {
    return this.own.size + this.receivedCount;
  }

  /** Every kept message ID, once (for isolation checks). */
  ids(): string[] {
    const ids = new Set(this.own.keys());
    for (const batch of this.received) for (const id of batch.ids) ids.add(id);
    return [...ids];
  }
}
