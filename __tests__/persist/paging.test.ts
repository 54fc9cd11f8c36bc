/**
 * The restored view with a paged conversation list, on the SDK double: list events before the SDK's
 * list is whole remove no restored row; the SDK is asked again until `getConversationList()` says
 * `isSyncCompleted: true` (both SDKs: `_pagingStatus` resolved), then its list is the whole list.
 * Asking stops with the session. The real SDKs paging against the emulator: integration/persistPaging.
 */
import {
  logout,
  memoryStorage,
  selectConversationList,
  selectMessagesByConversationID,
  selectRestoredView,
} from '../../src';
import { failOnConsoleWarnings } from '../helpers/store';
import { APP, loginAs, persistedStore, sync, wait, world } from './harness';

const KEY = `tim-redux:${APP}:bob`;

async function savedSnapshot() {
  const storage = memoryStorage();
  const first = persistedStore(storage);
  world(first.sdk, 'bob', ['carol', 'dave', 'erin']);
  await loginAs(first);
  await sync(first);
  await wait(30);
  first.middleware.close();
  expect(storage.data.get(KEY)).toContain('dave 1');
  return storage;
}

/** A store on `storage` whose SDK says its list is whole only when `state.whole`. */
function pagingStore(storage: ReturnType<typeof memoryStorage>) {
  const made = persistedStore(storage);
  world(made.sdk, 'bob', ['carol', 'dave', 'erin']);
  const state = { whole: false };
  made.sdk.getConversationList.mockImplementation(async () => ({
    code: 0,
    data: { conversationList: made.sdk.conversations, isSyncCompleted: state.whole },
  }));
  return { ...made, state };
}

const ids = (made: { store: { getState(): Parameters<typeof selectConversationList>[0] } }) =>
  selectConversationList(made.store.getState()).map((c) => c.conversationID);

describe('the restored view with a paged conversation list', () => {
  failOnConsoleWarnings();

  it('a page removes no restored row; the list the SDK says is whole ends the view', async () => {
    const made = pagingStore(await savedSnapshot());
    // dave's conversation was deleted while away: the SDK's whole list will not have it.
    made.sdk.conversations = made.sdk.conversations.filter((c) => c.conversationID !== 'C2Cdave');
    await loginAs(made);
    made.sdk.emit('CONVERSATION_LIST_UPDATED', made.sdk.conversations.slice(0, 1)); // the first page
    await wait(120);
    expect(selectRestoredView(made.store.getState())).toBe(true);
    expect(ids(made).sort()).toEqual(['C2Ccarol', 'C2Cdave', 'C2Cerin']);
    expect(selectMessagesByConversationID(made.store.getState(), 'C2Cerin').length).toBeGreaterThan(0);
    const asked = made.sdk.getConversationList.mock.calls.length;
    expect(asked).toBeGreaterThan(1); // asked again, with a backoff

    made.sdk.emit('CONVERSATION_LIST_UPDATED', made.sdk.conversations); // the last page, not yet resolved
    made.state.whole = true;
    await wait(120);
    expect(selectRestoredView(made.store.getState())).toBe(false);
    expect(ids(made).sort()).toEqual(['C2Ccarol', 'C2Cerin']);
    expect(selectMessagesByConversationID(made.store.getState(), 'C2Cdave')).toEqual([]);
    expect(selectMessagesByConversationID(made.store.getState(), 'C2Cerin').length).toBeGreaterThan(0);
    const done = made.sdk.getConversationList.mock.calls.length;
    await wait(300);
    expect(made.sdk.getConversationList.mock.calls.length).toBe(done); // no more asking
    made.middleware.close();
  });

  it('asking stops at logout and at close', async () => {
    for (const end of ['logout', 'close'] as const) {
      const made = pagingStore(await savedSnapshot());
      await loginAs(made);
      made.sdk.emit('CONVERSATION_LIST_UPDATED', made.sdk.conversations.slice(0, 1));
      await wait(100);
      expect(selectRestoredView(made.store.getState())).toBe(true);
      if (end === 'logout') await made.store.dispatch(logout());
      else made.middleware.close();
      await wait(20);
      const asked = made.sdk.getConversationList.mock.calls.length;
      await wait(600);
      expect(made.sdk.getConversationList.mock.calls.length).toBe(asked);
      if (end === 'logout') {
        expect(selectRestoredView(made.store.getState())).toBe(false);
        made.middleware.close();
      }
    }
  });

  it('an SDK that never says whole: its list is taken after about 30 s of asking, so the view ends', async () => {
    const made = pagingStore(await savedSnapshot());
    made.sdk.conversations = made.sdk.conversations.filter((c) => c.conversationID !== 'C2Cdave');
    await loginAs(made);
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    try {
      made.sdk.emit('CONVERSATION_LIST_UPDATED', made.sdk.conversations.slice(0, 1));
      await jest.advanceTimersByTimeAsync(20_000);
      expect(selectRestoredView(made.store.getState())).toBe(true);
      await jest.advanceTimersByTimeAsync(15_000);
      expect(selectRestoredView(made.store.getState())).toBe(false);
      expect(ids(made).sort()).toEqual(['C2Ccarol', 'C2Cerin']);
    } finally {
      jest.useRealTimers();
      made.middleware.close();
    }
  });
});
