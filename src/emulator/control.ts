/**
 * The control API for tests: make things happen on the server side (inject messages, drop sockets,
 * kick, expire a userSig, delay or fail a command, push twice) and read what the server holds.
 */
import type { EmulatorCore } from './context';
import { deliverC2C, revokeC2C } from './handlers/c2c';
import { changeReaction } from './handlers/reactions';
import { modifyC2C, modifyGroupMessage } from './handlers/modify';
import { conversationsOf, deleteConversationOf, pinConversationsOf } from './handlers/conversation';
import { changeConversationGroupOf, createConversationGroupOf } from './handlers/conversationGroups';
import { setMarkBits } from './handlers/conversationMarks';
import {
  pushConversationsDeleted,
  pushConversationsPinned,
  pushGroupRemindTypeSynced,
  setRemindType,
  type RemindType,
} from './handlers/conversationSettings';
import { deliverGroupMessage, addMembers, removeMember, createGroupAs } from './handlers/group';
import { setFollow, followingSnapshot } from './handlers/follow';
import { setCustomStatus } from './handlers/userStatus';
import {
  addFriendAs,
  deleteFriendsAs,
  friendsSnapshot,
  pendenciesSnapshot,
  respondToApplication,
  type FriendRecord,
  type PendencyRecord,
} from './handlers/friends';
import { muteMember, setMemberRole } from './handlers/groupMembers';
import { changeGroupProfile, type GroupProfileChange } from './handlers/groupTips';
import { setPinned } from './handlers/groupPins';
import { ATTRIBUTE_OP, changeAttributes, groupAttributes } from './handlers/groupAttributes';
import { groupCounters, updateCounters } from './handlers/groupCounters';
import { createTopic, deleteTopics, topics, updateTopic, type TopicState } from './handlers/topics';
import { updateProfile } from './handlers/profile';
import { pushRoomCustomData } from './handlers/room';
import { setReceiveOpt } from './handlers/receiveOpt';
import { kickConnection } from './handlers/session';
import type { Json } from './json';
import type { CommandLogEntry, Router } from './router';
import type { GroupState } from './store';
import type {
  C2CMessageRecord,
  ConversationRecord,
  GroupMessageRecord,
  GroupRecord,
  GroupType,
  MessageElement,
  UserRecord,
} from './types';
import { TAG } from './wire';

/** A message to inject: either `text` or ready-made server `elements`. */
export interface InjectContent {
  text?: string;
  elements?: MessageElement[];
  cloudCustomData?: string;
}

/** An open socket as the control API shows it. */
export interface ConnectionInfo {
  id: number;
  userID: string;
  sdkAppID: string;
  instanceID: string;
  loggedIn: boolean;
}

