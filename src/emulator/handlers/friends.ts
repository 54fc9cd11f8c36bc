/**
 * Friends and friend applications (pendencies): the `sns.*` commands and the
 * FriendListMod pushes the SDKs build FRIEND_LIST_UPDATED and FRIEND_APPLICATION_LIST_UPDATED from.
 *
 * Wire shapes follow the SDKs' command tables (3.6.6 index.js `R.GET_FD_LIST` ... `R.UPDATE_FD_GRP`,
 * the same in 2.27.6 tim-js-friendship.js) and the push reader `onRelationChainModified` (both SDKs):
 * `FriendAdd_Account`, `FriendDel_Account`, `PendencyAdd` (items renamed by the global key map:
 * `PendencyAdd_Account`→userID, `ProfileImNick`→nick, `ProfileImImage`→avatar, `AddSource`→source,
 * `AddWording`→wording, `AddTime`→time), `FrienPencydDel_Account` (sic) and `PushType:7`+`ReportTime`
 * (applications read). The SDKs change their friend list only from these pushes (deleteFriend and
 * acceptFriendApplication do not touch it locally), so every push also goes to the requesting socket.
 * Friend groups are in `friendGroups.ts`.
 */
import type { CommandContext, CommandTable, EmulatorCore } from '../context';
import { objects, str, strings, type JsonObject } from '../json';
import { nowSeconds, type Store } from '../store';
import type { Connection } from '../transport';
import { TAG } from '../wire';

/** One side of a friendship: what the user holds about their friend. */
export interface FriendRecord {
  userID: string;
  remark: string;
  source: string;
  addTime: number;
  /** Custom friend fields (`Tag_SNS_Custom_*`). */
  custom: Record<string, string>;
}

/** A pending friend application from `from` to `to`. */
export interface PendencyRecord {
  from: string;
  to: string;
  source: string;
  wording: string;
  time: number;
}

interface FriendState {
  /** userID → friendID → the user's record of that friend. */
  friends: Map<string, Map<string, FriendRecord>>;
  pendencies: PendencyRecord[];
  /** userID → when (unix s) the user last reported their applications read. */
  readTime: Map<string, number>;
  /** userID → friend group name → members (in insertion order). */
  groups: Map<string, Map<string, string[]>>;
}

const states = new WeakMap<Store, FriendState>();

/** The friend data of an emulator, created on first use. */
export function friendState(store: Store): FriendState {
  let state = states.get(store);
  if (!state) {
    state = { friends: new Map(), pendencies: [], readTime: new Map(), groups: new Map() };
    states.set(store, state);
  }
  return state;
}

/** A user's friends, by userID. */
export function friendsOf(store: Store, userID: string): Map<string, FriendRecord> {
  const all = friendState(store).friends;
  let mine = all.get(userID);
  if (!mine) all.set(userID, (mine = new Map()));
  return mine;
}

/** A user's friend groups: name → members, in creation order. */
export function groupsOf(store: Store, userID: string): Map<string, string[]> {
  const all = friendState(store).groups;
  let mine = all.get(userID);
  if (!mine) all.set(userID, (mine = new Map()));
  return mine;
}

function push(core: EmulatorCore, userID: string, item: JsonObject, except?: Connection): void {
  core.push.toUser(userID, [{ Event: 8, FriendListMod: [item] }], except);
}

/** The friend's tags as `friend_get` / `friend_get_specified` give them (3.6.6 index.js class `Ws`). */
function friendTags(core: EmulatorCore, owner: string, friend: FriendRecord, withProfile: boolean): JsonObject[] {
  const groups = [...groupsOf(core.store, owner)].filter(([, m]) => m.includes(friend.userID)).map(([n]) => n);
  const tags: JsonObject[] = [
    { Tag: 'Tag_SNS_IM_Remark', Value: friend.remark },
    { Tag: 'Tag_SNS_IM_Group', Value: groups },
    { Tag: 'Tag_SNS_IM_AddSource', Value: friend.source },
    { Tag: 'Tag_SNS_IM_AddTime', Value: friend.addTime },
    ...Object.entries(friend.custom).map(([Tag, Value]) => ({ Tag, Value })),
  ];
  if (withProfile) {
    const profile = core.store.user(friend.userID).profile;
    for (const tag of [TAG.nick, TAG.avatar])
      if (profile[tag] !== undefined) tags.push({ Tag: tag, Value: profile[tag] });
  }
  return tags;
}

