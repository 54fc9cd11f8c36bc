/**
 * Bad and foreign data, and storage that fails: the store starts empty (or keeps the live session),
 * a `{ code, message }` entry lands in `state.tim.errors`, nothing throws out of the middleware.
 */
import {
  login,
  logout,
  memoryStorage,
  selectConversationList,
  selectRestoredView,
  TIM_REDUX_ERROR,
  type TimPersistStorage,
} from '../../src';
import { failOnConsoleWarnings, flush } from '../helpers/store';
import { APP, loginAs, persistedStore, sync, wait, world } from './harness';

const KEY = `tim-redux:${APP}:bob`;

/** A storage holding bob's snapshot, saved by a real session on the double. */
async function savedSnapshot(): Promise<ReturnType<typeof memoryStorage>> {
  const storage = memoryStorage();
  const first = persistedStore(storage);
  world(first.sdk);
  await loginAs(first);
  await sync(first);
  await wait(30);
  first.middleware.close();
  expect(storage.data.get(KEY)).toContain('carol 1');
  return storage;
}

/** Logs bob in on `storage` with the SDK's list held back; returns the store as it is then. */
async function restoreFrom(storage: TimPersistStorage) {
  const made = persistedStore(storage);
  made.sdk.autoReady = false;
  const pending = loginAs(made);
  pending.catch(() => undefined); // a test that ends before ready closes the middleware, which rejects it
  await wait(20);
  return { ...made, pending };
}

const persistErrors = (state: {
  tim: { errors: { events: readonly { event: string; code: number; message: string }[] } };
}) => state.tim.errors.events.filter((e) => e.event === 'persist');

describe('bad snapshots', () => {
  failOnConsoleWarnings();

  const doctored: Array<[string, (text: string) => string, RegExp]> = [
    ['another version', (t) => t.replace('"version":1', '"version":2'), /version 2, this tim-redux reads version 1/],
    ['no version', (t) => t.replace('"version":1,', ''), /version undefined/],
    ['corrupted JSON', () => '{"version":1,,}', /not JSON/],
    ['truncated', (t) => t.slice(0, Math.floor(t.length / 2)), /not JSON/],
    ['not an object', () => '42', /version undefined/],
    [
      'a message of an unknown status',
      (t) => t.replace('"status":"success"', '"status":"sending"'),
      /status is not one of/,
    ],
    [
      'a __proto__ key in a payload',
      (t) => t.replace('"payload":{"text"', '"payload":{"__proto__":{"x":1},"text"'),
      /usable key/,
    ],
    [
      'an avatar that is not a string',
      (t) => t.replace(/"avatar":"[^"]*"/, '"avatar":{"href":"x"}'),
      /avatar is not a string/,
    ],
    ['a missing field', (t) => t.replace('"unreadCount":', '"unreadCountX":'), /unreadCount is not present/],
    [
      'messages of a conversation it does not list',
      (t) => t.replace(/"conversationID":"C2Ccarol","messages"/, '"conversationID":"C2Czed","messages"'),
      /do not fit/,
    ],
    ['another user', (t) => t.replace('"userID":"bob"', '"userID":"alice"'), /another user/],
  ];

  it.each(doctored)(
    '%s: starts empty with a SNAPSHOT_REJECTED entry, then the SDK data applies',
    async (_name, change, message) => {
      const storage = await savedSnapshot();
      storage.data.set(KEY, change(storage.data.get(KEY) ?? ''));
      const made = await restoreFrom(storage);
      const state = made.store.getState();
      expect(selectRestoredView(state)).toBe(false);
      expect(state.tim.conversations.table.keys).toEqual([]);
      expect(state.tim.messages.lists.size).toBe(0);
      expect(state.tim.profiles.table.keys).toEqual([]);
      const errors = persistErrors(state);
      expect(errors).toHaveLength(1);
      expect(errors[0].code).toBe(TIM_REDUX_ERROR.SNAPSHOT_REJECTED);
      expect(errors[0].message).toMatch(message);
      // The live session goes on.
      world(made.sdk);
      made.sdk.becomeReady();
      await made.pending;
      await sync(made);
      expect(selectConversationList(made.store.getState()).map((c) => c.conversationID)).toEqual([
        'C2Cdave',
        'C2Ccarol',
      ]);
      made.middleware.close();
    },
  );

  it('a javascript: URL restores as the string it is, like any peer URL (the UI guards URLs)', async () => {
    const storage = await savedSnapshot();
    const text = (storage.data.get(KEY) ?? '').replace(/"avatar":"[^"]*"/, '"avatar":"javascript:alert(1)"');
    storage.data.set(KEY, text);
    const made = await restoreFrom(storage);
    expect(persistErrors(made.store.getState())).toEqual([]);
    expect(JSON.stringify(made.store.getState().tim)).toContain('"avatar":"javascript:alert(1)"');
    made.sdk.becomeReady();
    await made.pending;
    made.middleware.close();
  });
});

