/**
 * Group attributes: `set_group_attr` (init), `modify_group_attr`, `delete_group_attr`,
 * `clear_group_attr`, `group_open_attr_http_svc.get_group_attr`, and the notice the other members
 * get. Every change bumps the group's main sequence; the notice (GroupTips, Event 6) carries it in
 * `MsgGroupNewInfo.GroupAttrOption` with the changed keys, and an SDK one step behind applies it
 * and emits GROUP_ATTRIBUTES_UPDATED `{groupID, groupAttributes, updatedKeyList, deletedKeyList}`
 * (3.6.6 index.js `isGroupAttributesUpdatedNotice` → `_onGroupAttributesUpdated` →
 * `_emitGroupAttributesUpdated`; an SDK further behind fetches them all with get_group_attr).
 */
import { CommandError, type CommandContext, type CommandTable, type EmulatorCore } from '../context';
import { objects, str, type JsonObject } from '../json';
import { nowSeconds, randomUint32, type GroupState } from '../store';
import type { Connection } from '../transport';
import { groupInfoOf } from '../wire';
import { pushToMembers } from './groupTips';

const ERR_GROUP_NOT_FOUND = 10010;
const ERR_NOT_MEMBER = 10007;
/** The SDK's operation types (`_updateCachedAttributes`): 1 init, 2 modify, 3 clear, 4 delete. */
const OP = { init: 1, modify: 2, clear: 3, delete: 4 } as const;

interface Attributes {
  mainSequence: number;
  values: Map<string, { value: string; sequence: number }>;
}

const attributesOf = new WeakMap<GroupState, Attributes>();

function attributes(group: GroupState): Attributes {
  let attrs = attributesOf.get(group);
  if (!attrs) attributesOf.set(group, (attrs = { mainSequence: 0, values: new Map() }));
  return attrs;
}

/** A group's attributes as plain data. */
export function groupAttributes(group: GroupState): Record<string, string> {
  return Object.fromEntries([...attributes(group).values].map(([k, v]) => [k, v.value]));
}

/**
 * Changes a group's attributes as `operator` and pushes the notice to the members (except the
 * socket that made the change: its SDK applies its own answer). Returns the changed keys.
 */
export function changeAttributes(
  core: EmulatorCore,
  group: GroupState,
  op: (typeof OP)[keyof typeof OP],
  entries: Array<{ key: string; value?: string }>,
  operator: string,
  except?: Connection,
): Array<{ key: string; value: string; seq: number }> {
  const attrs = attributes(group);
  attrs.mainSequence++;
  if (op === OP.init || op === OP.clear) attrs.values.clear();
  const changed =
    op === OP.clear ? [] : entries.map((e) => ({ key: e.key, value: e.value ?? '', seq: attrs.mainSequence }));
  for (const e of changed) {
    if (op === OP.delete) attrs.values.delete(e.key);
    else attrs.values.set(e.key, { value: e.value, sequence: e.seq });
  }
  const option: JsonObject = {
    GroupAttrSeq: attrs.mainSequence,
    PushChangedAttrValFlag: 1,
    OpType: op,
    GroupAttrInfo: changed.map((e) => ({ key: e.key, value: e.value })),
  };
  const item: JsonObject = {
    From_Account: operator,
    ToGroupId: group.groupID,
    GroupInfo: groupInfoOf(group),
    MsgSeq: 0,
    MsgRandom: randomUint32(),
    MsgTimeStamp: nowSeconds(),
    MsgBody: { OpType: 6, Operator_Account: operator, MsgGroupNewInfo: { GroupAttrOption: option } },
  };
  pushToMembers(core, group, [{ Event: 6, GroupTips: [item] }], except);
  return changed;
}

function memberGroup(ctx: CommandContext): GroupState {
  const group = ctx.core.store.groups.get(str(ctx.body.GroupId));
  if (!group || group.dismissed) throw new CommandError(ERR_GROUP_NOT_FOUND, 'group not found');
  if (!group.members.has(ctx.userID)) throw new CommandError(ERR_NOT_MEMBER, 'not a member');
  return group;
}

function command(op: (typeof OP)[keyof typeof OP]) {
  return (ctx: CommandContext): JsonObject => {
    const group = memberGroup(ctx);
    const entries = objects(ctx.body.GroupAttr).map((e) => ({ key: str(e.key), value: str(e.value) }));
    const changed = changeAttributes(ctx.core, group, op, entries, ctx.userID, ctx.conn);
    return {
      AttrMainSeq: attributes(group).mainSequence,
      GroupAttr: changed.map((e) => ({ key: e.key, seq: e.seq })),
    };
  };
}

/** The attribute commands. */
export const groupAttributeCommands: CommandTable = {
  'group_open_http_svc.set_group_attr': { handle: command(OP.init) },
  'group_open_http_svc.modify_group_attr': { handle: command(OP.modify) },
  'group_open_http_svc.delete_group_attr': { handle: command(OP.delete) },
  'group_open_http_svc.clear_group_attr': { handle: command(OP.clear) },
  'group_open_attr_http_svc.get_group_attr': {
    handle: (ctx) => {
      const attrs = attributes(memberGroup(ctx));
      return {
        AttrMainSeq: attrs.mainSequence,
        GroupAttr: [...attrs.values].map(([key, v]) => ({ key, value: v.value, seq: v.sequence })),
      };
    },
  },
};

/** The operation types, for the control API. */
export const ATTRIBUTE_OP = OP;
