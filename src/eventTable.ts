/**
 * The one table from SDK event to action: "what happens on X" is one lookup here. Each handler
 * turns the event's data into plain records (keeping the good items of a partly malformed list)
 * and names the problems it met; the middleware dispatches the action and reports the problems.
 */
import type { UnknownAction } from '@reduxjs/toolkit';
import * as A from './actions';
import type { TimEventKey } from './events';
import { errorMessageFor } from './errorMessages';
import { groupTipsOf } from './normalize/groupTip';
import { normalizeMany, normalizeMessage, normalizeReactionList } from './normalize/message';
import { normalizePinnedMessage } from './normalize/pinned';
import { normalizeGroup, normalizeProfile } from './normalize/profileAndGroup';
import type { ConversationListNormalizer } from './normalize/conversation';
import { isObject, isSafeKey, num, str, strArray, toPlain, toPlainObject } from './normalize/plain';
import type { MessageRegistry } from './registry';
import type { PlainObject } from './types';

/** What a handler needs besides the event data. */
export interface EventContext {
  /** Conversation-list normalizer with its per-object memory. */
  conversations: ConversationListNormalizer;
  /** Where SDK messages are kept for thunks. */
  registry: MessageRegistry;
  /**
   * The SDK was created with 3.x `partialUpdatedConversations: true`: CONVERSATION_LIST_UPDATED then
   * carries only the changed conversations (3.6.6 index.js `_getEventData`: `isPartialUpdatedConvs()
   * ? getPartialUpdatedConvs() : getLocalConvList()`).
   */
  partialConversations: boolean;
  /**
   * The SDK's own total unread count now (`getTotalUnreadMessageCount`), or null. Read with each
   * conversation list: the SDK can change its total without TOTAL_UNREAD_MESSAGE_COUNT_UPDATED (2.27.6
   * `_onMessageRemindTypeSynced`, a mute set on another device, emits only the list).
   */
  totalUnread(): number | null;
}

/** A handler's result: the action to dispatch (if any) and what was wrong with the data. */
export interface EventResult {
  /** The action, or null when nothing can be applied. */
  action: UnknownAction | null;
  /** Descriptions of items that were skipped or fields that were wrong. */
  problems: string[];
  /** Actions to dispatch after `action` (the group tips a MESSAGE_RECEIVED carries). */
  also?: UnknownAction[];
}

/** A table entry. */
export type EventHandler = (data: unknown, ctx: EventContext) => EventResult;

const ok = (action: UnknownAction | null, problems: string[] = []): EventResult => ({ action, problems });
const bad = (problem: string): EventResult => ({ action: null, problems: [problem] });

function messages(data: unknown, ctx: EventContext) {
  const list = Array.isArray(data) ? data : [];
  const result = normalizeMany(data, normalizeMessage, 'message');
  ctx.registry.addAll(list);
  return result;
}

function objectOf(data: unknown, what: string): Record<string, unknown> | string {
  return isObject(data) && !Array.isArray(data)
    ? data
    : `${what} data is ${data === null ? 'null' : Array.isArray(data) ? 'an array' : typeof data}, not an object`;
}

/** A row `{ userID, ... }` of a list event, as plain data; a row without userID is a problem. */
function userRow(what: string) {
  return (raw: unknown): PlainObject & { userID: string } => {
    const row = plainRow(raw);
    const id = row.userID;
    if (typeof id !== 'string' || id === '') throw new Error(`${what} has no userID`);
    return { ...row, userID: id };
  };
}

/**
 * A whole list (the SDK sends the full list each time). Not an array, or not one good item in a
 * non-empty list: nothing is applied. Some bad items: the good ones are applied, marked incomplete,
 * so the reducer adds and updates but removes nothing (a bad item must not delete a stored one).
 */
function wholeList<T>(
  data: unknown,
  normalize: (raw: unknown) => T,
  what: string,
  apply: (records: T[], complete: boolean) => UnknownAction,
): EventResult {
  if (!Array.isArray(data)) return bad(`${what} list is ${data === null ? 'null' : typeof data}, not an array`);
  const { records, problems } = normalizeMany(data, normalize, what);
  if (data.length > 0 && records.length === 0) return { action: null, problems };
  return ok(apply(records, problems.length === 0), problems);
}

