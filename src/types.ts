/**
 * The records and state shapes the store holds. Kept apart from the reducers so that a reader of
 * the state (a UI, a test) never has to open reducer code. Everything here is plain data.
 */

/** A JSON-like value: what SDK payloads become once normalized. */
export type PlainValue = string | number | boolean | null | PlainValue[] | { [key: string]: PlainValue };

/** A plain object of JSON-like values. */
export type PlainObject = { [key: string]: PlainValue };

/** The serializable error of a rejected thunk or a failed event: the SDK's code and message. */
export interface TimError {
  /** The SDK's error code (e.g. 2801 for a timeout), or a tim-redux code (see `TIM_REDUX_ERROR`). */
  code: number;
  /** Human-readable message. */
  message: string;
  /**
   * The message the failure belongs to when it is not the one the call named: Retry
   * (`resendMessage`) of a message restored as failed sends a new message in its place (its SDK
   * message is gone with the page), and when that send fails, the failed row and its entry in
   * `state.tim.messages.errors` are under this new ID.
   */
  messageID?: string;
}

/** The sorted-array table every entity collection uses: see `src/entities/table.ts`. */
export interface Table<T> {
  /** Keys in ascending order. */
  readonly keys: readonly string[];
  /** Values, parallel to `keys`. */
  readonly values: readonly T[];
}

/**
 * A `Table` in pages, in key order (a B+tree of depth two): setting one key copies one page (at
 * most 128 entries) and the array of pages, not every entry. For the per-conversation parts of the
 * messages slice, where one of thousands of conversations changes per message. See
 * `src/entities/pagedTable.ts`.
 */
export interface PagedTable<T> {
  /** Pages of 1 to 128 keys; every key of a page is below every key of the next. */
  readonly pages: ReadonlyArray<Table<T>>;
  /** Keys in all pages. */
  readonly size: number;
}

/**
 * A conversation's type as the SDK names it: `TYPES.CONV_C2C` is `'C2C'`, `CONV_GROUP` `'GROUP'`,
 * `CONV_TOPIC` `'TOPIC'`, `CONV_SYSTEM` `'@TIM#SYSTEM'` in 2.27.6 and 3.6.6; any other string a
 * later SDK may send stays possible.
 */
export type ConversationType = 'C2C' | 'GROUP' | 'TOPIC' | '@TIM#SYSTEM' | (string & {});

/**
 * Where a message can be sent: `'C2C'` or `'GROUP'`, or the SDK's own `TYPES.CONV_C2C` /
 * `TYPES.CONV_GROUP` (string enum members with these values, which TypeScript 5 takes for them).
 * Anything else (`'c2c'`, `TYPES.CONV_SYSTEM`) does not type-check.
 */
export type SendConversationType = 'C2C' | 'GROUP';

/**
 * A conversation mark: the SDK's `TYPES.CONV_MARK_TYPE_STAR` (1), `_UNREAD` (2), `_FOLD` (4),
 * `_HIDE` (8), or a custom bit.
 */
export type ConversationMarkType = 1 | 2 | 4 | 8 | (number & {});

/**
 * A group type as the SDK names it: `TYPES.GRP_WORK` / `GRP_PRIVATE` (`'Private'`), `GRP_PUBLIC`,
 * `GRP_MEETING` / `GRP_CHATROOM` (`'ChatRoom'`), `GRP_AVCHATROOM`, `GRP_COMMUNITY`.
 */
export type GroupType = 'Private' | 'Public' | 'ChatRoom' | 'AVChatRoom' | 'Community' | (string & {});

/** A group member's role: the SDK's `TYPES.GRP_MBR_ROLE_OWNER`, `_ADMIN`, `_MEMBER`, `_CUSTOM`. */
export type GroupMemberRole = 'Owner' | 'Admin' | 'Member' | 'Custom' | (string & {});

/** Sending state of a message, as the SDK names it. */
export type MessageStatus = 'unSend' | 'success' | 'fail';

