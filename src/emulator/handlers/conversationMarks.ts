/**
 * Conversation marks (`markConversation`: star, unread, fold, hide, custom bits): kept per user and
 * conversation, returned at login and pushed to the user's other devices.
 */
import type { CommandContext, CommandTable, EmulatorCore } from '../context';
import { num, obj, objects, str, type JsonObject } from '../json';
import type { Connection } from '../transport';
import { pushRecentContactMod, recentContactItem } from './conversationSettings';

/**
 * A mark bitmask as the SDK reads `standardMark`: a string of '0'/'1', lowest bit last (3.6.6 index.js
 * `en`, 2.27.6 tim-js.js `Ht`: `"1"===e[o] && t.push(2 ** (n-o-1))`).
 */
export function standardMark(mask: number): string {
  return mask === 0 ? '' : mask.toString(2);
}

/** The conversation ID a contact item names (`{Type:1, To_Account}` or `{Type:2, ToGroupId}`). */
function conversationIDOf(item: JsonObject): string {
  const groupID = str(item.ToGroupId ?? item.ToGroupid ?? item.GroupId);
  if (num(item.Type) === 2 || groupID !== '') return `GROUP${groupID}`;
  return `C2C${str(item.To_Account ?? item.UserId)}`;
}

/** A contact item for replies: `To_Account` becomes `to` and `ToGroupId` `groupID` in the SDK's key maps. */
function replyItem(conversationID: string): JsonObject {
  return conversationID.startsWith('GROUP')
    ? { Type: 2, ToGroupId: conversationID.slice(5) }
    : { Type: 1, To_Account: conversationID.slice(3) };
}

/**
 * Sets or clears mark bits of a user's conversation and pushes `RecentContactMod` PushType 4 to their
 * sockets but `except`: both SDKs apply `recentContactMarkContact.recentContactMarkContactItem[]`
 * `{recentContactItem, optType: 1, standardMark}` (3.6.6 index.js `onConvMarkUpdated`, 2.27.6
 * tim-js.js `onConversationMarkUpdated`) and emit CONVERSATION_LIST_UPDATED.
 */
export function setMarkBits(
  core: EmulatorCore,
  userID: string,
  conversationID: string,
  change: { set?: number[]; clear?: number[] },
  except?: Connection,
): void {
  const marks = core.store.marksOf(userID, conversationID);
  for (const bit of change.set ?? []) marks.standardMark |= 2 ** bit;
  for (const bit of change.clear ?? []) marks.standardMark &= ~(2 ** bit);
  pushRecentContactMod(
    core,
    userID,
    [
      {
        PushType: 4,
        RecentContactMarkContact: {
          RecentContactMarkContactItem: [
            {
              RecentContactItem: recentContactItem(conversationID),
              OptType: 1,
              StandardMark: standardMark(marks.standardMark),
            },
          ],
        },
      },
    ],
    except,
  );
}

const bits = (value: unknown): number[] =>
  (Array.isArray(value) ? value : []).map((v) => num(v, -1)).filter((v) => v >= 0 && v < 31);

/**
 * `recentcontact.mark_contact {MarkItem:[{OptType:1, ContactItem, SetMark:[bit], ClearMark:[bit]}]}`
 * → `{ResultItem:[{ContactItem, ResultCode}]}` (read by `markConv`/`markConversation` as `resultItem`).
 */
function markContact(ctx: CommandContext): JsonObject {
  const results = objects(ctx.body.MarkItem).map((item) => {
    const id = conversationIDOf(obj(item.ContactItem));
    setMarkBits(ctx.core, ctx.userID, id, { set: bits(item.SetMark), clear: bits(item.ClearMark) }, ctx.conn);
    return { ContactItem: replyItem(id), ResultCode: 0 };
  });
  return { ResultItem: results };
}

/** The user's conversations that carry marks, as `ContactItem`s with `StandardMark`. */
function markedItems(core: EmulatorCore, userID: string, conversationIDs: string[]): JsonObject[] {
  return conversationIDs.map((id) => ({
    ...replyItem(id),
    StandardMark: standardMark(core.store.marksOf(userID, id).standardMark),
    CustomMark: '',
    ContactGroupId: [],
  }));
}

/**
 * `recentcontact.get_contact_group` (at login): every marked conversation of the user; `CompleteFlag:1`
 * ends the SDK's paging (`getRemoteConvGroupList`).
 */
function getContactGroup(ctx: CommandContext): JsonObject {
  const ids = ctx.core.store.markedConversations(ctx.userID);
  return { CompleteFlag: 1, NextStartIndex: 0, GroupItem: [], ContactItem: markedItems(ctx.core, ctx.userID, ids) };
}

/** `recentcontact.search_contact_group {ContactItem:[...]}` (3.x, for conversations new to the SDK). */
function searchContactGroup(ctx: CommandContext): JsonObject {
  const ids = objects(ctx.body.ContactItem).map(conversationIDOf);
  return { GroupItem: [], ContactResultItem: markedItems(ctx.core, ctx.userID, ids) };
}

/** The conversation-mark commands. */
export const conversationMarkCommands: CommandTable = {
  'recentcontact.mark_contact': { handle: markContact },
  'recentcontact.get_contact_group': { handle: getContactGroup },
  'recentcontact.search_contact_group': { handle: searchContactGroup },
};
