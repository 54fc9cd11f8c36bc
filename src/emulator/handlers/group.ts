/**
 * Groups: create, join, quit, dismiss, profiles, members, group messages and history, revoke, read
 * reports, and the group tips that tell members of joins and leaves.
 */
import { CommandError, type CommandContext, type CommandTable, type EmulatorCore } from '../context';
import { num, objects, str, strings, type JsonObject } from '../json';
import { nowSeconds, randomUint32, type GroupState } from '../store';
import type { Connection } from '../transport';
import type { GroupMessageRecord, GroupType, MessageElement } from '../types';
import { groupInfoOf, groupItem, groupProfileItem, groupTipItem, sdkMessageID } from '../wire';

/** Group tip operation types (the SDK's `TIM.TYPES.GRP_TIP_*`). */
export const TIP = { join: 1, quit: 2, kicked: 3 } as const;
/** Group system notice type for a dismissed group (`TIM.TYPES.GRP_SYS_NOTICE`... operationType 5). */
const NOTICE_DISMISSED = 5;

const ERR_GROUP_NOT_FOUND = 10010;
const ERR_NOT_MEMBER = 10007;
const ERR_PERMISSION = 10004;

const GROUP_TYPES: GroupType[] = ['Private', 'Public', 'ChatRoom', 'AVChatRoom', 'Community'];

function groupOf(ctx: CommandContext, groupID = str(ctx.body.GroupId)): GroupState {
  const group = ctx.core.store.groups.get(groupID);
  if (!group || group.dismissed) throw new CommandError(ERR_GROUP_NOT_FOUND, `group ${groupID} not found`);
  return group;
}

/** Pushes events to every member of a group (except one socket). */
function pushToMembers(core: EmulatorCore, group: GroupState, events: JsonObject[], except?: Connection): void {
  for (const member of group.members.keys()) core.push.toUser(member, events, except);
}

/** Stores a group tip (join, quit, kicked) in the history and pushes it (GroupTips, Event 4) to the members. */
function addTip(
  core: EmulatorCore,
  group: GroupState,
  tipType: number,
  operator: string,
  userIDs: string[],
  extraRecipients: string[] = [],
): void {
  const time = nowSeconds();
  const random = randomUint32();
  const tip = core.store.addGroupMessage(group, {
    sdkMessageID: sdkMessageID(core.store.user(operator).tinyID, time, random),
    from: operator,
    random,
    time,
    clientTime: time,
    elements: [
      {
        MsgType: 'TIMGroupTipElem',
        MsgContent: { OpType: tipType, Operator_Account: operator, List_Account: [...userIDs] },
      },
    ],
    cloudCustomData: '',
    nick: '',
    avatar: '',
    isRevoked: false,
    revoker: '',
    tipType,
    tipUserIDs: [...userIDs],
  });
  const events = [{ Event: 4, GroupTips: [groupTipItem(group, tip)] }];
  pushToMembers(core, group, events);
  for (const userID of extraRecipients) if (!group.members.has(userID)) core.push.toUser(userID, events);
}

/** Creates a group as `ownerID` with members (used by `create_group` and the control API). */
export function createGroupAs(
  core: EmulatorCore,
  input: {
    type: GroupType;
    name: string;
    ownerID: string;
    memberIDs?: string[];
    groupID?: string;
    avatar?: string;
    introduction?: string;
    notification?: string;
    joinOption?: string;
  },
): GroupState {
  if (input.groupID && core.store.groups.has(input.groupID)) throw new CommandError(10021, 'group ID already used');
  const group = core.store.createGroup(input);
  const others = (input.memberIDs ?? []).filter((id) => id !== input.ownerID);
  for (const id of others) core.store.addMember(group, id);
  if (others.length > 0) addTip(core, group, TIP.join, input.ownerID, others);
  return group;
}

/** Adds users to a group and pushes the join tip. */
export function addMembers(core: EmulatorCore, group: GroupState, userIDs: string[], operator: string): string[] {
  const added = userIDs.filter((id) => core.store.addMember(group, id));
  if (added.length > 0) addTip(core, group, TIP.join, operator, added);
  return added;
}

/** Removes a user from a group and pushes the quit (or kicked) tip to the members and to that user. */
export function removeMember(core: EmulatorCore, group: GroupState, userID: string, operator: string): void {
  if (!group.members.delete(userID)) return;
  addTip(core, group, operator === userID ? TIP.quit : TIP.kicked, operator, [userID], [userID]);
}

