/**
 * A message's reaction list (3.x) as the store keeps it: the SDK's reaction items in its order, and
 * the two ways it changes (a pushed or loaded update; my own add or remove, shown at once).
 */
import type { MessageReaction } from '../types';

/**
 * A message's reactions with `changes` applied by reactionID (the SDK's MESSAGE_REACTIONS_UPDATED
 * carries the changed reactions only: 3.6.6 onReactionNotify sends one): a reaction nobody holds any
 * more (`totalUserCount` 0) is dropped, a new one goes last. With `replace`, `changes` is the whole
 * list (`getMessageReactions`).
 */
export function mergeReactions(
  prev: readonly MessageReaction[],
  changes: readonly MessageReaction[],
  replace = false,
): MessageReaction[] {
  const next = replace ? [] : prev.slice();
  for (const change of changes) {
    const at = next.findIndex((r) => r.reactionID === change.reactionID);
    if (change.totalUserCount <= 0) {
      if (at >= 0) next.splice(at, 1);
    } else if (at >= 0) next[at] = change;
    else next.push(change);
  }
  return next;
}

/**
 * The reactions with my reaction added or removed: my count and `reactedByMyself` change, and `prev`
 * itself comes back when it already says so (the pushed update with the server's count may have come
 * first; the SDK's own flag for it is set when the call starts, `_addReactedByMyselfMap`).
 */
export function withMyReaction(
  prev: MessageReaction[],
  reactionID: string,
  me: string,
  added: boolean,
): MessageReaction[] {
  const held = prev.find((x) => x.reactionID === reactionID);
  if ((held?.reactedByMyself ?? false) === added) return prev;
  const others = held ? held.partialUserList.filter((u) => u.userID !== me) : [];
  return mergeReactions(prev, [
    {
      reactionID,
      totalUserCount: Math.max(0, (held?.totalUserCount ?? 0) + (added ? 1 : -1)),
      partialUserList: added ? [...others, { userID: me, nick: '', avatar: '' }] : others,
      reactedByMyself: added,
    },
  ]);
}
