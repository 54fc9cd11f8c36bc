/**
 * Join applications: a join of a group whose join option is `NeedPermission` waits for an owner or
 * admin. They get the request as a group system notice (ReportType 1: MESSAGE_RECEIVED of a
 * TIMGroupSystemNoticeElem in `@TIM#SYSTEM`, the message `handleGroupApplication` takes), and
 * `handle_apply_join_group` agrees (the applicant joins; notice 2 to them, whose SDK then loads the
 * group: `_onApplyGroupRequestAgreed`) or refuses (notice 3).
 */
import { CommandError, type CommandContext, type CommandTable, type EmulatorCore } from '../context';
import { str, type JsonObject } from '../json';
import { randomUint32, type GroupState } from '../store';
import { addMembers } from './group';
import { NOTICE, pushSystemNotice } from './groupTips';

const ERR_GROUP_NOT_FOUND = 10010;
const ERR_PERMISSION = 10004;
const ERR_NO_APPLICATION = 10013;

/** Per group: applicant → the application's key. */
const pendingOf = new WeakMap<GroupState, Map<string, string>>();

function pending(group: GroupState): Map<string, string> {
  let map = pendingOf.get(group);
  if (!map) pendingOf.set(group, (map = new Map()));
  return map;
}

function managers(group: GroupState): string[] {
  return [...group.members.values()].filter((m) => m.role === 'Owner' || m.role === 'Admin').map((m) => m.userID);
}

/** Records `applicant`'s request to join and sends it to the owner and admins. */
export function applyToJoin(core: EmulatorCore, group: GroupState, applicant: string, applyMessage: string): void {
  const key = `${randomUint32()}`;
  pending(group).set(applicant, key);
  pushSystemNotice(core, group, NOTICE.joinRequest, applicant, managers(group), undefined, {
    RemarkInfo: applyMessage,
    MsgKey: key,
    Authentication: key,
  });
}

function handleApplication(ctx: CommandContext): JsonObject {
  const group = ctx.core.store.groups.get(str(ctx.body.GroupId));
  if (!group || group.dismissed) throw new CommandError(ERR_GROUP_NOT_FOUND, 'group not found');
  if (!managers(group).includes(ctx.userID)) throw new CommandError(ERR_PERMISSION, 'only the owner or an admin');
  const applicant = str(ctx.body.Applicant_Account);
  if (!pending(group).delete(applicant)) throw new CommandError(ERR_NO_APPLICATION, 'no such application');
  const agreed = str(ctx.body.HandleMsg) === 'Agree';
  if (agreed) addMembers(ctx.core, group, [applicant], ctx.userID);
  pushSystemNotice(
    ctx.core,
    group,
    agreed ? NOTICE.joinAccepted : NOTICE.joinRefused,
    ctx.userID,
    [applicant],
    undefined,
    {
      RemarkInfo: str(ctx.body.ApprovalMsg),
    },
  );
  return {};
}

/** The application commands. */
export const groupApplicationCommands: CommandTable = {
  'group_open_http_svc.handle_apply_join_group': { handle: handleApplication },
};
