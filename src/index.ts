/**
 * tim-redux: the public API, and nothing else. Everything a user imports is listed here.
 * @module tim-redux
 */

// Wiring
export { timReducer } from './reducer';
export { createTimMiddleware, type TimMiddleware, type TimMiddlewareOptions } from './middleware';
export { TIM_EVENTS, type TimEventKey, type TimEventTable } from './events';
export { MessageRegistry } from './registry';
export { getTimContext, timContextOf, type TimContext } from './context';
export { TIM_REDUX_ERROR, toTimError } from './errors';
export { sdkNamespace, type CreateExtras, type TimSdkNamespace } from './sdkNamespace';
export { timDevToolsOptions, createTimDevToolsOptions, sanitizeTimState, type TimDevToolsLimits } from './devtools';
export { timCheckOptions, type TimCheckOptions } from './checks';
export type * from './sdk';

// Persistence (docs/persistence.md)
export { createTimPersistence, type TimPersistOptions } from './persist/persist';
export type { TimPersistence } from './persist/hook';
export {
  memoryStorage,
  localStorageStorage,
  wxStorage,
  type TimPersistStorage,
  type WebStorageLike,
  type WxStorageApi,
  type WxStorageCallbacks,
} from './persist/storage';
export { indexedDBStorage, type IndexedDBStorageOptions } from './persist/indexedDB';
export { snapshotRestored, restoredMessageReplaced, restoredListSynced } from './persist/restore';
export { SNAPSHOT_VERSION, type TimSnapshot, type SnapshotMessages } from './persist/snapshot';
export type * from './types';
export type { GroupTipRecord } from './normalize/groupTip';

// Actions
export * from './actions';
export { EVENT_TABLE, type EventHandler, type EventResult, type EventContext } from './eventTable';
export { isUserDataReset } from './slices/reset';
export { DEFAULT_MESSAGE_CAPS } from './slices/messages';

// Thunks
export { createTimThunk } from './thunks/create';
export { login, logout, type LoginArgs, type LoginResult } from './thunks/session';
export {
  sendMessage,
  sendTextMessage,
  resendMessage,
  revokeMessage,
  deleteMessages,
  getMessageList,
  setMessageRead,
  type SendTextArgs,
  type HistoryPage,
} from './thunks/messages';
export { getMyProfile } from './thunks/profiles';

/** Conversation thunks: list, profile, delete, clear history, pin, read all, mute, marks, custom data, conversation groups. */
export {
  getConversationList,
  getConversationProfile,
  deleteConversation,
  clearHistoryMessage,
  pinConversation,
  setAllMessageRead,
  setMessageRemindType,
  markConversation,
  setConversationCustomData,
  setConversationDraft,
  getConversationGroupList,
  createConversationGroup,
  deleteConversationGroup,
  renameConversationGroup,
  addConversationsToGroup,
  deleteConversationsFromGroup,
  type LoadedConversations,
  type ConversationListFilter,
  type DeleteConversationArgs,
  type ConversationsRemoved,
  type ReadAllScope,
  type MessageRemindType,
  type SetMessageRemindTypeArgs,
  type RemindTypeSet,
  type MarkConversationArgs,
  type ConversationGroupChange,
  type ConversationDraft,
} from './thunks/conversations';

/** Group thunks: list, profile, create, join, quit, dismiss, update, owner, applications, attributes, counters, communities. */
export {
  getGroupList,
  getGroupProfile,
  createGroup,
  joinGroup,
  quitGroup,
  dismissGroup,
  updateGroupProfile,
  changeGroupOwner,
  handleGroupApplication,
  initGroupAttributes,
  setGroupAttributes,
  deleteGroupAttributes,
  getGroupAttributes,
  setGroupCounters,
  increaseGroupCounter,
  decreaseGroupCounter,
  getGroupCounters,
  getJoinedCommunityList,
  type LoadedGroups,
  type CreateGroupArgs,
  type JoinedGroup,
  type GroupLeft,
  type UpdateGroupProfileArgs,
  type HandleGroupApplicationArgs,
  type GroupAttributesChange,
  type GroupCountersChange,
} from './thunks/groups';

