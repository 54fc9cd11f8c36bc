/**
 * Group tips (GroupTips push, Event 4): the member and profile changes every member of a group is
 * told of, stored in the group's history too. Both SDKs read them in `onNewGroupTips` and apply them
 * to their own caches by the tip's `OpType` (`_handleTips` / `handleMessageList`: 1 join, 2 quit,
 * 3 kicked, 4 set admin, 5 cancel admin, 6 group profile, 7 member info such as mute).
 */
import type { EmulatorCore } from '../context';
import type { JsonObject } from '../json';
import { nowSeconds, randomUint32, type GroupState } from '../store';
import type { Connection } from '../transport';
import { groupTipItem, sdkMessageID } from '../wire';

/** Group tip operation types (the SDK's `TIM.TYPES.GRP_TIP_*`). */
export const TIP = {
  join: 1,
  quit: 2,
  kicked: 3,
  setAdmin: 4,
  cancelAdmin: 5,
  profile: 6,
  memberInfo: 7,
} as const;

/** Pushes events to every member of a group (except one socket). */
export function pushToMembers(core: EmulatorCore, group: GroupState, events: JsonObject[], except?: Connection): void {
  for (const member of group.members.keys()) core.push.toUser(member, events, except);
}

/**
 * Stores a group tip in the history and pushes it (GroupTips, Event 4) to the members (and to
 * `extraRecipients` who are no longer members, such as a kicked user). `body` adds tip fields in
 * the server's names (`MsgMemberInfo`, `MsgGroupNewInfo`, ...), which the SDKs' global key map
 * renames (`memberList` via `msgMemberInfo`, `newGroupProfile`, ...).
 */
export function addTip(
  core: EmulatorCore,
  group: GroupState,
  tipType: number,
  operator: string,
  userIDs: string[],
  options: { extraRecipients?: string[]; body?: JsonObject } = {},
): void {
  const time = nowSeconds();
  const random = randomUint32();
  const content: JsonObject = {
    OpType: tipType,
    Operator_Account: operator,
    List_Account: [...userIDs],
    // 3.6.6 index.js _onNewMemberComeIn / _onMemberQuit: memberNum sets the group's memberCount.
    MemberNum: group.members.size,
    ...options.body,
  };
  const tip = core.store.addGroupMessage(group, {
    sdkMessageID: sdkMessageID(core.store.user(operator).tinyID, time, random),
    from: operator,
    random,
    time,
    clientTime: time,
    elements: [{ MsgType: 'TIMGroupTipElem', MsgContent: content }],
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
  for (const userID of options.extraRecipients ?? []) if (!group.members.has(userID)) core.push.toUser(userID, events);
}

/** Group system notice types (`MsgBody.ReportType`; the SDKs' `payload.operationType` of a TIMGroupSystemNoticeElem). */
export const NOTICE = { joinRequest: 1, joinAccepted: 2, joinRefused: 3, kicked: 4, dismissed: 5, quit: 8 } as const;

/**
 * Pushes a group system notice (GroupTips, Event 5) to `recipients`. Both SDKs turn it into a
 * MESSAGE_RECEIVED of type TIMGroupSystemNoticeElem in `@TIM#SYSTEM` and, for 4 (kicked), 5
 * (dismissed) and 8 (quit), drop the group from their list (2.27.6 tim-js.js / 3.6.6 index.js
 * `_onReceivedGroupSystemNotice` → `deleteLocalGroupAndConversation`, then GROUP_LIST_UPDATED).
 * 2.27.6 never emits GROUP_SYSTEM_NOTICE_RECEIVED itself (the name is in its table only).
 */
export function pushSystemNotice(
  core: EmulatorCore,
  group: GroupState,
  reportType: number,
  operator: string,
  recipients: string[],
  except?: Connection,
  extra: JsonObject = {},
): void {
  const notice: JsonObject = {
    From_Account: operator,
    GroupInfo: { GroupId: group.groupID, GroupType: group.type, GroupName: group.name, From_AccountNick: '' },
    ToGroupId: group.groupID,
    MsgSeq: randomUint32(),
    MsgRandom: randomUint32(),
    MsgTimeStamp: nowSeconds(),
    MsgBody: { ReportType: reportType, Operator_Account: operator, ...extra },
  };
  for (const userID of recipients) core.push.toUser(userID, [{ Event: 5, GroupTips: [notice] }], except);
}

/** A change of a group's profile, in the SDK's field names. */
export interface GroupProfileChange {
  name?: string;
  avatar?: string;
  introduction?: string;
  notification?: string;
}

/**
 * Changes a group's profile and pushes the profile tip (OpType 6). Its `MsgGroupNewInfo` becomes
 * the tip's `newGroupProfile`, which both SDKs copy onto their group (`groupName` → `name`) and
 * then emit GROUP_LIST_UPDATED (3.6.6 index.js `_onGroupProfileModified`, 2.27.6 the same).
 */
export function changeGroupProfile(
  core: EmulatorCore,
  group: GroupState,
  change: GroupProfileChange,
  operator: string,
): void {
  const info: JsonObject = {};
  if (change.name !== undefined) info.GroupName = group.name = change.name;
  if (change.avatar !== undefined) info.GroupFaceUrl = group.avatar = change.avatar;
  if (change.introduction !== undefined) info.GroupIntroduction = group.introduction = change.introduction;
  if (change.notification !== undefined) info.GroupNotification = group.notification = change.notification;
  if (Object.keys(info).length === 0) return;
  addTip(core, group, TIP.profile, operator, [], { body: { MsgGroupNewInfo: info } });
}
