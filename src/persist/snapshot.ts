/**
 * The snapshot: what is saved of a user's store (conversation list, profiles, groups, the newest
 * messages of each conversation), how it is taken from the state, and how a stored one is read back.
 */
import { listRecords } from '../entities/messageList';
import { pagedGet } from '../entities/pagedTable';
import { tableGet } from '../entities/table';
import type {
  ConversationRecord,
  GroupRecord,
  LastMessageRecord,
  MessageReaction,
  MessageRecord,
  ProfileRecord,
  TimState,
} from '../types';
import {
  arrayOf,
  boolean,
  nullable,
  number,
  oneOf,
  plainObject,
  recordOf,
  shape,
  SnapshotShapeError,
  string,
  type Check,
} from './validate';

/** The snapshot format. A stored snapshot of any other version is not read (and is replaced at the next save). */
export const SNAPSHOT_VERSION = 1;

/** The messages of one conversation in a snapshot, oldest first. */
export interface SnapshotMessages {
  /** The conversation. */
  conversationID: string;
  /** Its newest messages, oldest first. */
  messages: MessageRecord[];
}

/** What is stored for one user (as JSON). */
export interface TimSnapshot {
  /** `SNAPSHOT_VERSION` of the code that wrote it. */
  version: number;
  /** The app it belongs to. */
  SDKAppID: string;
  /** The user it belongs to. */
  userID: string;
  /** When it was written (ms since epoch). */
  savedAt: number;
  /** Conversations, newest first (pinned first). */
  conversations: ConversationRecord[];
  /** The SDK's total unread count when saved. */
  totalUnreadCount: number;
  /** The newest messages of the conversations saved. */
  messages: SnapshotMessages[];
  /** Profiles of the peers and senders of what is saved. */
  profiles: ProfileRecord[];
  /** Joined groups. */
  groups: GroupRecord[];
  /** The groups the saved group conversations embed. */
  embeddedGroups: GroupRecord[];
}

/** How much a snapshot holds. */
export interface SnapshotLimits {
  /** Conversations kept, newest first. */
  maxConversations: number;
  /** Newest messages kept per conversation. */
  maxMessagesPerConversation: number;
}

const lastTime = (c: ConversationRecord): number => c.lastMessage?.lastTime ?? 0;

/** Pinned first, then by last message, newest first (the SDK's own list order). */
function byDisplayOrder(a: ConversationRecord, b: ConversationRecord): number {
  if (a.isPinned !== b.isPinned) return a.isPinned ? -1 : 1;
  return lastTime(b) - lastTime(a);
}

/**
 * The snapshot of `tim` for `userID`. Runs in the save timer, never on the dispatch path: it sorts
 * the conversations and copies references (the records are immutable and serialized as they are).
 */
export function takeSnapshot(tim: TimState, SDKAppID: string, userID: string, limits: SnapshotLimits): TimSnapshot {
  const conversations = tim.conversations.table.values
    .slice()
    .sort(byDisplayOrder)
    .slice(0, Math.max(0, limits.maxConversations));
  const messages: SnapshotMessages[] = [];
  const userIDs = new Set<string>([userID]);
  const embeddedGroups: GroupRecord[] = [];
  for (const c of conversations) {
    if (c.userID) userIDs.add(c.userID);
    if (c.groupID) {
      const g = tableGet(tim.groups.embedded, c.groupID);
      if (g) embeddedGroups.push(g);
    }
    const list = pagedGet(tim.messages.lists, c.conversationID);
    if (!list || list.count === 0 || limits.maxMessagesPerConversation <= 0) continue;
    const records = listRecords(list).slice(-limits.maxMessagesPerConversation);
    for (const m of records) userIDs.add(m.from);
    messages.push({ conversationID: c.conversationID, messages: records.slice() });
  }
  const profiles: ProfileRecord[] = [];
  for (const id of userIDs) {
    const p = tableGet(tim.profiles.table, id);
    if (p) profiles.push(p);
  }
  return {
    version: SNAPSHOT_VERSION,
    SDKAppID,
    userID,
    savedAt: Date.now(),
    conversations,
    totalUnreadCount: tim.conversations.totalUnreadCount,
    messages,
    profiles,
    groups: tim.groups.table.values.slice(0, Math.max(0, limits.maxConversations)),
    embeddedGroups,
  };
}

// Schemas of the records, field for field as in src/types.ts.
const strings = arrayOf(string);

