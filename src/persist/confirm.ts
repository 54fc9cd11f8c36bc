/** After SDK_READY of a login that restored a snapshot: the SDK's total and whole list replace the restored ones. */
import type { Dispatch, MiddlewareAPI, UnknownAction } from '@reduxjs/toolkit';
import { conversationListUpdated, totalUnreadCountUpdated } from '../actions';
import type { ConversationListNormalizer } from '../normalize/conversation';
import type { TimSdk } from '../sdk';
import { invoke, sdkTotalUnread } from '../thunks/call';
import { dataOf } from '../thunks/create';
import type { RootStateWithTim } from '../types';

/**
 * The SDK's total at once: no event may repeat it (a total that did not change since the SDK
 * started is never emitted), and the restored one must not stay. Then, while the restored view is
 * still on (no list event came: an account whose list is empty, 3.x partial lists), the SDK's whole
 * list, read once the SDK says it is synced (3.6.6 index.js `getConvList` resolves
 * `{conversationList, isSyncCompleted}`; 2.27.6 tim-js.js answers from its `_conversationMap`, whole at
 * SDK_READY), applied as a whole-list event.
 */
export function confirmRestored(
  api: MiddlewareAPI<Dispatch<UnknownAction>, RootStateWithTim>,
  sdk: TimSdk,
  conversations: ConversationListNormalizer,
  epoch: () => number,
  isOpen: () => boolean,
): void {
  const total = sdkTotalUnread(sdk);
  if (total !== null) api.dispatch(totalUnreadCountUpdated(total));
  if (!api.getState().tim.conversations.restored) return;
  const at = epoch();
  invoke(sdk, 'getConversationList').then(
    (response) => {
      const data = dataOf(response);
      const list = data.conversationList;
      if (epoch() !== at || !isOpen() || data.isSyncCompleted === false || !Array.isArray(list)) return;
      if (!api.getState().tim.conversations.restored) return;
      const { problems, ...lists } = conversations.normalizeList(list, true);
      if (problems.length) return; // the SDK's own event decides
      api.dispatch(
        conversationListUpdated({ ...lists, complete: true, partial: false, totalUnreadCount: sdkTotalUnread(sdk) }),
      );
    },
    () => undefined, // the SDK's list event still comes
  );
}