/** The control API. */
export interface EmulatorControl {
  /**
   * Delivers a one-to-one message from `from` to `to` as if `from` had sent it; `sequence` and `time`
   * default to the server's next sequence and message time.
   */
  injectC2CMessage(
    input: {
      from: string;
      to: string;
      needReadReceipt?: boolean;
      sequence?: number;
      time?: number;
      supportExtension?: boolean;
    } & InjectContent,
  ): C2CMessageRecord;
  /**
   * Fixes the server time (unix s) that new one-to-one and group messages get, sent or injected, so a
   * test can put messages in one second; `null` goes back to the clock.
   */
  setServerTime(time: number | null): void;
  /** Delivers a group message from `from` (who must be a member, or is added silently). */
  injectGroupMessage(input: { from: string; groupID: string } & InjectContent): GroupMessageRecord;
  /**
   * Adds (or with `add: false` removes) `userID`'s reaction on a stored message (by its SDK message ID,
   * one-to-one or group) and pushes the change to every party; 3.x emits MESSAGE_REACTIONS_UPDATED,
   * 2.x has no reactions and ignores the push. Returns false when no such message is stored.
   */
  setReaction(input: { messageID: string; reactionID: string; userID: string; add?: boolean }): boolean;
  /**
   * Modifies a stored message (by its SDK message ID, one-to-one or group) as its sender would, and
   * pushes the new version to every party (MESSAGE_MODIFIED on both SDKs). Returns false when unknown.
   */
  modifyMessage(
    messageID: string,
    change: { text?: string; elements?: MessageElement[]; cloudCustomData?: string },
  ): boolean;
  /** Revokes a stored one-to-one message (by its SDK message ID) as its sender would. */
  revokeC2CMessage(sdkMessageID: string): boolean;
  /** Creates a group on the server (the owner and members get it at their next group-list fetch). */
  createGroup(input: {
    type: GroupType;
    name: string;
    ownerID: string;
    memberIDs?: string[];
    groupID?: string;
    /** `FreeAccess` (default but for Work groups), `NeedPermission` (joins wait for an owner or admin), `DisableApply`. */
    joinOption?: string;
  }): GroupRecord;
  /** Adds users to a group, pushing the join tip to the members. */
  addGroupMembers(groupID: string, userIDs: string[]): void;
  /** Removes a user from a group as its owner would (a kick): the kicked tip to the members, the kicked system notice to that user. */
  removeGroupMember(groupID: string, userID: string): void;
  /** The user joins a group themselves, pushing the join tip (operator: the user). */
  joinGroup(groupID: string, userID: string): void;
  /** The user quits a group (say, on another device): the quit tip to the members, the quit system notice to that user. */
  quitGroup(groupID: string, userID: string): void;
  /** Changes a group's profile as `operator` (default: the owner), pushing the profile tip (GROUP_LIST_UPDATED on 2.x and 3.x). */
  updateGroupProfile(groupID: string, change: GroupProfileChange, operator?: string): void;
  /** The owner makes a member an Admin or a Member again, pushing the set-admin / cancel-admin tip. */
  setGroupMemberRole(groupID: string, userID: string, role: 'Admin' | 'Member'): void;
  /** The owner mutes a member for `seconds` (0 unmutes), pushing the member-info tip. */
  muteGroupMember(groupID: string, userID: string, seconds: number): void;
  /** Creates a topic in a community as `operator` (default: the owner), pushing TOPIC_CREATED. Returns its ID. */
  createTopic(groupID: string, topic: { topicName: string; topicID?: string }, operator?: string): string;
  /** Changes a topic's profile, pushing TOPIC_UPDATED (to SDKs that hold the topic). */
  updateTopic(
    groupID: string,
    topicID: string,
    change: Partial<Omit<TopicState, 'topicID' | 'createTime'>>,
    operator?: string,
  ): void;
  /** Deletes topics of a community, pushing TOPIC_DELETED. */
  deleteTopics(groupID: string, topicIDs: string[], operator?: string): void;
  /** A community's topics. */
  topics(groupID: string): TopicState[];
  /** Sets (adds or changes) group attributes as `operator` (default: the owner), pushing GROUP_ATTRIBUTES_UPDATED to the members. */
  setGroupAttributes(groupID: string, attributes: Record<string, string>, operator?: string): void;
  /** Deletes group attributes by key, pushing GROUP_ATTRIBUTES_UPDATED to the members. */
  deleteGroupAttributes(groupID: string, keys: string[], operator?: string): void;
  /** A group's attributes. */
  groupAttributes(groupID: string): Record<string, string>;
  /** Sets group counters as `operator` (default: the owner), pushing GROUP_COUNTER_UPDATED (one per key) to the members. */
  setGroupCounters(groupID: string, counters: Record<string, number>, operator?: string): void;
  /** A group's counters. */
  groupCounters(groupID: string): Record<string, number>;
  /** Pins (or unpins) the group message at `sequence` as `operator` (default: the owner), pushing PINNED_GROUP_MESSAGE_UPDATED (3.x). */
  pinGroupMessage(groupID: string, sequence: number, isPinned: boolean, operator?: string): void;
  /** Sets a user's nick and/or avatar, pushing PROFILE_UPDATED to them and their peers. */
  updateProfile(userID: string, profile: { nick?: string; avatar?: string }): void;
  /**
   * `from` asks `to` to be friends, as `addFriend` would: friends at once when `to`'s AllowType is
   * AllowAny (FRIEND_LIST_UPDATED on both sides), else an application (FRIEND_APPLICATION_LIST_UPDATED).
   * Returns the server's result code (0, or 30539 for "application sent").
   */
  addFriend(input: { from: string; to: string; wording?: string; source?: string }): number;
  /** `to` answers `from`'s application: Agree, AgreeAndAdd (the default) or Reject. Returns the result code. */
  respondToFriendApplication(input: {
    to: string;
    from: string;
    action?: 'Response_Action_Agree' | 'Response_Action_AgreeAndAdd' | 'Response_Action_Reject';
  }): number;
  /** `userID` deletes friends (both ways unless `both` is false), pushing FriendDel_Account. */
  deleteFriends(userID: string, friendIDs: string[], both?: boolean): void;
  /** A user's friends as the server holds them. */
  friends(userID: string): FriendRecord[];
  /** Pending friend applications to or from a user. */
  friendApplications(userID: string): PendencyRecord[];
  /** Sets a user's custom status and pushes USER_STATUS_UPDATED to the users who subscribed to it. */
  setCustomStatus(userID: string, customStatus: string): void;
  /** `follower` follows (or with `follow: false` unfollows) users, pushing the follow-list changes to both sides (3.x). */
  follow(follower: string, userIDs: string[], follow?: boolean): void;
  /** Whom a user follows. */
  following(userID: string): string[];
  /**
   * Pushes room custom data (msg_push `Event: 100`) to a user's sockets: 3.x emits
   * ROOM_CUSTOM_DATA_RECEIVED with `content` as its data; 2.x has no such event. Returns how many sockets.
   */
  pushRoomCustomData(userID: string, content: Json): number;
  /**
   * Sets a user's global do-not-disturb setting, as `setAllReceiveMessageOpt` on another device of
   * theirs would (`messageRemindType` 0 accept and notify, 1 discard, 2 accept without notice; times in
   * seconds of the day), pushing msg_push `Event: 24` to their sockets: 3.x emits
   * ALL_RECEIVE_MESSAGE_OPT_UPDATED; 2.x has no such event. Returns how many sockets got it.
   */
  setAllReceiveMessageOpt(
    userID: string,
    opt: { messageRemindType: 0 | 1 | 2; startTime?: number; endTime?: number; isRepeated?: boolean },
  ): number;
  /**
   * Deletes a user's conversation on the server, as another device of theirs would, and pushes
   * `RecentContactMod` (delete) to their sockets: both SDKs drop the conversation. History is kept
   * unless `clearHistory`.
   */
  deleteConversation(userID: string, conversationID: string, options?: { clearHistory?: boolean }): void;
  /** Pins or unpins a user's conversation on the server and pushes `RecentContactMod` (pin/unpin) to their sockets. */
  pinConversation(userID: string, conversationID: string, isPinned: boolean): void;
  /**
   * Sets a user's mute setting of a conversation on the server, as another device of theirs would. A
   * group's is pushed at once (group system notice 20); a C2C one is seen at the SDK's next login, from
   * `get_c2c_peer_mute_notifications`.
   */
  setMessageRemindType(userID: string, conversationID: string, messageRemindType: RemindType): void;
  /**
   * Sets or clears a mark (`markType`: 1 star, 2 unread, 4 fold, 8 hide, or another power of two) on a
   * user's conversation, as another device of theirs would, pushing `RecentContactMod` (mark) to their sockets.
   */
  markConversation(userID: string, conversationID: string, markType: number, enableMark: boolean): void;
  /** Creates a conversation group of a user, as another device of theirs would (pushes `RecentContactMod` 5). */
  createConversationGroup(userID: string, groupName: string, conversationIDs: string[]): void;
  /** Adds conversations to (or removes them from) a user's conversation group, pushing `RecentContactMod` 7. */
  changeConversationGroup(userID: string, groupName: string, conversationIDs: string[], add: boolean): void;
  /** Terminates a user's sockets (every socket when `userID` is absent), as a network failure would. Returns how many. */
  dropSockets(userID?: string): number;
  /** Kicks a user's logged-in sockets with KickType 1 multipleAccount, 2 multipleDevice or 3 REST_API_Kick. Returns how many. */
  kick(userID: string, kickType?: 1 | 2 | 3): number;
  /** Expires the user's userSig: their next request gets 70001 (KICKED_OUT userSigExpired) and that userSig can no longer log in. */
  expireUserSig(userID: string): void;
  /** Answers the next `times` requests of `servcmd` (optionally only from `userID`) with an error. */
  failCommand(
    servcmd: string,
    error: { code: number; message?: string },
    options?: { times?: number; userID?: string },
  ): void;
  /** Holds the next `times` requests of `servcmd` for `delayMs` before handling them. */
  delayCommand(servcmd: string, delayMs: number, options?: { times?: number; userID?: string }): void;
  /** Drops the next `times` requests of `servcmd` unhandled and unanswered, as if lost before reaching the server. */
  swallowCommand(servcmd: string, options?: { times?: number; userID?: string }): void;
  /** Removes every armed fault. */
  clearFaults(): void;
  /** Sends each of the next `count` push frames twice. */
  duplicateNextPushes(count?: number): void;
  /** Users the server knows. */
  users(): UserRecord[];
  /** One-to-one messages, optionally only between two users; oldest first. */
  c2cMessages(filter?: { between?: [string, string] }): C2CMessageRecord[];
  /** Groups (including dismissed ones). */
  groups(): GroupRecord[];
  /** A group's messages and tips, by sequence. */
  groupMessages(groupID: string): GroupMessageRecord[];
  /** A user's conversation list as the server computes it (what `page_get` returns). */
  conversations(userID: string): ConversationRecord[];
  /** Open sockets. */
  connections(): ConnectionInfo[];
  /** Requests received, oldest first (the last 2000). */
  commandLog(): CommandLogEntry[];
  /** servcmds the emulator has no handler for and answered with `{}`. */
  unhandledCommands(): string[];
  /** Resolves with the next request of `servcmd` (optionally from `userID`); rejects after `timeoutMs` (default 5000). */
  waitForCommand(servcmd: string, options?: { userID?: string; timeoutMs?: number }): Promise<CommandLogEntry>;
}