/** Stores a group message and pushes it (Event 3) to every member's sockets except `senderConn`. */
export function deliverGroupMessage(
  core: EmulatorCore,
  group: GroupState,
  input: {
    from: string;
    elements: MessageElement[];
    random?: number;
    clientTime?: number;
    cloudCustomData?: string;
    nick?: string;
    avatar?: string;
  },
  senderConn?: Connection,
): GroupMessageRecord {
  const sender = core.store.user(input.from);
  const time = nowSeconds();
  const random = input.random ?? randomUint32();
  const clientTime = input.clientTime ?? time;
  const record = core.store.addGroupMessage(group, {
    sdkMessageID: sdkMessageID(sender.tinyID, clientTime, random),
    from: input.from,
    random,
    time,
    clientTime,
    elements: input.elements,
    cloudCustomData: input.cloudCustomData ?? '',
    nick: input.nick ?? str(sender.profile.Tag_Profile_IM_Nick),
    avatar: input.avatar ?? str(sender.profile.Tag_Profile_IM_Image),
    isRevoked: false,
    revoker: '',
  });
  pushToMembers(core, group, [{ Event: 3, GroupMsgArray: [groupItem(core.store, group, record)] }], senderConn);
  return record;
}

function create(ctx: CommandContext): JsonObject {
  const rawType = str(ctx.body.Type, 'Private');
  const type = GROUP_TYPES.includes(rawType as GroupType) ? (rawType as GroupType) : 'Private';
  const group = createGroupAs(ctx.core, {
    type,
    name: str(ctx.body.Name),
    ownerID: ctx.userID,
    groupID: str(ctx.body.GroupId) || undefined,
    memberIDs: objects(ctx.body.MemberList).map((m) => str(m.Member_Account)),
    avatar: str(ctx.body.FaceUrl),
    introduction: str(ctx.body.Introduction),
    notification: str(ctx.body.Notification),
    joinOption: str(ctx.body.ApplyJoinOption) || undefined,
  });
  return { GroupId: group.groupID, HugeGroupFlag: 0 };
}

function groupInfo(ctx: CommandContext): JsonObject {
  return {
    GroupInfo: strings(ctx.body.GroupIdList).map((id) => {
      const group = ctx.core.store.groups.get(id);
      if (!group || group.dismissed)
        return { GroupId: id, ErrorCode: ERR_GROUP_NOT_FOUND, ErrorInfo: 'group not found' };
      return { ...groupProfileItem(group, ctx.userID), ErrorCode: 0 };
    }),
  };
}

function joinedGroups(ctx: CommandContext): JsonObject {
  const groups = ctx.core.store.groupsOf(ctx.userID);
  const offset = num(ctx.body.Offset);
  const limit = num(ctx.body.Limit, groups.length) || groups.length;
  return {
    GroupIdList: groups.slice(offset, offset + limit).map((g) => groupProfileItem(g, ctx.userID)),
    TotalCount: groups.length,
  };
}

function join(ctx: CommandContext): JsonObject {
  const group = groupOf(ctx);
  if (group.type === 'Private' || group.joinOption === 'DisableApply')
    throw new CommandError(ERR_PERMISSION, 'this group cannot be joined');
  if (!group.members.has(ctx.userID)) addMembers(ctx.core, group, [ctx.userID], ctx.userID);
  return { JoinedStatus: 'JoinedSuccess', HugeGroupFlag: 0 };
}

function quit(ctx: CommandContext): JsonObject {
  const group = groupOf(ctx);
  if (!group.members.has(ctx.userID)) throw new CommandError(ERR_NOT_MEMBER, 'not a member');
  if (group.ownerID === ctx.userID && group.type !== 'Private') throw new CommandError(10009, 'the owner cannot quit');
  removeMember(ctx.core, group, ctx.userID, ctx.userID);
  return {};
}

function destroy(ctx: CommandContext): JsonObject {
  const group = groupOf(ctx);
  if (group.ownerID !== ctx.userID) throw new CommandError(ERR_PERMISSION, 'only the owner can dismiss');
  const time = nowSeconds();
  const notice = {
    From_Account: ctx.userID,
    GroupInfo: groupInfoOf(group),
    ToGroupId: group.groupID,
    MsgSeq: randomUint32(),
    MsgRandom: randomUint32(),
    MsgTimeStamp: time,
    MsgBody: { ReportType: NOTICE_DISMISSED, Operator_Account: ctx.userID },
  };
  pushToMembers(ctx.core, group, [{ Event: 5, GroupTips: [notice] }], ctx.conn);
  group.dismissed = true;
  return {};
}