function plainRow(raw: unknown): PlainObject {
  if (!isObject(raw) || Array.isArray(raw))
    throw new Error(`item is ${raw === null ? 'null' : typeof raw}, not an object`);
  return toPlainObject(raw);
}

function userIDOf(raw: unknown): string {
  if (typeof raw !== 'string' || raw === '')
    throw new Error(`${raw === '' ? 'an empty string' : typeof raw} is not a userID`);
  return raw;
}

/**
 * A follow-list event is a delta, one user per event: 3.6.6 index.js `FollowModule.onFollowNotify`
 * builds `{ userInfoList, isAdd }` per `followDiffList` item and `_emitEvent` emits it. On an add the
 * list holds `{ userID, ...the push item's other fields }`; on a removal it holds bare userIDs.
 */
function followList(list: 'followers' | 'following' | 'mutual'): EventHandler {
  return (data) => {
    const d = objectOf(data, list);
    if (typeof d === 'string') return bad(d);
    if (!Array.isArray(d.userInfoList)) return bad(`${list} event has no userInfoList array`);
    if (typeof d.isAdd !== 'boolean') return bad(`${list} event has no boolean isAdd`);
    const isAdd = d.isAdd;
    const row = userRow(list);
    const { records, problems } = normalizeMany(
      d.userInfoList,
      (raw) => (isAdd ? row(raw) : { userID: userIDOf(raw) }),
      list,
    );
    return ok(records.length ? A.followListUpdated({ list, isAdd, users: records }) : null, problems);
  };
}

function friendGroupRow(raw: unknown): PlainObject {
  const row = plainRow(raw);
  if (typeof row.name !== 'string' || row.name === '') throw new Error('friend group has no name');
  return row;
}

/** An event whose data must be a plain object, kept as plain data. */
function objectEvent(what: string, apply: (data: PlainObject) => UnknownAction): EventHandler {
  return (data) => {
    const d = objectOf(data, what);
    return typeof d === 'string' ? bad(d) : ok(apply(toPlainObject(d)));
  };
}

/**
 * TOPIC_CREATED carries `{groupID, topicID}` only (2.27.6 tim-js.js / 3.6.6 index.js onTopicCreated,
 * from the topic system notice): the topic is recorded by its ID, and the middleware loads the rest.
 * TOPIC_UPDATED carries `{groupID, topic}`, the SDK's whole local topic (onTopicProfileUpdated).
 */
function topicUpsert(data: unknown): EventResult {
  const d = objectOf(data, 'topic');
  if (typeof d === 'string') return bad(d);
  const topic = isObject(d.topic) ? toPlainObject(d.topic) : {};
  const topicID = topic.topicID ?? d.topicID;
  if (!isSafeKey(d.groupID) || !isSafeKey(topicID)) return bad('topic event has no usable groupID or topicID');
  return ok(A.topicCreatedOrUpdated({ groupID: d.groupID, topic: { ...topic, topicID } }));
}

/**
 * Every known SDK event and what it becomes. Each entry cites where its shape comes from: the emit
 * site in the bundles (function name, greppable in the minified code) and, where the emulator can
 * make it, the recording scenario (`__tests__/fixtures/recorded/<sdk>/<EVENT>.json`, `npm run record`).
 */
