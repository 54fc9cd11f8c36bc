/**
 * Pinned group messages (@tencentcloud/chat 3.x): `pin_message`, `unpin_message`,
 * `get_pinned_messages`, and the notice every member gets. The notice is a group tip whose
 * operationType is 16 (pinned, with the whole message) or 17 (unpinned, with the message's
 * identity): 3.6.6 index.js `_assembly` hands those to `onPinnedMessageNotify`, which emits
 * PINNED_GROUP_MESSAGE_UPDATED `{groupID, message, isPinned, operatorInfo}`.
 */
import { CommandError, type CommandContext, type CommandTable, type EmulatorCore } from '../context';
import { num, str, type JsonObject } from '../json';
import { nowSeconds, randomUint32, type GroupState } from '../store';
import type { GroupMessageRecord } from '../types';
import { groupInfoOf, groupItem, TAG } from '../wire';
import { pushToMembers } from './groupTips';

const ERR_GROUP_NOT_FOUND = 10010;
const ERR_NOT_MEMBER = 10007;
const ERR_NO_MESSAGE = 10013;
const OP_PINNED = 16;
const OP_UNPINNED = 17;

/** Per group: pinned sequence → who pinned it, in pin order. */
const pinsOf = new WeakMap<GroupState, Map<number, string>>();

function pins(group: GroupState): Map<number, string> {
  let map = pinsOf.get(group);
  if (!map) pinsOf.set(group, (map = new Map()));
  return map;
}

function messageAt(group: GroupState, sequence: number): GroupMessageRecord {
  const m = group.messages.find((x) => x.sequence === sequence && x.tipType === undefined);
  if (!m || m.isRevoked) throw new CommandError(ERR_NO_MESSAGE, `no message ${sequence} to pin`);
  return m;
}

/** Pins (or unpins) a group message as `operator` and pushes the notice to every member. */
export function setPinned(
  core: EmulatorCore,
  group: GroupState,
  sequence: number,
  isPinned: boolean,
  operator: string,
): void {
  const message = messageAt(group, sequence);
  const map = pins(group);
  if (isPinned === map.has(sequence)) return;
  if (isPinned) map.set(sequence, operator);
  else map.delete(sequence);
  const who = core.store.user(operator);
  const body: JsonObject = {
    OpType: isPinned ? OP_PINNED : OP_UNPINNED,
    Operator_Account: operator,
    MsgOperatorMemberExtraInfo: {
      UserId: operator,
      NickName: str(who.profile[TAG.nick]),
      ImageUrl: str(who.profile[TAG.avatar]),
    },
  };
  if (isPinned) body.PinnedMsg = groupItem(core.store, group, message);
  else
    body.SdkGroupMessageId = {
      MsgSeq: message.sequence,
      MsgRandom: message.random,
      MsgClientTime: message.clientTime,
      ServerTime: message.time,
      SenderTinyId: core.store.user(message.from).tinyID,
    };
  const notice: JsonObject = {
    From_Account: operator,
    ToGroupId: group.groupID,
    GroupInfo: groupInfoOf(group),
    MsgSeq: 0,
    MsgRandom: randomUint32(),
    MsgTimeStamp: nowSeconds(),
    MsgBody: body,
  };
  pushToMembers(core, group, [{ Event: 4, GroupTips: [notice] }]);
}

function memberGroup(ctx: CommandContext): GroupState {
  const group = ctx.core.store.groups.get(str(ctx.body.GroupId));
  if (!group || group.dismissed) throw new CommandError(ERR_GROUP_NOT_FOUND, 'group not found');
  if (!group.members.has(ctx.userID)) throw new CommandError(ERR_NOT_MEMBER, 'not a member');
  return group;
}

/** The pinned messages of a group, oldest pin first, as `get_pinned_messages` lists them. */
export function pinnedSequences(group: GroupState): Array<{ sequence: number; pinner: string }> {
  return [...pins(group)].map(([sequence, pinner]) => ({ sequence, pinner }));
}

/** The pin commands. */
export const groupPinCommands: CommandTable = {
  'group_open_http_svc.pin_message': {
    handle: (ctx) => {
      setPinned(ctx.core, memberGroup(ctx), num(ctx.body.MsgSeq), true, ctx.userID);
      return {};
    },
  },
  'group_open_http_svc.unpin_message': {
    handle: (ctx) => {
      setPinned(ctx.core, memberGroup(ctx), num(ctx.body.MsgSeq), false, ctx.userID);
      return {};
    },
  },
  'group_open_http_svc.get_pinned_messages': {
    handle: (ctx) => ({
      PinnedMsgList: pinnedSequences(memberGroup(ctx)).map((p) => ({ MsgSeq: p.sequence, Pinner_Account: p.pinner })),
    }),
  },
};
