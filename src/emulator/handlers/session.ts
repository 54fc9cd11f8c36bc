/**
 * Login and keep-alive: `wslogin`, `wslogout`, `wshello`, `heartbeat.alive`, and the config and
 * telemetry commands the SDK sends around login (answered with the minimal replies it accepts).
 */
import { randomBytes } from 'crypto';
import { CommandError, type CommandContext, type CommandTable, type EmulatorCore } from '../context';
import { str } from '../json';
import { nowSeconds } from '../store';
import { pushUserStatus } from './userStatus';
import type { Connection } from '../transport';

/** Error code for an invalid userSig (login rejects with it). */
export const ERR_USERSIG_INVALID = 70003;
/** Error code for an expired userSig (on a logged-in session: KICKED_OUT userSigExpired). */
export const ERR_USERSIG_EXPIRED = 70001;

let nextInstanceID = 1;

/** The push that kicks an SDK instance: `KickoutMsgNotify` with the given KickType (1, 2 or 3). */
export function kickEvent(kickType: number): {
  Event: number;
  C2cNotifyMsgArray: Array<{ KickoutMsgNotify: { KickType: number; NewInstInfo: Record<string, never> } }>;
} {
  return { Event: 9, C2cNotifyMsgArray: [{ KickoutMsgNotify: { KickType: kickType, NewInstInfo: {} } }] };
}

/**
 * Kicks one socket: pushes KickoutMsgNotify and marks the login kicked, so no more pushes go to it.
 * Requests the SDK had in flight are still answered (a real server got them before the kick too);
 * the SDK then sends `wslogout` (KickType 1, 2) or opens a new socket without login (3).
 */
export function kickConnection(core: EmulatorCore, conn: Connection, kickType: number): void {
  core.push.events(conn, [kickEvent(kickType)]);
  if (conn.session) {
    core.a2Keys.delete(conn.session.a2);
    conn.session.kicked = true;
  }
}

function login(ctx: CommandContext): Record<string, string | number> {
  const { core, conn, head } = ctx;
  const sdkAppID = str(head.sdkappid, conn.query.get('sdkappid') ?? '');
  let userID: string;
  const a2 = str(head.a2);
  if (a2 !== '') {
    // Re-login after a reconnect: the SDK sends a2/tinyid instead of identifier/usersig.
    const known = core.a2Keys.get(a2);
    if (known === undefined) throw new CommandError(ERR_USERSIG_EXPIRED, 'a2 unknown or expired, log in again');
    userID = known;
    // The a2 stays valid (a session ticket, not a one-time token): when the socket drops again
    // before this reply arrives, the SDK logs in again with the same a2 and must get in.
  } else {
    userID = str(head.identifier);
    const userSig = str(head.usersig);
    if (userID === '') throw new CommandError(ERR_USERSIG_INVALID, 'identifier missing');
    if (core.expiredSigs.has(`${userID}\n${userSig}`)) throw new CommandError(ERR_USERSIG_EXPIRED, 'userSig expired');
    if (!core.options.checkUserSig({ userID, userSig, sdkAppID })) {
      throw new CommandError(ERR_USERSIG_INVALID, 'userSig invalid');
    }
    core.userSigs.set(userID, userSig);
  }
  const user = core.store.user(userID);
  const wasOnline = core.push.socketsOf(userID).some((c) => c !== conn);
  if (conn.session && conn.session.a2 !== a2) core.a2Keys.delete(conn.session.a2);
  const session = {
    userID,
    tinyID: user.tinyID,
    a2: a2 !== '' ? a2 : randomBytes(16).toString('hex'),
    instanceID: nextInstanceID++,
    sdkAppID,
    loginAt: Date.now(),
    sigExpired: false,
    kicked: false,
  };
  conn.session = session;
  core.a2Keys.set(session.a2, userID);
  if (core.options.multiInstance === 'kickOlder') {
    const myInstance = conn.query.get('instanceid');
    for (const other of core.push.socketsOf(userID)) {
      if (other !== conn && other.query.get('instanceid') !== myInstance) {
        kickConnection(core, other, core.options.multiInstanceKickType);
      }
    }
  }
  // The user came online: subscribers hear it (a re-login of an online user changes nothing).
  if (!wasOnline) pushUserStatus(core, userID);
  return {
    A2Key: session.a2,
    TinyId: session.tinyID,
    InstId: session.instanceID,
    HelloInterval: core.options.helloIntervalSeconds,
    TimeStamp: nowSeconds(),
  };
}

const empty = (): Record<string, never> => ({});

/** The session commands. */
export const sessionCommands: CommandTable = {
  'im_open_status.wslogin': { auth: false, handle: login },
  'im_open_status.wslogout': {
    auth: false,
    handle: ({ core, conn }) => {
      const userID = conn.session?.userID;
      if (conn.session) core.a2Keys.delete(conn.session.a2);
      conn.session = undefined;
      // The last socket of the user logged out: subscribers hear "offline".
      if (userID !== undefined && core.push.socketsOf(userID).length === 0) pushUserStatus(core, userID);
      return {};
    },
  },
  'im_open_status.wshello': { auth: false, handle: empty },
  'heartbeat.alive': { auth: false, handle: empty },
  'im_open_status.stat_forceoffline': { auth: false, handle: empty },
  'im_sdk_config_mgr.fetch_config': {
    auth: false,
    handle: () => ({ int32_error_code: 0, str_json_config: '{}', uint32_expired_time: 3600, uint64_version: 1 }),
  },
  'im_sdk_config_mgr.fetch_imsdk_purchase_bitsv2': {
    auth: false,
    handle: (ctx) => ({
      int32_error_code: 0,
      str_purchase_bits: ctx.core.options.purchaseBits,
      uint32_expired_time: 3600,
    }),
  },
  'imopenstat.tim_web_report_v2': { auth: false, handle: empty },
  'openim.authkey': { handle: () => ({ AuthKey: 'emulator', ExpireTime: 3600 }) },
};
