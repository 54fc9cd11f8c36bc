/**
 * The property of issue 16: whatever the snapshot (a random earlier session) and whatever the SDK
 * brings now (a random later world, sharing some conversations and message IDs with it), once the
 * SDK's list and first pages are in, the store equals the store of a login that never had a
 * snapshot. The one difference allowed: my messages restored as failed (the SDK never had them),
 * which stay, failed, for Retry. Rows and messages whose data did not change keep their objects.
 */
import fc from 'fast-check';
import {
  getMessageList,
  memoryStorage,
  selectConversationList,
  selectMessagesByConversationID,
  selectRestoredView,
  type MessageRecord,
  type TimState,
} from '../../src';
import { FakeConversation, FakeMessage, type FakeSdk } from '../helpers/fakeSdk';
import { failOnConsoleWarnings, flush } from '../helpers/store';
import { loginAs, persistedStore, wait } from './harness';

const RUNS = Number(process.env.TIM_PERSIST_RUNS ?? 40);
jest.setTimeout(Math.max(60_000, RUNS * 500));

const PEERS = ['carol', 'dave', 'erin', 'frank'] as const;

interface MessageSpec {
  n: number;
  out: boolean;
  text: string;
  status: 'success' | 'unSend' | 'fail';
}
interface ConversationSpec {
  peer: (typeof PEERS)[number];
  unreadCount: number;
  isPinned: boolean;
  lastTime: number;
  nick: string;
  messages: MessageSpec[];
}

const messageArb = fc.record({
  n: fc.integer({ min: 0, max: 5 }),
  out: fc.boolean(),
  text: fc.constantFrom('a', 'b', 'c'),
  status: fc.constantFrom<MessageSpec['status']>('success', 'success', 'success', 'unSend', 'fail'),
});
const conversationArb = fc.record({
  peer: fc.constantFrom(...PEERS),
  unreadCount: fc.integer({ min: 0, max: 2 }),
  isPinned: fc.boolean(),
  lastTime: fc.integer({ min: 1, max: 4 }),
  nick: fc.constantFrom('', 'Nick'),
  messages: fc.uniqueArray(messageArb, { selector: (m) => m.n, maxLength: 4 }),
});
const worldArb = fc.uniqueArray(conversationArb, { selector: (c) => c.peer, maxLength: 4 });

/** The SDK double serving `world`: the list, one page per conversation, the total. */
function serve(sdk: FakeSdk, world: ConversationSpec[], now: boolean): void {
  sdk.conversations = world.map(
    (c) =>
      new FakeConversation(`C2C${c.peer}`, 1700000000 + c.lastTime, {
        unreadCount: c.unreadCount,
        isPinned: c.isPinned,
        nick: c.nick,
      }),
  );
  for (const c of world) {
    // The SDK after a reload never has a message that was not sent: only sent ones in its history.
    const messages = c.messages
      .filter((m) => !now || m.status === 'success')
      .sort((a, b) => a.n - b.n)
      .map(
        (m) =>
          new FakeMessage({
            ID: `${c.peer}-${m.n}`,
            from: m.out ? 'bob' : c.peer,
            to: m.out ? c.peer : 'bob',
            flow: m.out ? 'out' : 'in',
            text: m.text,
            time: 1700000000 + m.n,
            sequence: m.n + 1,
            random: m.n,
            status: m.status,
          }),
      );
    sdk.history.set(`C2C${c.peer}`, [messages]);
  }
}

async function sync(made: ReturnType<typeof persistedStore>): Promise<void> {
  const { sdk, store } = made;
  sdk.emit('CONVERSATION_LIST_UPDATED', sdk.conversations);
  sdk.emit(
    'TOTAL_UNREAD_MESSAGE_COUNT_UPDATED',
    sdk.conversations.reduce((sum, c) => sum + c.unreadCount, 0),
  );
  for (const c of sdk.conversations) await store.dispatch(getMessageList(c.conversationID));
  await flush();
}

const isRestoredFailure = (m: MessageRecord, fresh: TimState) =>
  m.flow === 'out' && m.status === 'fail' && !JSON.stringify(fresh.messages).includes(`"${m.ID}"`);

/** Everything a snapshot restores, as a UI reads it. */
function view(tim: TimState, drop: (m: MessageRecord) => boolean = () => false) {
  return {
    conversations: selectConversationList({ tim }),
    total: tim.conversations.totalUnreadCount,
    messages: tim.conversations.table.keys.map((id) =>
      selectMessagesByConversationID({ tim }, id).filter((m) => !drop(m)),
    ),
    profiles: tim.profiles.table,
    groups: tim.groups,
    restored: tim.conversations.restored,
  };
}

describe('after sync, a store with a snapshot equals a store without one', () => {
  failOnConsoleWarnings();

  it(`${RUNS} random snapshots against random SDK data`, async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, worldArb, async (before, after) => {
        const storage = memoryStorage();
        const first = persistedStore(storage);
        serve(first.sdk, before, false);
        await loginAs(first);
        await sync(first);
        await wait(15);
        first.middleware.close();

        const restored = persistedStore(storage);
        const fresh = persistedStore(null);
        serve(restored.sdk, after, true);
        serve(fresh.sdk, after, true);
        let shown: TimState | null = null;
        const stop = restored.store.subscribe(() => {
          const state = restored.store.getState();
          if (shown === null && selectRestoredView(state)) shown = state.tim;
        });
        await loginAs(restored);
        await loginAs(fresh);
        stop();
        await sync(restored);
        await sync(fresh);
        const a = restored.store.getState().tim;
        const b = fresh.store.getState().tim;
        expect(view(a, (m) => isRestoredFailure(m, b))).toEqual(view(b));
        // Restored failures are failed, and none was sent.
        for (const id of a.conversations.table.keys) {
          const messages = selectMessagesByConversationID({ tim: a }, id);
          expect(new Set(messages.map((m) => m.ID)).size).toBe(messages.length);
          for (const m of messages) if (isRestoredFailure(m, b)) expect(m.status).toBe('fail');
        }
        expect(restored.sdk.sendMessage).not.toHaveBeenCalled();
        expect(restored.sdk.resendMessage).not.toHaveBeenCalled();
        // Unchanged rows and messages keep the objects shown from the snapshot.
        const early = shown as TimState | null;
        if (early) {
          for (const row of a.conversations.table.values) {
            const old = early.conversations.table.values.find((c) => c.conversationID === row.conversationID);
            if (old && JSON.stringify(old) === JSON.stringify(row)) expect(row).toBe(old);
          }
          for (const id of a.conversations.table.keys) {
            const oldMessages = selectMessagesByConversationID({ tim: early }, id);
            for (const m of selectMessagesByConversationID({ tim: a }, id)) {
              const old = oldMessages.find((o) => o.ID === m.ID);
              if (old && JSON.stringify(old) === JSON.stringify(m)) expect(m).toBe(old);
            }
          }
        }
        restored.middleware.close();
        fresh.middleware.close();
      }),
      { numRuns: RUNS },
    );
  });
});
