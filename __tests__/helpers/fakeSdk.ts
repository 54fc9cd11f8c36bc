/**
 * A small double of the Tencent IM SDK: an event emitter with the promise methods, handing out
 * class instances with methods and `_`-private fields as the real SDK does. Its messages,
 * conversations, groups and profiles start from real objects recorded from tim-js-sdk 2.27.6 against
 * the emulator (`recordedTemplate`), so they carry the SDK's fields; a test sets only what it needs.
 */
import { TIM_EVENTS, type TimEventKey } from '../../src/events';
import type { TimEvent, TimListener } from '../../src/sdk';
import { recorded, recordedTemplate, type RecordedChoice } from './recorded';

let seq = 0;

/** Like the SDK's Message: a class with getters, methods and private fields. */
export class FakeMessage {
  ID: string;
  conversationID: string;
  conversationType: string;
  /** Not set by either SDK on received messages (issue 11 item 13): only when a test gives it. */
  conversationSubType?: string;
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
    const template = recordedTemplate(conversationType === 'GROUP' ? 'groupMessage' : 'c2cMessage');
    delete template.payload; // a getter over _elements here, as in the SDK
    delete template.elements;
    Object.assign(this, template);
    this.ID = init.ID ?? `144115-${1700000000 + ++seq}-${seq}`;
    this.from = init.from;
    this.to = init.to;
    this.conversationType = conversationType;
    if (init.conversationSubType !== undefined) this.conversationSubType = init.conversationSubType;
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
  _cache = new Map();
  constructor(userID: string, nick = '', avatar = '') {
    Object.assign(this, recordedTemplate('profile'));
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
    const template = recordedTemplate('group');
    Object.assign(this, template, { selfInfo: { ...(template.selfInfo as object), role: 'Member' }, memberCount: 3 });
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
  /** '' in a real conversation list until a remind type is set (recorded). */
  messageRemindType = '';
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
    const template = recordedTemplate(id.startsWith('GROUP') ? 'groupConversation' : 'c2cConversation');
    delete template.toAccount; // a getter here
    delete template.userProfile;
    delete template.groupProfile;
    Object.assign(this, template);
    this.conversationID = id;
    this.type = id.startsWith('GROUP') ? 'GROUP' : 'C2C';
    this.unreadCount = opts.unreadCount ?? 0;
    this.isPinned = opts.isPinned ?? false;
    this.lastMessage = {
      ...(template.lastMessage as object),
      lastTime,
      lastSequence: 1,
      fromAccount: 'x',
      type: 'TIMTextElem',
      payload: { text: 'hi' },
      messageForShow: 'hi',
    };
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
  getMessageList = jest.fn(
    async ({ conversationID, nextReqMessageID }: { conversationID: string; nextReqMessageID?: string }) => {
      const pages = this.history.get(conversationID) ?? [];
      const index = nextReqMessageID ? Number(nextReqMessageID.split(':')[1]) : 0;
      const page = pages[index] ?? [];
      const isCompleted = index >= pages.length - 1;
      return {
        code: 0,
        data: { messageList: page, nextReqMessageID: isCompleted ? '' : `page:${index + 1}`, isCompleted },
      };
    },
  );
  // Like the real SDK, a read that succeeds zeroes the local conversation's count, which a later
  // getConversationList answers with (2.27.6 tim-js.js setMessageRead: after the read report,
  // `e.updateIsReadAfterReadReport(...), e.updateUnreadCount(n)`).
  setMessageRead = jest.fn(async ({ conversationID }: { conversationID: string }) => {
    const conversation = this.conversations.find((c) => c.conversationID === conversationID);
    if (conversation) conversation.unreadCount = 0;
    return { code: 0, data: {} };
  });
  createTextMessage = jest.fn(
    (options: { to: string; conversationType: string; payload: { text: string } }) =>
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

  // Conversations
  conversations: FakeConversation[] = [];
  getConversationList = jest.fn(async (_filter?: unknown) => ({
    code: 0,
    data: { conversationList: this.conversations, isSyncCompleted: true },
  }));
  getConversationProfile = jest.fn(async (conversationID: string) => ({
    code: 0,
    data: {
      conversation:
        this.conversations.find((c) => c.conversationID === conversationID) ?? new FakeConversation(conversationID, 1),
    },
  }));
  deleteConversation = jest.fn(async (options: string | { conversationIDList: string[] }) => ({
    code: 0,
    data:
      typeof options === 'string' ? { conversationID: options } : { conversationIDList: options.conversationIDList },
  }));
  clearHistoryMessage = jest.fn(async () => ({ code: 0, data: {} }));
  pinConversation = jest.fn(async (o: { conversationID: string }) => ({
    code: 0,
    data: { conversationID: o.conversationID },
  }));
  setAllMessageRead = jest.fn(async () => ({ code: 0, data: {} }));
  setMessageRemindType = jest.fn(async () => ({ code: 0, data: {} }));
  markConversation = jest.fn(async (o: { conversationIDList: string[] }) => ({
    code: 0,
    data: { successConversationIDList: o.conversationIDList, failureConversationIDList: [] },
  }));
  setConversationCustomData = jest.fn(async (o: { conversationIDList: string[] }) => ({
    code: 0,
    data: { successConversationIDList: o.conversationIDList, failureConversationIDList: [] },
  }));
  getConversationGroupList = jest.fn(async () => ({ code: 0, data: ['work', 'family'] }));
  createConversationGroup = jest.fn(async () => ({ code: 0, data: {} }));
  deleteConversationGroup = jest.fn(async () => ({ code: 0, data: {} }));
  renameConversationGroup = jest.fn(async () => ({ code: 0, data: {} }));
  addConversationsToGroup = jest.fn(async () => ({ code: 0, data: {} }));
  deleteConversationsFromGroup = jest.fn(async () => ({ code: 0, data: {} }));

  // Profiles and relations
  getUserProfile = jest.fn(async ({ userIDList }: { userIDList: string[] }) => ({
    code: 0,
    data: userIDList.map((id) => new FakeProfile(id, `${id} nick`)),
  }));
  updateMyProfile = jest.fn(async (o: Record<string, unknown>) => ({
    code: 0,
    data: Object.assign(new FakeProfile(this.userID, `${this.userID} nick`), o),
  }));
  getBlacklist = jest.fn(async () => ({ code: 0, data: ['troll'] }));
  addToBlacklist = jest.fn(async ({ userIDList }: { userIDList: string[] }) => ({ code: 0, data: userIDList }));
  removeFromBlacklist = jest.fn(async ({ userIDList }: { userIDList: string[] }) => ({ code: 0, data: userIDList }));
  getFriendList = jest.fn(async () => ({
    code: 0,
    data: [
      { userID: 'bob', remark: 'Bobby', profile: new FakeProfile('bob', 'bob nick'), _cache: {} },
      { userID: 'carol', remark: '', profile: new FakeProfile('carol', 'carol nick') },
    ],
  }));
  addFriend = jest.fn(async ({ to }: { to: string }) => ({ code: 0, data: { userID: to, code: 30539 } }));
  deleteFriend = jest.fn(async ({ userIDList }: { userIDList: string[] }) => ({
    code: 0,
    data: { successUserIDList: userIDList.map((userID) => ({ userID, code: 0 })), failureUserIDList: [] },
  }));
  checkFriend = jest.fn(async ({ userIDList }: { userIDList: string[] }) => ({
    code: 0,
    data: {
      successUserIDList: userIDList.map((userID) => ({ userID, code: 0, relation: 'CheckResult_Type_BothWay' })),
      failureUserIDList: [],
    },
  }));
  updateFriend = jest.fn(async (o: { userID: string; remark?: string }) => ({
    code: 0,
    data: { userID: o.userID, remark: o.remark ?? '' },
  }));
  getFriendApplicationList = jest.fn(async () => ({
    code: 0,
    data: {
      friendApplicationList: [
        { userID: 'dave', wording: 'hi', type: 'Pendency_Type_ComeIn' },
        { userID: 'erin', wording: '', type: 'Pendency_Type_ComeIn' },
      ],
      unreadCount: 2,
    },
  }));
  acceptFriendApplication = jest.fn(async () => ({ code: 0, data: {} }));
  refuseFriendApplication = jest.fn(async () => ({ code: 0, data: {} }));
  deleteFriendApplication = jest.fn(async () => ({ code: 0, data: {} }));
  setFriendApplicationRead = jest.fn(async () => ({ code: 0, data: {} }));
  friendGroups: Array<{ name: string; userIDList: string[]; count: number }> = [];
  getFriendGroupList = jest.fn(async () => ({ code: 0, data: this.friendGroups.map((g) => ({ ...g })) }));
  createFriendGroup = jest.fn(async ({ name, userIDList = [] }: { name: string; userIDList?: string[] }) => {
    this.friendGroups.push({ name, userIDList, count: userIDList.length });
    return { code: 0, data: { friendGroup: { name, userIDList, count: userIDList.length } } };
  });
  deleteFriendGroup = jest.fn(async ({ name }: { name: string }) => {
    this.friendGroups = this.friendGroups.filter((g) => g.name !== name);
    return { code: 0, data: {} };
  });
  renameFriendGroup = jest.fn(async () => ({ code: 0, data: {} }));
  addToFriendGroup = jest.fn(async () => ({ code: 0, data: {} }));
  removeFromFriendGroup = jest.fn(async () => ({ code: 0, data: {} }));
  setSelfStatus = jest.fn(async () => ({ code: 0, data: {} }));
  getUserStatus = jest.fn(async ({ userIDList }: { userIDList: string[] }) => ({
    code: 0,
    data: {
      successUserList: userIDList.map((userID) => ({ userID, statusType: 1, customStatus: '' })),
      failureUserList: [],
    },
  }));
  subscribeUserStatus = jest.fn(async () => ({ code: 0, data: { failureUserList: [] } }));
  unsubscribeUserStatus = jest.fn(async () => ({ code: 0, data: { failureUserList: [] } }));

  // Groups
  getGroupList = jest.fn(async () => ({
    code: 0,
    data: { groupList: [new FakeGroup('g1', 'One'), new FakeGroup('g2', 'Two')] },
  }));
  getGroupProfile = jest.fn(async ({ groupID }: { groupID: string }) => ({
    code: 0,
    data: { group: new FakeGroup(groupID, `${groupID} name`) },
  }));
  createGroup = jest.fn(async (o: { name: string; groupID?: string; type?: string }) => ({
    code: 0,
    data: { group: new FakeGroup(o.groupID ?? '@TGS#new', o.name, o.type ?? 'Work') },
  }));
  joinGroup = jest.fn(async ({ groupID }: { groupID: string }) => ({
    code: 0,
    data: { status: 'JoinedSuccess', group: new FakeGroup(groupID) },
  }));
  quitGroup = jest.fn(async (groupID: string) => ({ code: 0, data: { groupID } }));
  dismissGroup = jest.fn(async (groupID: string) => ({ code: 0, data: { groupID } }));
  updateGroupProfile = jest.fn(async (o: { groupID: string; name?: string }) => ({
    code: 0,
    data: { group: new FakeGroup(o.groupID, o.name ?? o.groupID) },
  }));
  changeGroupOwner = jest.fn(async () => ({ code: 0, data: {} }));
  handleGroupApplication = jest.fn(async () => ({ code: 0, data: { group: new FakeGroup('g1') } }));
  /** Members served by getGroupMemberList, per group. */
  members = new Map<string, Array<Record<string, unknown>>>();
  getGroupMemberList = jest.fn(
    async ({ groupID, count = 15, offset = 0 }: { groupID: string; count?: number; offset?: number }) => {
      const all = this.members.get(groupID) ?? [];
      return { code: 0, data: { memberList: all.slice(offset, offset + count) } };
    },
  );
  addGroupMember = jest.fn(async ({ userIDList }: { userIDList: string[] }) => ({
    code: 0,
    data: { successUserIDList: userIDList, failureUserIDList: [], existedUserIDList: [] },
  }));
  deleteGroupMember = jest.fn(async ({ userIDList }: { userIDList: string[] }) => ({
    code: 0,
    data: { successUserIDList: userIDList },
  }));
  setGroupMemberMuteTime = jest.fn(async () => ({ code: 0, data: {} }));
  setGroupMemberRole = jest.fn(async () => ({ code: 0, data: {} }));
  setGroupMemberNameCard = jest.fn(async () => ({ code: 0, data: {} }));
  setGroupMemberCustomField = jest.fn(async () => ({ code: 0, data: {} }));
  initGroupAttributes = jest.fn(async (o: { groupAttributes: Record<string, string> }) => ({
    code: 0,
    data: { groupAttributes: o.groupAttributes },
  }));
  setGroupAttributes = jest.fn(async (o: { groupAttributes: Record<string, string> }) => ({
    code: 0,
    data: { groupAttributes: o.groupAttributes },
  }));
  deleteGroupAttributes = jest.fn(async (o: { keyList: string[] }) => ({ code: 0, data: { keyList: o.keyList } }));
  getGroupAttributes = jest.fn(async () => ({ code: 0, data: { groupAttributes: { seat1: 'alice', seat2: 'bob' } } }));
  setGroupCounters = jest.fn(async (o: { groupID: string; counters: Record<string, number> }) => ({
    code: 0,
    data: { groupID: o.groupID, counters: o.counters },
  }));
  increaseGroupCounter = jest.fn(async (o: { groupID: string; key: string; value: number }) => ({
    code: 0,
    data: { groupID: o.groupID, counters: { [o.key]: 10 + o.value } },
  }));
  decreaseGroupCounter = jest.fn(async (o: { groupID: string; key: string; value: number }) => ({
    code: 0,
    data: { groupID: o.groupID, counters: { [o.key]: 10 - o.value } },
  }));
  getGroupCounters = jest.fn(async (o: { groupID: string }) => ({
    code: 0,
    data: { groupID: o.groupID, counters: { likes: 10 } },
  }));
  getJoinedCommunityList = jest.fn(async () => ({
    code: 0,
    data: { groupList: [new FakeGroup('@TGS#_c1', 'Community', 'Community')] },
  }));
  getTopicList = jest.fn(async ({ groupID }: { groupID: string }) => ({
    code: 0,
    data: {
      successTopicList: [{ topic: { topicID: `${groupID}@TOPIC#_t1`, topicName: 'news', _x: 1 } }],
      failureTopicList: [],
    },
  }));

  // More message APIs
  findMessage = jest.fn((_id: string): FakeMessage | null => null);
  modifyMessage = jest.fn(async (message: FakeMessage) => {
    message.isModified = true;
    message.version += 1;
    return { code: 0, data: { message } };
  });
  getMessageListHopping = jest.fn(async (_o: unknown) => ({
    code: 0,
    data: { messageList: [] as FakeMessage[], isCompleted: true },
  }));
  setMessageExtensions = jest.fn(async (_m: FakeMessage, extensions: Array<{ key: string; value: string }>) => ({
    code: 0,
    data: { extensions: extensions.map((e) => ({ ...e, code: 0 })) },
  }));
  getMessageExtensions = jest.fn(async () => ({
    code: 0,
    data: { extensions: [{ key: 'vote', value: '3' }], isCompleted: true },
  }));
  deleteMessageExtensions = jest.fn(async () => ({ code: 0, data: { extensions: [] } }));
  addMessageReaction = jest.fn(async () => ({ code: 0, data: {} }));
  removeMessageReaction = jest.fn(async () => ({ code: 0, data: {} }));
  getMessageReactions = jest.fn(async ({ messageList }: { messageList: FakeMessage[] }) => ({
    code: 0,
    data: messageList.map((m) => ({
      messageID: m.ID,
      reactionList: [
        {
          reactionID: 'like',
          totalUserCount: 2,
          partialUserList: [{ userID: 'bob' }, { userID: 'carol' }],
          reactedByMyself: false,
        },
      ],
    })),
  }));
  sendMessageReadReceipt = jest.fn(async () => ({ code: 0, data: {} }));
  getMessageReadReceiptList = jest.fn(async (messages: FakeMessage[]) => {
    for (const m of messages) m.readReceiptInfo = { readCount: 2, unreadCount: 1 };
    return { code: 0, data: { messageList: messages } };
  });
  getGroupMessageReadMemberList = jest.fn(async () => ({
    code: 0,
    data: { isCompleted: true, cursor: '', readUserIDList: ['bob'] },
  }));
  translateText = jest.fn(async ({ sourceTextList }: { sourceTextList: string[] }) => ({
    code: 0,
    data: { translatedTextList: sourceTextList.map((t) => `[en] ${t}`) },
  }));
  createImageMessage = jest.fn(
    (options: {
      to: string;
      conversationType: string;
      payload: { file: unknown };
      onProgress?: (p: number) => void;
    }) => {
      const message = new FakeMessage({
        from: this.userID,
        to: options.to,
        conversationType: options.conversationType,
        flow: 'out',
        status: 'unSend',
        sequence: 0,
      });
      message.type = 'TIMImageElem';
      (message as unknown as { _onProgress?: (p: number) => void })._onProgress = options.onProgress;
      return message;
    },
  );

  /** Emit an event by its key in `TIM.EVENT`. */
  emit(key: TimEventKey | string, data?: unknown): void {
    const name = (TIM_EVENTS as Record<string, string>)[key] ?? key;
    const event: TimEvent = { name, data };
    for (const handler of Array.from(this.listeners.get(name) ?? [])) handler(event);
  }

  /**
   * Emits what the real SDK emitted for `key` in the recording `scenario` (see `helpers/recorded.ts`)
   * and returns that data, so a test can read the IDs it carried.
   */
  emitRecorded<T = unknown>(key: TimEventKey, scenario: string, choice?: RecordedChoice): T {
    const data = recorded<T>(key, scenario, choice);
    this.emit(key, data);
    return data;
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
