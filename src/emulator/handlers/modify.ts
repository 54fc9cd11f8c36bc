/**
 * Message modification (`modifyMessage`): `openim.modify_c2c_msg` and `openim.modify_group_msg`, and
 * the push that carries the new version to the other party (`C2cMsgModNotifys` /
 * `GroupMsgModNotifys`, both SDKs' push key maps → c2cMessageModified / groupMessageModified).
 */
import { CommandError, type CommandContext, type CommandTable, type EmulatorCore } from '../context';
import { clone, num, objects, str, type JsonObject } from '../json';
import type { GroupState } from '../store';
import type { C2CMessageRecord, GroupMessageRecord, MessageElement } from '../types';
import type { Connection } from '../transport';

/** Error code for a modification of a message the server does not hold. */
export const ERR_MODIFY_NOT_FOUND = 20026;

/** The new content of a message. */
export interface Modification {
  elements?: MessageElement[];
  cloudCustomData?: string;
}

function apply(record: C2CMessageRecord | GroupMessageRecord, change: Modification): void {
  if (change.elements && change.elements.length > 0) record.elements = clone(change.elements);
  if (change.cloudCustomData !== undefined) record.cloudCustomData = change.cloudCustomData;
  record.version = (record.version ?? 0) + 1;
}

/**
 * The fields both SDKs read from a modification notice and from the modify reply: the message is
 * found by from-to-random-sequence-time (MsgListHandler `_getUniqueIDOfMsg`), and a higher
 * messageVersion replaces its elements and cloudCustomData (onMsgModified → MESSAGE_MODIFIED).
 */
function c2cNotice(m: C2CMessageRecord): JsonObject {
  return {
    From_Account: m.from,
    To_Account: m.to,
    MsgSeq: m.sequence,
    MsgRandom: m.random,
    MsgTime: m.time,
    MsgBody: clone(m.elements),
    CloudCustomData: m.cloudCustomData,
    MsgVersion: m.version ?? 0,
  };
}

/** Modifies a one-to-one message and pushes the notice to both users' sockets except `except`. */
export function modifyC2C(core: EmulatorCore, m: C2CMessageRecord, change: Modification, except?: Connection): void {
  apply(m, change);
  const events = [{ Event: 9, C2cMsgModNotifys: [c2cNotice(m)] }];
  for (const userID of new Set([m.from, m.to])) core.push.toUser(userID, events, except);
}

function groupNotice(group: GroupState, m: GroupMessageRecord): JsonObject {
  return {
    From_Account: m.from,
    GroupId: group.groupID,
    MsgSeq: m.sequence,
    MsgRandom: m.random,
    MsgTime: m.time,
    MsgBody: clone(m.elements),
    CloudCustomData: m.cloudCustomData,
    MsgVersion: m.version ?? 0,
  };
}

/** Modifies a group message and pushes the notice to every member's sockets except `except`. */
export function modifyGroupMessage(
  core: EmulatorCore,
  group: GroupState,
  m: GroupMessageRecord,
  change: Modification,
  except?: Connection,
): void {
  apply(m, change);
  const events = [{ Event: 9, GroupMsgModNotifys: [groupNotice(group, m)] }];
  for (const userID of group.members.keys()) core.push.toUser(userID, events, except);
}

function changeOf(body: JsonObject): Modification {
  return {
    elements: objects(body.MsgBody),
    cloudCustomData: typeof body.CloudCustomData === 'string' ? body.CloudCustomData : undefined,
  };
}

/** The reply the SDKs read in `_onModifyRemoteMessageResp`: MsgBody, MsgVersion, CloudCustomData. */
function reply(m: C2CMessageRecord | GroupMessageRecord): JsonObject {
  return { MsgBody: clone(m.elements), MsgVersion: m.version ?? 0, CloudCustomData: m.cloudCustomData };
}

/** `openim.modify_c2c_msg {From_Account, To_Account, MsgSeq, MsgRandom, MsgTime, MsgVersion, MsgBody, CloudCustomData}`. */
function modifyC2CCommand(ctx: CommandContext): JsonObject {
  const { body } = ctx;
  const m = ctx.core.store.findC2C(str(body.From_Account), str(body.To_Account), num(body.MsgSeq), num(body.MsgRandom));
  if (!m) throw new CommandError(ERR_MODIFY_NOT_FOUND, 'message not found');
  modifyC2C(ctx.core, m, changeOf(body), ctx.conn);
  return reply(m);
}

/** `openim.modify_group_msg {GroupId, MsgSeq, MsgVersion, MsgBody, CloudCustomData}`. */
function modifyGroupCommand(ctx: CommandContext): JsonObject {
  const group = ctx.core.store.groups.get(str(ctx.body.GroupId));
  const m = group?.messages.find((x) => x.sequence === num(ctx.body.MsgSeq));
  if (!group || !m) throw new CommandError(ERR_MODIFY_NOT_FOUND, 'message not found');
  modifyGroupMessage(ctx.core, group, m, changeOf(ctx.body), ctx.conn);
  return reply(m);
}

/** The modification commands. */
export const modifyCommands: CommandTable = {
  'openim.modify_c2c_msg': { handle: modifyC2CCommand },
  'openim.modify_group_msg': { handle: modifyGroupCommand },
};
