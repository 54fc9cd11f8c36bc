/**
 * Stored records → the server's JSON shapes the SDK reads (message items, group info, session items).
 * One place for the protocol's field names, so handlers and pushes agree.
 */
import { clone, type JsonObject } from './json';
import type { Store, GroupState, UserState } from './store';
import type { C2CMessageRecord, GroupMessageRecord } from './types';

/** The SDK's standard profile tags. */
export const TAG = {
  nick: 'Tag_Profile_IM_Nick',
  avatar: 'Tag_Profile_IM_Image',
  gender: 'Tag_Profile_IM_Gender',
  selfSignature: 'Tag_Profile_IM_SelfSignature',
  allowType: 'Tag_Profile_IM_AllowType',
} as const;

/** The SDK's message ID for a message: `${senderTinyID}-${clientTime}-${random}`. */
export function sdkMessageID(senderTinyID: string, clientTime: number, random: number): string {
  return `${senderTinyID}-${clientTime}-${random}`;
}

/** A one-to-one message item (push, getmsg, getroammsg). */
export function c2cItem(store: Store, m: C2CMessageRecord): JsonObject {
  return {
    From_Account: m.from,
    To_Account: m.to,
    MsgSeq: m.sequence,
    MsgRandom: m.random,
    MsgTimeStamp: m.time,
    MsgClientTime: m.clientTime,
    MsgKey: `${m.sequence}_${m.random}_${m.time}`,
    MsgBody: clone(m.elements),
    CloudCustomData: m.cloudCustomData,
    From_AccountNick: m.nick,
    From_AccountHeadurl: m.avatar,
    TinyId: store.user(m.from).tinyID,
    IsNeedReadReceipt: m.needReadReceipt ? 1 : 0,
    // The SDK reads IsPeerRead (→ readReceiptSentByPeer) into `readReceiptInfo.isPeerRead` of a message
    // that asked for receipts (initC2CReadReceiptInfo): it is the receipt, not the read report.
    IsPeerRead: m.needReadReceipt && m.receiptSent ? 1 : 0,
    MsgFlagBits: m.isRevoked ? 8 : 0,
    MsgVersion: m.version ?? 0,
    SupportMessageExtension: m.supportExtension ? 1 : 0,
  };
}

/** The same message as seen by the sender's other devices: marked sync, From/To swapped (the SDK swaps back). */
export function c2cSyncItem(store: Store, m: C2CMessageRecord): JsonObject {
  return { ...c2cItem(store, m), From_Account: m.to, To_Account: m.from, IsSyncMsg: 1 };
}

/** The short group info carried in group message items. */
export function groupInfoOf(group: GroupState, fromNick = ''): JsonObject {
  return { GroupId: group.groupID, GroupType: group.type, GroupName: group.name, From_AccountNick: fromNick };
}

/** A group message item (push and group history). */
export function groupItem(store: Store, group: GroupState, m: GroupMessageRecord): JsonObject {
  return {
    From_Account: m.from,
    ToGroupId: group.groupID,
    GroupInfo: groupInfoOf(group, m.nick),
    MsgSeq: m.sequence,
    MsgRandom: m.random,
    Random: m.random,
    MsgTimeStamp: m.time,
    MsgClientTime: m.clientTime,
    ClientSeq: m.sequence,
    MsgPriority: 1,
    MsgBody: clone(m.elements),
    CloudCustomData: m.cloudCustomData,
    TinyId: store.user(m.from).tinyID,
    From_AccountNick: m.nick,
    From_AccountHeadurl: m.avatar,
    IsPlaceMsg: m.isRevoked ? 2 : 0,
    // NeedReadReceipt camel-cases to needReadReceipt on every path; `IsNeedReadReceipt` is mapped in
    // the push key map but not in group_msg_get's, so history would lose the flag.
    NeedReadReceipt: m.needReadReceipt ? 1 : 0,
    MsgVersion: m.version ?? 0,
    SupportMessageExtension: m.supportExtension ? 1 : 0,
  };
}

/** The tip's body as stored with it (its first element's content), or one built from its type and users. */
function tipBody(m: GroupMessageRecord): JsonObject {
  const content = m.elements[0]?.MsgContent;
  if (content !== null && typeof content === 'object' && !Array.isArray(content)) return clone(content);
  return { OpType: m.tipType ?? 0, Operator_Account: m.from, List_Account: [...(m.tipUserIDs ?? [])] };
}

/** A group tip item (GroupTips event 4): the tip's body is an object, not an element array. */
export function groupTipItem(group: GroupState, m: GroupMessageRecord): JsonObject {
  return {
    From_Account: m.from,
    ToGroupId: group.groupID,
    GroupInfo: groupInfoOf(group),
    MsgSeq: m.sequence,
    MsgRandom: m.random,
    MsgTimeStamp: m.time,
    MsgBody: tipBody(m),
  };
}

/** The group's profile in the shape of `get_group_info` / `get_joined_group_list` items. */
export function groupProfileItem(group: GroupState, userID: string): JsonObject {
  const self = group.members.get(userID);
  const last = group.messages[group.messages.length - 1];
  return {
    GroupId: group.groupID,
    Type: group.type,
    Name: group.name,
    FaceUrl: group.avatar,
    Introduction: group.introduction,
    Notification: group.notification,
    Owner_Account: group.ownerID,
    CreateTime: group.createTime,
    InfoSeq: 1,
    LastInfoTime: group.createTime,
    LastMsgTime: last ? last.time : 0,
    NextMsgSeq: group.nextSequence,
    MemberNum: group.members.size,
    MaxMemberNum: 2000,
    ApplyJoinOption: group.joinOption,
    ShutUpAllMember: 'Off',
    SelfInfo: self
      ? {
          Role: self.role,
          JoinTime: self.joinTime,
          MsgFlag: self.messageRemindType ?? 'AcceptAndNotify',
          MsgSeq: self.readSequence,
          NameCard: self.nameCard,
        }
      : {},
  };
}

/** A profile as `{To_Account, ProfileItem:[{Tag, Value}]}`. */
export function profileItem(user: UserState): JsonObject {
  const items = Object.entries(user.profile).map(([Tag, Value]) => ({ Tag, Value }));
  return { To_Account: user.userID, ProfileItem: items };
}
