/**
 * Group counters: `update_group_counter` (Set, Increase, Decrease), `get_group_counter`, and the
 * notice every member gets (GroupTips, Event 6, `MsgBody.GroupCounterInfo`), from which both SDKs
 * emit one GROUP_COUNTER_UPDATED `{groupID, key, value}` per changed key (3.6.6 index.js
 * `isGroupCountersNotice` → `_onGroupCountersUpdated`). The SDKs only call these when the
 * purchased-feature bits grant counters (bit 15): start the emulator with `purchaseBits` for that.
 */
import { CommandError, type CommandContext, type CommandTable, type EmulatorCore } from '../context';
import { num, objects, str, strings, type JsonObject } from '../json';
import { nowSeconds, randomUint32, type GroupState } from '../store';
import { groupInfoOf } from '../wire';
import { pushToMembers } from './groupTips';

const ERR_GROUP_NOT_FOUND = 10010;
const ERR_NOT_MEMBER = 10007;

export { GROUP_COUNTER_PURCHASE_BITS } from '../purchaseBits';

interface Counters {
  sequence: number;
  values: Map<string, number>;
}

const countersOf = new WeakMap<GroupState, Counters>();

function counters(group: GroupState): Counters {
  let c = countersOf.get(group);
  if (!c) countersOf.set(group, (c = { sequence: 0, values: new Map() }));
  return c;
}

/** A group's counters as plain data. */
export function groupCounters(group: GroupState): Record<string, number> {
  return Object.fromEntries(counters(group).values);
}

/** Sets, increases or decreases counters as `operator` and pushes the notice to every member. Returns the new values. */
export function updateCounters(
  core: EmulatorCore,
  group: GroupState,
  mode: 'Set' | 'Increase' | 'Decrease',
  entries: Array<{ key: string; value: number }>,
  operator: string,
): Array<{ key: string; value: number }> {
  const c = counters(group);
  c.sequence++;
  const changed = entries.map(({ key, value }) => {
    const before = c.values.get(key) ?? 0;
    const after = mode === 'Set' ? value : mode === 'Increase' ? before + value : before - value;
    c.values.set(key, after);
    return { key, value: after };
  });
  const item: JsonObject = {
    From_Account: operator,
    ToGroupId: group.groupID,
    GroupInfo: groupInfoOf(group),
    MsgSeq: 0,
    MsgRandom: randomUint32(),
    MsgTimeStamp: nowSeconds(),
    MsgBody: {
      GroupCounterInfo: [
        { Type: 0, GroupCounterSeq: c.sequence, GroupCounter: changed.map((e) => ({ Key: e.key, Value: e.value })) },
      ],
    },
  };
  pushToMembers(core, group, [{ Event: 6, GroupTips: [item] }]);
  return changed;
}

function memberGroup(ctx: CommandContext): GroupState {
  const group = ctx.core.store.groups.get(str(ctx.body.GroupId));
  if (!group || group.dismissed) throw new CommandError(ERR_GROUP_NOT_FOUND, 'group not found');
  if (!group.members.has(ctx.userID)) throw new CommandError(ERR_NOT_MEMBER, 'not a member');
  return group;
}

/** The counter commands. */
export const groupCounterCommands: CommandTable = {
  'group_open_http_svc.update_group_counter': {
    handle: (ctx) => {
      const raw = str(ctx.body.Mode, 'Set');
      const mode = raw === 'Increase' || raw === 'Decrease' ? raw : 'Set';
      // The SDKs send `{Key, Value}` (their key/value renamed like every request field).
      const entries = objects(ctx.body.GroupCounter).map((e) => ({
        key: str(e.Key ?? e.key),
        value: num(e.Value ?? e.value),
      }));
      const changed = updateCounters(ctx.core, memberGroup(ctx), mode, entries, ctx.userID);
      return { GroupCounter: changed.map((e) => ({ Key: e.key, Value: e.value })) };
    },
  },
  'group_open_http_svc.get_group_counter': {
    handle: (ctx) => {
      const c = counters(memberGroup(ctx));
      const wanted = strings(ctx.body.GroupCounterKeys);
      const keys = wanted.length > 0 ? wanted.filter((k) => c.values.has(k)) : [...c.values.keys()];
      return {
        GroupCounterSeq: c.sequence,
        GroupCounter: keys.map((key) => ({ Key: key, Value: c.values.get(key) ?? 0 })),
      };
    },
  },
};
