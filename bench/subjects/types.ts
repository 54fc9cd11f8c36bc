/** What every subject of the benchmark offers. A method set to null means "cannot do this". */
import type { BenchConversation, BenchMessage } from '../shapes';

/** Per-conversation cap, keyed by the message's conversationSubType (as tim-redux's `setMessageCap`). */
export interface CapOption {
  subType: string;
  cap: number;
}

export interface SubjectOptions {
  /** Per-conversation cap for one group type; the others are uncapped. */
  cap?: CapOption;
  /** The conversation a one-conversation subject (TUIChatEngine) keeps. */
  currentConversationID?: string;
}

/** One running instance: fed SDK-shaped events, one call per event. */
export interface Subject {
  /** One MESSAGE_RECEIVED event (the SDK's array of Message objects). */
  receive(messages: BenchMessage[]): void;
  /** One CONVERSATION_LIST_UPDATED event (the whole list), or null when the subject has no such store. */
  conversationList: ((list: BenchConversation[]) => void) | null;
  /** One history page of older messages of one conversation, or null. */
  historyPage: ((conversationID: string, messages: BenchMessage[]) => void) | null;
  /** Messages held for a conversation (for checking that the work was done). */
  count(conversationID: string): number;
  /** The conversation list as a UI reads it (a selector's result), for identity checks. */
  conversationRows?: () => ReadonlyArray<{ conversationID: string }>;
  /** A stored message by ID, as a UI row reads it (tim-redux: `selectMessageById`), or undefined. */
  findById?: (messageID: string) => unknown;
  /** One MESSAGE_EXTENSIONS_UPDATED event on a message named by ID alone. */
  extension?: (messageID: string, value: string) => void;
  /** Let go of listeners and globals. */
  close(): void;
}

export interface SubjectKind {
  /** Short name used in tables and JSON. */
  name: string;
  /** Keeps the messages of one (current) conversation only. */
  oneConversationOnly?: boolean;
  /** A variant that only makes sense in the flood scenarios (tim-redux with coalescing). */
  floodOnly?: boolean;
  /** Can look a message up by ID (the lookup scenario). */
  lookup?: boolean;
  /** Can apply a per-conversation cap. */
  supportsCap: boolean;
  create(options?: SubjectOptions): Subject;
}

/** The cap rule all subjects share with tim-redux: trim to `cap` once past cap + 10%. */
export function overCap(length: number, cap: number): boolean {
  return cap > 0 && length > cap + Math.ceil(cap / 10);
}
