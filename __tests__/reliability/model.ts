/**
 * A small reference model of what the store should hold, written from the rules of issue 2 (not
 * from the reducers): per conversation a map of messages, the conversation list, the session
 * state machine, the history cursors and the IDs the registry keeps. The property test runs every
 * generated step through the real store and through this model and compares them.
 */

/** Sending state as the SDK names it. */
export type Status = 'unSend' | 'success' | 'fail';

/** A message as the model tracks it. */
export interface ModelMessage {
  ID: string;
  conversationID: string;
  conversationType: 'C2C' | 'GROUP';
  time: number;
  sequence: number;
  status: Status;
  isRevoked: boolean;
  text: string;
  version: number;
}

/** Session status names (issue 2, behaviour 3). */
export type SessionStatus = 'idle' | 'loggingIn' | 'ready' | 'notReady' | 'kickedOut' | 'loggedOut';

/** The model's state. */
export interface ModelState {
  session: { status: SessionStatus; userID: string | null };
  net: string;
  /** conversationID → unreadCount, exactly the last list delivered. */
  conversations: Map<string, number>;
  totalUnread: number;
  /** conversationID → ID → message. */
  messages: Map<string, Map<string, ModelMessage>>;
  /** IDs revoked while the model did not hold them. */
  revokedUnknown: Set<string>;
  /** conversationID → cursor. */
  history: Map<string, { nextReqMessageID: string | null; isCompleted: boolean }>;
  /** What the middleware's registry should hold: ID → the SDK message's content as last handed over. */
  registry: Map<string, ModelMessage>;
}

const RANK: Record<Status, number> = { unSend: 0, fail: 1, success: 2 };

/**
 * The display order of issue 2: groups by sequence (0 = not sent yet, last), ties by time, then by
 * sequence, then ID. One-to-one by time; within a second the store keeps the arrival order (as the
 * SDK's own list does, issue 11), which the model does not follow: its view, and the store's, list
 * those by ID (`c2cViewOrder`), and the real SDKs check the arrival order (integration/order.test.ts).
 */
export function modelOrder(a: ModelMessage, b: ModelMessage): number {
  const key = (m: ModelMessage) =>
    m.conversationType === 'GROUP' ? (m.sequence > 0 ? m.sequence : Number.POSITIVE_INFINITY) : m.time;
  const ka = key(a);
  const kb = key(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  if (a.conversationType !== 'GROUP') return a.ID < b.ID ? -1 : a.ID > b.ID ? 1 : 0;
  if (a.time !== b.time) return a.time < b.time ? -1 : 1;
  if (a.sequence !== b.sequence) return a.sequence < b.sequence ? -1 : 1;
  return a.ID < b.ID ? -1 : a.ID > b.ID ? 1 : 0;
}

export function emptyModel(): ModelState {
  return {
    session: { status: 'idle', userID: null },
    net: 'connected',
    conversations: new Map(),
    totalUnread: 0,
    messages: new Map(),
    revokedUnknown: new Set(),
    history: new Map(),
    registry: new Map(),
  };
}

/** Everything of the user goes; net state stays (it is not user data). */
export function resetUserData(m: ModelState, status: SessionStatus): void {
  m.session = { status, userID: null };
  m.conversations = new Map();
  m.totalUnread = 0;
  m.messages = new Map();
  m.revokedUnknown = new Set();
  m.history = new Map();
  m.registry = new Map();
}

/**
 * Conversations that left the SDK's whole list: the SDK deleted them (here or on another device) and
 * dropped their messages; their messages, cursor and registered SDK messages go.
 */
export function forgetConversations(m: ModelState, conversationIDs: Iterable<string>): void {
  for (const id of conversationIDs) {
    m.messages.delete(id);
    m.history.delete(id);
    for (const [messageID, message] of m.registry) if (message.conversationID === id) m.registry.delete(messageID);
  }
}

function find(m: ModelState, id: string): ModelMessage | undefined {
  for (const list of m.messages.values()) {
    const found = list.get(id);
    if (found) return found;
  }
  return undefined;
}

/** True when the model holds a message with this ID (any conversation). */
export function holds(m: ModelState, id: string): boolean {
  return find(m, id) !== undefined;
}

/** Status of a held message. */
export function statusOf(m: ModelState, id: string): Status | undefined {
  return find(m, id)?.status;
}

function listOf(m: ModelState, conversationID: string): Map<string, ModelMessage> {
  let list = m.messages.get(conversationID);
  if (!list) m.messages.set(conversationID, (list = new Map()));
  return list;
}

/** Merge rule of issue 2: status never backwards, revoked stays, an older version never overwrites an edit. */
function merge(prev: ModelMessage, next: ModelMessage): ModelMessage {
  const keepSent = prev.status === 'success' && next.status !== 'success';
  const stale = next.version < prev.version;
  return {
    ...next,
    time: keepSent ? prev.time : next.time,
    sequence: keepSent ? prev.sequence : next.sequence,
    status: RANK[next.status] >= RANK[prev.status] ? next.status : prev.status,
    isRevoked: prev.isRevoked || next.isRevoked,
    text: stale ? prev.text : next.text,
    version: Math.max(prev.version, next.version),
  };
}

/** A message arriving by any path (live, history page, own send): insert or merge, dedupe by ID. */
export function upsert(m: ModelState, incoming: ModelMessage): void {
  const list = listOf(m, incoming.conversationID);
  const next = m.revokedUnknown.has(incoming.ID) ? { ...incoming, isRevoked: true } : incoming;
  const prev = list.get(next.ID);
  list.set(next.ID, prev ? merge(prev, next) : next);
}

/** Updates a known message; unknown IDs change nothing. */
export function update(m: ModelState, id: string, change: (prev: ModelMessage) => ModelMessage): void {
  const found = find(m, id);
  if (found) listOf(m, found.conversationID).set(id, change(found));
}

/** MESSAGE_REVOKED / a successful revokeMessage. */
export function revoke(m: ModelState, id: string): void {
  if (holds(m, id)) update(m, id, (p) => ({ ...p, isRevoked: true }));
  else m.revokedUnknown.add(id);
}

/** MESSAGE_MODIFIED: known messages only. */
export function modify(m: ModelState, next: ModelMessage): void {
  update(m, next.ID, (prev) => merge(prev, next));
}

/** deleteMessages succeeded. */
export function remove(m: ModelState, ids: readonly string[]): void {
  for (const id of ids) {
    const found = find(m, id);
    if (found) listOf(m, found.conversationID).delete(id);
    m.registry.delete(id);
  }
}

/** One-to-one records in the view both sides are compared in: by time, then ID. */
export function c2cViewOrder(a: { time: number; ID: string }, b: { time: number; ID: string }): number {
  if (a.time !== b.time) return a.time < b.time ? -1 : 1;
  return a.ID < b.ID ? -1 : a.ID > b.ID ? 1 : 0;
}

/** The model's messages of one conversation, in display order. */
export function ordered(m: ModelState, conversationID: string): ModelMessage[] {
  return Array.from(m.messages.get(conversationID)?.values() ?? []).sort(modelOrder);
}

/** Conversations with at least one message. */
export function conversationsWithMessages(m: ModelState): string[] {
  return Array.from(m.messages.entries())
    .filter(([, list]) => list.size > 0)
    .map(([id]) => id)
    .sort();
}
