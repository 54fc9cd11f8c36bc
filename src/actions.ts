/**
 * Every action an SDK event becomes, one per event (never one per item). Payloads are plain
 * records made by `src/normalize/`. Event actions carry RTK's auto-batch flag, so a burst of
 * events notifies subscribers once per tick with the default `configureStore` enhancers.
 */
import { createAction, prepareAutoBatched } from '@reduxjs/toolkit';
import type { GroupTipRecord } from './normalize/groupTip';
import type {
  ConversationRecord,
  EventError,
  GroupRecord,
  MessageReaction,
  MessageRecord,
  NetState,
  PlainObject,
  PinnedGroupMessageRecord,
  PlainValue,
  ProfileRecord,
} from './types';

function eventAction<P>(type: string) {
  return createAction(type, prepareAutoBatched<P>());
}

/** Clears all user data in every slice (logout, kick, user switch). Keeps config and net state. */
export const resetTim = createAction<{ reason: 'logout' | 'kickedOut' | 'userSwitch' | 'manual' }>('tim/reset');

/**
 * Detaches the middleware from its SDK: every handler given to `sdk.on` is given to `sdk.off`.
 * Dispatch it when the app is done with the SDK (or call `close()` on the middleware).
 */
export const detachTim = createAction('tim/detach');

/** SDK_READY. */
export const sdkReady = eventAction<void>('tim/sdkReady');
/** SDK_NOT_READY. */
export const sdkNotReady = eventAction<void>('tim/sdkNotReady');
/** SDK_DESTROY. */
export const sdkDestroyed = eventAction<void>('tim/sdkDestroyed');
/** SDK_RELOAD (2.x): the SDK reloaded its data; the next list events replace what is stored. */
export const sdkReloaded = eventAction<void>('tim/sdkReloaded');
/** KICKED_OUT, with the SDK's reason (`multipleAccount`, `multipleDevice`, `userSigExpired`, `REST_API_Kick`). */
export const kickedOut = eventAction<{ type: string }>('tim/kickedOut');
/** NET_STATE_CHANGE. */
export const netStateChanged = eventAction<{ state: NetState }>('tim/netStateChanged');
/** ERROR: an error the SDK reports outside any call. */
export const sdkErrorReceived = eventAction<{ code: number; message: string }>('tim/sdkErrorReceived');

/** MESSAGE_RECEIVED (and, with a flood, several of them coalesced). */
export const messagesReceived = eventAction<MessageRecord[]>('tim/messagesReceived');
/** MESSAGE_MODIFIED. */
export const messagesModified = eventAction<MessageRecord[]>('tim/messagesModified');
/** MESSAGE_REVOKED. */
export const messagesRevoked =
  eventAction<Array<{ ID: string; conversationID: string; revoker: string | null }>>('tim/messagesRevoked');
/** MESSAGE_READ_BY_PEER (one-to-one). */
export const messagesReadByPeer = eventAction<Array<{ ID: string; conversationID: string }>>('tim/messagesReadByPeer');
/** MESSAGE_READ_RECEIPT_RECEIVED: receipts for one-to-one or group messages. */
export const readReceiptsReceived = eventAction<
  Array<{
    messageID: string;
    conversationID: string;
    isPeerRead: boolean;
    readCount: number | null;
    unreadCount: number | null;
  }>
>('tim/readReceiptsReceived');
/** MESSAGE_EXTENSIONS_UPDATED. */
export const messageExtensionsUpdated = eventAction<{ messageID: string; extensions: Record<string, string> }>(
  'tim/messageExtensionsUpdated',
);
/** MESSAGE_EXTENSIONS_DELETED. */
export const messageExtensionsDeleted = eventAction<{ messageID: string; keyList: string[] }>(
  'tim/messageExtensionsDeleted',
);
/** MESSAGE_REACTIONS_UPDATED (3.x). */
export const messageReactionsUpdated = eventAction<{ messageID: string; reactionList: MessageReaction[] }>(
  'tim/messageReactionsUpdated',
);

/**
 * CONVERSATION_LIST_UPDATED: the whole list, with the profiles and groups embedded in the
 * conversations that changed. `complete` is false when some items were malformed.
 */
export const conversationListUpdated = eventAction<{
  conversations: ConversationRecord[];
  /**
   * Conversations that left the SDK's list since its last whole list (deleted here or on another
   * device, or with their group): their messages and history cursor leave state too.
   */
  removed: string[];
  profiles: ProfileRecord[];
  groups: GroupRecord[];
  /** False when some items were malformed: then nothing is removed, only added or updated. */
  complete: boolean;
  /**
   * True when the list holds only the changed conversations (3.x `partialUpdatedConversations`):
   * they are upserted and the others kept.
   */
  partial: boolean;
  /** The SDK's total unread count when the list came (`getTotalUnreadMessageCount`), or null when it cannot say. */
  totalUnreadCount: number | null;
}>('tim/conversationListUpdated');
/** TOTAL_UNREAD_MESSAGE_COUNT_UPDATED. */
export const totalUnreadCountUpdated = eventAction<number>('tim/totalUnreadCountUpdated');
/** CONVERSATION_GROUP_LIST_UPDATED: the names of the conversation groups. */
export const conversationGroupListUpdated = eventAction<{ names: string[]; complete: boolean }>(
  'tim/conversationGroupListUpdated',
);
/** CONVERSATION_IN_GROUP_UPDATED: which conversations a conversation group holds. */
export const conversationInGroupUpdated = eventAction<{ groupName: string; conversationIDs: string[] }>(
  'tim/conversationInGroupUpdated',
);
/** ALL_RECEIVE_MESSAGE_OPT_UPDATED (3.x). */
export const allReceiveMessageOptUpdated = eventAction<PlainObject>('tim/allReceiveMessageOptUpdated');