const lastMessage: Check<LastMessageRecord> = shape<LastMessageRecord>({
  lastTime: number,
  lastSequence: number,
  fromAccount: string,
  type: string,
  payload: nullable(plainObject),
  messageForShow: string,
  isRevoked: boolean,
  isPeerRead: boolean,
  nick: string,
  nameCard: string,
  cloudCustomData: string,
});

const conversation = shape<ConversationRecord>({
  conversationID: string,
  type: string,
  userID: string,
  groupID: string,
  unreadCount: number,
  lastMessage: nullable(lastMessage),
  isPinned: boolean,
  messageRemindType: string,
  remark: string,
  peerReadTime: number,
  markList: arrayOf(number),
  customData: string,
  conversationGroupList: strings,
  groupAtInfoList: arrayOf(plainObject),
  draftText: string,
});

const reaction = shape<MessageReaction>({
  reactionID: string,
  totalUserCount: number,
  partialUserList: arrayOf(shape({ userID: string, nick: string, avatar: string })),
  reactedByMyself: boolean,
});

const message = shape<MessageRecord>({
  ID: string,
  conversationID: string,
  conversationType: string,
  conversationSubType: string,
  type: string,
  payload: plainObject,
  from: string,
  to: string,
  flow: string,
  time: number,
  sequence: number,
  random: number,
  status: oneOf('unSend', 'success', 'fail'),
  isRevoked: boolean,
  revoker: nullable(string),
  isPeerRead: boolean,
  isModified: boolean,
  nick: string,
  avatar: string,
  nameCard: string,
  priority: string,
  cloudCustomData: string,
  atUserList: strings,
  needReadReceipt: boolean,
  readReceiptInfo: shape({ readCount: nullable(number), unreadCount: nullable(number) }),
  version: number,
  extensions: recordOf(string),
  reactions: arrayOf(reaction),
  progress: nullable(number),
});

const profile = shape<ProfileRecord>({ userID: string, nick: string, avatar: string, extra: plainObject });

const group = shape<GroupRecord>({
  groupID: string,
  name: string,
  avatar: string,
  type: string,
  introduction: string,
  notification: string,
  ownerID: string,
  memberCount: number,
  selfInfo: plainObject,
  extra: plainObject,
});

const snapshotShape = shape<TimSnapshot>({
  version: number,
  SDKAppID: string,
  userID: string,
  savedAt: number,
  conversations: arrayOf(conversation),
  totalUnreadCount: number,
  messages: arrayOf(shape<SnapshotMessages>({ conversationID: string, messages: arrayOf(message) })),
  profiles: arrayOf(profile),
  groups: arrayOf(group),
  embeddedGroups: arrayOf(group),
});

/** Why a stored snapshot was not used. */
export type SnapshotProblem = { kind: 'version' | 'corrupt' | 'foreign'; message: string };

/**
 * The snapshot stored as `text` for `SDKAppID` and `userID`, checked record by record, or the
 * problem with it. Never throws.
 */
export function readSnapshot(
  text: string,
  SDKAppID: string,
  userID: string,
): { snapshot: TimSnapshot } | { problem: SnapshotProblem } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { problem: { kind: 'corrupt', message: `the snapshot is not JSON (corrupted or truncated): ${String(e)}` } };
  }
  const version = (data as { version?: unknown } | null)?.version;
  if (version !== SNAPSHOT_VERSION) {
    return {
      problem: {
        kind: 'version',
        message: `the snapshot has version ${JSON.stringify(version)}, this tim-redux reads version ${SNAPSHOT_VERSION}`,
      },
    };
  }
  let snapshot: TimSnapshot;
  try {
    snapshot = snapshotShape(data);
  } catch (e) {
    const reason = e instanceof SnapshotShapeError ? e.describe('snapshot') : String(e);
    return { problem: { kind: 'corrupt', message: `the snapshot is malformed: ${reason}`.slice(0, 500) } };
  }
  if (snapshot.SDKAppID !== SDKAppID || snapshot.userID !== userID) {
    return { problem: { kind: 'foreign', message: 'the snapshot belongs to another user or app' } };
  }
  // Messages only of saved conversations, each in its own conversation.
  const saved = new Set(snapshot.conversations.map((c) => c.conversationID));
  for (const { conversationID, messages } of snapshot.messages) {
    if (!saved.has(conversationID) || messages.some((m) => m.conversationID !== conversationID)) {
      return {
        problem: {
          kind: 'corrupt',
          message: `the snapshot's messages of ${conversationID} do not fit its conversations`,
        },
      };
    }
  }
  return { snapshot };
}
