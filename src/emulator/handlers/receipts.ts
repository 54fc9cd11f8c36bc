/**
 * Message read receipts (messages sent with `needReadReceipt`): one-to-one receipts
 * (`c2c_msg_read_receipt`, pushed to the sender as event 16) and group receipts (`group_msg_receipt`,
 * counts by `get_group_msg_receipt`, members by `get_group_msg_receipt_detail`, pushed to the sender
 * as a GroupTips event 5 item). Shapes follow the SDKs' command tables and push dispatchers.
 */
import type { CommandContext, CommandTable, EmulatorCore } from '../context';
import { num, objects, str, type JsonObject } from '../json';
import { nowSeconds, type GroupState } from '../store';
import type { C2CMessageRecord, GroupMessageRecord } from '../types';
import { groupInfoOf } from '../wire';

/**
 * Pushes the receipt of `reader` for `records` (all sent by one user) to their sender. Both SDKs'
 * push dispatchers turn event 16 into `{userID, readReceiptList: item.C2cMsgInfo}` (3.6.6 also
 * `timestamp`) and hand it to updateReadReceiptInfo, which finds each message by
 * `${tinyID}-${clientTime}-${random}` and emits MESSAGE_READ_RECEIPT_RECEIVED
 * `[{userID, messageID, isPeerRead: true}]`.
 */
function pushC2CReceipt(core: EmulatorCore, reader: string, records: C2CMessageRecord[]): void {
  const sender = records[0]?.from;
  if (sender === undefined) return;
  const tinyID = core.store.user(sender).tinyID;
  core.push.toUser(sender, [
    {
      Event: 16,
      Peer_Account: reader,
      Timestamp: nowSeconds(),
      C2cMsgInfo: records.map((m) => ({ TinyId: tinyID, MsgClientTime: m.clientTime, MsgRandom: m.random })),
    },
  ]);
}

/** Marks one-to-one messages to `reader` as receipted and tells their sender. Returns the records marked. */
export function sendC2CReceipt(core: EmulatorCore, reader: string, records: C2CMessageRecord[]): C2CMessageRecord[] {
  const marked = records.filter((m) => m.to === reader && m.needReadReceipt && !m.receiptSent);
  for (const m of marked) m.receiptSent = true;
  pushC2CReceipt(core, reader, marked);
  return marked;
}

/** `openim.c2c_msg_read_receipt {Peer_Account, C2CMsgInfo:[{From_Account, To_Account, MsgSeq, MsgRandom, MsgTime, MsgClientTime}]}`. */
function c2cReceipt(ctx: CommandContext): JsonObject {
  const { store } = ctx.core;
  const records: C2CMessageRecord[] = [];
  for (const info of objects(ctx.body.C2CMsgInfo)) {
    const record = store.findC2C(str(info.From_Account), str(info.To_Account), num(info.MsgSeq), num(info.MsgRandom));
    if (record) records.push(record);
  }
  sendC2CReceipt(ctx.core, ctx.userID, records);
  return {};
}

/** Who has read a group message that asked for receipts: the sender's view of the counts. */
function readersOf(group: GroupState, m: GroupMessageRecord): { read: string[]; unread: string[] } {
  const read: string[] = [];
  const unread: string[] = [];
  for (const member of group.members.values()) {
    if (member.userID === m.from) continue;
    (m.receiptFrom?.includes(member.userID) ? read : unread).push(member.userID);
  }
  return { read, unread };
}

