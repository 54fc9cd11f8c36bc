/**
 * A user's own settings on conversations that the server keeps and syncs to the user's other devices:
 * the mute setting (C2C `Mute_Notifications`, a group member's `MsgFlag`) and the `RecentContactMod`
 * push that tells other devices a conversation was deleted or (un)pinned.
 */
import { CommandError, type CommandContext, type CommandTable, type EmulatorCore } from '../context';
import { num, objects, str, strings, type JsonObject } from '../json';
import { nowSeconds, randomUint32 } from '../store';
import type { Connection } from '../transport';
import { groupInfoOf } from '../wire';

/** The SDK's `TYPES.MSG_REMIND_*` by the C2C `Mute_Notifications` flag (3.6.6 index.js `_transMsgRemindType`). */
const REMIND_BY_FLAG = ['AcceptAndNotify', 'Discard', 'AcceptNotNotify'] as const;

/** A message remind type the SDK sends and understands. */
export type RemindType = (typeof REMIND_BY_FLAG)[number];

/** Error code of a command on a group the user is not in. */
const ERR_NOT_MEMBER = 10007;

/** `{Type:1, UserId}` or `{Type:2, GroupId}`: a conversation in a `RecentContactMod` push. */
export function recentContactItem(conversationID: string): JsonObject {
  return conversationID.startsWith('GROUP')
    ? { Type: 2, GroupId: conversationID.slice(5) }
    : { Type: 1, UserId: conversationID.slice(3) };
}

/**
 * Pushes `RecentContactMod` items to the user's sockets except `except`. Both SDKs dispatch it by
 * key (2.27.6 tim-js.js `_recentContactHandler`, 3.6.6 index.js `_onRecentContact`, reading
 * `dataList[i].pushType`): 1 deleted (`recentContactDeleteItem.recentContactList`), 2 pinned and 3
 * unpinned (`recentContactTopItem.recentContactList`). `UserId`/`GroupId` become `userID`/`groupID`
 * through the SDK's global key map. The `Event` number is not read for this key.
 */
export function pushRecentContactMod(
  core: EmulatorCore,
  userID: string,
  items: JsonObject[],
  except?: Connection,
): number {
  return core.push.toUser(userID, [{ Event: 10, RecentContactMod: items }], except);
}

/** Tells the user's devices (but `except`) that conversations were deleted. */
export function pushConversationsDeleted(
  core: EmulatorCore,
  userID: string,
  conversationIDs: string[],
  except?: Connection,
): number {
  const list = conversationIDs.map(recentContactItem);
  return pushRecentContactMod(
    core,
    userID,
    [{ PushType: 1, RecentContactDeleteItem: { RecentContactList: list } }],
    except,
  );
}

/** Tells the user's devices (but `except`) that conversations were pinned or unpinned. */
export function pushConversationsPinned(
  core: EmulatorCore,
  userID: string,
  conversationIDs: string[],
  isPinned: boolean,
  except?: Connection,
): number {
  const list = conversationIDs.map(recentContactItem);
  return pushRecentContactMod(
    core,
    userID,
    [{ PushType: isPinned ? 2 : 3, RecentContactTopItem: { RecentContactList: list } }],
    except,
  );
}

/**
 * Stores the user's mute setting of a conversation (server side only: the SDK learns a C2C setting
 * from `get_c2c_peer_mute_notifications` and a group's from `SelfInfo.MsgFlag` of the joined-group list).
 */
export function setRemindType(core: EmulatorCore, userID: string, conversationID: string, type: RemindType): void {
  if (conversationID.startsWith('GROUP')) {
    const member = core.store.groups.get(conversationID.slice(5))?.members.get(userID);
    if (!member) throw new CommandError(ERR_NOT_MEMBER, 'not a member');
    member.messageRemindType = type;
    return;
  }
  core.store.marksOf(userID, conversationID).muteFlag = REMIND_BY_FLAG.indexOf(type);
}

/**
 * Tells the user's devices (but `except`) that their mute setting of a group changed: a group system
 * notice with `ReportType` 20 and the new `MsgFlag` (→ `payload.messageRemindType` by the global key
 * map), applied by both SDKs (3.6.6 group-module.js and 2.27.6 tim-js.js `_onMessageRemindTypeSynced`).
 */
