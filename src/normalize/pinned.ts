/** A pinned group message (3.x): the SDK message with who pinned it. */
import { normalizeMessage } from './message';
import { isObject, str } from './plain';
import type { PinnedGroupMessageRecord } from '../types';

/**
 * SDK message with `pinnerInfo` → `PinnedGroupMessageRecord` (3.6.6 index.js: the messages of
 * `getPinnedGroupMessageList` get `pinnerInfo` in `_updatePinnerInfo`; the message of a
 * PINNED_GROUP_MESSAGE_UPDATED pin gets it in `onPinnedMessageNotify`). Throws like `normalizeMessage`.
 */
export function normalizePinnedMessage(raw: unknown): PinnedGroupMessageRecord {
  const record = normalizeMessage(raw);
  const pinner = isObject(raw) && isObject(raw.pinnerInfo) ? raw.pinnerInfo : {};
  return {
    ...record,
    pinnerInfo: { userID: str(pinner.userID), nick: str(pinner.nick), avatar: str(pinner.avatar) },
  };
}
