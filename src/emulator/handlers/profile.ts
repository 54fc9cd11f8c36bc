/**
 * Profiles (`portrait_get_all`, `portrait_set` → ProfileDataMod push) and the blacklist
 * (`black_list_get/add/delete`). Friends are in `friends.ts`.
 */
import type { CommandContext, CommandTable, EmulatorCore } from '../context';
import { objects, str, strings, type JsonObject } from '../json';
import { nowSeconds } from '../store';
import type { Connection } from '../transport';
import { profileItem } from '../wire';
import { friendState } from './friends';

/** The users who hear of a user's profile changes: everyone they exchanged messages with, share a group with, or are friends of. */
function profileAudience(core: EmulatorCore, userID: string): Set<string> {
  const audience = new Set<string>();
  for (const m of core.store.c2c) {
    if (m.from === userID) audience.add(m.to);
    if (m.to === userID) audience.add(m.from);
  }
  for (const group of core.store.groupsOf(userID)) for (const member of group.members.keys()) audience.add(member);
  // Friends hear of it: the SDKs emit PROFILE_UPDATED only for me and my friends.
  for (const [owner, friends] of friendState(core.store).friends) if (friends.has(userID)) audience.add(owner);
  audience.delete(userID);
  return audience;
}

/**
 * Sets profile tags and pushes ProfileDataMod (→ PROFILE_UPDATED) to the user's other sockets and to
 * their peers. Used by `portrait_set` and the control API.
 */
export function updateProfile(
  core: EmulatorCore,
  userID: string,
  items: Array<{ tag: string; value: string | number }>,
  except?: Connection,
): void {
  const user = core.store.user(userID);
  for (const { tag, value } of items) user.profile[tag] = value;
  const event = {
    Event: 7,
    ProfileDataMod: [
      {
        Profile_Account: userID,
        ProfileList: items.map(({ tag, value }) =>
          typeof value === 'number' ? { Tag: tag, ValueNum: value } : { Tag: tag, ValueBytes: value },
        ),
      },
    ],
  };
  core.push.toUser(userID, [event], except);
  for (const peer of profileAudience(core, userID)) core.push.toUser(peer, [event]);
}

function getProfiles(ctx: CommandContext): JsonObject {
  const ids = objects(ctx.body.UserItem).map((item) => str(item.To_Account));
  return {
    UserProfileItem: ids
      .filter((id) => id !== '')
      .map((id) => ({ ...profileItem(ctx.core.store.user(id)), ResultCode: 0 })),
  };
}

function setProfile(ctx: CommandContext): JsonObject {
  const items = objects(ctx.body.ProfileItem)
    .map((item) => ({ tag: str(item.Tag), value: typeof item.Value === 'number' ? item.Value : str(item.Value) }))
    .filter((item) => item.tag !== '');
  updateProfile(ctx.core, ctx.userID, items, ctx.conn);
  return {};
}

function getBlacklist(ctx: CommandContext): JsonObject {
  const user = ctx.core.store.user(ctx.userID);
  return {
    BlackListItem: [...user.blacklist].map(([id, time]) => ({ To_Account: id, AddBlackTimeStamp: time })),
    StartIndex: 0,
    CurruentSequence: user.blacklist.size,
  };
}

/**
 * `black_list_add` / `black_list_delete`. The SDK only updates its list from the reply; the
 * BLACKLIST_UPDATED event comes from the FriendListMod push (BlackListAdd_Account / BlackListDel_Account),
 * sent to all the user's sockets.
 */
function changeBlacklist(ctx: CommandContext, add: boolean): JsonObject {
  const user = ctx.core.store.user(ctx.userID);
  const ids = strings(ctx.body.To_Account).filter((id) => id !== ctx.userID);
  for (const id of ids) {
    if (add) user.blacklist.set(id, nowSeconds());
    else user.blacklist.delete(id);
  }
  const change = add ? { BlackListAdd_Account: ids } : { BlackListDel_Account: ids };
  ctx.core.push.toUser(ctx.userID, [{ Event: 8, FriendListMod: [change] }]);
  return { ResultItem: ids.map((id) => ({ To_Account: id, ResultCode: 0, ResultInfo: '' })) };
}

/** The profile and blacklist commands. */
export const profileCommands: CommandTable = {
  'profile.portrait_get_all': { handle: getProfiles },
  'profile.portrait_set': { handle: setProfile },
  'sns.black_list_get': { handle: getBlacklist },
  'sns.black_list_add': { handle: (ctx) => changeBlacklist(ctx, true) },
  'sns.black_list_delete': { handle: (ctx) => changeBlacklist(ctx, false) },
};
