/**
 * Friend groups (`sns.group_get/add/delete/update`; request and reply keys from 3.6.6 index.js
 * `R.GET_FD_GRP_LIST` ... `R.UPDATE_FD_GRP`, the same in 2.27.6 tim-js-friendship.js). The SDKs
 * change their own list from the replies (FRIEND_GROUP_LIST_UPDATED), so no push is needed; a
 * friend's groups reach `friend_get` as `Tag_SNS_IM_Group`.
 */
import type { CommandContext, CommandTable } from '../context';
import { objects, str, strings, type JsonObject } from '../json';
import { friendsOf, groupsOf } from './friends';

function getGroups(ctx: CommandContext): JsonObject {
  return {
    ResultItem: [...groupsOf(ctx.core.store, ctx.userID)].map(([name, members]) => ({
      GroupName: name,
      FriendNumber: members.length,
      To_Account: [...members],
    })),
    CurrentSequence: 0,
  };
}

/** Adds friends to a group; only the user's friends can join it. Returns the per-user results. */
function addToGroup(ctx: CommandContext, members: string[], ids: string[], type?: string): JsonObject[] {
  const mine = friendsOf(ctx.core.store, ctx.userID);
  return ids.map((id) => {
    if (!mine.has(id)) return { To_Account: id, ResultCode: 30001, ResultInfo: 'not a friend', UpdateType: type };
    if (!members.includes(id)) members.push(id);
    return { To_Account: id, ResultCode: 0, ResultInfo: '', UpdateType: type };
  });
}

function createGroups(ctx: CommandContext): JsonObject {
  const groups = groupsOf(ctx.core.store, ctx.userID);
  const results: JsonObject[] = [];
  for (const name of strings(ctx.body.GroupName)) {
    const members: string[] = groups.get(name) ?? [];
    groups.set(name, members);
    results.push(...addToGroup(ctx, members, strings(ctx.body.To_Account)));
  }
  return { ResultItem: results };
}

function deleteGroups(ctx: CommandContext): JsonObject {
  const groups = groupsOf(ctx.core.store, ctx.userID);
  for (const name of strings(ctx.body.GroupName)) groups.delete(name);
  return {};
}

function updateGroup(ctx: CommandContext): JsonObject {
  const groups = groupsOf(ctx.core.store, ctx.userID);
  const name = str(ctx.body.GroupOldName);
  const members = groups.get(name);
  if (!members) return { ErrorCode: 30008, ErrorInfo: 'no such friend group' };
  const results: JsonObject[] = [];
  for (const item of objects(ctx.body.UpdateGroupItem)) {
    const id = str(item.To_Account);
    const type = str(item.UpdateType);
    if (type === 'Update_Type_Add') results.push(...addToGroup(ctx, members, [id], type));
    else {
      const i = members.indexOf(id);
      if (i >= 0) members.splice(i, 1);
      results.push({ To_Account: id, ResultCode: 0, ResultInfo: '', UpdateType: type });
    }
  }
  const newName = str(ctx.body.GroupNewName);
  if (newName !== '' && newName !== name) {
    // Keep the group's place in the list, as a rename does on the server.
    const renamed = new Map([...groups].map(([n, m]) => (n === name ? [newName, m] : [n, m])));
    groups.clear();
    for (const [n, m] of renamed) groups.set(n, m);
  }
  return { ResultItem: results };
}

/** The friend-group commands. */
export const friendGroupCommands: CommandTable = {
  'sns.group_get': { handle: getGroups },
  'sns.group_add': { handle: createGroups },
  'sns.group_delete': { handle: deleteGroups },
  'sns.group_update': { handle: updateGroup },
};
