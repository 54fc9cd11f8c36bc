/**
 * Pinned group messages (@tencentcloud/chat 3.x): pin, unpin, load the list into
 * `extras.pinnedGroupMessages`. A pin or unpin lands in state through PINNED_GROUP_MESSAGE_UPDATED,
 * which the server sends to every member, the one who pinned included.
 */
import { normalizeMany } from '../normalize/message';
import { normalizePinnedMessage } from '../normalize/pinned';
import type { PinnedGroupMessageRecord } from '../types';
import { invoke, requireId, requireObject } from './call';
import { createTimThunk, dataOf, requireArg, withSdk } from './create';
import { sdkMessage } from './messages';

/** Pins (`isPinned: true`) or unpins a group message, by its ID. */
export const pinGroupMessage = createTimThunk<
  { groupID: string; messageID: string; isPinned: boolean },
  { groupID: string; messageID: string; isPinned: boolean }
>('tim/pinGroupMessage', (args, api) =>
  withSdk(api, async (ctx) => {
    requireObject(args, 'pinGroupMessage needs { groupID, messageID, isPinned }');
    requireId(args.groupID, 'pinGroupMessage needs a groupID');
    requireId(args.messageID, 'pinGroupMessage needs a messageID');
    requireArg(typeof args.isPinned === 'boolean', 'pinGroupMessage needs isPinned: boolean');
    const message = sdkMessage(ctx, args.messageID);
    await invoke(ctx.sdk, 'pinGroupMessage', { groupID: args.groupID, message, isPinned: args.isPinned });
    return { groupID: args.groupID, messageID: args.messageID, isPinned: args.isPinned };
  }),
);

/** A group's pinned messages as loaded. */
export interface LoadedPinnedMessages {
  /** The group. */
  groupID: string;
  /** The pinned messages, by sequence. */
  messages: PinnedGroupMessageRecord[];
}

/** Loads a group's pinned messages into `extras.pinnedGroupMessages` (replacing what was there). */
export const getPinnedGroupMessageList = createTimThunk<LoadedPinnedMessages, string>(
  'tim/getPinnedGroupMessageList',
  (groupID, api) =>
    withSdk(api, async ({ sdk }) => {
      requireId(groupID, 'getPinnedGroupMessageList needs a groupID');
      const data = dataOf(await invoke(sdk, 'getPinnedGroupMessageList', groupID));
      const { records } = normalizeMany(data.messageList, normalizePinnedMessage, 'pinned message');
      return { groupID, messages: records.sort((a, b) => a.sequence - b.sequence) };
    }),
);
