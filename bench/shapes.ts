/**
 * SDK-shaped objects for the benchmark (copied from the shapes in __tests__/helpers/fakeSdk.ts,
 * without jest): class instances with a payload getter, `_`-private fields and a back reference,
 * as the real SDK hands them out. Plus a tiny emitter standing in for the SDK's `on`/`off`.
 */

/** Like the SDK's Message. */
export class BenchMessage {
  ID: string;
  conversationID: string;
  conversationType: string;
  conversationSubType: string;
  type = 'TIMTextElem';
  to: string;
  from: string;
  flow = 'in';
  time: number;
  sequence: number;
  random: number;
  status = 'success';
  isRevoked = false;
  revoker: string | null = null;
  isPeerRead = false;
  isModified = false;
  nick = '';
  avatar = '';
  nameCard = '';
  priority = 'Normal';
  cloudCustomData = '';
  atUserList: string[] = [];
  needReadReceipt = false;
  readReceiptInfo = { readCount: undefined as number | undefined, unreadCount: undefined as number | undefined };
  version = 0;
  _elements: Array<{ type: string; content: { text: string } }>;
  _sdkBackReference: unknown;
  constructor(init: {
    ID: string;
    conversationID: string;
    subType: string;
    from: string;
    time: number;
    sequence: number;
    text: string;
  }) {
    this.ID = init.ID;
    this.conversationID = init.conversationID;
    const group = init.conversationID.startsWith('GROUP');
    this.conversationType = group ? 'GROUP' : 'C2C';
    this.conversationSubType = init.subType;
    this.from = init.from;
    this.to = group ? init.conversationID.slice(5) : 'me';
    this.time = init.time;
    this.sequence = init.sequence;
    this.random = init.sequence * 7;
    this._elements = [{ type: 'TIMTextElem', content: { text: init.text } }];
    this._sdkBackReference = { circular: this };
  }
  /** The SDK exposes the payload through a getter over its elements. */
  get payload(): { text: string } {
    return this._elements[0].content;
  }
}

/** Like the SDK's Profile. */
export class BenchProfile {
  gender = 'Gender_Type_Unknown';
  _cache = new Map();
  constructor(
    public userID: string,
    public nick = '',
    public avatar = '',
  ) {}
}

/** Like the SDK's Conversation (mutated in place by the SDK, which re-sends the whole list). */
export class BenchConversation {
  conversationID: string;
  type: string;
  unreadCount = 0;
  isPinned = false;
  messageRemindType = 'AcceptAndNotify';
  remark = '';
  peerReadTime = 0;
  markList: number[] = [];
  customData = '';
  conversationGroupList: string[] = [];
  groupAtInfoList: unknown[] = [];
  lastMessage: {
    lastTime: number;
    lastSequence: number;
    fromAccount: string;
    type: string;
    payload: { text: string };
    messageForShow: string;
  };
  userProfile?: BenchProfile;
  _isInfoCompleted = true;
  constructor(id: string, lastTime: number) {
    this.conversationID = id;
    this.type = 'C2C';
    this.lastMessage = {
      lastTime,
      lastSequence: 1,
      fromAccount: 'x',
      type: 'TIMTextElem',
      payload: { text: 'hi' },
      messageForShow: 'hi',
    };
    this.userProfile = new BenchProfile(id.slice(3), `nick ${id}`);
  }
  /** What the SDK does when a message arrives: a new last message, one more unread. */
  touch(time: number, text: string): void {
    this.unreadCount++;
    this.lastMessage = {
      lastTime: time,
      lastSequence: this.lastMessage.lastSequence + 1,
      fromAccount: 'x',
      type: 'TIMTextElem',
      payload: { text },
      messageForShow: text,
    };
  }
}

type Listener = (event: { name: string; data: unknown }) => void;

/** The SDK's event surface: `on`/`off`, and `emit` for the benchmark to play events. */
export class BenchEmitter {
  private readonly listeners = new Map<string, Listener[]>();
  on(name: string, handler: Listener): void {
    const list = this.listeners.get(name) ?? [];
    list.push(handler);
    this.listeners.set(name, list);
  }
  off(name: string, handler: Listener): void {
    const list = this.listeners.get(name);
    if (list)
      this.listeners.set(
        name,
        list.filter((h) => h !== handler),
      );
  }
  emit(name: string, data: unknown): void {
    const list = this.listeners.get(name);
    if (list) for (const h of list) h({ name, data });
  }
  isReady(): boolean {
    return true;
  }
}

let uid = 0;
const T0 = 1_700_000_000;

/** Message generator: IDs unique across the whole run, times increasing per conversation. */
export class MessageFactory {
  private readonly seq = new Map<string, number>();
  constructor(private readonly subType: (conversationID: string) => string = () => '') {}
  /** The next (newest) message of `conversationID`. */
  next(conversationID: string): BenchMessage {
    const s = (this.seq.get(conversationID) ?? 1_000_000) + 1;
    this.seq.set(conversationID, s);
    uid++;
    return new BenchMessage({
      ID: `144115-${T0 + s}-${uid}`,
      conversationID,
      subType: this.subType(conversationID),
      from: `user${uid % 97}`,
      time: T0 + s,
      sequence: s,
      text: `message ${uid}`,
    });
  }
  /** `n` messages older than anything made so far for `conversationID` (oldest first). */
  older(conversationID: string, n: number, below: number): BenchMessage[] {
    const out: BenchMessage[] = [];
    for (let i = n; i >= 1; i--) {
      uid++;
      const s = below - i;
      out.push(
        new BenchMessage({
          ID: `144115-${T0 + s}-${uid}`,
          conversationID,
          subType: this.subType(conversationID),
          from: `user${uid % 97}`,
          time: T0 + s,
          sequence: s,
          text: `old ${uid}`,
        }),
      );
    }
    return out;
  }
  /** The sequence of the oldest message made for a conversation by `next` (for `older`). */
  static readonly FIRST_SEQ = 1_000_001;
}

/** Conversation IDs `C2Cu0`.. (one-to-one) or `GROUPg0`.. (groups). */
export function conversationIDs(n: number, prefix: 'C2Cu' | 'GROUPg' = 'C2Cu'): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${i}`);
}

/** Round-robin messages over `ids`: `perConversation` each, in rounds (the order a server sends). */
export function roundRobin(factory: MessageFactory, ids: readonly string[], perConversation: number): BenchMessage[] {
  const out: BenchMessage[] = [];
  for (let r = 0; r < perConversation; r++) for (const id of ids) out.push(factory.next(id));
  return out;
}