export function pushGroupRemindTypeSynced(
  core: EmulatorCore,
  userID: string,
  groupID: string,
  type: string,
  except?: Connection,
): number {
  const group = core.store.groups.get(groupID);
  if (!group) return 0;
  const notice = {
    From_Account: userID,
    GroupInfo: groupInfoOf(group),
    ToGroupId: groupID,
    MsgSeq: randomUint32(),
    MsgRandom: randomUint32(),
    MsgTimeStamp: nowSeconds(),
    MsgBody: { ReportType: 20, Operator_Account: userID, MsgFlag: type },
  };
  return core.push.toUser(userID, [{ Event: 5, GroupTips: [notice] }], except);
}

/** `openim.set_c2c_peer_mute_notifications {Peer_Account:[ids], Mute_Notifications:flag}`. */
function setC2CMute(ctx: CommandContext): JsonObject {
  const flag = num(ctx.body.Mute_Notifications);
  const type = REMIND_BY_FLAG[flag] ?? 'AcceptAndNotify';
  for (const peer of strings(ctx.body.Peer_Account)) setRemindType(ctx.core, ctx.userID, `C2C${peer}`, type);
  return { ErrorList: [] };
}

/**
 * `openim.get_c2c_peer_mute_notifications`: `MuteNotificationsList` becomes `muteFlagList` of
 * `{userID, muteFlag}` (3.6.6 index.js `onC2CMsgRemindTypeFetched`; `UserId` → `userID` by the global key map).
 * Asked for the peers named in `Peer_Account`, or (2.x at login, no list) for every peer.
 */
function getC2CMute(ctx: CommandContext): JsonObject {
  const { store } = ctx.core;
  const asked = strings(ctx.body.Peer_Account);
  const peers = asked.length ? asked : [...store.users.keys()].filter((u) => u !== ctx.userID);
  return {
    MuteNotificationsList: peers.map((peer) => ({
      UserId: peer,
      MuteFlag: store.marksOf(ctx.userID, `C2C${peer}`).muteFlag,
    })),
  };
}

/**
 * `openim.read_all_unread_msg {C2CReadAllMsg, GroupReadInfo:[{GroupId, MsgSeq}]}` (`setAllMessageRead`
 * on both SDKs). The reply is what the SDK applies (2.27.6 / 3.6.6 `_handleAllMsgRead`):
 * `C2CReadAllMsg` 1 clears every C2C count; each `GroupReadInfoArray` item `{GroupId, MsgSeq, RetCode}`
 * (→ `{groupID, sequence, retCode}`, `_parseGroupReadInfo`) clears that group's.
 */
function readAll(ctx: CommandContext): JsonObject {
  const { store } = ctx.core;
  const c2c = num(ctx.body.C2CReadAllMsg) === 1;
  if (c2c) {
    const peers = new Set<string>();
    for (const m of store.c2c) if (m.to === ctx.userID && !m.isRead) peers.add(m.from);
    for (const peer of peers) store.markC2CRead(ctx.userID, peer, Number.MAX_SAFE_INTEGER);
  }
  const groups = objects(ctx.body.GroupReadInfo).map((item) => {
    const groupID = str(item.GroupId ?? item.groupID ?? item.ToGroupId);
    const member = store.groups.get(groupID)?.members.get(ctx.userID);
    const sequence = num(item.MsgSeq ?? item.messageSequence);
    if (!member) return { GroupId: groupID, MsgSeq: sequence, RetCode: ERR_NOT_MEMBER };
    member.readSequence = Math.max(member.readSequence, sequence);
    return { GroupId: groupID, MsgSeq: sequence, RetCode: 0 };
  });
  return { C2CReadAllMsg: c2c ? 1 : 0, GroupReadInfoArray: groups };
}

/** The conversation-settings commands. */
export const conversationSettingsCommands: CommandTable = {
  'openim.read_all_unread_msg': { handle: readAll },
  'openim.set_c2c_peer_mute_notifications': { handle: setC2CMute },
  'openim.get_c2c_peer_mute_notifications': { handle: getC2CMute },
};
