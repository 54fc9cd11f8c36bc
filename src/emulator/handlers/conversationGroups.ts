/**
 * Conversation groups (`createConversationGroup`, `addConversationsToGroup`, rename, delete): kept per
 * user on the server, returned at login with the marks (`get_contact_group`) and pushed to the user's
 * other devices as `RecentContactMod` PushTypes 5–7.
 *
 * Request shapes as both SDKs send them (seen in the command log): `create_contact_group
 * {GroupContactItem:[{GroupName, ContactItem:[...]}]}`, `update_contact_group {UpdateType:1,
 * UpdateGroup:{UpdateGroupType:1 rename | 2 members, OldGroupName, NewGroupName, ContactUpdateItem:
 * [{ContactOptType:1 add | 2 remove, ContactItem}]}}`, `del_contact_group {GroupName:[name]}`.
 */
import { CommandError, type CommandContext, type CommandTable, type EmulatorCore } from '../context';
import { num, obj, objects, str, strings, type JsonObject } from '../json';
import type { Connection } from '../transport';
import { conversationIDOfItem, markedItems, replyItem } from './conversationMarks';
import { pushRecentContactMod, recentContactItem } from './conversationSettings';

/** Error code when a conversation group is missing or already exists. */
const ERR_CONVERSATION_GROUP = 51010;

type Groups = Map<number, { name: string; conversationIDs: Set<string> }>;

function findByName(groups: Groups, name: string): [number, { name: string; conversationIDs: Set<string> }] | null {
  for (const entry of groups) if (entry[1].name === name) return entry;
  return null;
}

/**
 * Creates a conversation group of a user and pushes PushType 5 to their sockets but `except`: both
 * SDKs read `recentContactCreateContactGroup.msgContactGroupContactItem[]` `{msgGroupItem: {groupID,
 * groupName}, msgRecentContactItem: [...]}` (3.6.6 index.js `onConvGroupCreated`). `GroupID` reaches
 * the SDK as `groupID` (its camel-casing), the key it files the group under.
 */
export function createConversationGroupOf(
  core: EmulatorCore,
  userID: string,
  name: string,
  conversationIDs: string[],
  except?: Connection,
): number {
  const groups = core.store.conversationGroupsOf(userID);
  if (findByName(groups, name)) throw new CommandError(ERR_CONVERSATION_GROUP, 'conversation group exists');
  const id = core.store.takeConversationGroupID();
  groups.set(id, { name, conversationIDs: new Set(conversationIDs) });
  pushRecentContactMod(
    core,
    userID,
    [
      {
        PushType: 5,
        RecentContactCreateContactGroup: {
          MsgContactGroupContactItem: [
            {
              MsgGroupItem: { GroupID: id, GroupName: name },
              MsgRecentContactItem: conversationIDs.map(recentContactItem),
            },
          ],
        },
      },
    ],
    except,
  );
  return id;
}

/**
 * Adds conversations to (`add`) or removes them from a user's conversation group and pushes PushType 7
 * (`updateType` 1, `updateGroupType` 2: `msgUpdateGroup.{oldGroupName, recentContactUpdateGroupItem:
 * [{contactOptType, recentContactItem}]}`, 3.6.6 index.js `onConvInGroupUpdated`).
 */
export function changeConversationGroupOf(
  core: EmulatorCore,
  userID: string,
  name: string,
  conversationIDs: string[],
  add: boolean,
  except?: Connection,
): void {
  const found = findByName(core.store.conversationGroupsOf(userID), name);
  if (!found) throw new CommandError(ERR_CONVERSATION_GROUP, 'no such conversation group');
  for (const id of conversationIDs) {
    if (add) found[1].conversationIDs.add(id);
    else found[1].conversationIDs.delete(id);
  }
  pushRecentContactMod(
    core,
    userID,
    [
      {
        PushType: 7,
        RecentContactUpdateContactGroup: {
          UpdateType: 1,
          MsgUpdateGroup: {
            UpdateGroupType: 2,
            GroupID: found[0],
            OldGroupName: name,
            RecentContactUpdateGroupItem: conversationIDs.map((id) => ({
              ContactOptType: add ? 1 : 2,
              RecentContactItem: recentContactItem(id),
            })),
          },
        },
      },
    ],
    except,
  );
}

function create(ctx: CommandContext): JsonObject {
  const results = objects(ctx.body.GroupContactItem).map((item) => {
    const name = str(item.GroupName);
    const ids = objects(item.ContactItem).map(conversationIDOfItem);
    const id = createConversationGroupOf(ctx.core, ctx.userID, name, ids, ctx.conn);
    return {
      GroupItem: { GroupName: name, GroupId: id },
      ResultItem: ids.map((c) => ({ ContactItem: replyItem(c), ResultCode: 0 })),
    };
  });
  // Read as `groupResultItem[0].{groupItem: {convGroupID, groupName}, resultItem}` (3.6.6 `createConvGroup`).
  return { GroupResultItem: results };
}