/** Makes `to` a friend of `from` (one direction) and pushes FriendAdd_Account to `from`. */
function befriend(core: EmulatorCore, from: string, to: string, source: string, remark = ''): void {
  const mine = friendsOf(core.store, from);
  if (mine.has(to)) return;
  mine.set(to, { userID: to, remark, source, addTime: nowSeconds(), custom: {} });
  push(core, from, { PushType: 1, FriendAdd_Account: [to] });
}

/** Ends `from`'s friendship with `to` (one direction) and pushes FriendDel_Account to `from`. */
function unfriend(core: EmulatorCore, from: string, to: string): void {
  if (!friendsOf(core.store, from).delete(to)) return;
  for (const members of groupsOf(core.store, from).values()) {
    const i = members.indexOf(to);
    if (i >= 0) members.splice(i, 1);
  }
  push(core, from, { PushType: 2, FriendDel_Account: [to] });
}

/** Removes the application(s) between two users and tells both sides (FrienPencydDel_Account). */
function dropPendency(core: EmulatorCore, a: string, b: string, onlyFrom?: string): void {
  const state = friendState(core.store);
  const before = state.pendencies.length;
  state.pendencies = state.pendencies.filter(
    (p) =>
      !((p.from === a && p.to === b) || (p.from === b && p.to === a)) ||
      (onlyFrom !== undefined && p.from !== onlyFrom),
  );
  if (state.pendencies.length === before) return;
  push(core, a, { PushType: 4, FrienPencydDel_Account: [b] });
  push(core, b, { PushType: 4, FrienPencydDel_Account: [a] });
}

/** Where an application stands for `userID`: the other side's ID, nick and avatar. */
function pendencyItem(core: EmulatorCore, p: PendencyRecord, other: string, type: string): JsonObject {
  const profile = core.store.user(other).profile;
  return {
    To_Account: other,
    PendencyType: type,
    AddSource: p.source,
    AddWording: p.wording,
    AddTime: p.time,
    Nick: str(profile[TAG.nick]),
    Image: str(profile[TAG.avatar]),
  };
}

/**
 * Files an application from `from` to `to` and pushes it to both (PushType 3, `From_Account` the
 * applicant: the SDK types it SendOut when that is itself, ComeIn otherwise).
 */
function apply(core: EmulatorCore, from: string, to: string, source: string, wording: string): void {
  const state = friendState(core.store);
  state.pendencies = state.pendencies.filter((p) => !(p.from === from && p.to === to));
  const p: PendencyRecord = { from, to, source, wording, time: nowSeconds() };
  state.pendencies.push(p);
  const added = (other: string): JsonObject => {
    const profile = core.store.user(other).profile;
    return {
      PendencyAdd_Account: other,
      ProfileImNick: str(profile[TAG.nick]),
      ProfileImImage: str(profile[TAG.avatar]),
      AddSource: source,
      AddWording: wording,
      AddTime: p.time,
    };
  };
  push(core, to, { PushType: 3, From_Account: from, PendencyAdd: [added(from)] });
  push(core, from, { PushType: 3, From_Account: from, PendencyAdd: [added(to)] });
}

/**
 * Adds a friend as the server would: the target's AllowType decides (AllowAny: friends at once;
 * DenyAny: 30516; otherwise, the default NeedConfirm: an application, result 30539).
 */
