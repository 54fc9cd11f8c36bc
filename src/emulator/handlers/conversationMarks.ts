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
export function conversationIDOfItem(item: JsonObject): string {
  const groupID = str(item.ToGroupId ?? item.ToGroupid ?? item.GroupId);
  if (num(item.Type) === 2 || groupID !== '') return `GROUP${groupID}`;
  return `C2C${str(item.To_Account ?? item.UserId)}`;
}

/** A contact item for replies: `To_Account` becomes `to` and `ToGroupId` `groupID` in the SDK's key maps. */
export function replyItem(conversationID: string): JsonObject {
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
    const id = conversationIDOfItem(obj(item.ContactItem));
    setMarkBits(ctx.core, ctx.userID, id, { set: bits(item.SetMark), clear: bits(item.ClearMark) }, ctx.conn);
    return { ContactItem: replyItem(id), ResultCode: 0 };
  });
  return { ResultItem: results };
}

/**
 * Conversations as `ContactItem`s with their `StandardMark` and the IDs of the conversation groups
 * holding them (`ContactGroupId` → `convGroupIDList`), as `get_contact_group` and
 * `search_contact_group` return them (3.6.6 index.js `_handleContactItem`).
 */
export function markedItems(core: EmulatorCore, userID: string, conversationIDs: string[]): JsonObject[] {
  const groups = [...core.store.conversationGroupsOf(userID)];
  return conversationIDs.map((id) => ({
    ...replyItem(id),
    StandardMark: standardMark(core.store.marksOf(userID, id).standardMark),
    CustomMark: '',
    ContactGroupId: groups.filter(([, g]) => g.conversationIDs.has(id)).map(([groupID]) => groupID),
  }));
}

/** The conversation-mark commands (marks reach the SDK at login through `get_contact_group`, `conversationGroups.ts`). */
export const conversationMarkCommands: CommandTable = {
  'recentcontact.mark_contact': { handle: markContact },
};
