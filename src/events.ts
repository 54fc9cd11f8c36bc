/**
 * The names of every SDK event known in tim-js-sdk 2.x and @tencentcloud/chat 3.x, read from both
 * packages' `TIM.EVENT` at run time (2.27.6: 31, 3.6.6: 37, 39 together). Their `.d.ts` files miss
 * some (extensions, reactions, server config), which is why this table is ours and not imported.
 */
export const TIM_EVENTS = {
  SDK_READY: 'sdkStateReady',
  SDK_NOT_READY: 'sdkStateNotReady',
  SDK_DESTROY: 'sdkDestroy',
  SDK_RELOAD: 'sdkReload',
  KICKED_OUT: 'kickedOut',
  NET_STATE_CHANGE: 'netStateChange',
  ERROR: 'error',
  MESSAGE_RECEIVED: 'onMessageReceived',
  MESSAGE_MODIFIED: 'onMessageModified',
  MESSAGE_REVOKED: 'onMessageRevoked',
  MESSAGE_READ_BY_PEER: 'onMessageReadByPeer',
  MESSAGE_READ_RECEIPT_RECEIVED: 'onMessageReadReceiptReceived',
  MESSAGE_EXTENSIONS_UPDATED: 'onMessageExtensionsUpdated',
  MESSAGE_EXTENSIONS_DELETED: 'onMessageExtensionsDeleted',
  MESSAGE_REACTIONS_UPDATED: 'onMessageReactionsUpdated',
  CONVERSATION_LIST_UPDATED: 'onConversationListUpdated',
  TOTAL_UNREAD_MESSAGE_COUNT_UPDATED: 'onTotalUnreadMessageCountUpdated',
  CONVERSATION_GROUP_LIST_UPDATED: 'onConversationGroupListUpdated',
  CONVERSATION_IN_GROUP_UPDATED: 'onConversationInGroupUpdated',
  ALL_RECEIVE_MESSAGE_OPT_UPDATED: 'onAllReceiveMessageOptUpdated',
  GROUP_LIST_UPDATED: 'onGroupListUpdated',
  GROUP_SYSTEM_NOTICE_RECEIVED: 'receiveGroupSystemNotice',
  GROUP_ATTRIBUTES_UPDATED: 'groupAttributesUpdated',
  GROUP_COUNTER_UPDATED: 'onGroupCounterUpdated',
  PINNED_GROUP_MESSAGE_UPDATED: 'onPinnedGroupMessageUpdated',
  TOPIC_CREATED: 'onTopicCreated',
  TOPIC_DELETED: 'onTopicDeleted',
  TOPIC_UPDATED: 'onTopicUpdated',
  PROFILE_UPDATED: 'onProfileUpdated',
  USER_STATUS_UPDATED: 'onUserStatusUpdated',
  BLACKLIST_UPDATED: 'blacklistUpdated',
  FRIEND_LIST_UPDATED: 'onFriendListUpdated',
  FRIEND_GROUP_LIST_UPDATED: 'onFriendGroupListUpdated',
  FRIEND_APPLICATION_LIST_UPDATED: 'onFriendApplicationListUpdated',
  MY_FOLLOWERS_LIST_UPDATED: 'onMyFollowersListUpdated',
  MY_FOLLOWING_LIST_UPDATED: 'onMyFollowingListUpdated',
  MUTUAL_FOLLOWERS_LIST_UPDATED: 'onMutualFollowersListUpdated',
  ROOM_CUSTOM_DATA_RECEIVED: 'onRoomCustomDataReceived',
  SERVER_CONFIG_UPDATED: 'onServerConfigUpdated',
} as const;

/** The key of an event in `TIM.EVENT`, e.g. `MESSAGE_RECEIVED`. */
export type TimEventKey = keyof typeof TIM_EVENTS;

/** A table from event key to its runtime name, as `TIM.EVENT` is. Extra keys are allowed. */
export type TimEventTable = { readonly [K in TimEventKey]?: string } & { readonly [key: string]: string | undefined };