export function addFriendAs(
  core: EmulatorCore,
  input: { from: string; to: string; source?: string; wording?: string; remark?: string; both?: boolean },
): number {
  const { from, to } = input;
  const source = input.source ?? 'AddSource_Type_Web';
  if (from === to || to === '') return 30524;
  if (friendsOf(core.store, from).has(to)) return 30515;
  if (core.store.user(to).blacklist.has(from)) return 30525;
  const allow = str(core.store.user(to).profile[TAG.allowType], 'AllowType_Type_NeedConfirm');
  if (allow === 'AllowType_Type_DenyAny') return 30516;
  if (allow === 'AllowType_Type_AllowAny') {
    befriend(core, from, to, source, input.remark ?? '');
    if (input.both !== false) befriend(core, to, from, source);
    return 0;
  }
  apply(core, from, to, source, input.wording ?? '');
  return 30539;
}

/** `to` answers `from`'s application: Agree (one way), AgreeAndAdd (both ways) or Reject. */
export function respondToApplication(
  core: EmulatorCore,
  to: string,
  from: string,
  action: string,
  remark = '',
): number {
  const p = friendState(core.store).pendencies.find((x) => x.from === from && x.to === to);
  if (!p) return 30614;
  dropPendency(core, from, to, from);
  if (action === 'Response_Action_Reject') return 0;
  befriend(core, from, to, p.source);
  if (action === 'Response_Action_AgreeAndAdd') befriend(core, to, from, p.source, remark);
  return 0;
}

/** Deletes friends (`both`: the friends lose the user too). */
export function deleteFriendsAs(core: EmulatorCore, userID: string, ids: string[], both = true): void {
  for (const id of ids) {
    unfriend(core, userID, id);
    if (both) unfriend(core, id, userID);
  }
}

function getFriends(ctx: CommandContext): JsonObject {
  const mine = [...friendsOf(ctx.core.store, ctx.userID).values()];
  return {
    FriendNum: mine.length,
    UserDataItem: mine.map((f) => ({ To_Account: f.userID, ValueItem: friendTags(ctx.core, ctx.userID, f, false) })),
    CompleteFlag: 1,
    NextStartIndex: 0,
    StandardSequence: 0,
    CustomSequence: 0,
  };
}

function getFriendProfiles(ctx: CommandContext): JsonObject {
  const mine = friendsOf(ctx.core.store, ctx.userID);
  return {
    InfoItem: strings(ctx.body.To_Account).map((id) => {
      const f = mine.get(id);
      return f
        ? { To_Account: id, ResultCode: 0, SnsProfileItem: friendTags(ctx.core, ctx.userID, f, true) }
        : { To_Account: id, ResultCode: 30001, ResultInfo: 'not a friend' };
    }),
  };
}

function addFriend(ctx: CommandContext): JsonObject {
  const both = str(ctx.body.AddType, 'Add_Type_Both') !== 'Add_Type_Single';
  return {
    ResultItem: objects(ctx.body.AddFriendItem).map((item) => {
      const to = str(item.To_Account);
      const code = addFriendAs(ctx.core, {
        from: ctx.userID,
        to,
        source: str(item.AddSource, 'AddSource_Type_Web'),
        wording: str(item.AddWording),
        remark: str(item.Remark),
        both,
      });
      return { To_Account: to, ResultCode: code, ResultInfo: '' };
    }),
  };
}

function deleteFriends(ctx: CommandContext): JsonObject {
  const ids = strings(ctx.body.To_Account).filter((id) => friendsOf(ctx.core.store, ctx.userID).has(id));
  deleteFriendsAs(ctx.core, ctx.userID, ids, str(ctx.body.DeleteType, 'Delete_Type_Both') !== 'Delete_Type_Single');
  return { ResultItem: ids.map((id) => ({ To_Account: id, ResultCode: 0, ResultInfo: '' })) };
}

function updateFriends(ctx: CommandContext): JsonObject {
  const mine = friendsOf(ctx.core.store, ctx.userID);
  return {
    ResultItem: objects(ctx.body.UpdateItem).map((item) => {
      const f = mine.get(str(item.To_Account));
      if (!f) return { To_Account: str(item.To_Account), ResultCode: 30001, ResultInfo: 'not a friend' };
      for (const tag of objects(item.SnsItem)) {
        if (tag.Tag === 'Tag_SNS_IM_Remark') f.remark = str(tag.Value);
        else if (str(tag.Tag).startsWith('Tag_SNS_Custom')) f.custom[str(tag.Tag)] = str(tag.Value);
      }
      return { To_Account: f.userID, ResultCode: 0, ResultInfo: '' };
    }),
  };
}

