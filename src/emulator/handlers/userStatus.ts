/**
 * User status (`im_open_status.ws_*`): `ws_set_custom_status {CustomStatus}`, `ws_get_user_status
 * {To_Account}` → `{UserStatusList:[{To_Account, Status, CustomStatus}]}` (3.6.6 index.js
 * `R.GET_USER_STATUS` key map: `Status`→statusType), `ws_status_subscribe/unsubscribe`, and the push
 * `UserStatusList` (→ USER_STATUS_UPDATED `[{userID, statusType, customStatus}]`, 3.6.6 index.js /
 * 2.27.6 tim-js.js `onUserStatusUpdated`) to the subscribers of a user whose status changed: a custom
 * status set, the first login, the last logout.
 */
import type { CommandContext, CommandTable, EmulatorCore } from '../context';
import { str, strings, type JsonObject } from '../json';
import type { Store } from '../store';

interface StatusState {
  /** userID → custom status. */
  customStatus: Map<string, string>;
  /** userID → who subscribed to their status. */
  subscribers: Map<string, Set<string>>;
}

const states = new WeakMap<Store, StatusState>();

function stateOf(store: Store): StatusState {
  let state = states.get(store);
  if (!state) {
    state = { customStatus: new Map(), subscribers: new Map() };
    states.set(store, state);
  }
  return state;
}

/** The status of a user: 1 online when a socket of theirs is logged in, else 2 offline. */
function statusItem(core: EmulatorCore, userID: string): JsonObject {
  return {
    To_Account: userID,
    Status: core.push.socketsOf(userID).length > 0 ? 1 : 2,
    // Sent as base64 of UTF-8: both SDKs decode it (3.6.6 index.js `qo`, 2.27.6 tim-js.js `Ji`) and get '' from plain text.
    CustomStatus: Buffer.from(stateOf(core.store).customStatus.get(userID) ?? '', 'utf8').toString('base64'),
  };
}

/** Pushes a user's current status to their subscribers. */
export function pushUserStatus(core: EmulatorCore, userID: string): void {
  const item = statusItem(core, userID);
  for (const subscriber of stateOf(core.store).subscribers.get(userID) ?? []) {
    core.push.toUser(subscriber, [{ Event: 11, UserStatusList: [item] }]);
  }
}

/** Sets a user's custom status and pushes it to their subscribers. */
export function setCustomStatus(core: EmulatorCore, userID: string, customStatus: string): void {
  stateOf(core.store).customStatus.set(userID, customStatus);
  pushUserStatus(core, userID);
}

function subscribe(ctx: CommandContext, on: boolean): JsonObject {
  const { subscribers } = stateOf(ctx.core.store);
  const all = !on && ctx.body.UnsubscribeAll !== undefined && Number(ctx.body.UnsubscribeAll) !== 0;
  const ids = all ? [...subscribers.keys()] : strings(ctx.body.To_Account);
  for (const id of ids) {
    let set = subscribers.get(id);
    if (!set) subscribers.set(id, (set = new Set()));
    if (on) set.add(ctx.userID);
    else set.delete(ctx.userID);
  }
  return { ErrorList: [] };
}

/** The user-status commands. */
export const userStatusCommands: CommandTable = {
  'im_open_status.ws_set_custom_status': {
    handle: (ctx) => {
      setCustomStatus(ctx.core, ctx.userID, str(ctx.body.CustomStatus));
      return {};
    },
  },
  'im_open_status.ws_get_user_status': {
    handle: (ctx) => ({
      UserStatusList: strings(ctx.body.To_Account).map((id) => statusItem(ctx.core, id)),
      ErrorList: [],
    }),
  },
  'im_open_status.ws_status_subscribe': { handle: (ctx) => subscribe(ctx, true) },
  'im_open_status.ws_status_unsubscribe': { handle: (ctx) => subscribe(ctx, false) },
};
