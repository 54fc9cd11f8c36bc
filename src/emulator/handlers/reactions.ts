/**
 * Message reactions (@tencentcloud/chat 3.x; tim-js-sdk 2.x has none): add, remove and summary, for
 * one-to-one and group messages, and the push that tells every party of a change. Servcmds and keys
 * as 3.6.6 sends them (`openim_msg_ext_http_svc.reaction_add` / `reaction_del` / `reaction_multi_stat`
 * and the `group_` ones; `_createReactionOperationPack`, `_createReactionSummaryPack`).
 */
import { CommandError, type CommandContext, type CommandTable, type EmulatorCore } from '../context';
import { num, str, strings, type JsonObject } from '../json';
import type { GroupState } from '../store';
import type { C2CMessageRecord, GroupMessageRecord, ReactionRecord } from '../types';

/** Error code for a reaction on a message the server does not hold. */
export const ERR_NO_MESSAGE = 10004;

/** The message a reaction command is about. */
export type Target =
  { kind: 'c2c'; message: C2CMessageRecord } | { kind: 'group'; message: GroupMessageRecord; group: GroupState };

/** The C2C message a `MsgKey` (`${sequence}_${random}_${time}`, the SDK's getMessageKey) names. */
function c2cByKey(ctx: CommandContext, key: string): C2CMessageRecord | undefined {
  const [sequence, random, time] = key.split('_').map(Number);
  const from = str(ctx.body.From_Account);
  const to = str(ctx.body.To_Account);
  return ctx.core.store.c2c.find(
    (m) =>
      m.sequence === sequence &&
      m.random === random &&
      m.time === time &&
      ((m.from === from && m.to === to) || (m.from === to && m.to === from)),
  );
}

function groupMessage(ctx: CommandContext, sequence: number): { group: GroupState; message: GroupMessageRecord } {
  const group = ctx.core.store.groups.get(str(ctx.body.GroupId));
  const message = group?.messages.find((m) => m.sequence === sequence);
  if (!group || !message) throw new CommandError(ERR_NO_MESSAGE, 'message not found');
  return { group, message };
}

function targetOf(ctx: CommandContext): Target {
  if (ctx.body.GroupId !== undefined) return { kind: 'group', ...groupMessage(ctx, num(ctx.body.MsgSeq)) };
  const message = c2cByKey(ctx, str(ctx.body.MsgKey));
  if (!message) throw new CommandError(ERR_NO_MESSAGE, 'message not found');
  return { kind: 'c2c', message };
}

/** A reaction as the SDK reads it (Reaction → reactionID, Count → count, Reaction_Account → userIDList). */
function summary(r: ReactionRecord, me: string, maxUsers = 10): JsonObject {
  return {
    Reaction: r.reactionID,
    Count: r.userIDs.length,
    Reaction_Account: r.userIDs.slice(0, maxUsers),
    ReactedByMe: r.userIDs.includes(me) ? 1 : 0,
  };
}

/**
 * Pushes the changed reaction to every party (both users, or every group member, on all their
 * sockets). 3.6.6 index.js: the dispatcher hands `MsgReactionNotifyList` (→ messageReactionNotifyList)
 * to onReactionNotifyList, which names the message `${tinyID}-${clientTime}-${random}` from
 * `C2CMsgInfo` / `GroupMsgInfo` and emits MESSAGE_REACTIONS_UPDATED `{messageID, reactionList}`
 * (reactedByMyself from its own record of what this instance added). A reaction nobody holds goes
 * out with Count 0 and no users. The dispatcher picks the handler by key, not by Event.
 */