export const EVENT_TABLE: Readonly<Record<TimEventKey, EventHandler>> = {
  // 2.27.6 tim-js.js / 3.6.6 index.js: emit(SDK_READY) with no data in _onModuleReady; recorded: login-ready
  SDK_READY: () => ok(A.sdkReady()),
  // both bundles: emit(SDK_NOT_READY) with no data in reset (after a kick or logout); recorded: kicked-*
  SDK_NOT_READY: () => ok(A.sdkNotReady()),
  // both bundles: emit(SDK_DESTROY) in destroy; recorded: logout-destroy
  SDK_DESTROY: () => ok(A.sdkDestroyed()),
  // 2.27.6 tim-js.js: declared in TIM.EVENT (sdkReload) but emitted nowhere; not in 3.x
  SDK_RELOAD: () => ok(A.sdkReloaded()),
  // both: emitOuterEvent/emitOEvt(KICKED_OUT, { type }) in onMultipleAccountKickedOut, onMultipleDeviceKickedOut, onUserSigExpired, onRestApiKickedOut; recorded: kicked-*
  KICKED_OUT: (data) => ok(A.kickedOut({ type: str(isObject(data) ? data.type : undefined, 'unknown') })),
  // both: emit(NET_STATE_CHANGE, { state }) in _emitNetStateChangeEvent; recorded: network-dropped
  NET_STATE_CHANGE: (data) => {
    const state = isObject(data) ? data.state : undefined;
    // 2.27.6 tim-js.js: emitOuterEvent(NET_STATE_CHANGE, {state:e}) in _emitNetStateChangeEvent (3.6.6 index.js:
    // emitOEvt there); state is one of TYPES.NET_STATE_CONNECTED / _CONNECTING / _DISCONNECTED.
    return state === 'connected' || state === 'connecting' || state === 'disconnected'
      ? ok(A.netStateChanged({ state }))
      : bad('NET_STATE_CHANGE without a known state');
  },
  // both: emit(ERROR, { code, message }) in onError (the SDK's own failures; no server cause). Shape copied from onError
  ERROR: (data) => {
    const d = isObject(data) ? data : {};
    const code = num(d.code, 9000);
    return ok(A.sdkErrorReceived({ code, message: errorMessageFor(code, d.message) }));
  },

  // 2.27.6: emitOuterEvent(MESSAGE_RECEIVED, Message[]) in onNewC2CMessage / onNewGroupMessage / onNewGroupTips / onNewGroupSystemNotice; 3.6.6: emitOEvt in onNewMessage; recorded: c2c-receive, group-*
  MESSAGE_RECEIVED: (data, ctx) => {
    const { records, problems } = messages(data, ctx);
    // Group tips also change members: the SDKs apply them in onNewGroupTips right after emitting
    // MESSAGE_RECEIVED (2.27.6 tim-js.js handleMessageList, 3.6.6 index.js _handleTips).
    const tips = groupTipsOf(records, Math.floor(Date.now() / 1000));
    const result = ok(records.length ? A.messagesReceived(records) : null, problems);
    return tips.length ? { ...result, also: [A.groupTipsReceived(tips)] } : result;
  },
  // Both bundles: onMessageModified emits MESSAGE_MODIFIED `[message]` (the SDK's own Message, version
  // bumped) after MsgListHandler.onMsgModified (push C2cMsgModNotifys / GroupMsgModNotifys, or the
  // modifier's own reply in _onModifyRemoteMessageResp); also from onNewMessage for modified messages.
  MESSAGE_MODIFIED: (data, ctx) => {
    const { records, problems } = messages(data, ctx);
    return ok(records.length ? A.messagesModified(records) : null, problems);
  },
  // 2.27.6: emitOuterEvent(MESSAGE_REVOKED, Message[]) in onC2CMessageRevoked / onGroupMessageRevoked; 3.6.6: emitOEvt in onMsgRevoked / handleMessageRevokedNotice (a message not in the SDK cache comes as a stub { conversationID, sequence, ID?, revoker, revokerInfo }); recorded: c2c-revoke, group-revoke
  MESSAGE_REVOKED: (data, ctx) => {
    const { records, problems } = messages(data, ctx);
    const revoked = records.map((m) => ({ ID: m.ID, conversationID: m.conversationID, revoker: m.revoker }));
    return ok(revoked.length ? A.messagesRevoked(revoked) : null, problems);
  },
  // Both bundles: emitOuterEvent(MESSAGE_READ_BY_PEER, messages) in updateMessageIsPeerReadProperty's
  // caller (2.x) / updateMsgIsPeerReadProp (3.6.6): the Message objects whose isPeerRead just turned true.
  // Recorded: c2c-read-receipt.
  MESSAGE_READ_BY_PEER: (data) => {
    const { records, problems } = normalizeMany(data, normalizeMessage, 'message');
    const read = records.map((m) => ({ ID: m.ID, conversationID: m.conversationID }));
    return ok(read.length ? A.messagesReadByPeer(read) : null, problems);
  },
  // Both bundles: updateReadReceiptInfo emits MESSAGE_READ_RECEIPT_RECEIVED with
  // `[{groupID, messageID, readCount, unreadCount}]` (group receipts, GroupTips event 5) or
  // `[{userID, messageID, isPeerRead: true}]` (one-to-one, push event 16; 3.6.6 adds `timestamp`).
  MESSAGE_READ_RECEIPT_RECEIVED: (data) => {
    const { records, problems } = normalizeMany(
      data,
      (raw) => {
        const r = toPlainObject(raw);
        const messageID = r.messageID;
        const conversationID =
          typeof r.conversationID === 'string'
            ? r.conversationID
            : typeof r.groupID === 'string'
              ? `GROUP${r.groupID}`
              : typeof r.userID === 'string'
                ? `C2C${r.userID}`
                : '';
        if (typeof messageID !== 'string' || !conversationID)
          throw new Error('read receipt has no messageID or conversation');
        return {
          messageID,
          conversationID,
          isPeerRead: r.isPeerRead === true,
          readCount: typeof r.readCount === 'number' ? r.readCount : null,
          unreadCount: typeof r.unreadCount === 'number' ? r.unreadCount : null,
        };
      },
      'read receipt',
    );
    return ok(records.length ? A.readReceiptsReceived(records) : null, problems);
  },
  // 3.6.6 onMsgExtNotify / 2.27.6 onMessageExtensionNotify (push MsgExtensionNotify):
  // emit MESSAGE_EXTENSIONS_UPDATED `{messageID, extensions: [{key, value}]}` (the changed ones).
  MESSAGE_EXTENSIONS_UPDATED: (data) => {
    const d = objectOf(data, 'MESSAGE_EXTENSIONS_UPDATED');
    if (typeof d === 'string') return bad(d);
    if (typeof d.messageID !== 'string') return bad('extensions event has no messageID');
    const extensions: Record<string, string> = {};
    for (const e of Array.isArray(d.extensions) ? d.extensions : []) {
      if (isObject(e) && isSafeKey(e.key)) extensions[e.key] = str(e.value);
    }
    return ok(A.messageExtensionsUpdated({ messageID: d.messageID, extensions }));
  },
  // Same sites: MESSAGE_EXTENSIONS_DELETED `{messageID, keyList}` (deleted keys, or every key a clear removed).
  MESSAGE_EXTENSIONS_DELETED: (data) => {
    const d = objectOf(data, 'MESSAGE_EXTENSIONS_DELETED');
    if (typeof d === 'string') return bad(d);
    if (typeof d.messageID !== 'string') return bad('extensions event has no messageID');
    return ok(A.messageExtensionsDeleted({ messageID: d.messageID, keyList: strArray(d.keyList) }));
  },
  // 3.6.6 index.js: emitOEvt(MESSAGE_REACTIONS_UPDATED, {messageID, reactionList}) in onReactionNotifyList
  // (after _handleReactionSummary) and onReactionNotify; the list holds the changed reactions
  // `{reactionID, totalUserCount, partialUserList, reactedByMyself}`, totalUserCount 0 when nobody is left.
  MESSAGE_REACTIONS_UPDATED: (data) => {
    const d = objectOf(data, 'MESSAGE_REACTIONS_UPDATED');
    if (typeof d === 'string') return bad(d);
    if (typeof d.messageID !== 'string' || d.messageID === '') return bad('reactions event has no messageID');
    if (!Array.isArray(d.reactionList)) return bad('reactions event has no reactionList array');
    return ok(
      A.messageReactionsUpdated({ messageID: d.messageID, reactionList: normalizeReactionList(d.reactionList) }),
    );
  },

  // 2.27.6: emitOuterEvent(CONVERSATION_LIST_UPDATED) in emitConversationUpdate, data from _getEventData; 3.6.6: emitOEvt in emitConvUpdate (only changed ones with partialUpdatedConversations); recorded: login-ready, c2c-*, conversation-*
  CONVERSATION_LIST_UPDATED: (data, ctx) => {
    if (!Array.isArray(data)) return bad(`conversation list is ${data === null ? 'null' : typeof data}, not an array`);
    // Embedded profiles and groups come back only for conversations that changed: the slices
    // already hold the others, and merging 5,000 unchanged profiles per message is what this saves.
    // 2.27.6 tim-js.js / 3.6.6 index.js `_getEventData(CONVERSATION_LIST_UPDATED)`: the whole
    // `getLocalConversationList()`, or in 3.x partial mode `getPartialUpdatedConvs()`.
    const partial = ctx.partialConversations;
    const { conversations, removed, profiles, groups, problems } = ctx.conversations.normalizeList(data, !partial);
    if (data.length > 0 && conversations.length === 0) return { action: null, problems };
    const complete = problems.length === 0;
    if (removed.length) {
      const gone = new Set(removed);
      ctx.registry.removeWhere((m) => gone.has(m.conversationID));
    }
    const totalUnreadCount = ctx.totalUnread();
    return ok(
      A.conversationListUpdated({ conversations, removed, profiles, groups, complete, partial, totalUnreadCount }),
      problems,
    );
  },
  // 2.27.6: emitOuterEvent(TOTAL_UNREAD_MESSAGE_COUNT_UPDATED, number) in emitTotalUnreadMessageCountUpdate; 3.6.6: emitOEvt in onTotalUnreadCountUpdate; recorded: c2c-read, conversation-*
  TOTAL_UNREAD_MESSAGE_COUNT_UPDATED: (data) =>
    typeof data === 'number' && Number.isFinite(data)
      ? ok(A.totalUnreadCountUpdated(Math.max(0, data)))
      : bad(`total unread count is ${typeof data}, not a number`),
  // both: emit(CONVERSATION_GROUP_LIST_UPDATED, string[]) in _emitConvGroupListUpdate (not recorded yet)
  CONVERSATION_GROUP_LIST_UPDATED: (data) =>
    wholeList(
      data,
      (raw) => {
        if (typeof raw !== 'string' || raw === '') throw new Error('conversation group name is not a non-empty string');
        return raw;
      },
      'conversation group',
      (names, complete) => A.conversationGroupListUpdated({ names, complete }),
    ),
  // both: emit(CONVERSATION_IN_GROUP_UPDATED, { groupName, conversationList }) in _emitConvInGroupUpdate (not recorded yet)
  CONVERSATION_IN_GROUP_UPDATED: (data) => {
    const d = objectOf(data, 'CONVERSATION_IN_GROUP_UPDATED');
    if (typeof d === 'string') return bad(d);
    if (!isSafeKey(d.groupName)) return bad('conversation-in-group event has no usable groupName');
    if (!Array.isArray(d.conversationList)) return bad('conversation-in-group event has no conversationList array');
    const list = Array.isArray(d.conversationList) ? d.conversationList : [];
    const conversationIDs = list.map((c) => (isObject(c) ? str(c.conversationID) : '')).filter(Boolean);
    return ok(A.conversationInGroupUpdated({ groupName: str(d.groupName), conversationIDs }));
  },
  // 3.6.6 index.js: emitOEvt(ALL_RECEIVE_MESSAGE_OPT_UPDATED, {...}) in onAllRcvMsgOptNotify (not recorded yet)
  ALL_RECEIVE_MESSAGE_OPT_UPDATED: objectEvent('ALL_RECEIVE_MESSAGE_OPT_UPDATED', A.allReceiveMessageOptUpdated),

  // both: emit(GROUP_LIST_UPDATED, Group[]) in emitGroupListUpdate; recorded: group-*
  GROUP_LIST_UPDATED: (data) =>
    wholeList(data, normalizeGroup, 'group', (groups, complete) => A.groupListUpdated({ groups, complete })),
  // 2.27.6 tim-js.js: declared (receiveGroupSystemNotice) but emitted nowhere: notices arrive as MESSAGE_RECEIVED (onNewGroupSystemNotice); not in 3.x
  GROUP_SYSTEM_NOTICE_RECEIVED: objectEvent('GROUP_SYSTEM_NOTICE_RECEIVED', A.groupSystemNoticeReceived),
  // both: emit(GROUP_ATTRIBUTES_UPDATED, { groupID, groupAttributes }) in _emitGroupAttributesUpdated (not recorded yet)
  GROUP_ATTRIBUTES_UPDATED: (data) => {
    const d = objectOf(data, 'GROUP_ATTRIBUTES_UPDATED');
    if (typeof d === 'string') return bad(d);
    if (!isSafeKey(d.groupID)) return bad('group attributes event has no usable groupID');
    const attrs: Record<string, string> = {};
    if (isObject(d.groupAttributes))
      for (const [k, v] of Object.entries(d.groupAttributes)) if (isSafeKey(k)) attrs[k] = str(v);
    return ok(A.groupAttributesUpdated({ groupID: d.groupID, groupAttributes: attrs }));
  },
  // both: emit(GROUP_COUNTER_UPDATED, { groupID, key, value }) in _onGroupCountersUpdated (not recorded yet)
  GROUP_COUNTER_UPDATED: (data) => {
    const d = objectOf(data, 'GROUP_COUNTER_UPDATED');
    if (typeof d === 'string') return bad(d);
    if (!isSafeKey(d.groupID) || !isSafeKey(d.key)) return bad('group counter event has no usable groupID or key');
    return ok(A.groupCounterUpdated({ groupID: d.groupID, key: d.key, value: num(d.value) }));
  },
  // 3.6.6 index.js onPinnedMessageNotify: emitOEvt(PINNED_GROUP_MESSAGE_UPDATED, {groupID, message,
  // isPinned, operatorInfo}): a delta. Pinned: the whole message (with pinnerInfo); unpinned: only
  // {ID, sequence, random, time, clientTime}.
  PINNED_GROUP_MESSAGE_UPDATED: (data) => {
    const d = objectOf(data, 'PINNED_GROUP_MESSAGE_UPDATED');
    if (typeof d === 'string') return bad(d);
    if (!isSafeKey(d.groupID)) return bad('pinned message event has no usable groupID');
    if (typeof d.isPinned !== 'boolean') return bad('pinned message event has no isPinned');
    const m = isObject(d.message) ? d.message : {};
    const ID = str(m.ID);
    const sequence = num(m.sequence);
    if (ID === '' && sequence === 0) return bad('pinned message event names no message');
    let message = null;
    if (d.isPinned) {
      try {
        message = normalizePinnedMessage(d.message);
      } catch (e) {
        return bad(`pinned message: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    const operatorInfo = toPlainObject(d.operatorInfo);
    return ok(
      A.pinnedGroupMessageUpdated({ groupID: d.groupID, isPinned: d.isPinned, ID, sequence, message, operatorInfo }),
    );
  },
  // both: emit(TOPIC_CREATED, { groupID, topicID }) in onTopicCreated (not recorded yet)
  TOPIC_CREATED: topicUpsert,
  // both: emit(TOPIC_UPDATED, { groupID, topic }) in onTopicProfileUpdated / onTopicMessageRemindTypeUpdated (not recorded yet)
  TOPIC_UPDATED: topicUpsert,
  // both: emit(TOPIC_DELETED, { groupID, topicIDList }) in onTopicDeleted (not recorded yet)
  TOPIC_DELETED: (data) => {
    const d = objectOf(data, 'TOPIC_DELETED');
    if (typeof d === 'string') return bad(d);
    if (!isSafeKey(d.groupID)) return bad('topic event has no usable groupID');
    return ok(A.topicsDeleted({ groupID: d.groupID, topicIDList: strArray(d.topicIDList) }));
  },
  // 3.6.6 index.js: `onRoomCustomDataReceived(e){this._m.getOEmitInst().emit(h.ROOM_CUSTOM_DATA_RECEIVED,e)}`,
  // fed `c.content` of a msg_push item with `event` 100 (MsgDispatcher `_onRoomCustomData`) or
  // `elements.content` of a live room's long-poll item (`onRoomCustomData`): the content as the
  // server sent it, and no groupID.
  ROOM_CUSTOM_DATA_RECEIVED: (data) => {
    const content = toPlain(data);
    if (content === null) return bad('room custom data event has no content');
    return ok(A.roomCustomDataReceived(content));
  },

  // 3.6.6 index.js / 2.27.6 tim-js.js ProfileHandler.onProfileModified (ProfileDataMod push) and updateMyProfile:
  // emitOuterEvent(PROFILE_UPDATED, [Profile]) for my own profile and my friends' (a delta: only the changed users).
  // Recorded: profile-update-mine.
  PROFILE_UPDATED: (data) => {
    const { records, problems } = normalizeMany(data, normalizeProfile, 'profile');
    return ok(records.length ? A.profilesUpdated(records) : null, problems);
  },
  // 3.6.6 index.js / 2.27.6 tim-js.js UserStatusHandler.onUserStatusUpdated: emitOuterEvent(USER_STATUS_UPDATED,
  // [{userID, statusType, customStatus}]) from the `userStatusList` push (a delta: only the users whose status changed).
  USER_STATUS_UPDATED: (data) => {
    const { records, problems } = normalizeMany(data, userRow('user status'), 'user status');
    return ok(records.length ? A.userStatusUpdated(records) : null, problems);
  },
  // 3.6.6 index.js BlacklistHandler.onAccountAdded/onAccountDeleted/getBlacklist: emitOEvt(BLACKLIST_UPDATED,
  // [...this._blacklistMap.keys()]): the whole list of userIDs (2.27.6 tim-js.js the same).
  // Recorded: blacklist-add-remove.
  BLACKLIST_UPDATED: (data) =>
    wholeList(data, userIDOf, 'blacklist', (userIDs, complete) => A.blacklistUpdated({ userIDs, complete })),
  // 3.6.6 index.js FriendHandler._onFriendListUpdated emits no data; the outer emitter fills it with
  // `getLocalFriendList(!1)` (the `_getEventData` branch for FRIEND_LIST_UPDATED): the whole list of Friend
  // objects {userID, remark, groupList, source, addTime, friendCustomField, timestamp, profile}. 2.27.6
  // tim-js-friendship.js the same; the default tim-js.js has no friend module and never emits it.
  FRIEND_LIST_UPDATED: (data) =>
    wholeList(data, userRow('friend'), 'friend', (friends, complete) => A.friendListUpdated({ friends, complete })),
  // 3.6.6 index.js FriendApplicationHandler._onApplicationListUpdated: emitOEvt(FRIEND_APPLICATION_LIST_UPDATED,
  // {friendApplicationList: [{userID, nick, avatar, time, source, wording, type}], unreadCount}) (2.27.6
  // tim-js-friendship.js `_onFriendApplicationListUpdated` the same).
  FRIEND_APPLICATION_LIST_UPDATED: (data) => {
    const d = objectOf(data, 'FRIEND_APPLICATION_LIST_UPDATED');
    if (typeof d === 'string') return bad(d);
    if (!Array.isArray(d.friendApplicationList))
      return bad('friend application event has no friendApplicationList array');
    const { records, problems } = normalizeMany(d.friendApplicationList, plainRow, 'friend application');
    return ok(
      A.friendApplicationListUpdated({ applicationList: records, unreadCount: Math.max(0, num(d.unreadCount)) }),
      problems,
    );
  },
  // 3.6.6 index.js FriendGroupHandler._onGroupListUpdated: emitOEvt(FRIEND_GROUP_LIST_UPDATED, [{name,
  // userIDList, count}]), the whole list (2.27.6 tim-js-friendship.js `_emitFriendGroupListUpdated` the same).
  FRIEND_GROUP_LIST_UPDATED: (data) =>
    wholeList(data, friendGroupRow, 'friend group', (groups) => A.friendGroupListUpdated(groups)),
  // 3.6.6 index.js: emitOEvt(MY_FOLLOWERS_LIST_UPDATED, { userInfoList, isAdd }) in _emitEvent (follow module; not recorded yet)
  MY_FOLLOWERS_LIST_UPDATED: followList('followers'),
  // 3.6.6 index.js: emitOEvt(MY_FOLLOWING_LIST_UPDATED, { userInfoList, isAdd }) in _emitEvent (follow module; not recorded yet)
  MY_FOLLOWING_LIST_UPDATED: followList('following'),
  // 3.6.6 index.js: emitOEvt(MUTUAL_FOLLOWERS_LIST_UPDATED, { userInfoList, isAdd }) in _emitEvent (follow module; not recorded yet)
  MUTUAL_FOLLOWERS_LIST_UPDATED: followList('mutual'),
  // 3.6.6 index.js: emitOEvt(SERVER_CONFIG_UPDATED, {...}) in _parse (server config module); recorded (3.x): login-ready
  SERVER_CONFIG_UPDATED: objectEvent('SERVER_CONFIG_UPDATED', A.serverConfigUpdated),
};
