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
