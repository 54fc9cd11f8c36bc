/**
 * One-to-one messaging: send, offline/online sync (`getmsg`), history (`getroammsg`), read reports and
 * receipts, peer read times, revoke.
 */
import { CommandError, type CommandContext, type CommandTable, type EmulatorCore } from '../context';
import { num, obj, objects, str, strings, type JsonObject } from '../json';
import { nowSeconds } from '../store';
import type { C2CMessageRecord, MessageElement } from '../types';
import { c2cItem, c2cSyncItem, sdkMessageID } from '../wire';
import type { Connection } from '../transport';

/** Error code when the recipient has the sender on their blacklist. */
export const ERR_BLOCKED = 20007;
/** Error code when a message cannot be found or revoked. */
export const ERR_REVOKE = 20016;
/** Most messages one `getmsg` page carries. */
const SYNC_PAGE = 100;

/** Input of {@link deliverC2C}. */
export interface C2CInput {
  from: string;
  to: string;
  elements: MessageElement[];
  sequence?: number;
  random?: number;
  clientTime?: number;
  cloudCustomData?: string;
  nick?: string;
  avatar?: string;
  needReadReceipt?: boolean;
  /** Server time (unix s); default the store's message time. */
  time?: number;
  /** Sent with `isSupportExtension` (extensions may be set on it). */
  supportExtension?: boolean;
}

/**
 * Stores a one-to-one message and pushes it: to every socket of the recipient, and (as a sync message)
 * to the sender's sockets other than `senderConn`. Used by `sendmsg` and by the control API.
 */
export function deliverC2C(core: EmulatorCore, input: C2CInput, senderConn?: Connection): C2CMessageRecord {
  const { store, push } = core;
  const sender = store.user(input.from);
  store.user(input.to);
  const time = input.time ?? store.messageTime();
  const random = input.random ?? Math.floor(Math.random() * 0xffffffff);
  const clientTime = input.clientTime ?? time;
  const record = store.addC2C({
    sdkMessageID: sdkMessageID(sender.tinyID, clientTime, random),
    from: input.from,
    to: input.to,
    sequence: input.sequence ?? store.takeC2CSequence(),
    random,
    time,
    clientTime,
    elements: input.elements,
    cloudCustomData: input.cloudCustomData ?? '',
    nick: input.nick ?? str(sender.profile.Tag_Profile_IM_Nick),
    avatar: input.avatar ?? str(sender.profile.Tag_Profile_IM_Image),
    needReadReceipt: input.needReadReceipt ?? false,
    isRevoked: false,
    revoker: '',
    isRead: false,
    receiptSent: false,
    ...(input.supportExtension ? { supportExtension: true } : {}),
  });
  push.toUser(record.to, [{ Event: 9, C2cMsgArray: [c2cItem(store, record)] }]);
  if (record.to !== record.from) {
    push.toUser(record.from, [{ Event: 9, C2cMsgArray: [c2cSyncItem(store, record)] }], senderConn);
  }
  return record;
}

function send(ctx: CommandContext): JsonObject {
  const { core, body, userID } = ctx;
  const to = str(body.To_Account);
  if (to === '') throw new CommandError(20003, 'To_Account missing');
  if (core.store.user(to).blacklist.has(userID)) throw new CommandError(ERR_BLOCKED, 'the recipient has blocked you');
  // The SDK sends a request again on a new socket when the reply to the first was lost (socket
  // dropped, timeout, resendMessage). The server keys a message by sender, recipient, MsgRandom and
  // client time, so the second copy is not stored or pushed again: the first one's reply is given.
  const random = num(body.MsgRandom, -1);
  const clientTime = num(body.MsgClientTime, -1);
  const known = core.store.c2c.find(
    (m) => m.from === userID && m.to === to && m.random === random && m.clientTime === clientTime,
  );
  if (known) return { MsgTime: known.time, MsgSeq: known.sequence };
  const record = deliverC2C(
    core,
    {
      from: userID,
      to,
      elements: objects(body.MsgBody),
      sequence: num(body.MsgSeq, core.store.takeC2CSequence()),
      random: num(body.MsgRandom),
      clientTime: num(body.MsgClientTime, nowSeconds()),
      cloudCustomData: str(body.CloudCustomData),
      nick: str(body.From_AccountNick),
      avatar: str(body.From_AccountHeadurl),
      needReadReceipt: num(body.IsNeedReadReceipt) === 1,
      supportExtension: num(body.SupportMessageExtension) === 1,
    },
    ctx.conn,
  );
  return { MsgTime: record.time, MsgSeq: record.sequence };
}