function memberList(ctx: CommandContext): JsonObject {
  const group = groupOf(ctx);
  const members = [...group.members.values()];
  const offset = num(ctx.body.Offset);
  const limit = num(ctx.body.Limit, 100) || 100;
  const page = members.slice(offset, offset + limit);
  return {
    MemberNum: members.length,
    MemberList: page.map((m) => ({
      Member_Account: m.userID,
      Role: m.role,
      JoinTime: m.joinTime,
      NameCard: m.nameCard,
      ShutUpUntil: 0,
      MsgSeq: m.readSequence,
    })),
    NextOffset: offset + page.length < members.length ? offset + page.length : 0,
  };
}

function memberInfo(ctx: CommandContext): JsonObject {
  const group = groupOf(ctx);
  const ids = strings(ctx.body.Member_List_Account);
  return {
    MemberList: ids
      .map((id) => group.members.get(id))
      .filter((m) => m !== undefined)
      .map((m) => ({
        Member_Account: m.userID,
        Role: m.role,
        JoinTime: m.joinTime,
        NameCard: m.nameCard,
        ShutUpUntil: 0,
      })),
  };
}

function send(ctx: CommandContext): JsonObject {
  const group = groupOf(ctx);
  if (!group.members.has(ctx.userID)) throw new CommandError(ERR_NOT_MEMBER, 'not a member of the group');
  const record = deliverGroupMessage(
    ctx.core,
    group,
    {
      from: ctx.userID,
      elements: objects(ctx.body.MsgBody),
      random: num(ctx.body.Random, randomUint32()),
      clientTime: num(ctx.body.MsgClientTime, nowSeconds()),
      cloudCustomData: str(ctx.body.CloudCustomData),
      nick: str(ctx.body.From_AccountNick) || undefined,
      avatar: str(ctx.body.From_AccountHeadurl) || undefined,
    },
    ctx.conn,
  );
  return { MsgSeq: record.sequence, MsgTime: record.time };
}

/** `group_msg_get`: up to ReqMsgNumber messages at or below ReqMsgSeq, newest first; IsFinished 2 when none remain below, NextReqMsgSeq otherwise. */
function history(ctx: CommandContext): JsonObject {
  const group = groupOf(ctx);
  const top = num(ctx.body.ReqMsgSeq, group.nextSequence - 1) || group.nextSequence - 1;
  const count = Math.max(1, Math.min(num(ctx.body.ReqMsgNumber, 20), 100));
  const cleared = ctx.core.store.marksOf(ctx.userID, `GROUP${group.groupID}`).historyClearedAt;
  const withRevoked = num(ctx.body.WithRecalledMsg, 1) === 1;
  const eligible = group.messages.filter(
    (m) => m.sequence <= top && m.sequence > cleared && (withRevoked || !m.isRevoked),
  );
  const page = eligible.slice(Math.max(0, eligible.length - count)).reverse();
  const finished = page.length === eligible.length;
  const oldest = page[page.length - 1];
  return {
    GroupId: group.groupID,
    IsFinished: finished ? 2 : 0,
    // 3.x pages on by this (0 = done); 2.x computes it from the lowest sequence itself.
    NextReqMsgSeq: finished || !oldest ? 0 : oldest.sequence - 1,
    RspMsgList: page.map((m) => groupItem(ctx.core.store, group, m)),
  };
}