/** A user in a reaction's `partialUserList`, as the SDK fills it from the user's profile. */
export interface ReactionUser {
  /** The user. */
  userID: string;
  /** Their nickname ('' when unknown). */
  nick: string;
  /** Their avatar URL ('' when unknown). */
  avatar: string;
}

/**
 * One reaction on a message (3.x), with the fields of the SDK's reaction items (MESSAGE_REACTIONS_UPDATED
 * `reactionList`, `getMessageReactions` `resultList[].reactionList`).
 */
export interface MessageReaction {
  /** The reaction (an emoji ID of the app's choosing). */
  reactionID: string;
  /** How many users hold it. */
  totalUserCount: number;
  /** Some of them (up to the `maxUserCountPerReaction` asked for). */
  partialUserList: ReactionUser[];
  /** Whether I hold it. */
  reactedByMyself: boolean;
}

/** A message as the store holds it. Field names follow the SDK's `Message`. */
export interface MessageRecord {
  /** Message ID, given by the SDK at creation and kept for life. */
  ID: string;
  /** Conversation the message belongs to. */
  conversationID: string;
  /** `C2C`, `GROUP`, `TOPIC` or `@TIM#SYSTEM` (the SDK's `TYPES.CONV_*` have these values). */
  conversationType: ConversationType;
  /** Group type for group conversations (`AVChatRoom`, `Public`, ...), else an empty string. */
  conversationSubType: string;
  /** Element type, e.g. `TIMTextElem`. */
  type: string;
  /** The element's content as plain data (text, image info, custom data, ...). */
  payload: PlainObject;
  /** Sender userID. */
  from: string;
  /** Recipient userID or groupID. */
  to: string;
  /** `in` for received, `out` for sent. */
  flow: string;
  /** Server time in seconds (client time until a send succeeds). */
  time: number;
  /** Group message sequence (0 until a send succeeds); the one-to-one sequence otherwise. */
  sequence: number;
  /** Random number the SDK adds to the message key. */
  random: number;
  /** Sending status; never goes backwards. */
  status: MessageStatus;
  /** True once the message is revoked; never goes back to false. */
  isRevoked: boolean;
  /** Who revoked it, when known. */
  revoker: string | null;
  /**
   * One-to-one: the peer has read it: the SDK's `isPeerRead` (from the peer's read time) or, for a
   * message sent with `needReadReceipt`, its `readReceiptInfo.isPeerRead` (the peer sent a receipt).
   */
  isPeerRead: boolean;
  /** Edited by MESSAGE_MODIFIED or `modifyMessage`. */
  isModified: boolean;
  /** Sender's nickname carried by the message (often empty for one-to-one). */
  nick: string;
  /** Sender's avatar carried by the message. */
  avatar: string;
  /** Sender's group name card. */
  nameCard: string;
  /** Group message priority. */
  priority: string;
  /** Custom data set by the sender. */
  cloudCustomData: string;
  /** Users @-mentioned. */
  atUserList: string[];
  /** Whether the sender asked for read receipts. */
  needReadReceipt: boolean;
  /** Read-receipt counts for group messages. */
  readReceiptInfo: { readCount: number | null; unreadCount: number | null };
  /** The SDK's message version (bumped by modifications). */
  version: number;
  /** Message extensions (key → value), once loaded or pushed. */
  extensions: Record<string, string>;
  /** Reactions (3.x), in the SDK's order; a reaction nobody holds any more is dropped. */
  reactions: MessageReaction[];
  /** Upload progress 0..1 for rich-media messages being sent, else null. */
  progress: number | null;
}

/** Last-message summary the SDK keeps on a conversation. */
export interface LastMessageRecord {
  /** Server time in seconds; the conversation list sorts by it. */
  lastTime: number;
  /** Sequence of the last message. */
  lastSequence: number;
  /** Sender userID. */
  fromAccount: string;
  /** Element type. */
  type: string;
  /** Plain payload. */
  payload: PlainObject | null;
  /** The SDK's preview text. */
  messageForShow: string;
  /** Whether it was revoked. */
  isRevoked: boolean;
  /** Whether the peer read it. */
  isPeerRead: boolean;
  /** Sender nickname. */
  nick: string;
  /** Sender name card. */
  nameCard: string;
  /** Custom data. */
  cloudCustomData: string;
}

