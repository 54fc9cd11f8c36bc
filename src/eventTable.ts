/**
 * The one table from SDK event to action: "what happens on X" is one lookup here. Each handler
 * turns the event's data into plain records (keeping the good items of a partly malformed list)
 * and names the problems it met; the middleware dispatches the action and reports the problems.
 */
import type { UnknownAction } from '@reduxjs/toolkit';
import * as A from './actions';
import type { TimEventKey } from './events';
import { errorMessageFor } from './errorMessages';
import { normalizeMany, normalizeMessage } from './normalize/message';
import { normalizeGroup, normalizeProfile } from './normalize/profile';
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
}

/** A handler's result: the action to dispatch (if any) and what was wrong with the data. */
export interface EventResult {
  /** The action, or null when nothing can be applied. */
  action: UnknownAction | null;
  /** Descriptions of items that were skipped or fields that were wrong. */
  problems: string[];
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

function topicUpsert(data: unknown): EventResult {
  const d = objectOf(data, 'topic');
  if (typeof d === 'string') return bad(d);
  const topic = toPlainObject(d.topicInfo ?? d.topic);
  const topicID = topic.topicID;
  if (!isSafeKey(d.groupID) || !isSafeKey(topicID)) return bad('topic event has no usable groupID or topicID');
  return ok(A.topicUpserted({ groupID: d.groupID, topic: { ...topic, topicID } }));
}

/** Every known SDK event and what it becomes. */
export const EVENT_TABLE: Readonly<Record<TimEventKey, EventHandler>> = {
  SDK_READY: () => ok(A.sdkReady()),
  SDK_NOT_READY: () => ok(A.sdkNotReady()),
  SDK_DESTROY: () => ok(A.sdkDestroyed()),
  SDK_RELOAD: () => ok(A.sdkReloaded()),
  KICKED_OUT: (data) => ok(A.kickedOut({ type: str(isObject(data) ? data.type : undefined, 'unknown') })),
  NET_STATE_CHANGE: (data) => {
    const state = isObject(data) ? data.state : undefined;
    return typeof state === 'string'
      ? ok(A.netStateChanged({ state }))
      : bad('NET_STATE_CHANGE without a state string');
  },
  ERROR: (data) => {
    const d = isObject(data) ? data : {};
    const code = num(d.code, 9000);
    return ok(A.sdkErrorReceived({ code, message: errorMessageFor(code, d.message) }));
  },

  MESSAGE_RECEIVED: (data, ctx) => {
    const { records, problems } = messages(data, ctx);
    return ok(records.length ? A.messagesReceived(records) : null, problems);
  },
  MESSAGE_MODIFIED: (data, ctx) => {
    const { records, problems } = messages(data, ctx);
    return ok(records.length ? A.messagesModified(records) : null, problems);
  },
  MESSAGE_REVOKED: (data, ctx) => {
    const { records, problems } = messages(data, ctx);
    const revoked = records.map((m) => ({ ID: m.ID, conversationID: m.conversationID, revoker: m.revoker }));
    return ok(revoked.length ? A.messagesRevoked(revoked) : null, problems);
  },
  MESSAGE_READ_BY_PEER: (data) => {
    const { records, problems } = normalizeMany(data, normalizeMessage, 'message');
    const read = records.map((m) => ({ ID: m.ID, conversationID: m.conversationID }));
    return ok(read.length ? A.messagesReadByPeer(read) : null, problems);
  },
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
  MESSAGE_EXTENSIONS_DELETED: (data) => {
    const d = objectOf(data, 'MESSAGE_EXTENSIONS_DELETED');
    if (typeof d === 'string') return bad(d);
    if (typeof d.messageID !== 'string') return bad('extensions event has no messageID');
    return ok(A.messageExtensionsDeleted({ messageID: d.messageID, keyList: strArray(d.keyList) }));
  },
  MESSAGE_REACTIONS_UPDATED: (data) => {
    const d = objectOf(data, 'MESSAGE_REACTIONS_UPDATED');
    if (typeof d === 'string') return bad(d);
    if (typeof d.messageID !== 'string') return bad('reactions event has no messageID');
    const reactions: Record<string, string[]> = {};
    for (const r of Array.isArray(d.reactionList) ? d.reactionList : []) {
      if (!isObject(r) || !isSafeKey(r.reactionID)) continue;
      const users = Array.isArray(r.partialUserList) ? r.partialUserList : [];
      reactions[r.reactionID] = users.map((u) => (isObject(u) ? str(u.userID) : str(u))).filter(Boolean);
    }
    return ok(A.messageReactionsUpdated({ messageID: d.messageID, reactions }));
  },

  CONVERSATION_LIST_UPDATED: (data, ctx) => {
    if (!Array.isArray(data)) return bad(`conversation list is ${data === null ? 'null' : typeof data}, not an array`);
    // Embedded profiles and groups come back only for conversations that changed: the slices
    // already hold the others, and merging 5,000 unchanged profiles per message is what this saves.
    const { conversations, profiles, groups, problems } = ctx.conversations.normalizeList(data);
    if (data.length > 0 && conversations.length === 0) return { action: null, problems };
    const complete = problems.length === 0;
    return ok(A.conversationListUpdated({ conversations, profiles, groups, complete }), problems);
  },
  TOTAL_UNREAD_MESSAGE_COUNT_UPDATED: (data) =>
    typeof data === 'number' && Number.isFinite(data)
      ? ok(A.totalUnreadCountUpdated(Math.max(0, data)))
      : bad(`total unread count is ${typeof data}, not a number`),
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
  CONVERSATION_IN_GROUP_UPDATED: (data) => {
    const d = objectOf(data, 'CONVERSATION_IN_GROUP_UPDATED');
    if (typeof d === 'string') return bad(d);
    if (!isSafeKey(d.groupName)) return bad('conversation-in-group event has no usable groupName');
    if (!Array.isArray(d.conversationList)) return bad('conversation-in-group event has no conversationList array');
    const list = Array.isArray(d.conversationList) ? d.conversationList : [];
    const conversationIDs = list.map((c) => (isObject(c) ? str(c.conversationID) : '')).filter(Boolean);
    return ok(A.conversationInGroupUpdated({ groupName: str(d.groupName), conversationIDs }));
  },
  ALL_RECEIVE_MESSAGE_OPT_UPDATED: objectEvent('ALL_RECEIVE_MESSAGE_OPT_UPDATED', A.allReceiveMessageOptUpdated),

  GROUP_LIST_UPDATED: (data) =>
    wholeList(data, normalizeGroup, 'group', (groups, complete) => A.groupListUpdated({ groups, complete })),
  GROUP_SYSTEM_NOTICE_RECEIVED: objectEvent('GROUP_SYSTEM_NOTICE_RECEIVED', A.groupSystemNoticeReceived),
  GROUP_ATTRIBUTES_UPDATED: (data) => {
    const d = objectOf(data, 'GROUP_ATTRIBUTES_UPDATED');
    if (typeof d === 'string') return bad(d);
    if (!isSafeKey(d.groupID)) return bad('group attributes event has no usable groupID');
    const attrs: Record<string, string> = {};
    if (isObject(d.groupAttributes))
      for (const [k, v] of Object.entries(d.groupAttributes)) if (isSafeKey(k)) attrs[k] = str(v);
    return ok(A.groupAttributesUpdated({ groupID: d.groupID, groupAttributes: attrs }));
  },
  GROUP_COUNTER_UPDATED: (data) => {
    const d = objectOf(data, 'GROUP_COUNTER_UPDATED');
    if (typeof d === 'string') return bad(d);
    if (!isSafeKey(d.groupID) || !isSafeKey(d.key)) return bad('group counter event has no usable groupID or key');
    return ok(A.groupCounterUpdated({ groupID: d.groupID, key: d.key, value: num(d.value) }));
  },
  PINNED_GROUP_MESSAGE_UPDATED: (data) => {
    const d = objectOf(data, 'PINNED_GROUP_MESSAGE_UPDATED');
    if (typeof d === 'string') return bad(d);
    if (!isSafeKey(d.groupID)) return bad('pinned message event has no usable groupID');
    const list = Array.isArray(d.pinnedMessageList) ? d.pinnedMessageList.map(toPlainObject) : [];
    return ok(A.pinnedGroupMessageUpdated({ groupID: d.groupID, pinnedMessageList: list }));
  },
  TOPIC_CREATED: topicUpsert,
  TOPIC_UPDATED: topicUpsert,
  TOPIC_DELETED: (data) => {
    const d = objectOf(data, 'TOPIC_DELETED');
    if (typeof d === 'string') return bad(d);
    if (!isSafeKey(d.groupID)) return bad('topic event has no usable groupID');
    return ok(A.topicsDeleted({ groupID: d.groupID, topicIDList: strArray(d.topicIDList) }));
  },
  ROOM_CUSTOM_DATA_RECEIVED: (data) => {
    const d = objectOf(data, 'ROOM_CUSTOM_DATA_RECEIVED');
    if (typeof d === 'string') return bad(d);
    if (!isSafeKey(d.groupID)) return bad('room custom data event has no usable groupID');
    return ok(A.roomCustomDataReceived({ groupID: d.groupID, customData: toPlain(d.customData ?? d.data) }));
  },

  // 3.6.6 index.js / 2.27.6 tim-js.js ProfileHandler.onProfileModified (ProfileDataMod push) and updateMyProfile:
  // emitOuterEvent(PROFILE_UPDATED, [Profile]) for my own profile and my friends' (a delta: only the changed users).
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
  MY_FOLLOWERS_LIST_UPDATED: followList('followers'),
  MY_FOLLOWING_LIST_UPDATED: followList('following'),
  MUTUAL_FOLLOWERS_LIST_UPDATED: followList('mutual'),
  SERVER_CONFIG_UPDATED: objectEvent('SERVER_CONFIG_UPDATED', A.serverConfigUpdated),
};
