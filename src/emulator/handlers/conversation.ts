/**
 * The conversation list: `recentcontact.page_get` (with unread counts and pins), delete, pin, clear
 * history, and the conversation-group commands the SDK sends at login (answered empty).
 */
import type { CommandContext, CommandTable, EmulatorCore } from '../context';
import { num, objects, str, type JsonObject } from '../json';
import type { Store } from '../store';
import type { ConversationRecord } from '../types';
import { groupTipItem } from '../wire';
import { pushConversationsDeleted, pushConversationsPinned } from './conversationSettings';

/** The user's conversations as the server sees them, pinned first, then newest first. */
export function conversationsOf(store: Store, userID: string): ConversationRecord[] {
  const list: ConversationRecord[] = [];
  const lastByPeer = new Map<string, number>();
  for (const m of store.c2c) {
    if (m.from === userID) lastByPeer.set(m.to, m.index);
    else if (m.to === userID) lastByPeer.set(m.from, m.index);
  }
  for (const [peer, index] of lastByPeer) {
    const conversationID = `C2C${peer}`;
    const marks = store.marksOf(userID, conversationID);
    if (index <= marks.deletedAt || index <= marks.historyClearedAt) continue;
    const last = store.c2c[index];
    list.push({
      conversationID,
      type: 'C2C',
      peerID: peer,
      unreadCount: store.c2cUnread(userID, peer),
      isPinned: marks.isPinned,
      lastTime: last.time,
      lastMessageID: last.sdkMessageID,
      peerReadTime: store.user(userID).peerReadTime.get(peer) ?? 0,
    });
  }
  for (const group of store.groupsOf(userID)) {
    const conversationID = `GROUP${group.groupID}`;
    const marks = store.marksOf(userID, conversationID);
    const last = group.messages[group.messages.length - 1];
    if (!last || last.sequence <= marks.deletedAt) continue;
    list.push({
      conversationID,
      type: 'GROUP',
      peerID: group.groupID,
      unreadCount: store.groupUnread(group, userID),
      isPinned: marks.isPinned,
      lastTime: last.time,
      lastMessageID: last.sdkMessageID,
      peerReadTime: 0,
    });
  }
  return list.sort((a, b) => Number(b.isPinned) - Number(a.isPinned) || b.lastTime - a.lastTime);
}

function sessionItem(store: Store, userID: string, c: ConversationRecord): JsonObject {
  const pinned = c.isPinned ? 1 : 0;
  if (c.type === 'C2C') {
    const m = store.pairMessages(userID, c.peerID).pop();
    const peer = store.user(c.peerID);
    return {
      Type: 1,
      To_Account: c.peerID,
      MsgTime: m ? m.time : 0,
      MsgSeq: m ? m.sequence : 0,
      MsgRandom: m ? m.random : 0,
      MsgShow: '',
      LastC2CMsgFromAccount: m ? m.from : '',
      LastMsgFlags: m && m.isRevoked ? 8 : 0,
      C2cPeerReadTime: c.peerReadTime,
      TopFlags: pinned,
      C2cNick: str(peer.profile.Tag_Profile_IM_Nick),
      C2cImage: str(peer.profile.Tag_Profile_IM_Image),
      UnreadMsgCount: c.unreadCount,
      LastMsg: m ? { MsgBody: m.elements, CloudCustomData: m.cloudCustomData } : { MsgBody: [] },
    };
  }
  const group = store.groups.get(c.peerID);
  const m = group?.messages[group.messages.length - 1];
  const member = group?.members.get(userID);
  const lastMsg: JsonObject =
    !group || !m
      ? { MsgBody: [] }
      : m.tipType !== undefined
        ? { Event: 4, GroupTips: groupTipItem(group, m) }
        : { MsgBody: m.elements, CloudCustomData: m.cloudCustomData };
  return {
    Type: 2,
    ToAccount: c.peerID,
    MsgTime: m ? m.time : 0,
    MsgSeq: m ? m.sequence : 0,
    MsgRandom: m ? m.random : 0,
    MsgShow: '',
    MsgGroupFromAccount: m ? m.from : '',
    LastMsgFlags: m && m.isRevoked ? 2 : 0,
    GroupNick: group ? group.name : '',
    GroupImage: group ? group.avatar : '',
    UnreadMsgCount: c.unreadCount,
    MsgGroupReadedSeq: member ? member.readSequence : 0,
    TopFlags: pinned,
    LastMsg: lastMsg,
  };
}

/**
 * One page of the list. The cursor is an offset into the server's order (pinned first, then newest
 * first), answered in `StartIndex` and sent back by the SDK (2.27.6 tim-js.js and 3.6.6 index.js
 * `_pagingGetConversationList` / `_pagingGetConvList` keep `startIndex` from the answer and ask again
 * while `completeFlag !== 1`; request key `startIndex` goes out as `StartIndex`, `completeFlag` comes
 * from `CompleteFlag`). The timestamps are echoed: the emulator has no incremental pull.
 */
