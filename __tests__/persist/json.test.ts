/** The snapshot's JSON is `JSON.stringify(snapshot)`, and a save re-serializes only the message lists that changed. */
import { pagedGet } from '../../src/entities/pagedTable';
import { snapshotJSON } from '../../src/persist/json';
import { takeSnapshot } from '../../src/persist/snapshot';
import type { TimState } from '../../src';
import { FakeMessage } from '../helpers/fakeSdk';
import { failOnConsoleWarnings, flush } from '../helpers/store';
import { loginAs, persistedStore, sync, world } from './harness';

failOnConsoleWarnings();

const limits = { maxConversations: 1000, maxMessagesPerConversation: 30 };
const json = (tim: TimState) =>
  snapshotJSON(
    takeSnapshot(tim, '1400000001', 'bob', limits),
    (id) => pagedGet(tim.messages.lists, id),
    limits.maxMessagesPerConversation,
  );

describe('snapshotJSON', () => {
  it('gives the text JSON.stringify gives, before and after a change, serializing only the changed list again', async () => {
    const made = persistedStore(null);
    world(made.sdk);
    await loginAs(made);
    await sync(made);
    const before = made.store.getState().tim;
    const snapshot = takeSnapshot(before, '1400000001', 'bob', limits);
    expect(snapshot.messages.map((m) => m.conversationID).sort()).toEqual(['C2Ccarol', 'C2Cdave']);
    const first = json(before);
    expect(first).toBe(JSON.stringify({ ...snapshot, savedAt: JSON.parse(first).savedAt }));

    made.sdk.emit('MESSAGE_RECEIVED', [new FakeMessage({ from: 'carol', to: 'bob', text: 'new', time: 1700000500 })]);
    await flush();
    const after = made.store.getState().tim;
    expect(pagedGet(after.messages.lists, 'C2Cdave')).toBe(pagedGet(before.messages.lists, 'C2Cdave'));
    const stringify = jest.spyOn(JSON, 'stringify');
    try {
      const text = json(after);
      const serialized = stringify.mock.calls.map(([value]) => value);
      // carol's list changed and is serialized again; dave's did not and comes from the cache.
      expect(serialized.some((v) => (v as { conversationID?: string })?.conversationID === 'C2Ccarol')).toBe(true);
      expect(serialized.some((v) => (v as { conversationID?: string })?.conversationID === 'C2Cdave')).toBe(false);
      stringify.mockRestore();
      const expected = takeSnapshot(after, '1400000001', 'bob', limits);
      expect(text).toBe(JSON.stringify({ ...expected, savedAt: JSON.parse(text).savedAt }));
      expect(text).toContain('"new"');
    } finally {
      stringify.mockRestore();
    }
  });
});