function elementsOf(content: InjectContent): MessageElement[] {
  if (content.elements) return content.elements;
  return [{ MsgType: 'TIMTextElem', MsgContent: { Text: content.text ?? '' } }];
}

/** Builds the control API over the core and router. */
export function createControl(core: EmulatorCore, router: Router, pendingWaits: Set<() => void>): EmulatorControl {
  const { store } = core;
  const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  const groupNamed = (groupID: string): GroupState => {
    const group = store.groups.get(groupID);
    if (!group || group.dismissed) throw new Error(`no group ${groupID}`);
    return group;
  };
  return {
    injectC2CMessage: (input) =>
      copy(
        deliverC2C(core, {
          from: input.from,
          to: input.to,
          elements: elementsOf(input),
          cloudCustomData: input.cloudCustomData,
          needReadReceipt: input.needReadReceipt,
          sequence: input.sequence,
          time: input.time,
          supportExtension: input.supportExtension,
        }),
      ),
    setServerTime: (time) => {
      store.fixedTime = time;
    },
    injectGroupMessage: (input) => {
      const group = store.groups.get(input.groupID);
      if (!group) throw new Error(`no group ${input.groupID}`);
      store.addMember(group, input.from);
      return copy(
        deliverGroupMessage(core, group, {
          from: input.from,
          elements: elementsOf(input),
          cloudCustomData: input.cloudCustomData,
        }),
      );
    },
    setReaction: ({ messageID, reactionID, userID, add = true }) => {
      const c2c = store.c2c.find((m) => m.sdkMessageID === messageID);
      if (c2c) {
        changeReaction(core, { kind: 'c2c', message: c2c }, reactionID, [userID], add);
        return true;
      }
      for (const group of store.groups.values()) {
        const message = group.messages.find((m) => m.sdkMessageID === messageID);
        if (message) {
          changeReaction(core, { kind: 'group', message, group }, reactionID, [userID], add);
          return true;
        }
      }
      return false;
    },
    modifyMessage: (messageID, change) => {
      const elements = change.elements ?? (change.text !== undefined ? elementsOf({ text: change.text }) : undefined);
      const modification = { elements, cloudCustomData: change.cloudCustomData };
      const c2c = store.c2c.find((m) => m.sdkMessageID === messageID);
      if (c2c) {
        modifyC2C(core, c2c, modification);
        return true;
      }
      for (const group of store.groups.values()) {
        const message = group.messages.find((m) => m.sdkMessageID === messageID);
        if (message) {
          modifyGroupMessage(core, group, message, modification);
          return true;
        }
      }
      return false;
    },
    revokeC2CMessage: (id) => {
      const record = store.c2c.find((m) => m.sdkMessageID === id);
      if (!record) return false;
      revokeC2C(core, record, record.from);
      return true;
    },
    createGroup: (input) => store.groupSnapshot(createGroupAs(core, input)),
    addGroupMembers: (groupID, userIDs) => {
      const group = store.groups.get(groupID);
      if (!group) throw new Error(`no group ${groupID}`);
      addMembers(core, group, userIDs, group.ownerID);
    },
    removeGroupMember: (groupID, userID) =>
      removeMember(core, groupNamed(groupID), userID, groupNamed(groupID).ownerID),
    joinGroup: (groupID, userID) => void addMembers(core, groupNamed(groupID), [userID], userID),
    quitGroup: (groupID, userID) => removeMember(core, groupNamed(groupID), userID, userID),
    updateGroupProfile: (groupID, change, operator) => {
      const group = groupNamed(groupID);
      changeGroupProfile(core, group, change, operator ?? group.ownerID);
    },
    setGroupMemberRole: (groupID, userID, role) => {
      const group = groupNamed(groupID);
      setMemberRole(core, group, userID, role, group.ownerID);
    },
    createTopic: (groupID, topic, operator) => {
      const group = groupNamed(groupID);
      return createTopic(core, group, topic, operator ?? group.ownerID);
    },
    updateTopic: (groupID, topicID, change, operator) => {
      const group = groupNamed(groupID);
      updateTopic(core, group, topicID, change, operator ?? group.ownerID);
    },
    deleteTopics: (groupID, topicIDs, operator) => {
      const group = groupNamed(groupID);
      deleteTopics(core, group, topicIDs, operator ?? group.ownerID);
    },
    topics: (groupID) => copy([...topics(groupNamed(groupID)).values()]),
    setGroupAttributes: (groupID, attributes, operator) => {
      const group = groupNamed(groupID);
      const entries = Object.entries(attributes).map(([key, value]) => ({ key, value }));
      changeAttributes(core, group, ATTRIBUTE_OP.modify, entries, operator ?? group.ownerID);
    },
    deleteGroupAttributes: (groupID, keys, operator) => {
      const group = groupNamed(groupID);
      changeAttributes(
        core,
        group,
        ATTRIBUTE_OP.delete,
        keys.map((key) => ({ key })),
        operator ?? group.ownerID,
      );
    },
    groupAttributes: (groupID) => groupAttributes(groupNamed(groupID)),
    setGroupCounters: (groupID, values, operator) => {
      const group = groupNamed(groupID);
      const entries = Object.entries(values).map(([key, value]) => ({ key, value }));
      updateCounters(core, group, 'Set', entries, operator ?? group.ownerID);
    },
    groupCounters: (groupID) => groupCounters(groupNamed(groupID)),
    pinGroupMessage: (groupID, sequence, isPinned, operator) => {
      const group = groupNamed(groupID);
      setPinned(core, group, sequence, isPinned, operator ?? group.ownerID);
    },
    muteGroupMember: (groupID, userID, seconds) => {
      const group = groupNamed(groupID);
      muteMember(core, group, userID, seconds, group.ownerID);
    },
    updateProfile: (userID, profile) => {
      const items: Array<{ tag: string; value: string }> = [];
      if (profile.nick !== undefined) items.push({ tag: TAG.nick, value: profile.nick });
      if (profile.avatar !== undefined) items.push({ tag: TAG.avatar, value: profile.avatar });
      updateProfile(core, userID, items);
    },
    addFriend: (input) => addFriendAs(core, input),
    respondToFriendApplication: (input) =>
      respondToApplication(core, input.to, input.from, input.action ?? 'Response_Action_AgreeAndAdd'),
    deleteFriends: (userID, friendIDs, both = true) => deleteFriendsAs(core, userID, friendIDs, both),
    friends: (userID) => friendsSnapshot(store, userID),
    friendApplications: (userID) => pendenciesSnapshot(store, userID),
    setCustomStatus: (userID, customStatus) => setCustomStatus(core, userID, customStatus),
    follow: (follower, userIDs, follow = true) => {
      setFollow(core, follower, userIDs, follow);
    },
    following: (userID) => followingSnapshot(store, userID),
    pushRoomCustomData: (userID, content) => pushRoomCustomData(core, userID, content),
    setAllReceiveMessageOpt: (userID, { messageRemindType, startTime = 0, endTime = 0, isRepeated = false }) =>
      setReceiveOpt(core, userID, {
        Level: messageRemindType,
        StartTime: startTime,
        EndTime: endTime,
        IsRepeated: isRepeated ? 1 : 0,
      }),
    deleteConversation: (userID, conversationID, options = {}) => {
      deleteConversationOf(core, userID, conversationID, options.clearHistory === true);
      pushConversationsDeleted(core, userID, [conversationID]);
    },
    pinConversation: (userID, conversationID, isPinned) => {
      pinConversationsOf(core, userID, [conversationID], isPinned);
      pushConversationsPinned(core, userID, [conversationID], isPinned);
    },
    setMessageRemindType: (userID, conversationID, messageRemindType) => {
      setRemindType(core, userID, conversationID, messageRemindType);
      if (conversationID.startsWith('GROUP'))
        pushGroupRemindTypeSynced(core, userID, conversationID.slice(5), messageRemindType);
    },
    markConversation: (userID, conversationID, markType, enableMark) => {
      const bit = Math.log2(markType);
      if (!Number.isInteger(bit) || bit < 0 || bit > 30) throw new Error(`markType ${markType} is not a power of two`);
      setMarkBits(core, userID, conversationID, enableMark ? { set: [bit] } : { clear: [bit] });
    },
    createConversationGroup: (userID, groupName, conversationIDs) => {
      createConversationGroupOf(core, userID, groupName, conversationIDs);
    },
    changeConversationGroup: (userID, groupName, conversationIDs, add) =>
      changeConversationGroupOf(core, userID, groupName, conversationIDs, add),
    dropSockets: (userID) => {
      let n = 0;
      for (const conn of [...core.connections]) {
        if (userID === undefined || conn.session?.userID === userID) {
          conn.drop();
          n++;
        }
      }
      return n;
    },
    kick: (userID, kickType = 3) => {
      const sockets = core.push.socketsOf(userID);
      for (const conn of sockets) kickConnection(core, conn, kickType);
      return sockets.length;
    },
    expireUserSig: (userID) => {
      const sig = core.userSigs.get(userID);
      if (sig !== undefined) core.expiredSigs.add(`${userID}\n${sig}`);
      for (const [a2, owner] of core.a2Keys) if (owner === userID) core.a2Keys.delete(a2);
      for (const conn of core.connections) if (conn.session?.userID === userID) conn.session.sigExpired = true;
    },
    failCommand: (servcmd, error, options = {}) => {
      router.faults.push({
        servcmd,
        userID: options.userID,
        fail: { code: error.code, message: error.message ?? `emulated failure ${error.code}` },
        remaining: options.times ?? 1,
      });
    },
    delayCommand: (servcmd, delayMs, options = {}) => {
      router.faults.push({ servcmd, userID: options.userID, delayMs, remaining: options.times ?? 1 });
    },
    swallowCommand: (servcmd, options = {}) => {
      router.faults.push({ servcmd, userID: options.userID, swallow: true, remaining: options.times ?? 1 });
    },
    clearFaults: () => {
      router.faults.length = 0;
    },
    duplicateNextPushes: (count = 1) => {
      core.push.duplicateNext += count;
    },
    users: () => [...store.users.values()].map((u) => store.userSnapshot(u, core.push.socketsOf(u.userID).length)),
    c2cMessages: (filter = {}) =>
      copy(filter.between ? store.pairMessages(filter.between[0], filter.between[1]) : store.c2c),
    groups: () => [...store.groups.values()].map((g) => store.groupSnapshot(g)),
    groupMessages: (groupID) => copy(store.groups.get(groupID)?.messages ?? []),
    conversations: (userID) => conversationsOf(store, userID),
    connections: () =>
      [...core.connections].map((c) => ({
        id: c.id,
        userID: c.session?.userID ?? '',
        sdkAppID: c.query.get('sdkappid') ?? '',
        instanceID: c.query.get('instanceid') ?? '',
        loggedIn: c.session !== undefined,
      })),
    commandLog: () => [...router.log],
    unhandledCommands: () => [...router.unhandled].sort(),
    waitForCommand: (servcmd, options = {}) =>
      new Promise<CommandLogEntry>((resolve, reject) => {
        const finish = (): void => {
          clearTimeout(timer);
          unsubscribe();
          pendingWaits.delete(cancel);
        };
        const cancel = (): void => {
          finish();
          reject(new Error(`emulator stopped while waiting for ${servcmd}`));
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`timed out waiting for ${servcmd}`));
        }, options.timeoutMs ?? 5000);
        const unsubscribe = router.subscribe((entry) => {
          if (entry.servcmd === servcmd && (options.userID === undefined || entry.userID === options.userID)) {
            finish();
            resolve(entry);
          }
        });
        pendingWaits.add(cancel);
      }),
  };
}
