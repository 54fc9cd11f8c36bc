/**
 * The emulator's in-memory data: users, one-to-one messages, groups and per-user conversation marks.
 * Pure data and bookkeeping; no sockets and no protocol shapes (those live in the handlers).
 */
import type {
  C2CMessageRecord,
  GroupMemberRecord,
  GroupMessageRecord,
  GroupRecord,
  ProfileRecord,
  UserRecord,
} from './types';

/** Internal user state (the exported {@link UserRecord} is a snapshot of it). */
export interface UserState {
  userID: string;
  tinyID: string;
  profile: ProfileRecord;
  blacklist: Map<string, number>;
  /** Indexes of the one-to-one messages this user must sync (sent and received), in order. */
  inbox: number[];
  /** peer userID → up to when (unix s) the peer has read this user's messages. */
  peerReadTime: Map<string, number>;
}

/** Per-user, per-conversation marks the user sets: pin and delete. */
export interface ConversationMarks {
  isPinned: boolean;
  pinnedTime: number;
  /** The last message index (C2C) or sequence (group) when the user deleted the conversation; -1 if never. */
  deletedAt: number;
  /** History up to this C2C message index / group sequence is hidden from the user (-1: nothing). */
  historyClearedAt: number;
  /** C2C only: the user's `Mute_Notifications` flag for this peer (0 notify, 1 discard, 2 receive silently). */
  muteFlag: number;
  /** Conversation mark bits (`markConversation`: 1 star, 2 unread, 4 fold, 8 hide, or custom). */
  standardMark: number;
}

/** Internal group state. */
export interface GroupState extends Omit<GroupRecord, 'members'> {
  members: Map<string, GroupMemberRecord>;
  messages: GroupMessageRecord[];
}

/** The current time in unix seconds. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** A random unsigned 32-bit integer, as the SDK uses for MsgRandom. */
export function randomUint32(): number {
  return Math.floor(Math.random() * 0xffffffff);
}

/** The store: every piece of data the emulator holds. */
export class Store {
  readonly users = new Map<string, UserState>();
  readonly c2c: C2CMessageRecord[] = [];
  readonly groups = new Map<string, GroupState>();
  /** `${userID}\n${conversationID}` → marks. */
  private readonly marks = new Map<string, ConversationMarks>();
  /** When set (control API `setServerTime`), the time every new message gets instead of the clock. */
  fixedTime: number | null = null;
  private nextTinyID = 144115200000000000n;
  private nextGroupNumber = 1;
  private nextC2CSequence = 1;

  /** The server time a new message gets: the clock, or the time the control API fixed. */
  messageTime(): number {
    return this.fixedTime ?? nowSeconds();
  }

  /** The user, created on first reference. */
  user(userID: string): UserState {
    let user = this.users.get(userID);
    if (!user) {
      this.nextTinyID += 1n;
      user = {
        userID,
        tinyID: this.nextTinyID.toString(),
        profile: {},
        blacklist: new Map(),
        inbox: [],
        peerReadTime: new Map(),
      };
      this.users.set(userID, user);
    }
    return user;
  }

  /** A fresh C2C sequence for a message the server makes up (injected messages). */
  takeC2CSequence(): number {
    return this.nextC2CSequence++;
  }

  /** Stores a one-to-one message and puts it in both users' sync inboxes. */
  addC2C(message: Omit<C2CMessageRecord, 'index'>): C2CMessageRecord {
    const record: C2CMessageRecord = { ...message, index: this.c2c.length };
    this.c2c.push(record);
    this.user(record.from).inbox.push(record.index);
    if (record.to !== record.from) this.user(record.to).inbox.push(record.index);
    return record;
  }

  /** The messages between two users, oldest first. */
  pairMessages(a: string, b: string): C2CMessageRecord[] {
    return this.c2c.filter((m) => (m.from === a && m.to === b) || (m.from === b && m.to === a));
  }

  /** Finds a one-to-one message by its identity as the SDK gives it (sequence, random, optionally time). */
  findC2C(from: string, to: string, sequence: number, random: number): C2CMessageRecord | undefined {
    return this.c2c.find((m) => m.from === from && m.to === to && m.sequence === sequence && m.random === random);
  }

  /** Unread one-to-one messages from `peer` to `userID`. */
  c2cUnread(userID: string, peer: string): number {
    let n = 0;
    for (const m of this.c2c) if (m.to === userID && m.from === peer && !m.isRead && !m.isRevoked) n++;
    return n;
  }

  /** Marks `peer`'s messages to `userID` up to `time` (unix s) read; returns how many changed. */
  markC2CRead(userID: string, peer: string, time: number): number {
    let n = 0;
    for (const m of this.c2c) {
      if (m.to === userID && m.from === peer && !m.isRead && m.time <= time) {
        m.isRead = true;
        n++;
      }
    }
    const peerState = this.user(peer);
    peerState.peerReadTime.set(userID, Math.max(peerState.peerReadTime.get(userID) ?? 0, time));
    return n;
  }