/** Group member thunks: paged list, add, delete, mute, role, name card, custom fields. */
export {
  getGroupMemberList,
  addGroupMember,
  deleteGroupMember,
  setGroupMemberMuteTime,
  setGroupMemberRole,
  setGroupMemberNameCard,
  setGroupMemberCustomField,
  normalizeGroupMember,
  type GetGroupMemberListArgs,
  type MemberPage,
  type MembersChange,
} from './thunks/groupMembers';

/** Profile and relation thunks: profiles, blacklist, friends, applications, friend groups, user status. */
export {
  getUserProfile,
  updateMyProfile,
  addToBlacklist,
  removeFromBlacklist,
  getBlacklist,
  getFriendList,
  addFriend,
  deleteFriend,
  checkFriend,
  updateFriend,
  getFriendApplicationList,
  acceptFriendApplication,
  refuseFriendApplication,
  deleteFriendApplication,
  setFriendApplicationRead,
  getFriendGroupList,
  createFriendGroup,
  deleteFriendGroup,
  renameFriendGroup,
  addToFriendGroup,
  removeFromFriendGroup,
  setSelfStatus,
  getUserStatus,
  subscribeUserStatus,
  unsubscribeUserStatus,
  type GetUserProfileArgs,
  type LoadedProfiles,
  type UpdateMyProfileArgs,
  type BlacklistChange,
  type FriendApplications,
} from './thunks/relations';

/** Follow thunks (3.x). */
export {
  followUser,
  unfollowUser,
  getMyFollowersList,
  getMyFollowingList,
  getMutualFollowersList,
  type FollowListName,
  type FollowResult,
  type LoadedFollowList,
} from './thunks/follow';

/** More message thunks: modify, hopping, extensions, reactions, read receipts, find, translate. */
export {
  modifyMessage,
  getMessageListHopping,
  setMessageExtensions,
  getMessageExtensions,
  deleteMessageExtensions,
  addMessageReaction,
  removeMessageReaction,
  getMessageReactions,
  sendMessageReadReceipt,
  getMessageReadReceiptList,
  getGroupMessageReadMemberList,
  findMessage,
  translateText,
  type ModifyMessageArgs,
  type MessageListHoppingArgs,
  type HoppingPage,
  type MessageExtensions,
  type MessageReactions,
  type ReactionChange,
  type ReceiptRow,
} from './thunks/messageFeatures';

/** Rich-media sends with upload progress in the store. */
export { sendMediaMessage, uploadProgress, type UploadProgress, type SendMediaArgs } from './thunks/media';

/** Forwarding, and merged (chat history) messages. */
export {
  forwardMessage,
  sendMergerMessage,
  downloadMergerMessage,
  type ForwardMessageArgs,
  type SendMergerMessageArgs,
} from './thunks/forward';

/** Community topics. */
export {
  getTopicList,
  createTopicInCommunity,
  deleteTopicFromCommunity,
  updateTopicProfile,
  type LoadedTopics,
  type TopicChange,
  type CreateTopicArgs,
} from './thunks/topics';

/** Pinned group messages (3.x). */
export { pinGroupMessage, getPinnedGroupMessageList, type LoadedPinnedMessages } from './thunks/pinned';

/** The escape hatch: any SDK method, its result made plain. */
export { callTim, type TimMethodName } from './thunks/call';

// Selectors
export * from './selectors/session';
export * from './selectors/conversations';
export * from './selectors/messages';
export * from './selectors/profiles';
export * from './selectors/groups';
export * from './selectors/relations';

// Normalizers (pure: SDK object → plain record), for custom thunks and tests
export { normalizeMessage } from './normalize/message';
export { normalizeConversation } from './normalize/conversation';
export { normalizeGroup, normalizeProfile } from './normalize/profileAndGroup';
export { toPlain } from './normalize/plain';
