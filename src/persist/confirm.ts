/**
 * Ending the restored view when, and only when, the SDK's conversation list is whole.
 *
 * The server pages the list: both SDKs ask `recentcontact.page_get` until `completeFlag` is 1 and,
 * after each page, put it into their local list and emit CONVERSATION_LIST_UPDATED with the list so
 * far; SDK_READY comes after the first page (2.27.6 tim-js.js `_pagingGetConversationList`:
 * `_updateLocalConversationList`, `emitConversationUpdate()`, `triggerReady()`, next page while
 * `1!==a`; 3.6.6 index.js `_pagingGetConvList` likewise with `emitConvUpdate()`). Only after the last
 * page do they mark the paging resolved (2.27.6 `syncConversationList`: `_pagingStatus=$t.RESOLVED`,
 * then `emitConversationUpdate(!0,!1)`; 3.6.6: `_pagingStatus=qn`, `emitConvUpdate(!0,!1)`), which
 * `getConversationList()` reports as `isSyncCompleted` (2.27.6 `isSyncCompleted:this._isSyncCompleted()`,
 * 3.6.6 `isSyncCompleted:this.isSyncCompleted()`, both `_pagingStatus` === resolved). So while the
 * restored view is on, a list event is the SDK's list so far (applied without removing restored
 * rows, `reduceWithRestore`), and after it the SDK is asked whether its list is whole; once it says so,
 * that list is applied as the whole list and the restored view ends. The event of the last page may
 * come before the SDK marks its paging resolved: then it is asked again a little later.
 */
import type { Dispatch, MiddlewareAPI, UnknownAction } from '@reduxjs/toolkit';
import { totalUnreadCountUpdated } from '../actions';
import type { ConversationListNormalizer } from '../normalize/conversation';
import type { TimSdk } from '../sdk';
import { invoke, sdkTotalUnread } from '../thunks/call';
import { dataOf } from '../thunks/create';
import type { RootStateWithTim } from '../types';
import { restoredListSynced } from './restore';

type Api = MiddlewareAPI<Dispatch<UnknownAction>, RootStateWithTim>;

/** Waits between asking the SDK again, by attempt; the last one repeats. */
const DELAYS_MS = [0, 50, 100, 200, 400, 800, 1000];
/**
 * Asks after the last list event before the SDK's list is taken as it is (paging that failed and
 * is not retried by the SDK would otherwise keep the restored view on forever): about 30 s.
 */
const MAX_ATTEMPTS = 35;

/** Ends the restored view once the SDK's list is whole. */
export interface RestoredSync {
  /**
   * A list event came while the restored view is on (or SDK_READY did): ask the SDK soon whether its
   * list is whole, and keep asking with a backoff until it is, the session changes or the view ends.
   */
  poke(api: Api): void;
  /** Stops asking (the middleware was closed). */
  stop(): void;
}

/** Creates the watcher of one middleware. */
export function createRestoredSync(
  sdk: TimSdk,
  conversations: ConversationListNormalizer,
  epoch: () => number,
  isOpen: () => boolean,
): RestoredSync {
  let api: Api | null = null;
  let at = -1;
  let attempts = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let asking = false;

  const live = (): boolean => api !== null && epoch() === at && isOpen() && api.getState().tim.conversations.restored;

  const schedule = () => {
    if (timer !== null || asking || attempts >= MAX_ATTEMPTS) return;
    timer = setTimeout(ask, DELAYS_MS[Math.min(attempts, DELAYS_MS.length - 1)]);
    attempts++;
  };

  const ask = () => {
    timer = null;
    if (!live()) return;
    asking = true;
    const session = at;
    invoke(sdk, 'getConversationList').then(
      (response) => {
        if (session !== at) return; // a newer session's asking goes on
        asking = false;
        if (!live() || !api) return;
        const data = dataOf(response);
        const list = data.conversationList;
        const last = attempts >= MAX_ATTEMPTS;
        if (Array.isArray(list) && (data.isSyncCompleted !== false || last)) {
          const { problems, ...lists } = conversations.normalizeList(list, true);
          // A malformed item: the SDK's next event or answer may be whole; the last answer is taken.
          if (problems.length === 0 || last) {
            api.dispatch(
              restoredListSynced({
                ...lists,
                complete: problems.length === 0,
                partial: false,
                totalUnreadCount: sdkTotalUnread(sdk),
              }),
            );
            return;
          }
        }
        schedule();
      },
      () => {
        if (session !== at) return;
        asking = false;
        if (live()) schedule();
      },
    );
  };

  return {
    poke(store) {
      api = store;
      if (epoch() !== at) {
        at = epoch();
        asking = false; // an answer for the previous session is dropped by `live()`
      }
      attempts = 0;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      schedule();
    },
    stop() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      attempts = MAX_ATTEMPTS;
    },
  };
}

/**
 * After SDK_READY of a login that restored a snapshot: the SDK's total at once (no event may repeat
 * it: a total that did not change since the SDK started is never emitted, and the restored one must
 * not stay), then the whole list once the SDK has it (`sync.poke`: also for an account whose list is
 * empty, which brings no list event, and 3.x partial lists, which never end the view by themselves).
 */
export function confirmRestored(api: Api, sdk: TimSdk, sync: RestoredSync): void {
  const total = sdkTotalUnread(sdk);
  if (total !== null) api.dispatch(totalUnreadCountUpdated(total));
  if (api.getState().tim.conversations.restored) sync.poke(api);
}