/** Revokes group messages by sequence and pushes the notice (GroupTips, Event 5) to the members. */
export function revokeGroupMessages(
  core: EmulatorCore,
  group: GroupState,
  sequences: number[],
  revoker: string,
  except?: Connection,
): number[] {
  const revoked = group.messages.filter((m) => sequences.includes(m.sequence) && !m.isRevoked);
  for (const m of revoked) {
    m.isRevoked = true;
    m.revoker = revoker;
  }
  if (revoked.length > 0) {
    const item = {
      From_Account: revoker,
      GroupInfo: groupInfoOf(group),
      ToGroupId: group.groupID,
      MsgSeq: randomUint32(),
      MsgRandom: randomUint32(),
      MsgTimeStamp: nowSeconds(),
      MsgBody: {
        GroupWithdrawInfoArray: revoked.map((m) => ({
          GroupId: group.groupID,
          MsgSeq: m.sequence,
          MsgRand: m.random,
          MsgTimeStamp: m.time,
          // 3.6.6 onMsgRevoked names a message it has not cached `${tinyID}-${clientTime}-${random}`
          TinyId: core.store.user(m.from).tinyID,
          MsgClientTime: m.clientTime,
          RevokerInfo: { Revoker: revoker },
        })),
      },
    };
    pushToMembers(core, group, [{ Event: 5, GroupTips: [item] }], except);
  }
  return revoked.map((m) => m.sequence);
}

function recall(ctx: CommandContext): JsonObject {
  const group = groupOf(ctx);
  const sequences = objects(ctx.body.MsgSeqList).map((m) => num(m.MsgSeq));
  const own = sequences.filter((s) => {
    const m = group.messages.find((x) => x.sequence === s);
    return m !== undefined && (m.from === ctx.userID || group.ownerID === ctx.userID);
  });
  if (own.length === 0) throw new CommandError(10012, 'no message to revoke');
  const done = revokeGroupMessages(ctx.core, group, own, ctx.userID, ctx.conn);
  return { RecallRetList: sequences.map((s) => ({ MsgSeq: s, RetCode: done.includes(s) ? 0 : 10012 })) };
}

function readReport(ctx: CommandContext): JsonObject {
  const group = groupOf(ctx);
  const member = group.members.get(ctx.userID);
  if (member)
    member.readSequence = Math.max(member.readSequence, Math.min(num(ctx.body.MsgReadedSeq), group.nextSequence - 1));
  return {};
}

function addMemberCommand(ctx: CommandContext): JsonObject {
  const group = groupOf(ctx);
  const ids = objects(ctx.body.MemberList)
    .map((m) => str(m.Member_Account))
    .filter((id) => id !== '');
  const added = addMembers(ctx.core, group, ids, ctx.userID);
  return { MemberList: ids.map((id) => ({ Member_Account: id, Result: added.includes(id) ? 1 : 2 })) };
}

function deleteMemberCommand(ctx: CommandContext): JsonObject {
  const group = groupOf(ctx);
  if (group.ownerID !== ctx.userID) throw new CommandError(ERR_PERMISSION, 'only the owner can remove members');
  for (const id of strings(ctx.body.MemberToDel_Account)) removeMember(ctx.core, group, id, ctx.userID);
  return {};
}

function modify(ctx: CommandContext): JsonObject {
  const group = groupOf(ctx);
  if (ctx.body.Name !== undefined) group.name = str(ctx.body.Name);
  if (ctx.body.Introduction !== undefined) group.introduction = str(ctx.body.Introduction);
  if (ctx.body.Notification !== undefined) group.notification = str(ctx.body.Notification);
  if (ctx.body.FaceUrl !== undefined) group.avatar = str(ctx.body.FaceUrl);
  return {};
}

/** The group commands. */
export const groupCommands: CommandTable = {
  'group_open_http_svc.create_group': { handle: create },
  'group_open_http_svc.get_group_self_member_info': { handle: groupInfo },
  'group_open_http_svc.get_group_public_info': { handle: groupInfo },
  'group_open_http_svc.get_joined_group_list': { handle: joinedGroups },
  'million_group_open_http_svc.get_joined_group_list': { handle: () => ({}) },
  'group_open_http_svc.apply_join_group': { handle: join },
  'group_open_http_svc.quit_group': { handle: quit },
  'group_open_http_svc.destroy_group': { handle: destroy },
  'group_open_http_svc.get_group_member_info': { handle: memberList },
  'group_open_http_svc.get_specified_group_member_info': { handle: memberInfo },
  'group_open_http_svc.add_group_member': { handle: addMemberCommand },
  'group_open_http_svc.delete_group_member': { handle: deleteMemberCommand },
  'group_open_http_svc.modify_group_base_info': { handle: modify },
  'group_open_http_svc.send_group_msg': { handle: send },
  'group_open_http_svc.group_msg_get': { handle: history },
  'group_open_http_svc.group_msg_recall': { handle: recall },
  'group_open_http_svc.msg_read_report': { handle: readReport },
};