/** A conversation as the store holds it. Profiles live in their own slices, keyed by the ids here. */
export interface ConversationRecord {
  /** `C2C<userID>`, `GROUP<groupID>`, `@TIM#SYSTEM`. */
  conversationID: string;
  /** `C2C`, `GROUP`, `TOPIC` or `@TIM#SYSTEM`. */
  type: string;
  /** The peer for one-to-one conversations, else an empty string. */
  userID: string;
  /** The group for group conversations, else an empty string. */
  groupID: string;
  /** Unread messages. */
  unreadCount: number;
  /** Summary of the last message, null when there is none. */
  lastMessage: LastMessageRecord | null;
  /** Pinned to the top of the list. */
  isPinned: boolean;
  /** Mute setting (`AcceptAndNotify`, `AcceptNotNotify`, `Discard`). */
  messageRemindType: string;
  /** Friend remark for one-to-one conversations. */
  remark: string;
  /** Peer read time (seconds) for one-to-one conversations. */
  peerReadTime: number;
  /** Conversation marks (star, unread, fold, hide). */
  markList: number[];
  /** Custom data set with `setConversationCustomData`. */
  customData: string;
  /** Conversation groups it belongs to. */
  conversationGroupList: string[];
  /** @-mention notices for group conversations. */
  groupAtInfoList: PlainObject[];
  /** The draft (3.x `setConversationDraft`; 3.6.6 index.js `setConvDraft` → `setDraftText`); '' when none. */
  draftText: string;
}

/** A group as the store holds it. */
export interface GroupRecord {
  /** Group ID. */
  groupID: string;
  /** Group name. */
  name: string;
  /** Avatar URL. */
  avatar: string;
  /** Group type (`Private` = Work, `Public`, `ChatRoom` = Meeting, `AVChatRoom`, `Community`). */
  type: string;
  /** Introduction. */
  introduction: string;
  /** Announcement. */
  notification: string;
  /** Owner userID. */
  ownerID: string;
  /** Member count. */
  memberCount: number;
  /** My role, mute setting and join time in this group, as plain data. */
  selfInfo: PlainObject;
  /** Every other field the SDK sends (custom fields, options, ...), as plain data. */
  extra: PlainObject;
}

/** A group member as the store holds it (from `getGroupMemberList` and the member thunks). */
export interface GroupMemberRecord {
  /** userID. */
  userID: string;
  /** Nickname (from the member's profile). */
  nick: string;
  /** Avatar URL. */
  avatar: string;
  /** Group name card; shown instead of the nick in this group. */
  nameCard: string;
  /** `Owner`, `Admin`, `Member` (or `Custom`). */
  role: string;
  /** Join time in seconds, 0 when unknown. */
  joinTime: number;
  /** Muted until this time (seconds); 0 when not muted. */
  muteUntil: number;
  /** Member custom fields (key → value). */
  memberCustomField: Record<string, string>;
}

/** The members of one group loaded so far, and where paging stands. */
export interface GroupMembersState {
  /** Members by userID. */
  members: Table<GroupMemberRecord>;
  /** Offset to ask for the next page (a number, or the SDK's string cursor for AVChatRoom/Community). */
  nextOffset: number | string;
  /** True when every member is loaded. */
  isCompleted: boolean;
  /** True while a page is loading. */
  loading: boolean;
  /** Request ID of the page in flight, so a stale page is dropped. */
  requestId: string | null;
  /** The last failure loading a page. */
  error: TimError | null;
}

/** A user profile as the store holds it. */
export interface ProfileRecord {
  /** userID. */
  userID: string;
  /** Nickname. */
  nick: string;
  /** Avatar URL. */
  avatar: string;
  /** Every other field the SDK sends (gender, signature, custom fields, ...), as plain data. */
  extra: PlainObject;
}

