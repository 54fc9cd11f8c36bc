/**
 * Groups: create, join, quit, dismiss, profiles, members, group messages and history, revoke, read
 * reports, and the group tips that tell members of joins and leaves.
 */
import { CommandError, type CommandContext, type CommandTable, type EmulatorCore } from '../context';
import { arr, num, objects, str, strings, type JsonObject } from '../json';
import { nowSeconds, randomUint32, type GroupState } from '../store';
import type { Connection } from '../transport';
import type { GroupMessageRecord, GroupType, MessageElement } from '../types';
import { groupInfoOf, groupItem, groupProfileItem, sdkMessageID, TAG } from '../wire';
import { applyToJoin } from './groupApplications';
import { addTip, changeGroupProfile, NOTICE, pushSystemNotice, pushToMembers, TIP } from './groupTips';

const ERR_GROUP_NOT_FOUND = 10010;
const ERR_NOT_MEMBER = 10007;
const ERR_PERMISSION = 10004;

const GROUP_TYPES: GroupType[] = ['Private', 'Public', 'ChatRoom', 'AVChatRoom', 'Community'];

function groupOf(ctx: CommandContext, groupID = str(ctx.body.GroupId)): GroupState {
  const group = ctx.core.store.groups.get(groupID);
  if (!group || group.dismissed) throw new CommandError(ERR_GROUP_NOT_FOUND, `group ${groupID} not found`);
  return group;
}

/**
 * The joined members' nick and avatar, as a join tip carries them: `MsgMemberExtraInfo` becomes the
 * tip's `memberList` (3.6.6 index.js tip element: `case"memberInfoList"` → `_updateMemberList`;
 * `setGroupTipElement` reads the first one's nick for a join).
 */
function memberExtraInfo(core: EmulatorCore, userIDs: string[]): JsonObject {
  return {
    MsgMemberExtraInfo: userIDs.map((id) => {
      const profile = core.store.user(id).profile;
      return { User_Account: id, NickName: str(profile[TAG.nick]), ImageUrl: str(profile[TAG.avatar]) };
    }),
  };
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
  // The SDKs know a community by its `@TGS#_` ID (3.6.6 index.js `Ut`, `bt`).
  let groupID = input.groupID;
  while (!groupID && input.type === 'Community') {
    const candidate = `@TGS#_emu${randomUint32()}`;
    if (!core.store.groups.has(candidate)) groupID = candidate;
  }
  const group = core.store.createGroup({ ...input, groupID });
  const others = (input.memberIDs ?? []).filter((id) => id !== input.ownerID);
  for (const id of others) core.store.addMember(group, id);
  if (others.length > 0) addTip(core, group, TIP.join, input.ownerID, others, { body: memberExtraInfo(core, others) });
  return group;
}

/** Adds users to a group and pushes the join tip. */
export function addMembers(core: EmulatorCore, group: GroupState, userIDs: string[], operator: string): string[] {
  const added = userIDs.filter((id) => core.store.addMember(group, id));
  if (added.length > 0) addTip(core, group, TIP.join, operator, added, { body: memberExtraInfo(core, added) });
  return added;
}

/**
 * Removes a user from a group: the quit (or kicked) tip to the members, and the quit (kicked) system
 * notice to that user's sockets (except `except`, the socket that asked to quit).
 */