describe('storage that fails', () => {
  failOnConsoleWarnings();

  const failing = (
    base: TimPersistStorage,
    on: 'getItem' | 'setItem' | 'removeItem',
    how: 'throws' | 'rejects',
    error: Error,
  ) =>
    ({
      ...base,
      [on]:
        how === 'throws'
          ? () => {
              throw error;
            }
          : () => Promise.reject(error),
    }) as TimPersistStorage;

  it.each(['throws', 'rejects'] as const)(
    'a read that %s: empty store, STORAGE_FAILED, the session goes on',
    async (how) => {
      const storage = failing(await savedSnapshot(), 'getItem', how, new Error('disk on fire'));
      const made = await restoreFrom(storage);
      const [error] = persistErrors(made.store.getState());
      expect(error).toMatchObject({ code: TIM_REDUX_ERROR.STORAGE_FAILED });
      expect(error.message).toMatch(/reading tim-redux:1400000001:bob failed: Error: disk on fire/);
      expect(made.store.getState().tim.conversations.table.keys).toEqual([]);
      world(made.sdk);
      made.sdk.becomeReady();
      await made.pending;
      await sync(made);
      expect(selectConversationList(made.store.getState())).toHaveLength(2);
      made.middleware.close();
    },
  );

  it.each(['throws', 'rejects'] as const)(
    'a full quota (setItem %s): STORAGE_FAILED, nothing of the live session lost',
    async (how) => {
      const quota = new Error('The quota has been exceeded.');
      quota.name = 'QuotaExceededError';
      const made = persistedStore(failing(memoryStorage(), 'setItem', how, quota));
      world(made.sdk);
      await loginAs(made);
      await sync(made);
      const before = made.store.getState().tim.conversations;
      await wait(30);
      const [error] = persistErrors(made.store.getState());
      expect(error).toMatchObject({ code: TIM_REDUX_ERROR.STORAGE_FAILED });
      expect(error.message).toMatch(/saving .* failed: QuotaExceededError/);
      expect(made.store.getState().tim.conversations).toBe(before);
      made.middleware.close();
    },
  );

  it.each(['throws', 'rejects'] as const)(
    'a delete that %s at logout: logged out all the same, STORAGE_FAILED',
    async (how) => {
      const storage = failing(await savedSnapshot(), 'removeItem', how, new Error('read-only'));
      const made = persistedStore(storage);
      await loginAs(made);
      await made.store.dispatch(logout());
      await flush();
      expect(made.store.getState().tim.session.status).toBe('loggedOut');
      expect(persistErrors(made.store.getState())[0]).toMatchObject({ code: TIM_REDUX_ERROR.STORAGE_FAILED });
      made.middleware.close();
    },
  );

  it('a value that is not a string: SNAPSHOT_REJECTED', async () => {
    const storage = { getItem: () => 42 as unknown as string, setItem: () => undefined, removeItem: () => undefined };
    const made = await restoreFrom(storage);
    expect(persistErrors(made.store.getState())[0]).toMatchObject({ code: TIM_REDUX_ERROR.SNAPSHOT_REJECTED });
    made.middleware.close();
  });
});