  /** The user's marks on a conversation (a default when none). */
  marksOf(userID: string, conversationID: string): ConversationMarks {
    const key = `${userID}\n${conversationID}`;
    let marks = this.marks.get(key);
    if (!marks) {
      marks = { isPinned: false, pinnedTime: 0, deletedAt: -1, historyClearedAt: -1, muteFlag: 0, standardMark: 0 };
      this.marks.set(key, marks);
    }
    return marks;
  }

  /** `${userID}` → the user's conversation groups by their numeric ID (`markConversation`'s sibling feature). */
  readonly conversationGroups = new Map<string, Map<number, { name: string; conversationIDs: Set<string> }>>();
  private nextConversationGroupID = 1;

  /** The user's conversation groups (created empty on first use). */
  conversationGroupsOf(userID: string): Map<number, { name: string; conversationIDs: Set<string> }> {
    let groups = this.conversationGroups.get(userID);
    if (!groups) this.conversationGroups.set(userID, (groups = new Map()));
    return groups;
  }

  /** A fresh conversation-group ID. */
  takeConversationGroupID(): number {
    return this.nextConversationGroupID++;
  }

  /** The user's conversations that carry mark bits. */
  markedConversations(userID: string): string[] {
    const prefix = `${userID}\n`;
    const ids: string[] = [];
    for (const [key, marks] of this.marks)
      if (key.startsWith(prefix) && marks.standardMark !== 0) ids.push(key.slice(prefix.length));
    return ids;
  }

  /** Creates a group; the owner becomes its first member. */
  createGroup(input: {
    groupID?: string;
    type: GroupRecord['type'];
    name: string;
    ownerID: string;
    avatar?: string;
    introduction?: string;
    notification?: string;
    joinOption?: string;
  }): GroupState {
    let groupID = input.groupID ?? '';
    while (groupID === '' || this.groups.has(groupID)) groupID = `@TGS#emu${this.nextGroupNumber++}`;
    const now = nowSeconds();
    const group: GroupState = {
      groupID,
      type: input.type,
      name: input.name,
      ownerID: input.ownerID,
      avatar: input.avatar ?? '',
      introduction: input.introduction ?? '',
      notification: input.notification ?? '',
      joinOption: input.joinOption ?? (input.type === 'Private' ? 'NeedPermission' : 'FreeAccess'),
      createTime: now,
      nextSequence: 1,
      dismissed: false,
      members: new Map(),
      messages: [],
    };
    if (input.ownerID !== '') this.addMember(group, input.ownerID, 'Owner');
    this.groups.set(groupID, group);
    return group;
  }

  /** Adds a member (no-op when already in); returns whether it was added. */
  addMember(group: GroupState, userID: string, role: GroupMemberRecord['role'] = 'Member'): boolean {
    if (group.members.has(userID)) return false;
    group.members.set(userID, {
      userID,
      role,
      joinTime: nowSeconds(),
      readSequence: group.nextSequence - 1,
      nameCard: '',
      muteUntil: 0,
    });
    return true;
  }

  /** Appends a group message (or tip), giving it the next group sequence. */
  addGroupMessage(group: GroupState, message: Omit<GroupMessageRecord, 'sequence' | 'groupID'>): GroupMessageRecord {
    const record: GroupMessageRecord = { ...message, groupID: group.groupID, sequence: group.nextSequence++ };
    group.messages.push(record);
    const sender = group.members.get(record.from);
    if (sender) sender.readSequence = record.sequence;
    return record;
  }

  /** Unread group messages for a member: after their read sequence, not their own, not tips, not revoked. */
  groupUnread(group: GroupState, userID: string): number {
    const member = group.members.get(userID);
    if (!member) return 0;
    let n = 0;
    for (const m of group.messages) {
      if (m.sequence > member.readSequence && m.from !== userID && m.tipType === undefined && !m.isRevoked) n++;
    }
    return n;
  }

  /** The groups a user is a member of (not dismissed). */
  groupsOf(userID: string): GroupState[] {
    return [...this.groups.values()].filter((g) => !g.dismissed && g.members.has(userID));
  }

  /** A plain snapshot of a user. */
  userSnapshot(user: UserState, onlineInstances: number): UserRecord {
    return {
      userID: user.userID,
      tinyID: user.tinyID,
      profile: { ...user.profile },
      blacklist: Object.fromEntries(user.blacklist),
      onlineInstances,
    };
  }

  /** A plain snapshot of a group. */
  groupSnapshot(group: GroupState): GroupRecord {
    const { members, messages: _messages, ...rest } = group;
    void _messages;
    return { ...rest, members: [...members.values()].map((m) => ({ ...m })) };
  }
}
