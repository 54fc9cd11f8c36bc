/**
 * A small double of the Tencent IM SDK: an event emitter with the promise methods, handing out
 * class instances with methods and `_`-private fields as the real SDK does.
 */
import { TIM_EVENTS, type TimEventKey } from '../../src/events';
import type { TimEvent, TimListener } from '../../src/sdk';

let seq = 0;

/** Like the SDK's Message: a class with getters, methods and private fields. */
export class FakeMessage {
  ID: string;
  conversationID: string;
  conversationType: string;
  conversationSubType: string;
  type = 'TIMTextElem';
  to: string;
  from: string;
  flow: string;
  time: number;
  sequence: number;
  random: number;
  status: string;
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
  _elements: Array<{ type: string; content: unknown }>;
  _sdkBackReference: unknown;
  constructor(init: Partial<FakeMessage> & { text?: string; from: string; to: string; conversationType?: string }) {
    const conversationType = init.conversationType ?? 'C2C';
    this.ID = init.ID ?? `144115-${1700000000 + ++seq}-${seq}`;
    this.from = init.from;
    this.to = init.to;
    this.conversationType = conversationType;
    this.conversationSubType = init.conversationSubType ?? (conversationType === 'GROUP' ? 'Public' : '');
    this.flow = init.flow ?? 'in';
    const peer = this.flow === 'in' ? init.from : init.to;
    this.conversationID = init.conversationID ?? (conversationType === 'GROUP' ? `GROUP${init.to}` : `C2C${peer}`);
    this.time = init.time ?? 1700000000 + seq;
    this.sequence = init.sequence ?? seq;
    this.random = init.random ?? seq * 7;
    this.status = init.status ?? 'success';
    if (init.isRevoked) this.isRevoked = true;
    this._elements = [{ type: 'TIMTextElem', content: { text: init.text ?? `text ${seq}` } }];
    this._sdkBackReference = { circular: this };
  }
  /** The SDK exposes the payload through a getter over its elements. */
  get payload(): unknown {
    return this._elements[0]?.content;
  }
  getElements() {
    return this._elements;
  }
}

/** Like the SDK's Profile. */
export class FakeProfile {
  userID: string;
  nick: string;
  avatar: string;
  gender = 'Gender_Type_Unknown';
  _cache = new Map();
  constructor(userID: string, nick = '', avatar = '') {
    this.userID = userID;
    this.nick = nick;
    this.avatar = avatar;
  }
}

/** Like the SDK's Group. */
export class FakeGroup {
  groupID: string;
  name: string;
  avatar = '';
  type: string;
  memberCount = 3;
  selfInfo = { role: 'Member', messageRemindType: 'AcceptAndNotify' };
  lastMessage = { lastTime: 0 };
  _members = new Map();
  constructor(groupID: string, name = groupID, type = 'Public') {
    this.groupID = groupID;
    this.name = name;
    this.type = type;
  }
}

/** Like the SDK's Conversation. */
export class FakeConversation {
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
  lastMessage: Record<string, unknown>;
  userProfile?: FakeProfile;
  groupProfile?: FakeGroup;
  _isInfoCompleted = true;
  constructor(id: string, lastTime: number, opts: { unreadCount?: number; isPinned?: boolean; nick?: string } = {}) {
    this.conversationID = id;
    this.type = id.startsWith('GROUP') ? 'GROUP' : 'C2C';
    this.unreadCount = opts.unreadCount ?? 0;
    this.isPinned = opts.isPinned ?? false;
    this.lastMessage = { lastTime, lastSequence: 1, fromAccount: 'x', type: 'TIMTextElem', payload: { text: 'hi' }, messageForShow: 'hi' };
    if (this.type === 'C2C') this.userProfile = new FakeProfile(id.slice(3), opts.nick ?? '');
    else this.groupProfile = new FakeGroup(id.slice(5));
  }
  get toAccount() {
    return this.conversationID.replace(/^(C2C|GROUP)/, '');
  }
}

