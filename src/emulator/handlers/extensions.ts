/**
 * Message extensions (`setMessageExtensions`, `getMessageExtensions`, `deleteMessageExtensions`; both
 * SDKs, messages sent with `isSupportExtension`): `openim_msg_ext_http_svc.set_key_values` /
 * `get_key_values` and the `group_` ones, and the `MsgExtensionNotify` push to the other parties.
 * Shapes as both SDKs read them (3.6.6 `_modifyMsgExts`, `_getMsgExts`, `onMsgExtNotify`; 2.27.6
 * `onMessageExtensionNotify`).
 */
import { CommandError, type CommandContext, type CommandTable, type EmulatorCore } from '../context';
import { num, objects, str, type JsonObject } from '../json';
import type { GroupState } from '../store';
import type { C2CMessageRecord, ExtensionState, GroupMessageRecord } from '../types';
import type { Connection } from '../transport';

/** Error code for extensions of a message the server does not hold. */
export const ERR_EXT_NOT_FOUND = 23001;

/** Set (1), delete keys (2), clear all (3): the SDK's OperateType. */
type Operation = 1 | 2 | 3;

interface Target {
  message: C2CMessageRecord | GroupMessageRecord;
  /** Who hears of a change. */
  users: string[];
  group?: GroupState;
}

function c2cTarget(ctx: CommandContext): Target {
  const [sequence, random, time] = str(ctx.body.MsgKey).split('_').map(Number);
  const from = str(ctx.body.From_Account);
  const to = str(ctx.body.To_Account);
  const message = ctx.core.store.c2c.find(
    (m) =>
      m.sequence === sequence &&
      m.random === random &&
      m.time === time &&
      ((m.from === from && m.to === to) || (m.from === to && m.to === from)),
  );
  if (!message) throw new CommandError(ERR_EXT_NOT_FOUND, 'message not found');
  return { message, users: [...new Set([message.from, message.to])] };
}

function groupTarget(ctx: CommandContext): Target {
  const group = ctx.core.store.groups.get(str(ctx.body.GroupId));
  const message = group?.messages.find((m) => m.sequence === num(ctx.body.MsgSeq));
  if (!group || !message) throw new CommandError(ERR_EXT_NOT_FOUND, 'message not found');
  return { message, users: [...group.members.keys()], group };
}

function stateOf(m: C2CMessageRecord | GroupMessageRecord): ExtensionState {
  return (m.extensions ??= { values: {}, sequence: 0, clearSequence: 0 });
}

/**
 * Applies one operation and pushes it to every party's sockets except `except`. The SDKs name the
 * message `${TinyId}-${clientTime}-${random}` from the notice and emit MESSAGE_EXTENSIONS_UPDATED
 * `{messageID, extensions:[{key, value}]}` (set) or MESSAGE_EXTENSIONS_DELETED `{messageID, keyList}`
 * (delete, clear). Returns the changed entries as `{Key, Value, Seq}`.
 */
export function changeExtensions(
  core: EmulatorCore,
  target: Target,
  operation: Operation,
  entries: Array<{ key: string; value: string }>,
  except?: Connection,
): JsonObject[] {
  const state = stateOf(target.message);
  const changed: JsonObject[] = [];
  if (operation === 3) {
    state.clearSequence = state.sequence;
    state.values = {};
  } else {
    for (const { key, value } of entries) {
      state.sequence += 1;
      if (operation === 1) state.values[key] = { value, seq: state.sequence };
      else delete state.values[key];
      changed.push({ Key: key, Value: operation === 1 ? value : '', Seq: state.sequence });
    }
  }
  const m = target.message;
  const info = { MsgClientTime: m.clientTime, MsgRandom: m.random };
  const results =
    operation === 3 ? [{ ClearMsgSeq: state.clearSequence }] : [{ MsgKeyValue: changed.map((e) => ({ ...e })) }];
  const notice: JsonObject = {
    TinyId: core.store.user(m.from).tinyID,
    ...(target.group ? { ExtensionGroupMsgInfo: info } : { ExtensionC2cMsgInfo: info }),
    MsgOptType: operation,
    [operation === 1 ? 'SetKVInfo' : operation === 2 ? 'DeleteKVInfo' : 'ClearKVInfo']: results,
    MsgLastSeq: state.sequence,
  };
  for (const userID of target.users) core.push.toUser(userID, [{ Event: 9, MsgExtensionNotify: notice }], except);
  return changed;
}

/** `set_key_values {..., OperateType, ExtensionList:[{Key, Value, Seq}]}` → `{ExtensionList:[{ErrorCode, Extension}], Seq}`. */
function setValues(target: (ctx: CommandContext) => Target) {
  return (ctx: CommandContext): JsonObject => {
    const t = target(ctx);
    const op = num(ctx.body.OperateType, 1);
    const operation: Operation = op === 2 || op === 3 ? op : 1;
    const entries = objects(ctx.body.ExtensionList).map((e) => ({ key: str(e.Key), value: str(e.Value) }));
    const changed = changeExtensions(
      ctx.core,
      t,
      operation,
      entries.filter((e) => e.key !== ''),
      ctx.conn,
    );
    return {
      ExtensionList: changed.map((Extension) => ({ ErrorCode: 0, Extension })),
      Seq: stateOf(t.message).sequence,
    };
  };
}

/** `get_key_values {..., StartSeq?}` → `{ExtensionList:[{Key, Value, Seq}], CompleteFlag:1, MsgLastSeq, ClearMsgSeq}`. */
function getValues(target: (ctx: CommandContext) => Target) {
  return (ctx: CommandContext): JsonObject => {
    const state = stateOf(target(ctx).message);
    const from = num(ctx.body.StartSeq, 0);
    return {
      ExtensionList: Object.entries(state.values)
        .filter(([, e]) => e.seq >= from)
        .map(([Key, e]) => ({ Key, Value: e.value, Seq: e.seq })),
      CompleteFlag: 1,
      MsgLastSeq: state.sequence,
      ClearMsgSeq: state.clearSequence,
    };
  };
}

const SVC = 'openim_msg_ext_http_svc';

/** The message-extension commands. */
export const extensionCommands: CommandTable = {
  [`${SVC}.set_key_values`]: { handle: setValues(c2cTarget) },
  [`${SVC}.get_key_values`]: { handle: getValues(c2cTarget) },
  [`${SVC}.group_set_key_values`]: { handle: setValues(groupTarget) },
  [`${SVC}.group_get_key_values`]: { handle: getValues(groupTarget) },
};