/**
 * `getmsg`: the Cookie is a position in the user's sync inbox. An empty Cookie (a fresh SDK instance)
 * gets the user's unread messages; a Cookie gets everything after it, in pages of {@link SYNC_PAGE}.
 * `C2CPairUnreadCount` carries the exact unread count of every peer in the page or with unread
 * messages: both SDKs *set* a C2C conversation's count from it (they do not add), and skip a later
 * push of a message they already got by sync, so a message both pushed and synced counts once.
 */
function getmsg(ctx: CommandContext): JsonObject {
  const { store } = ctx.core;
  const user = store.user(ctx.userID);
  const cookie = str(ctx.body.Cookie);
  let records: C2CMessageRecord[];
  let next: number;
  let more = false;
  if (!/^\d+$/.test(cookie)) {
    records = store.c2c.filter((m) => m.to === ctx.userID && m.from !== ctx.userID && !m.isRead && !m.isRevoked);
    next = user.inbox.length;
  } else {
    const start = Math.min(Number(cookie), user.inbox.length);
    const end = Math.min(start + SYNC_PAGE, user.inbox.length);
    records = user.inbox.slice(start, end).map((i) => store.c2c[i]);
    next = end;
    more = end < user.inbox.length;
  }
  const peers = new Set<string>(records.map((m) => (m.from === ctx.userID ? m.to : m.from)));
  for (const m of store.c2c) if (m.to === ctx.userID && !m.isRead && !m.isRevoked) peers.add(m.from);
  peers.delete(ctx.userID);
  return {
    Cookie: String(next),
    SyncFlag: more ? 1 : 2,
    MsgList: records.map((m) => c2cItem(store, m)),
    C2CPairUnreadCount: [...peers].map((peer) => ({
      From_Account: peer,
      UnreadCount: store.c2cUnread(ctx.userID, peer),
    })),
  };
}

/** `getroammsg`: history pages, newest first page, each page oldest first; MsgKey `i<index>` is the cursor. */
function getroammsg(ctx: CommandContext): JsonObject {
  const { store } = ctx.core;
  const peer = str(ctx.body.Peer_Account);
  const count = Math.max(1, Math.min(num(ctx.body.MaxCnt, 15), 100));
  const withRevoked = num(ctx.body.WithRecalledMsg, 1) === 1;
  const cursor = /^i(\d+)$/.exec(str(ctx.body.MsgKey));
  const cleared = store.marksOf(ctx.userID, `C2C${peer}`).historyClearedAt;
  let list = store.pairMessages(ctx.userID, peer).filter((m) => m.index > cleared && (withRevoked || !m.isRevoked));
  if (num(ctx.body.GetDirection) === 1) {
    if (cursor) list = list.filter((m) => m.index > Number(cursor[1]));
    const page = list.slice(0, count);
    const last = page[page.length - 1];
    return {
      Complete: page.length === list.length ? 1 : 0,
      MsgKey: last ? `i${last.index}` : str(ctx.body.MsgKey),
      LastMsgTime: last ? last.time : num(ctx.body.LastMsgTime),
      MsgList: page.map((m) => c2cItem(store, m)),
    };
  }
  if (cursor) list = list.filter((m) => m.index < Number(cursor[1]));
  const page = list.slice(Math.max(0, list.length - count));
  const oldest = page[0];
  return {
    Complete: page.length === list.length ? 1 : 0,
    MsgKey: oldest ? `i${oldest.index}` : str(ctx.body.MsgKey),
    LastMsgTime: oldest ? oldest.time : num(ctx.body.LastMsgTime),
    MsgList: page.map((m) => c2cItem(store, m)),
  };
}

