/**
 * Public record types of the emulator: what it stores and what its control API hands out.
 * Every record is plain data (no Maps, no sockets), safe to copy, compare and print in a test.
 */
import type { JsonObject } from './json';

/** The server's group type names (the SDK's `TIM.TYPES.GRP_*` values). */
export type GroupType = 'Private' | 'Public' | 'ChatRoom' | 'AVChatRoom' | 'Community';

/** A group member's role as the server spells it. */
export type GroupRole = 'Owner' | 'Admin' | 'Member';

/** One element of a message body in server form, e.g. `{MsgType:'TIMTextElem', MsgContent:{Text:'hi'}}`. */
export type MessageElement = JsonObject;

/** A one-to-one message held by the emulator. */
export interface C2CMessageRecord {
  /** Server-wide insertion order; also the history cursor. */
  index: number;
  /** The ID the SDK gives this message: `${senderTinyID}-${clientTime}-${random}`. */
  sdkMessageID: string;
  from: string;
  to: string;
  sequence: number;
  random: number;
  /** Server time, unix seconds. */
  time: number;
  /** Client time, unix seconds (part of the SDK's message ID). */
  clientTime: number;
  elements: MessageElement[];
  cloudCustomData: string;
  nick: string;
  avatar: string;
  needReadReceipt: boolean;
  isRevoked: boolean;
  revoker: string;
  /** True once the recipient reported it read. */
  isRead: boolean;
  /** True once the recipient sent a read receipt for it (`sendMessageReadReceipt`; needs `needReadReceipt`). */
  receiptSent: boolean;
  /** Reactions (3.x), in the order they were first added; a reaction nobody holds is removed. */
  reactions?: ReactionRecord[];
  /** Bumped by each modification (`modifyMessage`); absent = 0. */
  version?: number;
  /** Sent with `isSupportExtension`: extensions may be set on it. */
  supportExtension?: boolean;
  /** Message extensions (`setMessageExtensions`), once any were set. */
  extensions?: ExtensionState;
}

/** A message's extensions: key → value and the sequence of its last change; sequences per message. */
export interface ExtensionState {
  values: Record<string, { value: string; seq: number }>;
  /** The last sequence given out. */
  sequence: number;
  /** Entries up to this sequence were cleared. */
  clearSequence: number;
}

/** One reaction on a message: who holds it, in the order they added it. */
export interface ReactionRecord {
  reactionID: string;
  userIDs: string[];
}

/** A group message (or a group tip stored in the group's history) held by the emulator. */
export interface GroupMessageRecord {
  groupID: string;
  /** The group sequence, from 1. */
  sequence: number;
  sdkMessageID: string;
  from: string;
  random: number;
  time: number;
  clientTime: number;
  elements: MessageElement[];
  cloudCustomData: string;
  nick: string;
  avatar: string;
  isRevoked: boolean;
  revoker: string;
  /** Set for a group tip (join, quit, ...): the tip's operation type (1 join, 2 quit, 3 kicked, ...). */
  tipType?: number;
  /** For a group tip: the users it is about. */
  tipUserIDs?: string[];
  /** The sender asked for read receipts. */
  needReadReceipt?: boolean;
  /** Members who sent a read receipt for it. */
  receiptFrom?: string[];
  /** Reactions (3.x), as on one-to-one messages. */
  reactions?: ReactionRecord[];
  /** Bumped by each modification (`modifyMessage`); absent = 0. */
  version?: number;
  /** Sent with `isSupportExtension`: extensions may be set on it. */
  supportExtension?: boolean;
  /** Message extensions (`setMessageExtensions`), once any were set. */
  extensions?: ExtensionState;
}

/** A group member. */
export interface GroupMemberRecord {
  userID: string;
  role: GroupRole;
  /** Unix seconds. */
  joinTime: number;
  /** The highest group sequence this member has read. */
  readSequence: number;
  nameCard: string;
  /** The member's own mute setting for the group (`MsgFlag`); absent means `AcceptAndNotify`. */
  messageRemindType?: string;
  /** Muted until this time (unix seconds); 0 when never muted. */
  muteUntil: number;
}

/** A group held by the emulator. */
export interface GroupRecord {
  groupID: string;
  type: GroupType;
  name: string;
  ownerID: string;
  avatar: string;
  introduction: string;
  notification: string;
  joinOption: string;
  /** Unix seconds. */
  createTime: number;
  members: GroupMemberRecord[];
  /** The sequence the next message will get. */
  nextSequence: number;
  dismissed: boolean;
}

/** A user's profile, the values of the SDK's standard and custom profile tags. */
export type ProfileRecord = Record<string, string | number>;

/** A user known to the emulator. */
export interface UserRecord {
  userID: string;
  /** The numeric-looking string the SDK builds message IDs from. */
  tinyID: string;
  profile: ProfileRecord;
  /** userID → unix seconds when added. */
  blacklist: Record<string, number>;
  /** How many SDK sockets are logged in as this user now. */
  onlineInstances: number;
}

/** One entry of a user's conversation list, as the emulator computes it. */
export interface ConversationRecord {
  /** `C2C<userID>` or `GROUP<groupID>`, as the SDK names conversations. */
  conversationID: string;
  type: 'C2C' | 'GROUP';
  /** The peer's userID or the groupID. */
  peerID: string;
  unreadCount: number;
  isPinned: boolean;
  /** Unix seconds of the last message (0 if none). */
  lastTime: number;
  lastMessageID: string;
  /** C2C: up to when (unix seconds) the peer has read this user's messages. */
  peerReadTime: number;
}