type Deferred<T> = { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void };
function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** The SDK double. Every method is a jest mock, so tests can change its behaviour. */
export class FakeSdk {
  readonly listeners = new Map<string, Set<TimListener>>();
  userID = '';
  ready = false;
  /** When true, login() emits SDK_READY by itself a tick after resolving. */
  autoReady = true;
  /** History pages served by getMessageList, per conversation, newest page first. */
  history = new Map<string, FakeMessage[][]>();

  on = jest.fn((name: string, handler: TimListener) => {
    const set = this.listeners.get(name) ?? new Set();
    set.add(handler);
    this.listeners.set(name, set);
  });
  off = jest.fn((name: string, handler: TimListener) => {
    this.listeners.get(name)?.delete(handler);
  });
  login = jest.fn(async ({ userID }: { userID: string; userSig: string }) => {
    const repeatLogin = this.ready && this.userID === userID;
    this.userID = userID;
    if (this.autoReady && !repeatLogin) setTimeout(() => this.becomeReady(), 0);
    return { code: 0, data: { repeatLogin, actionStatus: 'OK' } };
  });
  logout = jest.fn(async () => {
    this.ready = false;
    this.userID = '';
    return { code: 0, data: {} };
  });
  sendMessage = jest.fn(async (message: FakeMessage) => {
    message.status = 'success';
    message.time = 1800000000;
    return { code: 0, data: { message } };
  });
  resendMessage = jest.fn(async (message: FakeMessage) => {
    message.status = 'success';
    return { code: 0, data: { message } };
  });
  revokeMessage = jest.fn(async (message: FakeMessage) => {
    message.isRevoked = true;
    return { code: 0, data: { message } };
  });
  deleteMessage = jest.fn(async (messages: FakeMessage[]) => ({ code: 0, data: { messageList: messages } }));
  getMessageList = jest.fn(async ({ conversationID, nextReqMessageID }: { conversationID: string; nextReqMessageID?: string }) => {
    const pages = this.history.get(conversationID) ?? [];
    const index = nextReqMessageID ? Number(nextReqMessageID.split(':')[1]) : 0;
    const page = pages[index] ?? [];
    const isCompleted = index >= pages.length - 1;
    return { code: 0, data: { messageList: page, nextReqMessageID: isCompleted ? '' : `page:${index + 1}`, isCompleted } };
  });
  setMessageRead = jest.fn(async () => ({ code: 0, data: {} }));
  createTextMessage = jest.fn((options: { to: string; conversationType: string; payload: { text: string } }) =>
    new FakeMessage({
      from: this.userID,
      to: options.to,
      conversationType: options.conversationType,
      text: options.payload.text,
      flow: 'out',
      status: 'unSend',
      sequence: 0,
    }),
  );
  getMyProfile = jest.fn(async () => ({ code: 0, data: new FakeProfile(this.userID, `${this.userID} nick`) }));

  /** Emit an event by its key in `TIM.EVENT`. */
  emit(key: TimEventKey | string, data?: unknown): void {
    const name = (TIM_EVENTS as Record<string, string>)[key] ?? key;
    const event: TimEvent = { name, data };
    for (const handler of Array.from(this.listeners.get(name) ?? [])) handler(event);
  }

  becomeReady(): void {
    this.ready = true;
    this.emit('SDK_READY');
  }

  /** Handlers currently registered, over all events. */
  handlerCount(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  /** A promise the next sendMessage call waits on, to observe the `unSend` state. */
  holdNextSend(): Deferred<void> {
    const gate = deferred<void>();
    this.sendMessage.mockImplementationOnce(async (message: FakeMessage) => {
      await gate.promise;
      message.status = 'success';
      message.time = 1800000000;
      message.sequence = message.conversationType === 'GROUP' ? 99999 : message.sequence;
      return { code: 0, data: { message } };
    });
    return gate;
  }
}