/** Marks a peer's messages read for `userID` and tells the peer (receipt) and the user's other sockets. */
export function readC2C(core: EmulatorCore, userID: string, peer: string, time: number, except?: Connection): void {
  core.store.markC2CRead(userID, peer, time);
  core.push.toUser(peer, [
    {
      Event: 9,
      C2cNotifyMsgArray: [{ C2cReadedReceipt: { To_Account: userID, UinPairReadArray: [{ LastReadTime: time }] } }],
    },
  ]);
  core.push.toUser(
    userID,
    [
      {
        Event: 9,
        C2cNotifyMsgArray: [{ ReadC2cMsgNotify: { UinPairReadArray: [{ From_Account: peer, LastReadTime: time }] } }],
      },
    ],
    except,
  );
}

function msgreaded(ctx: CommandContext): JsonObject {
  const items = objects(obj(ctx.body.C2CMsgReaded).C2CMsgReadedItem);
  for (const item of items) {
    const peer = str(item.To_Account);
    if (peer !== '') readC2C(ctx.core, ctx.userID, peer, num(item.LastedMsgTime, nowSeconds()), ctx.conn);
  }
  return {};
}

function peerReadTime(ctx: CommandContext): JsonObject {
  const user = ctx.core.store.user(ctx.userID);
  return { ReadTime: strings(ctx.body.To_Account).map((peer) => user.peerReadTime.get(peer) ?? 0) };
}

/** Revokes a stored one-to-one message and pushes the notice to both users (except `except`). */
export function revokeC2C(core: EmulatorCore, record: C2CMessageRecord, revoker: string, except?: Connection): void {
  record.isRevoked = true;
  record.revoker = revoker;
  const info = {
    From_Account: record.from,
    To_Account: record.to,
    MsgSeq: record.sequence,
    MsgRandom: record.random,
    MsgTimeStamp: record.time,
    // 3.6.6 onMsgRevoked builds the ID `${tinyID}-${clientTime}-${random}` of a message it has not
    // cached from these; without them MESSAGE_REVOKED carries a stub with no ID.
    TinyId: core.store.user(record.from).tinyID,
    MsgClientTime: record.clientTime,
    RevokerInfo: { Revoker: revoker },
  };
  const event = { Event: 9, C2cNotifyMsgArray: [{ WithdrawC2cMsgNotify: { C2cWithdrawInfoArray: [info] } }] };
  core.push.toUser(record.to, [event], except);
  if (record.to !== record.from) core.push.toUser(record.from, [event], except);
}

function withdraw(ctx: CommandContext): JsonObject {
  const info = obj(ctx.body.MsgInfo);
  const record = ctx.core.store.findC2C(
    str(info.From_Account),
    str(info.To_Account),
    num(info.MsgSeq),
    num(info.MsgRandom),
  );
  if (!record) throw new CommandError(ERR_REVOKE, 'message not found');
  if (record.from !== ctx.userID) throw new CommandError(ERR_REVOKE, 'only the sender can revoke');
  revokeC2C(ctx.core, record, ctx.userID, ctx.conn);
  return {};
}

/** The one-to-one message commands. */
export const c2cCommands: CommandTable = {
  'openim.sendmsg': { handle: send },
  'openim.getmsg': { handle: getmsg },
  'openim.getroammsg': { handle: getroammsg },
  'openim.msgreaded': { handle: msgreaded },
  'openim.get_peer_read_time': { handle: peerReadTime },
  'openim.msgwithdraw': { handle: withdraw },
};