export function removeMember(
  core: EmulatorCore,
  group: GroupState,
  userID: string,
  operator: string,
  except?: Connection,
): void {
  if (!group.members.delete(userID)) return;
  const kicked = operator !== userID;
  addTip(core, group, kicked ? TIP.kicked : TIP.quit, operator, [userID]);
  // The user who left hears of it by a system notice (their SDKs then drop the group).
  pushSystemNotice(core, group, kicked ? NOTICE.kicked : NOTICE.quit, operator, [userID], except);
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
    needReadReceipt?: boolean;
    supportExtension?: boolean;
  },
  senderConn?: Connection,
): GroupMessageRecord {
  const sender = core.store.user(input.from);
  const time = core.store.messageTime();
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
    ...(input.needReadReceipt ? { needReadReceipt: true } : {}),
    ...(input.supportExtension ? { supportExtension: true } : {}),
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
  // Communities are listed by million_group_open_http_svc (see topics.ts).
  const groups = ctx.core.store.groupsOf(ctx.userID).filter((g) => g.type !== 'Community');
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
  if (group.members.has(ctx.userID)) return { JoinedStatus: 'AlreadyInGroup', HugeGroupFlag: 0 };
  if (group.joinOption === 'NeedPermission' && group.type !== 'AVChatRoom') {
    applyToJoin(ctx.core, group, ctx.userID, str(ctx.body.ApplyMsg));
    return { JoinedStatus: 'WaitAdminApproval', HugeGroupFlag: 0 };
  }
  addMembers(ctx.core, group, [ctx.userID], ctx.userID);
  // HugeGroupFlag (avChatRoomFlag) 1 without LongPollingKey: the SDK joins a live room without long
  // polling and takes its messages from the socket's group push (3.6.6 index.js _handleJoinResult).
  return { JoinedStatus: 'JoinedSuccess', HugeGroupFlag: group.type === 'AVChatRoom' ? 1 : 0 };
}

function quit(ctx: CommandContext): JsonObject {
  const group = groupOf(ctx);
  if (!group.members.has(ctx.userID)) throw new CommandError(ERR_NOT_MEMBER, 'not a member');
  if (group.ownerID === ctx.userID && group.type !== 'Private') throw new CommandError(10009, 'the owner cannot quit');
  removeMember(ctx.core, group, ctx.userID, ctx.userID, ctx.conn);
  return {};
}

function destroy(ctx: CommandContext): JsonObject {
  const group = groupOf(ctx);
  if (group.ownerID !== ctx.userID) throw new CommandError(ERR_PERMISSION, 'only the owner can dismiss');
  pushSystemNotice(ctx.core, group, NOTICE.dismissed, ctx.userID, [...group.members.keys()], ctx.conn);
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
      ShutUpUntil: m.muteUntil,
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
        ShutUpUntil: m.muteUntil,
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
      needReadReceipt: num(ctx.body.NeedReadReceipt) === 1,
      supportExtension: num(ctx.body.SupportMessageExtension) === 1,
    },
    ctx.conn,
  );
  return { MsgSeq: record.sequence, MsgTime: record.time };
}

/** `group_msg_get`: up to ReqMsgNumber messages at or below ReqMsgSeq, newest first; IsFinished 2 when none remain below, NextReqMsgSeq otherwise. */
function history(ctx: CommandContext): JsonObject {
  const group = groupOf(ctx);
  // GetType 3 + ReqMsgSeqList: those messages only (3.6.6 index.js _getMessagesBySequences, for pins).
  const wanted = arr(ctx.body.ReqMsgSeqList).map((v) => num(v));
  if (wanted.length > 0) {
    const found = group.messages.filter((m) => wanted.includes(m.sequence));
    return { GroupId: group.groupID, IsFinished: 1, RspMsgList: found.map((m) => groupItem(ctx.core.store, group, m)) };
  }
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
  const text = (key: string): string | undefined => (ctx.body[key] === undefined ? undefined : str(ctx.body[key]));
  changeGroupProfile(
    ctx.core,
    group,
    {
      name: text('Name'),
      introduction: text('Introduction'),
      notification: text('Notification'),
      avatar: text('FaceUrl'),
    },
    ctx.userID,
  );
  return {};
}

/** The group commands. */
export const groupCommands: CommandTable = {
  'group_open_http_svc.create_group': { handle: create },
  'group_open_http_svc.get_group_self_member_info': { handle: groupInfo },
  'group_open_http_svc.get_group_public_info': { handle: groupInfo },
  'group_open_http_svc.get_joined_group_list': { handle: joinedGroups },
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