/** GROUP_LIST_UPDATED: the whole list of joined groups. */
export const groupListUpdated = eventAction<{ groups: GroupRecord[]; complete: boolean }>('tim/groupListUpdated');
/**
 * The group tips among the messages of a MESSAGE_RECEIVED (joins, quits, kicks, roles, mutes): the
 * loaded member lists and member counts follow them, as the SDK's own caches do.
 */
export const groupTipsReceived = eventAction<GroupTipRecord[]>('tim/groupTipsReceived');
/** GROUP_SYSTEM_NOTICE_RECEIVED (2.x). */
export const groupSystemNoticeReceived = eventAction<PlainObject>('tim/groupSystemNoticeReceived');
/** GROUP_ATTRIBUTES_UPDATED. */
export const groupAttributesUpdated = eventAction<{ groupID: string; groupAttributes: Record<string, string> }>(
  'tim/groupAttributesUpdated',
);
/** GROUP_COUNTER_UPDATED. */
export const groupCounterUpdated = eventAction<{ groupID: string; key: string; value: number }>(
  'tim/groupCounterUpdated',
);
/**
 * PINNED_GROUP_MESSAGE_UPDATED (3.x): one message pinned (with the whole message) or unpinned
 * (with its ID and sequence only); `operatorInfo` is who did it.
 */
export const pinnedGroupMessageUpdated = eventAction<{
  groupID: string;
  isPinned: boolean;
  ID: string;
  sequence: number;
  message: PinnedGroupMessageRecord | null;
  operatorInfo: PlainObject;
}>('tim/pinnedGroupMessageUpdated');
/** TOPIC_CREATED and TOPIC_UPDATED: the topic is merged into what is stored (TOPIC_CREATED brings its ID only). */
export const topicCreatedOrUpdated = eventAction<{ groupID: string; topic: PlainObject & { topicID: string } }>(
  'tim/topicCreatedOrUpdated',
);
/**
 * The same creator as {@link topicCreatedOrUpdated}, under its 0.1 name.
 * @deprecated Use `topicCreatedOrUpdated`: the action also comes for created topics. Removed in 1.0.
 */
export const topicUpserted = topicCreatedOrUpdated;
/** TOPIC_DELETED. */
export const topicsDeleted = eventAction<{ groupID: string; topicIDList: string[] }>('tim/topicsDeleted');
/** ROOM_CUSTOM_DATA_RECEIVED (3.x): the content as the server sent it (the SDK names no group). */
export const roomCustomDataReceived = eventAction<PlainValue>('tim/roomCustomDataReceived');

/** PROFILE_UPDATED. */
export const profilesUpdated = eventAction<ProfileRecord[]>('tim/profilesUpdated');
/** USER_STATUS_UPDATED. */
export const userStatusUpdated = eventAction<Array<PlainObject & { userID: string }>>('tim/userStatusUpdated');
/** BLACKLIST_UPDATED: the whole blacklist. */
export const blacklistUpdated = eventAction<{ userIDs: string[]; complete: boolean }>('tim/blacklistUpdated');
/** FRIEND_LIST_UPDATED: the whole friend list. */
export const friendListUpdated = eventAction<{ friends: Array<PlainObject & { userID: string }>; complete: boolean }>(
  'tim/friendListUpdated',
);
/** FRIEND_APPLICATION_LIST_UPDATED. */
export const friendApplicationListUpdated = eventAction<{ applicationList: PlainObject[]; unreadCount: number }>(
  'tim/friendApplicationListUpdated',
);
/** FRIEND_GROUP_LIST_UPDATED. */
export const friendGroupListUpdated = eventAction<PlainObject[]>('tim/friendGroupListUpdated');
/**
 * MY_FOLLOWERS_LIST_UPDATED, MY_FOLLOWING_LIST_UPDATED, MUTUAL_FOLLOWERS_LIST_UPDATED (3.x): users
 * added to (`isAdd`) or removed from one follow list; a removal carries only `{ userID }` rows.
 */
export const followListUpdated = eventAction<{
  list: 'followers' | 'following' | 'mutual';
  isAdd: boolean;
  users: Array<PlainObject & { userID: string }>;
}>('tim/followListUpdated');
/** SERVER_CONFIG_UPDATED (3.x). */
export const serverConfigUpdated = eventAction<PlainObject>('tim/serverConfigUpdated');

/** An event whose data could not be (fully) applied; the good part of it was applied. */
export const eventFailed = eventAction<EventError>('tim/eventFailed');
/** An event name the slices do not know, with its data as plain values. */
export const unhandledEvent = eventAction<{ name: string; data: PlainValue }>('tim/unhandledEvent');

/** Sets the maximum number of messages kept per conversation, by group type or `default` (0 = no cap). */
export const setMessageCap = createAction<{ subType: string; cap: number }>('tim/setMessageCap');
/** Upload progress (0..1) of a rich-media message being sent. */
export const messageProgress = createAction(
  'tim/messageProgress',
  prepareAutoBatched<{ conversationID: string; messageID: string; progress: number }>(),
);
/** A message created locally (optimistic send): stored with status `unSend`. */
export const messageCreated = createAction<MessageRecord>('tim/messageCreated');