describe('whose snapshot, and when', () => {
  failOnConsoleWarnings();

  /** A storage whose reads wait for `release()`. */
  const gated = (base: ReturnType<typeof memoryStorage>) => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    return {
      storage: { ...base, getItem: async (key: string) => (await gate, base.getItem(key)) } as TimPersistStorage,
      release: () => release(),
    };
  };

  it('a restore that lands after a kick is dropped', async () => {
    const { storage, release } = gated(await savedSnapshot());
    const made = persistedStore(storage);
    await loginAs(made);
    made.sdk.emit('KICKED_OUT', { type: 'multipleDevice' });
    release();
    await wait(20);
    expect(made.store.getState().tim.session.status).toBe('kickedOut');
    expect(made.store.getState().tim.conversations.table.keys).toEqual([]);
    made.middleware.close();
  });

  it('a restore that lands after a logout is dropped', async () => {
    const { storage, release } = gated(await savedSnapshot());
    const made = persistedStore(storage);
    await loginAs(made);
    await made.store.dispatch(logout());
    release();
    await wait(20);
    expect(made.store.getState().tim.conversations.table.keys).toEqual([]);
    made.middleware.close();
  });

  it('a restore that lands after the SDK list is dropped (the SDK won already)', async () => {
    const base = await savedSnapshot();
    const { storage, release } = gated(base);
    const made = persistedStore(storage);
    world(made.sdk, 'bob', ['erin']);
    await loginAs(made);
    await sync(made);
    release();
    await wait(20);
    expect(selectConversationList(made.store.getState()).map((c) => c.conversationID)).toEqual(['C2Cerin']);
    made.middleware.close();
  });

  it("a restore that lands after SDK_READY but before any list: the SDK's list is read then", async () => {
    const { storage, release } = gated(await savedSnapshot());
    const made = persistedStore(storage);
    world(made.sdk, 'bob', ['erin']);
    await loginAs(made); // ready, and the SDK's list event held back
    release();
    await wait(20);
    expect(selectRestoredView(made.store.getState())).toBe(false);
    expect(selectConversationList(made.store.getState()).map((c) => c.conversationID)).toEqual(['C2Cerin']);
    made.middleware.close();
  });

  it('logout and kick delete the snapshot; a failed login does not', async () => {
    const storage = await savedSnapshot();
    const made = persistedStore(storage);
    made.sdk.login.mockRejectedValueOnce({ code: 70001, message: 'userSig expired' });
    await made.store.dispatch(login({ userID: 'bob', userSig: 'sig-bob' }));
    await wait(20);
    expect(storage.data.has(KEY)).toBe(true);
    await loginAs(made);
    made.sdk.emit('KICKED_OUT', { type: 'multipleDevice' });
    await wait(20);
    expect(storage.data.has(KEY)).toBe(false);
    made.middleware.close();
    const again = await savedSnapshot();
    const other = persistedStore(again);
    await loginAs(other);
    await other.store.dispatch(logout());
    await wait(20);
    expect(again.data.has(KEY)).toBe(false);
    other.middleware.close();
  });

  it("a user switch deletes the previous user's snapshot and restores nothing of it", async () => {
    const storage = await savedSnapshot();
    const made = persistedStore(storage);
    await loginAs(made);
    await loginAs(made, 'alice');
    await wait(20);
    expect(storage.data.has(KEY)).toBe(false);
    expect(JSON.stringify(made.store.getState().tim)).not.toContain('carol 1');
    made.middleware.close();
  });
});

describe('saving', () => {
  failOnConsoleWarnings();

  it('never before the SDK list: a login with the list held back does not overwrite the snapshot', async () => {
    const storage = await savedSnapshot();
    const saved = storage.data.get(KEY);
    const setItem = jest.spyOn(storage, 'setItem');
    const made = await restoreFrom(storage);
    await wait(30);
    expect(setItem).not.toHaveBeenCalled();
    expect(storage.data.get(KEY)).toBe(saved);
    made.sdk.becomeReady();
    await made.pending;
    made.middleware.close();
  });

  it('is debounced and off the dispatch path: 50 messages, nothing written during dispatch, one write after', async () => {
    const storage = memoryStorage();
    const setItem = jest.spyOn(storage, 'setItem');
    const made = persistedStore(storage, { debounceMs: 20 });
    world(made.sdk);
    await loginAs(made);
    await sync(made);
    await wait(40);
    setItem.mockClear();
    const { FakeMessage } = await import('../helpers/fakeSdk');
    const messages = Array.from({ length: 50 }, (_, i) => new FakeMessage({ from: 'carol', to: 'bob', text: `m${i}` }));
    const stringify = jest.spyOn(JSON, 'stringify');
    for (const m of messages) made.sdk.emit('MESSAGE_RECEIVED', [m]);
    expect(stringify).not.toHaveBeenCalled();
    stringify.mockRestore();
    expect(setItem).not.toHaveBeenCalled();
    await wait(60);
    expect(setItem).toHaveBeenCalledTimes(1);
    expect(storage.data.get(KEY)).toContain('"m49"');
    made.middleware.close();
  });

  it('close() writes a save that is due', async () => {
    const storage = memoryStorage();
    const made = persistedStore(storage, { debounceMs: 60_000 });
    world(made.sdk);
    await loginAs(made);
    await sync(made);
    expect(storage.data.has(KEY)).toBe(false);
    made.middleware.close();
    await flush();
    expect(storage.data.get(KEY)).toContain('carol 1');
  });

  it('keeps the newest N messages of each conversation and at most maxConversations', async () => {
    const storage = memoryStorage();
    const made = persistedStore(storage, { maxMessagesPerConversation: 1, maxConversations: 1 });
    world(made.sdk);
    await loginAs(made);
    await sync(made);
    await wait(30);
    const snapshot = JSON.parse(storage.data.get(KEY) ?? '{}') as {
      conversations: Array<{ conversationID: string }>;
      messages: Array<{ messages: Array<{ payload: { text: string } }> }>;
    };
    expect(snapshot.conversations.map((c) => c.conversationID)).toEqual(['C2Cdave']);
    expect(snapshot.messages.map((l) => l.messages.map((m) => m.payload.text))).toEqual([['bob to dave']]);
    made.middleware.close();
  });
});
