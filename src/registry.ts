/**
 * SDK `Message` objects that thunks need back (to revoke, resend, delete), kept outside the store
 * by message ID. Bounded: past `limit` the oldest entries go, and thunks fall back to the SDK's
 * own `findMessage`, so a flood does not keep every SDK object alive twice.
 */
import type { SdkMessage } from './sdk';

/** The registry the middleware and its thunks share. */
export class MessageRegistry {
  private readonly byID = new Map<string, SdkMessage>();

  /** @param limit most messages kept; the oldest added go first. */
  constructor(private readonly limit = 20_000) {}

  /** Keep one SDK message (a newer object for a known ID replaces it in place). Never throws. */
  add(message: unknown): void {
    let id: unknown;
    try {
      id = (message as { ID?: unknown } | null)?.ID; // a hostile getter must not cost the other messages
    } catch {
      return;
    }
    if (typeof id !== 'string' || id === '') return;
    this.byID.set(id, message as SdkMessage);
    if (this.byID.size > this.limit) {
      const oldest = this.byID.keys().next().value;
      if (oldest !== undefined) this.byID.delete(oldest);
    }
  }

  /** Keep every SDK message of a list. */
  addAll(messages: readonly unknown[]): void {
    for (const m of messages) this.add(m);
  }

  /** The SDK message with this ID, if kept. */
  get(messageID: string): SdkMessage | undefined {
    return this.byID.get(messageID);
  }

  /** Forget messages (deleted ones). */
  remove(messageIDs: Iterable<string>): void {
    for (const id of messageIDs) this.byID.delete(id);
  }

  /** Forget everything (logout, kick, user switch). */
  clear(): void {
    this.byID.clear();
  }

  /** How many messages are kept. */
  get size(): number {
    return this.byID.size;
  }

  /** Every kept message ID (for isolation checks). */
  ids(): string[] {
    return Array.from(this.byID.keys());
  }
}