/** Login state of the session. */
export type SessionStatus = 'idle' | 'loggingIn' | 'ready' | 'notReady' | 'kickedOut' | 'loggedOut';

/**
 * Why the SDK kicked the user out: its `TYPES.KICKED_OUT_MULT_ACCOUNT`, `KICKED_OUT_MULT_DEVICE`,
 * `KICKED_OUT_USERSIG_EXPIRED`, `KICKED_OUT_REST_API` (these values in 2.27.6 and 3.6.6), or
 * another string a later SDK may add. `(string & {})` keeps the named ones (a plain `| string`
 * would swallow them into `string`, losing editor completion and exhaustive checks).
 */
export type KickedOutReason = 'multipleAccount' | 'multipleDevice' | 'userSigExpired' | 'REST_API_Kick' | (string & {});

/** `state.tim.session`. */
export interface SessionState {
  /** Where the login is. */
  status: SessionStatus;
  /** The logged-in (or logging-in) user. */
  userID: string | null;
  /** Set when status is `kickedOut`. */
  kickedOutReason: KickedOutReason | null;
  /** The last login/logout failure. */
  error: TimError | null;
  /** True when the last login was a repeat login of an already logged-in user. */
  repeatLogin: boolean;
}

/** Cursor and status of history paging for one conversation. */
export interface HistoryState {
  /** Cursor for the next older page; null before the first page. */
  nextReqMessageID: string | null;
  /** True when the oldest message is loaded. */
  isCompleted: boolean;
  /** True while a page is being loaded. */
  loading: boolean;
  /** Request ID of the page in flight, so a stale result can be dropped. */
  requestId: string | null;
  /** The last failure loading a page. */
  error: TimError | null;
}

/**
 * The messages of one conversation. Read them as one array with `selectMessagesByConversationID`;
 * the state keeps them in chunks so that a new message copies one small chunk, not the whole list.
 */
export interface MessageList {
  /**
   * The records oldest → newest (groups by sequence, one-to-one by time; ties by time, then sequence,
   * then ID), in chunks of at most 128: concatenated, they are the display order.
   */
  chunks: ReadonlyArray<readonly MessageRecord[]>;
  /** How many records the chunks hold. */
  count: number;
}

/** `state.tim.messages`. */
export interface MessagesState {
  /** Per conversation, its messages. */
  lists: PagedTable<MessageList>;
  /** Per conversation, its history cursor. */
  history: PagedTable<HistoryState>;
  /** IDs of revoked messages whose record is not (or no longer) stored, so a stale copy stays revoked. */
  revokedIDs: readonly string[];
  /** Per-conversation caps: conversation subtype (`AVChatRoom`, ...) or `default` → max records (0 = none). */
  caps: Readonly<Record<string, number>>;
  /**
   * Group conversation → its group's type (`AVChatRoom`, ...), learned from the group list, group
   * profiles and joined groups: received messages carry no type of their own, and caps go by it.
   */
  groupTypes: Readonly<Record<string, string>>;
  /** Failures of message thunks, by messageID (send, revoke, ...). */
  errors: Readonly<Record<string, TimError>>;
}

/** `state.tim.conversations`. */
export interface ConversationsState {
  /** Conversations by ID. */
  table: Table<ConversationRecord>;
  /** Total unread, as TOTAL_UNREAD_MESSAGE_COUNT_UPDATED says. */
  totalUnreadCount: number;
  /**
   * True once the SDK's conversation list has arrived since login (a CONVERSATION_LIST_UPDATED or a
   * `getConversationList` result), so that "no conversations" can be told from "not synced yet".
   */
  synced: boolean;
  /**
   * True while the rows are a restored snapshot (`persist` option of `createTimMiddleware`) that the
   * SDK has not confirmed yet; false once the SDK's whole list has arrived (`selectRestoredView`).
   */
  restored: boolean;
}