function pageGet(ctx: CommandContext): JsonObject {
  const { store, options } = ctx.core;
  const all = conversationsOf(store, ctx.userID);
  const start = Math.min(Math.max(0, Math.floor(num(ctx.body.StartIndex))), all.length);
  const end = Math.min(all.length, start + options.conversationPageSize);
  const items = all.slice(start, end).map((c) => sessionItem(store, ctx.userID, c));
  const complete = end >= all.length;
  return {
    CompleteFlag: complete ? 1 : 0,
    TimeStamp: num(ctx.body.TimeStamp),
    StartIndex: complete ? 0 : end,
    TopTimeStamp: num(ctx.body.TopTimeStamp),
    TopStartIndex: 0,
    SessionItem: items,
  };
}

/** The conversation ID a request item names (`{Type:1, To_Account}` or `{Type:2, ToGroupid|GroupId}`). */
function conversationIDOf(item: JsonObject): string {
  const groupID = str(item.ToGroupid ?? item.ToGroupId ?? item.GroupId);
  if (num(item.Type) === 2 || groupID !== '') return `GROUP${groupID}`;
  return `C2C${str(item.To_Account)}`;
}

/** The current last C2C index / group sequence of a conversation (what delete and clear hide). */
function lastPosition(store: Store, userID: string, conversationID: string): number {
  if (conversationID.startsWith('C2C')) {
    const m = store.pairMessages(userID, conversationID.slice(3)).pop();
    return m ? m.index : -1;
  }
  const group = store.groups.get(conversationID.slice(5));
  return group ? group.nextSequence - 1 : -1;
}

/**
 * Deletes a conversation for `userID` on the server: hidden from `page_get` until a newer message,
 * unpinned, read; its history hidden too when `clearHistory`.
 */
export function deleteConversationOf(core: EmulatorCore, userID: string, id: string, clearHistory: boolean): void {
  const { store } = core;
  const marks = store.marksOf(userID, id);
  const position = lastPosition(store, userID, id);
  marks.deletedAt = position;
  marks.isPinned = false;
  if (clearHistory) marks.historyClearedAt = position;
  if (id.startsWith('C2C')) {
    store.markC2CRead(userID, id.slice(3), Number.MAX_SAFE_INTEGER);
    return;
  }
  const group = store.groups.get(id.slice(5));
  const member = group?.members.get(userID);
  if (group && member) member.readSequence = group.nextSequence - 1;
}

/** `recentcontact.batch_delete`; the user's other devices get the `RecentContactMod` delete push. */
function deleteConversations(ctx: CommandContext): JsonObject {
  const clear = num(ctx.body.ClearRamble) === 1;
  const ids = objects(ctx.body.ContactItem).map(conversationIDOf);
  for (const id of ids) deleteConversationOf(ctx.core, ctx.userID, id, clear);
  if (ids.length) pushConversationsDeleted(ctx.core, ctx.userID, ids, ctx.conn);
  return {
    ResultItem: ids.map((id) =>
      id.startsWith('C2C')
        ? { ResultCode: 0, Type: 1, To_Account: id.slice(3) }
        : { ResultCode: 0, Type: 2, ToGroupid: id.slice(5) },
    ),
  };
}

/** Pins or unpins conversations for `userID` on the server. */
export function pinConversationsOf(core: EmulatorCore, userID: string, ids: string[], isPinned: boolean): void {
  for (const id of ids) {
    const marks = core.store.marksOf(userID, id);
    marks.isPinned = isPinned;
    marks.pinnedTime = isPinned ? Date.now() : 0;
  }
}

/** `recentcontact.top`; the user's other devices get the `RecentContactMod` pin push. */
function pin(ctx: CommandContext): JsonObject {
  const pinned = num(ctx.body.OperationType ?? ctx.body.operationType, 1) === 1;
  const ids = objects(ctx.body.RecentContactItem).map(conversationIDOf);
  pinConversationsOf(ctx.core, ctx.userID, ids, pinned);
  if (ids.length) pushConversationsPinned(ctx.core, ctx.userID, ids, pinned, ctx.conn);
  return {};
}

function clearHistory(ctx: CommandContext): JsonObject {
  const id = conversationIDOf(ctx.body);
  ctx.core.store.marksOf(ctx.userID, id).historyClearedAt = lastPosition(ctx.core.store, ctx.userID, id);
  return {};
}

/** The conversation commands. */
export const conversationCommands: CommandTable = {
  'recentcontact.page_get': { handle: pageGet },
  'recentcontact.batch_delete': { handle: deleteConversations },
  'recentcontact.top': { handle: pin },
  'recentcontact.clear_msg': { handle: clearHistory },
};