function update(ctx: CommandContext): JsonObject {
  const group = obj(ctx.body.UpdateGroup);
  const oldName = str(group.OldGroupName);
  const groups = ctx.core.store.conversationGroupsOf(ctx.userID);
  const found = findByName(groups, oldName);
  if (!found) throw new CommandError(ERR_CONVERSATION_GROUP, 'no such conversation group');
  if (num(group.UpdateGroupType) === 1) {
    const newName = str(group.NewGroupName);
    found[1].name = newName;
    pushRecentContactMod(
      ctx.core,
      ctx.userID,
      [
        {
          PushType: 7,
          RecentContactUpdateContactGroup: {
            UpdateType: 1,
            MsgUpdateGroup: { UpdateGroupType: 1, GroupID: found[0], GroupName: newName, OldGroupName: oldName },
          },
        },
      ],
      ctx.conn,
    );
    // Read as `updateGroupResult.convGroupID` (3.6.6 `renameConvGroup`).
    return { UpdateGroupResult: { GroupId: found[0] } };
  }
  const items = objects(group.ContactUpdateItem);
  const added = items.filter((i) => num(i.ContactOptType) === 1).map((i) => conversationIDOfItem(obj(i.ContactItem)));
  const removed = items.filter((i) => num(i.ContactOptType) === 2).map((i) => conversationIDOfItem(obj(i.ContactItem)));
  if (added.length) changeConversationGroupOf(ctx.core, ctx.userID, oldName, added, true, ctx.conn);
  if (removed.length) changeConversationGroupOf(ctx.core, ctx.userID, oldName, removed, false, ctx.conn);
  // Read as `updateGroupResult.contactResultItem[]` `{contactItem, resultCode}` (3.6.6 `addConvsToGroup`).
  return {
    UpdateGroupResult: {
      GroupId: found[0],
      ContactResultItem: [...added, ...removed].map((c) => ({ ContactItem: replyItem(c), ResultCode: 0 })),
    },
  };
}

function remove(ctx: CommandContext): JsonObject {
  const groups = ctx.core.store.conversationGroupsOf(ctx.userID);
  const gone: JsonObject[] = [];
  for (const name of strings(ctx.body.GroupName)) {
    const found = findByName(groups, name);
    if (!found) continue;
    groups.delete(found[0]);
    gone.push({ GroupId: found[0], GroupName: name });
  }
  if (gone.length) {
    const items = gone.map((g) => ({ GroupID: g.GroupId, GroupName: g.GroupName }));
    pushRecentContactMod(
      ctx.core,
      ctx.userID,
      [{ PushType: 6, RecentContactDelContactGroup: { MsgGroupItem: items } }],
      ctx.conn,
    );
  }
  // Read as `groupItem[].convGroupID` (3.6.6 `deleteConvGroup`).
  return { GroupItem: gone };
}

/**
 * `recentcontact.get_contact_group` (at login): the conversation groups as `GroupItem [{GroupId,
 * GroupName}]` and every conversation with marks or groups as `ContactItem` with `StandardMark` and
 * `ContactGroupId`; `CompleteFlag:1` ends the SDK's paging (3.6.6 `getRemoteConvGroupList`).
 */
function getContactGroup(ctx: CommandContext): JsonObject {
  const groups = ctx.core.store.conversationGroupsOf(ctx.userID);
  const ids = new Set(ctx.core.store.markedConversations(ctx.userID));
  for (const g of groups.values()) for (const id of g.conversationIDs) ids.add(id);
  return {
    CompleteFlag: 1,
    NextStartIndex: 0,
    GroupItem: [...groups].map(([id, g]) => ({ GroupId: id, GroupName: g.name })),
    ContactItem: markedItems(ctx.core, ctx.userID, [...ids]),
  };
}

/** `recentcontact.search_contact_group {ContactItem:[...]}` (3.x, for conversations new to the SDK). */
function searchContactGroup(ctx: CommandContext): JsonObject {
  const groups = ctx.core.store.conversationGroupsOf(ctx.userID);
  const ids = objects(ctx.body.ContactItem).map(conversationIDOfItem);
  return {
    GroupItem: [...groups].map(([id, g]) => ({ GroupId: id, GroupName: g.name })),
    ContactResultItem: markedItems(ctx.core, ctx.userID, ids),
  };
}

/** The conversation-group commands. */
export const conversationGroupCommands: CommandTable = {
  'recentcontact.create_contact_group': { handle: create },
  'recentcontact.update_contact_group': { handle: update },
  'recentcontact.del_contact_group': { handle: remove },
  'recentcontact.get_contact_group': { handle: getContactGroup },
  'recentcontact.search_contact_group': { handle: searchContactGroup },
};