/**
 * The network state the SDK reports: its `TYPES.NET_STATE_CONNECTED`, `NET_STATE_CONNECTING` and
 * `NET_STATE_DISCONNECTED` (2.27.6 tim-js.js and 3.6.6 index.js: `NET_STATE_CONNECTED:"connected"`,
 * emitted as `{state}` in `_emitNetStateChangeEvent`).
 */
export type NetState = 'connected' | 'connecting' | 'disconnected';

/** An event the middleware could not apply, kept for the app to read. */
export interface EventError extends TimError {
  /** The SDK event name. */
  event: string;
  /** When it happened (ms since epoch). */
  at: number;
}

/** Relations: blacklist, friends, applications, user status, follow lists. */
export interface RelationsState {
  /** Blocked userIDs. */
  blacklist: readonly string[];
  /** Friends, as plain data, keyed by userID. */
  friends: Table<PlainObject>;
  /** Friend applications, as plain data. */
  friendApplications: readonly PlainObject[];
  /** Unread friend applications. */
  friendApplicationUnreadCount: number;
  /** Friend groups, as plain data. */
  friendGroups: readonly PlainObject[];
  /** User status by userID. */
  userStatus: Table<PlainObject>;
  /** Follow lists (3.x), as the SDK delivers them. */
  follow: { followers: readonly PlainObject[]; following: readonly PlainObject[]; mutual: readonly PlainObject[] };
}

/** A pinned group message (3.x): the message, and who pinned it. */
export interface PinnedGroupMessageRecord extends MessageRecord {
  /** Who pinned it. */
  pinnerInfo: { userID: string; nick: string; avatar: string };
}

/** Everything else the events carry that a chat app may read. */
export interface ExtrasState {
  /** Group attributes by groupID. */
  groupAttributes: Record<string, Record<string, string>>;
  /** Group counters by groupID. */
  groupCounters: Record<string, Record<string, number>>;
  /** Topics by groupID, then topicID. */
  topics: Record<string, Record<string, PlainObject>>;
  /** Conversation groups (names). */
  conversationGroups: readonly string[];
  /** Conversation IDs in each conversation group, by group name. */
  conversationsInGroup: Record<string, string[]>;
  /** Pinned group messages by groupID (3.x), by sequence. */
  pinnedGroupMessages: Record<string, PinnedGroupMessageRecord[]>;
  /** Group system notices (2.x), newest last, capped. */
  groupSystemNotices: readonly PlainObject[];
  /** The global receive option (3.x), as delivered. */
  allReceiveMessageOpt: PlainObject | null;
  /** Server config (3.x), as delivered. */
  serverConfig: PlainObject | null;
  /** Room custom data (3.x) as received, newest last, capped; the SDK does not say for which room. */
  roomCustomData: readonly PlainValue[];
}

/** `state.tim`: everything tim-redux keeps. */
export interface TimState {
  /** Login state machine. */
  session: SessionState;
  /** Network state as the SDK reports it. */
  net: { state: NetState };
  /** Conversations. */
  conversations: ConversationsState;
  /** Messages of every conversation. */
  messages: MessagesState;
  /**
   * Joined groups by ID (`table`), the members loaded per group, and the group each group
   * conversation embeds (`embedded`: also for groups the user has left, whose conversation the SDK keeps).
   */
  groups: { table: Table<GroupRecord>; members: Table<GroupMembersState>; embedded: Table<GroupRecord> };
  /** Profiles by userID, and my own. */
  profiles: { table: Table<ProfileRecord>; myUserID: string | null };
  /** Blacklist, friends, user status, follow lists. */
  relations: RelationsState;
  /** Group attributes, counters, topics, conversation groups, ... */
  extras: ExtrasState;
  /** Events and thunks that failed, newest last (capped). */
  errors: { events: readonly EventError[]; last: EventError | null };
  /** Events with no slice of their own, by name: the last payload, as plain data. */
  unhandled: Record<string, PlainValue>;
}

/** A root state that has tim-redux mounted at `tim`. */
export interface RootStateWithTim {
  /** tim-redux's state. */
  tim: TimState;
}
