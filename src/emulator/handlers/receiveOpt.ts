/**
 * The global do-not-disturb setting (3.x `setAllReceiveMessageOpt` / `getAllReceiveMessageOpt`):
 * `im_msg_db_logic.ws_set_do_not_disturb {Level, startTime, endTime, isRepeated}` (3.6.6 index.js
 * `R.SET_ALL_RECEIVE_MSG_OPT` key map: `messageRemindType`→`Level`; Level 0 accept and notify, 1
 * discard, 2 accept without notice, the `jo` table) and `ws_get_do_not_disturb`. A change is pushed
 * to the user's other sockets as msg_push item `Event: 24`, which 3.6.6's MsgDispatcher `onMessage`
 * hands (`24!==l?...:this._onAllRcvMsgOptNotify(c)`) to MsgRemindHandler `onAllRcvMsgOptNotify`:
 * ALL_RECEIVE_MESSAGE_OPT_UPDATED `{messageRemindType, startTime, endTime, isRepeated}` (`_handleResult`;
 * `Level` becomes `messageRemindType` through the global key map). 2.27.6 has neither the API nor the event.
 */
import type { CommandTable, EmulatorCore } from '../context';
import { num, type JsonObject } from '../json';
import type { Store } from '../store';
import type { Connection } from '../transport';

/** The setting as the server keeps it, in wire names. */
export interface ReceiveOpt {
  /** 0 accept and notify, 1 discard, 2 accept without notice. */
  Level: number;
  StartTime: number;
  EndTime: number;
  IsRepeated: number;
}

const states = new WeakMap<Store, Map<string, ReceiveOpt>>();

function optsOf(store: Store): Map<string, ReceiveOpt> {
  let map = states.get(store);
  if (!map) states.set(store, (map = new Map()));
  return map;
}

/** A user's setting (accept and notify, no time window, when never set). */
export function receiveOptOf(core: EmulatorCore, userID: string): ReceiveOpt {
  return optsOf(core.store).get(userID) ?? { Level: 0, StartTime: 0, EndTime: 0, IsRepeated: 0 };
}

/** Stores a user's setting and pushes it to their sockets but `except`; returns how many sockets got it. */
export function setReceiveOpt(core: EmulatorCore, userID: string, opt: ReceiveOpt, except?: Connection): number {
  optsOf(core.store).set(userID, opt);
  return core.push.toUser(userID, [{ Event: 24, ...opt }], except);
}

/** The do-not-disturb commands. */
export const receiveOptCommands: CommandTable = {
  'im_msg_db_logic.ws_set_do_not_disturb': {
    handle: (ctx) => {
      const b = ctx.body;
      const opt: ReceiveOpt = {
        Level: num(b.Level),
        StartTime: num(b.startTime ?? b.StartTime),
        EndTime: num(b.endTime ?? b.EndTime),
        IsRepeated: num(b.isRepeated ?? b.IsRepeated),
      };
      setReceiveOpt(ctx.core, ctx.userID, opt, ctx.conn);
      return {};
    },
  },
  'im_msg_db_logic.ws_get_do_not_disturb': {
    handle: (ctx): JsonObject => ({ ...receiveOptOf(ctx.core, ctx.userID) }),
  },
};
