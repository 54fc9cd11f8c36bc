/**
 * A store with persistence on the SDK double (its records come from real recorded SDK objects), for
 * the unit, bad-data and property tests. The real-SDK behaviour is in __tests__/integration/persist.test.ts.
 */
import { createTimPersistence, getMessageList, login, type TimPersistOptions, type TimPersistStorage } from '../../src';
import { FakeConversation, FakeMessage, FakeSdk } from '../helpers/fakeSdk';
import { flush, makeStore } from '../helpers/store';

/** The SDKAppID of every test store. */
export const APP = 1400000001;

/** A store with `persist` on `storage` (debounce 5 ms), on a new SDK double. */
export function persistedStore(storage: TimPersistStorage | null, extra: Partial<TimPersistOptions> = {}) {
  const sdk = new FakeSdk();
  const persist = storage ? createTimPersistence({ storage, SDKAppID: APP, debounceMs: 5, ...extra }) : undefined;
  const made = makeStore(sdk, { persist, loadProfileOnReady: false });
  return { sdk, ...made };
}

type Made = ReturnType<typeof persistedStore>;

/** Logs `userID` in (the double becomes ready a tick later). */
export async function loginAs({ store }: Made, userID = 'bob'): Promise<void> {
  await store.dispatch(login({ userID, userSig: `sig-${userID}` })).unwrap();
  await flush();
}

/** A small world: conversations with a page of messages each, as the SDK double serves them. */
export function world(sdk: FakeSdk, me = 'bob', peers = ['carol', 'dave']): void {
  sdk.conversations = peers.map((p, i) => new FakeConversation(`C2C${p}`, 1700000100 + i, { unreadCount: i }));
  for (const p of peers) {
    sdk.history.set(`C2C${p}`, [
      [
        new FakeMessage({ from: p, to: me, text: `${p} 1`, time: 1700000001 }),
        new FakeMessage({ from: me, to: p, text: `${me} to ${p}`, flow: 'out', time: 1700000002 }),
      ],
    ]);
  }
}

/** The SDK's list arrives, then the first page of each conversation. */
export async function sync({ sdk, store }: Made): Promise<void> {
  sdk.emit('CONVERSATION_LIST_UPDATED', sdk.conversations);
  for (const c of sdk.conversations) await store.dispatch(getMessageList(c.conversationID));
  await flush();
}

/** Waits `ms` (past the debounce). */
export const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