function checkFriends(ctx: CommandContext): JsonObject {
  const store = ctx.core.store;
  return {
    InfoItem: strings(ctx.body.To_Account).map((id) => {
      const mine = friendsOf(store, ctx.userID).has(id);
      const theirs = friendsOf(store, id).has(ctx.userID);
      const relation = mine
        ? theirs
          ? 'CheckResult_Type_BothWay'
          : 'CheckResult_Type_AWithB'
        : theirs
          ? 'CheckResult_Type_BWithA'
          : 'CheckResult_Type_NoRelation';
      return { To_Account: id, Relation: relation, ResultCode: 0, ResultInfo: '' };
    }),
  };
}

function getPendencies(ctx: CommandContext): JsonObject {
  const { pendencies, readTime } = friendState(ctx.core.store);
  const read = readTime.get(ctx.userID) ?? 0;
  const items: JsonObject[] = [];
  let unread = 0;
  for (const p of pendencies) {
    if (p.to === ctx.userID) {
      items.push(pendencyItem(ctx.core, p, p.from, 'Pendency_Type_ComeIn'));
      if (p.time > read) unread++;
    } else if (p.from === ctx.userID) items.push(pendencyItem(ctx.core, p, p.to, 'Pendency_Type_SendOut'));
  }
  return { PendencyItem: items, UnreadPendencyCount: unread, StartTime: 0, CurrentSequence: 0, CompleteFlag: 1 };
}

function respond(ctx: CommandContext): JsonObject {
  return {
    ResultItem: objects(ctx.body.ResponseFriendItem).map((item) => {
      const from = str(item.To_Account);
      const code = respondToApplication(
        ctx.core,
        ctx.userID,
        from,
        str(item.ResponseAction, 'Response_Action_AgreeAndAdd'),
        str(item.Remark),
      );
      return { To_Account: from, ResultCode: code, ResultInfo: '' };
    }),
  };
}

function deletePendencies(ctx: CommandContext): JsonObject {
  const sentByMe = str(ctx.body.PendencyType) === 'Pendency_Type_SendOut';
  return {
    ResultItem: strings(ctx.body.To_Account).map((other) => {
      dropPendency(ctx.core, ctx.userID, other, sentByMe ? ctx.userID : other);
      return { To_Account: other, ResultCode: 0, ResultInfo: '' };
    }),
  };
}

function reportPendencies(ctx: CommandContext): JsonObject {
  const time = Math.max(1, Math.floor(Number(ctx.body.LatestPendencyTimeStamp) || nowSeconds()));
  friendState(ctx.core.store).readTime.set(ctx.userID, time);
  push(ctx.core, ctx.userID, { PushType: 7, ReportTime: time }, ctx.conn);
  return {};
}

/** A user's friends as the server holds them (for the control API). */
export function friendsSnapshot(store: Store, userID: string): FriendRecord[] {
  return [...friendsOf(store, userID).values()].map((f) => ({ ...f, custom: { ...f.custom } }));
}

/** The pending applications to or from a user (for the control API). */
export function pendenciesSnapshot(store: Store, userID: string): PendencyRecord[] {
  return friendState(store)
    .pendencies.filter((p) => p.from === userID || p.to === userID)
    .map((p) => ({ ...p }));
}

/** The friend commands. */
export const friendCommands: CommandTable = {
  'sns.friend_get': { handle: getFriends },
  'sns.friend_get_specified': { handle: getFriendProfiles },
  'sns.friend_add': { handle: addFriend },
  'sns.friend_delete': { handle: deleteFriends },
  'sns.friend_update': { handle: updateFriends },
  'sns.friend_check': { handle: checkFriends },
  'sns.pendency_get': { handle: getPendencies },
  'sns.friend_response': { handle: respond },
  'sns.pendency_delete': { handle: deletePendencies },
  'sns.pendency_report': { handle: reportPendencies },
};