/** Marks group messages read by `reader` and pushes the new counts to each sender (GroupTips event 5). */
export function sendGroupReceipt(
  core: EmulatorCore,
  group: GroupState,
  reader: string,
  sequences: number[],
): GroupMessageRecord[] {
  const wanted = new Set(sequences);
  const marked = group.messages.filter(
    (m) =>
      wanted.has(m.sequence) && m.needReadReceipt === true && m.from !== reader && !m.receiptFrom?.includes(reader),
  );
  for (const m of marked) m.receiptFrom = [...(m.receiptFrom ?? []), reader];
  const bySender = new Map<string, GroupMessageRecord[]>();
  for (const m of marked) bySender.set(m.from, [...(bySender.get(m.from) ?? []), m]);
  for (const [sender, list] of bySender) {
    const tinyID = core.store.user(sender).tinyID;
    core.push.toUser(sender, [
      {
        Event: 5,
        GroupTips: [
          {
            GroupInfo: groupInfoOf(group),
            MsgTimeStamp: nowSeconds(),
            MsgBody: {
              GroupMsgReceiptList: list.map((m) => {
                const { read, unread } = readersOf(group, m);
                return {
                  TinyId: tinyID,
                  MsgClientTime: m.clientTime,
                  MsgRandom: m.random,
                  ReadNum: read.length,
                  UnreadNum: unread.length,
                };
              }),
            },
          },
        ],
      },
    ]);
  }
  return marked;
}

function groupOf(ctx: CommandContext): GroupState | undefined {
  return ctx.core.store.groups.get(str(ctx.body.GroupId));
}

/** `group_open_http_svc.group_msg_receipt {GroupId, MsgSeqList:[{MsgSeq}]}`. */
function groupReceipt(ctx: CommandContext): JsonObject {
  const group = groupOf(ctx);
  if (group) {
    const sequences = objects(ctx.body.MsgSeqList).map((s) => num(s.MsgSeq));
    sendGroupReceipt(ctx.core, group, ctx.userID, sequences);
  }
  return {};
}

/** `group_open_http_svc.get_group_msg_receipt {GroupId, MsgSeqList:[{MsgSeq}]}` → counts per sequence. */
function getGroupReceipt(ctx: CommandContext): JsonObject {
  const group = groupOf(ctx);
  const list = objects(ctx.body.MsgSeqList).map((s) => {
    const sequence = num(s.MsgSeq);
    const m = group?.messages.find((x) => x.sequence === sequence);
    if (!group || !m) return { MsgSeq: sequence, Code: 10004, ReadNum: 0, UnreadNum: 0 };
    const { read, unread } = readersOf(group, m);
    return { MsgSeq: sequence, Code: 0, ReadNum: read.length, UnreadNum: unread.length };
  });
  // Both SDKs (getReadReceiptList) read `readReceiptList[].{code, sequence, readCount, unreadCount}`:
  // GroupMsgReceiptList, MsgSeq, ReadNum and UnreadNum are in their global key map, and keys outside
  // it are camel-cased, so only `Code` gives `code` (an `ErrorCode` would give `errorCode`).
  return { GroupMsgReceiptList: list };
}

/** `group_open_http_svc.get_group_msg_receipt_detail {GroupId, MsgSeq, Flag (0 read, 1 unread), Cursor, Num}`. */
function getGroupReceiptDetail(ctx: CommandContext): JsonObject {
  const group = groupOf(ctx);
  const sequence = num(ctx.body.MsgSeq);
  const m = group?.messages.find((x) => x.sequence === sequence);
  const { read, unread } = group && m ? readersOf(group, m) : { read: [], unread: [] };
  const wantUnread = num(ctx.body.Flag) === 1;
  return {
    ReadList: wantUnread ? [] : read.map((userID) => ({ Read_Account: userID })),
    UnreadList: wantUnread ? unread.map((userID) => ({ Unread_Account: userID })) : [],
    IsFinish: 1,
    Cursor: '',
  };
}

/** The read-receipt commands. */
export const receiptCommands: CommandTable = {
  'openim.c2c_msg_read_receipt': { handle: c2cReceipt },
  'group_open_http_svc.group_msg_receipt': { handle: groupReceipt },
  'group_open_http_svc.get_group_msg_receipt': { handle: getGroupReceipt },
  'group_open_http_svc.get_group_msg_receipt_detail': { handle: getGroupReceiptDetail },
};
