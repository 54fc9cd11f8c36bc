/**
 * Group member administration: roles, mutes and name cards (`modify_group_member_info`), and the
 * group tips that tell every member of them.
 */
import { CommandError, type CommandContext, type CommandTable, type EmulatorCore } from '../context';
import { num, str, type JsonObject } from '../json';
import { nowSeconds, type GroupState } from '../store';
import type { GroupRole } from '../types';
import { addTip, TIP } from './groupTips';

const ERR_GROUP_NOT_FOUND = 10010;
const ERR_NOT_MEMBER = 10007;
const ERR_PERMISSION = 10004;

/** Sets a member's role (Admin or Member) and pushes the set-admin / cancel-admin tip. */
export function setMemberRole(
  core: EmulatorCore,
  group: GroupState,
  userID: string,
  role: GroupRole,
  operator: string,
): void {
  const member = group.members.get(userID);
  if (!member) throw new CommandError(ERR_NOT_MEMBER, `${userID} is not a member`);
  if (member.role === 'Owner' || role === 'Owner') throw new CommandError(ERR_PERMISSION, 'use change owner');
  if (member.role === role) return;
  member.role = role;
  addTip(core, group, role === 'Admin' ? TIP.setAdmin : TIP.cancelAdmin, operator, [userID]);
}

/**
 * Mutes a member for `seconds` (0 unmutes) and pushes the member-info tip. Its `MsgMemberInfo`
 * becomes the tip's `memberList` of `{userID, muteTime}` (3.6.6 index.js: `case"msgMemberInfo":
 * n._updateMemberList` in the tip element; `_onMemberInfoModified` then `updateMuteUntil(muteTime)`).
 */
export function muteMember(
  core: EmulatorCore,
  group: GroupState,
  userID: string,
  seconds: number,
  operator: string,
): void {
  const member = group.members.get(userID);
  if (!member) throw new CommandError(ERR_NOT_MEMBER, `${userID} is not a member`);
  member.muteUntil = seconds > 0 ? nowSeconds() + seconds : 0;
  addTip(core, group, TIP.memberInfo, operator, [userID], {
    body: { MsgMemberInfo: [{ User_Account: userID, ShutupTime: seconds }] },
  });
}

/**
 * `modify_group_member_info`: role, mute and name card by a manager, and the member's own mute setting
 * of the group (`MsgFlag`, what `setMessageRemindType({groupID})` sends on both SDKs, without
 * `Member_Account`).
 */
function modifyMember(ctx: CommandContext): JsonObject {
  const group = ctx.core.store.groups.get(str(ctx.body.GroupId));
  if (!group || group.dismissed) throw new CommandError(ERR_GROUP_NOT_FOUND, 'group not found');
  const userID = str(ctx.body.Member_Account) || ctx.userID;
  const member = group.members.get(userID);
  if (!member) throw new CommandError(ERR_NOT_MEMBER, `${userID} is not a member`);
  const self = group.members.get(ctx.userID);
  const isManager = self !== undefined && (self.role === 'Owner' || self.role === 'Admin');
  const role = str(ctx.body.Role);
  if (role !== '') {
    if (self?.role !== 'Owner') throw new CommandError(ERR_PERMISSION, 'only the owner sets roles');
    setMemberRole(ctx.core, group, userID, role === 'Admin' ? 'Admin' : 'Member', ctx.userID);
  }
  if (ctx.body.ShutUpTime !== undefined) {
    if (!isManager) throw new CommandError(ERR_PERMISSION, 'only the owner or an admin mutes');
    muteMember(ctx.core, group, userID, Math.max(0, num(ctx.body.ShutUpTime)), ctx.userID);
  }
  if (ctx.body.NameCard !== undefined) {
    if (userID !== ctx.userID && !isManager) throw new CommandError(ERR_PERMISSION, 'not allowed');
    member.nameCard = str(ctx.body.NameCard);
  }
  const flag = str(ctx.body.MsgFlag);
  if (flag !== '') {
    if (userID !== ctx.userID) throw new CommandError(ERR_PERMISSION, 'a member sets only their own MsgFlag');
    member.messageRemindType = flag;
  }
  return {};
}

/** The member administration commands. */
export const groupMemberCommands: CommandTable = {
  'group_open_http_svc.modify_group_member_info': { handle: modifyMember },
};
