/**
 * The snapshot as JSON, the text `JSON.stringify(snapshot)` gives, without re-serializing what did
 * not change since the last save. Message lists are immutable (any change makes a new list object),
 * so the JSON of a conversation's newest messages is cached by its list: under a flood a save
 * serializes the few conversations that moved and joins the others' cached text. The cache holds
 * the text only as long as the list it was made from lives.
 */
import type { MessageList } from '../types';
import type { SnapshotMessages, TimSnapshot } from './snapshot';

const cache = new WeakMap<MessageList, { max: number; json: string }>();

const arrayJSON = (values: readonly unknown[]): string => JSON.stringify(values);

/** The JSON of one conversation's saved messages, from the cache when `list` has not changed. */
function messagesJSON(entry: SnapshotMessages, list: MessageList | undefined, max: number): string {
  const hit = list ? cache.get(list) : undefined;
  if (hit && hit.max === max) return hit.json;
  const json = JSON.stringify(entry);
  if (list) cache.set(list, { max, json });
  return json;
}

/**
 * `JSON.stringify(snapshot)`, key for key. `listOf` gives the message list each entry of
 * `snapshot.messages` was taken from, with the limit it was cut to.
 */
export function snapshotJSON(
  snapshot: TimSnapshot,
  listOf: (conversationID: string) => MessageList | undefined,
  maxMessagesPerConversation: number,
): string {
  const messages = snapshot.messages
    .map((entry) => messagesJSON(entry, listOf(entry.conversationID), maxMessagesPerConversation))
    .join(',');
  const { version, SDKAppID, userID, savedAt, conversations, totalUnreadCount, profiles, groups, embeddedGroups } =
    snapshot;
  return (
    `{"version":${JSON.stringify(version)},"SDKAppID":${JSON.stringify(SDKAppID)},"userID":${JSON.stringify(userID)}` +
    `,"savedAt":${JSON.stringify(savedAt)},"conversations":${arrayJSON(conversations)}` +
    `,"totalUnreadCount":${JSON.stringify(totalUnreadCount)},"messages":[${messages}]` +
    `,"profiles":${arrayJSON(profiles)},"groups":${arrayJSON(groups)},"embeddedGroups":${arrayJSON(embeddedGroups)}}`
  );
}