function pushChange(core: EmulatorCore, target: Target, reaction: ReactionRecord): void {
  const m = target.message;
  const info = { TinyId: core.store.user(m.from).tinyID, MsgClientTime: m.clientTime, MsgRandom: m.random };
  const item: JsonObject = {
    ...(target.kind === 'c2c' ? { C2CMsgInfo: info } : { GroupMsgInfo: info }),
    MsgReactionSummary: [
      reaction.userIDs.length > 0
        ? {
            Reaction: reaction.reactionID,
            Count: reaction.userIDs.length,
            Reaction_Account: reaction.userIDs.slice(0, 10),
          }
        : { Reaction: reaction.reactionID, Count: 0 },
    ],
  };
  const events = [{ Event: 9, MsgReactionNotifyList: [item] }];
  const users =
    target.kind === 'c2c' ? [...new Set([target.message.from, target.message.to])] : [...target.group.members.keys()];
  for (const userID of users) core.push.toUser(userID, events);
}

/** Adds or removes `userIDs` on a reaction of a message and pushes the change. */
export function changeReaction(
  core: EmulatorCore,
  target: Target,
  reactionID: string,
  userIDs: string[],
  add: boolean,
): void {
  const list = (target.message.reactions ??= []);
  let reaction = list.find((r) => r.reactionID === reactionID);
  if (!reaction) {
    if (!add) return;
    reaction = { reactionID, userIDs: [] };
    list.push(reaction);
  }
  const before = reaction.userIDs.length;
  reaction.userIDs = add
    ? [...reaction.userIDs, ...userIDs.filter((u) => !reaction.userIDs.includes(u))]
    : reaction.userIDs.filter((u) => !userIDs.includes(u));
  if (reaction.userIDs.length === before) return;
  if (reaction.userIDs.length === 0) list.splice(list.indexOf(reaction), 1);
  pushChange(core, target, reaction);
}

function operate(add: boolean) {
  return (ctx: CommandContext): JsonObject => {
    const reactionID = str(ctx.body.Reaction);
    if (reactionID === '') throw new CommandError(20003, 'Reaction missing');
    const userIDs = strings(add ? ctx.body.Add_Account : ctx.body.Del_Account);
    changeReaction(ctx.core, targetOf(ctx), reactionID, userIDs.length ? userIDs : [ctx.userID], add);
    return {};
  };
}

/** `reaction_multi_stat {From_Account, To_Account, MsgKeyList, Count}` → `Results:[{MsgKey, MsgReactionSummary}]`. */
function c2cSummary(ctx: CommandContext): JsonObject {
  const max = num(ctx.body.Count, 10);
  return {
    Results: strings(ctx.body.MsgKeyList).map((key) => ({
      MsgKey: key,
      MsgReactionSummary: (c2cByKey(ctx, key)?.reactions ?? []).map((r) => summary(r, ctx.userID, max)),
    })),
  };
}

/** `group_reaction_multi_stat {GroupId, MsgSeqList, Count}` → `Results:[{MsgSeq, MsgReactionSummary}]`. */
function groupSummary(ctx: CommandContext): JsonObject {
  const max = num(ctx.body.Count, 10);
  const group = ctx.core.store.groups.get(str(ctx.body.GroupId));
  const sequences = Array.isArray(ctx.body.MsgSeqList) ? ctx.body.MsgSeqList.map((s) => num(s)) : [];
  return {
    Results: sequences.map((sequence) => ({
      MsgSeq: sequence,
      MsgReactionSummary: (group?.messages.find((m) => m.sequence === sequence)?.reactions ?? []).map((r) =>
        summary(r, ctx.userID, max),
      ),
    })),
  };
}

const SVC = 'openim_msg_ext_http_svc';

/** The reaction commands. */
export const reactionCommands: CommandTable = {
  [`${SVC}.reaction_add`]: { handle: operate(true) },
  [`${SVC}.reaction_del`]: { handle: operate(false) },
  [`${SVC}.reaction_multi_stat`]: { handle: c2cSummary },
  [`${SVC}.group_reaction_add`]: { handle: operate(true) },
  [`${SVC}.group_reaction_del`]: { handle: operate(false) },
  [`${SVC}.group_reaction_multi_stat`]: { handle: groupSummary },
};
