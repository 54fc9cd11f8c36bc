/**
 * The chunked message list (`src/entities/messageList.ts`) against a reference: a plain array
 * updated by the rules in their simplest form (known IDs merged in place and the array re-sorted
 * stably when a key changed; new ones inserted one by one after the records they tie with, or
 * before them for a history page). One-to-one messages of one second tie, so their order is the
 * order they came in, as in the SDK's own list. Lists here grow past many chunks, which the
 * store-level model test (a few messages per conversation) never reaches.
 */
import fc from 'fast-check';
import {
  CHUNK,
  EMPTY_MESSAGE_LIST,
  compareMessages,
  findMessage,
  hasMessage,
  listRecords,
  mergeMessage,
  removeMessages,
  trimOldest,
  updateMessage,
  upsertMessages,
} from '../src/entities/messageList';
import { normalizeMessage } from '../src/normalize/message';
import type { MessageList, MessageRecord } from '../src/types';

type Kind = 'GROUP' | 'C2C';

function record(kind: Kind, id: number, time: number, sequence: number, status: string, flow = 'out'): MessageRecord {
  return normalizeMessage({
    flow,
    ID: `m${id}`,
    conversationID: kind === 'GROUP' ? 'GROUPg' : 'C2Cu',
    conversationType: kind,
    time,
    sequence,
    status,
    payload: { text: `t${id}` },
  });
}

const status = fc.constantFrom('unSend', 'fail', 'success');
const raw = fc.record({
  id: fc.integer({ min: 0, max: 300 }),
  time: fc.integer({ min: 1, max: 400 }),
  sequence: fc.integer({ min: 0, max: 400 }),
  status,
});

/**
 * Odd IDs are received messages: a received message has one time and sequence on every path (the
 * list's shortcut for live messages relies on it), so theirs derive from the ID. Even IDs are my own
 * messages, whose time, sequence and status change as they are sent.
 */
function fromRaw(kind: Kind, x: { id: number; time: number; sequence: number; status: string }): MessageRecord {
  if (x.id % 2 === 0) return record(kind, x.id, x.time, x.sequence, x.status);
  return record(kind, x.id, 1 + ((x.id * 7919) % 400), 1 + ((x.id * 31) % 400), 'success', 'in');
}

type Op =
  | { op: 'upsert'; items: Array<{ id: number; time: number; sequence: number; status: string }>; older: boolean }
  | { op: 'live'; count: number }
  | { op: 'repush'; picks: number[] }
  | { op: 'trim'; cap: number }
  | { op: 'remove'; ids: number[] }
  | { op: 'revoke'; id: number }
  | { op: 'retime'; id: number; time: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('upsert' as const),
      items: fc.array(raw, { maxLength: 150 }),
      older: fc.boolean(),
    }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('live' as const), count: fc.integer({ min: 1, max: 90 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('trim' as const), cap: fc.integer({ min: 0, max: 260 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('repush' as const),
      picks: fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 5 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('remove' as const),
      ids: fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 40 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('revoke' as const), id: fc.integer({ min: 0, max: 1000 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('retime' as const),
      id: fc.integer({ min: 0, max: 500 }).map((n) => n * 2), // only my own messages move
      time: fc.integer({ min: 1, max: 2000 }),
    }),
  },
);

function checkLayout(list: MessageList, expected: MessageRecord[]) {
  const records = listRecords(list);
  expect(records.map((r) => r.ID)).toEqual(expected.map((r) => r.ID));
  expect(records).toEqual(expected);
  expect(list.count).toBe(expected.length);
  for (const chunk of list.chunks) {
    expect(chunk.length).toBeGreaterThan(0);
    expect(chunk.length).toBeLessThanOrEqual(2 * CHUNK);
  }
  for (const r of expected) expect(hasMessage(list, r.ID)).toBe(true);
}

describe('chunked message list', () => {
  it.each<Kind>(['GROUP', 'C2C'])('matches a step-by-step reference over random operations (%s)', (kind) => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 25 }), (ops) => {
        let list = EMPTY_MESSAGE_LIST;
        let model: MessageRecord[] = [];
        let nextLive = 10_001;
        const sorted = () => model;
        const at = (id: string) => model.findIndex((r) => r.ID === id);
        // upsertMessages by its rules, one step at a time.
        const upsertModel = (batch: MessageRecord[], older: boolean) => {
          const fresh = new Map<string, MessageRecord>();
          let moved = false;
          for (const m of batch) {
            const pending = fresh.get(m.ID);
            if (pending) fresh.set(m.ID, mergeMessage(pending, m));
            else if (at(m.ID) < 0) fresh.set(m.ID, m);
            else {
              const i = at(m.ID);
              const merged = mergeMessage(model[i], m);
              if (compareMessages(model[i], merged) !== 0) moved = true;
              model = model.slice();
              model[i] = merged;
            }
          }
          if (moved) model = model.slice().sort(compareMessages);
          const added = Array.from(fresh.values()).sort(compareMessages);
          if (older) added.reverse();
          for (const m of added) {
            let i = 0;
            if (older) while (i < model.length && compareMessages(model[i], m) < 0) i++;
            else while (i < model.length && compareMessages(model[i], m) <= 0) i++;
            model = [...model.slice(0, i), m, ...model.slice(i)];
          }
        };
        for (const op of ops) {
          const before = list;
          if (op.op === 'repush') {
            // The server pushes received messages again (the newest among them): copies, same keys.
            const received = sorted().filter((r) => r.flow === 'in');
            const batch = received.length
              ? op.picks.map((p) => ({ ...received[received.length - 1 - (p % received.length)] }))
              : [];
            upsertModel(batch, false);
            list = upsertMessages(list, batch);
          } else if (op.op === 'upsert' || op.op === 'live') {
            const batch =
              op.op === 'upsert'
                ? op.items.map((x) => fromRaw(kind, x))
                : Array.from({ length: op.count }, () => {
                    nextLive += 2; // odd: received
                    return record(kind, nextLive, nextLive, nextLive, 'success', 'in');
                  });
            const older = op.op === 'upsert' && op.older;
            upsertModel(batch, older);
            list = upsertMessages(list, batch, { older });
          } else if (op.op === 'trim') {
            if (op.cap > 0 && model.length > op.cap) model = model.slice(model.length - op.cap);
            list = trimOldest(list, op.cap);
          } else if (op.op === 'remove') {
            const ids = new Set(op.ids.map((i) => `m${i}`));
            model = model.filter((r) => !ids.has(r.ID));
            list = removeMessages(list, ids);
          } else {
            const id = `m${op.id}`;
            const update = (prev: MessageRecord) =>
              op.op === 'revoke' ? { ...prev, isRevoked: true } : { ...prev, time: op.time };
            const i = at(id);
            const prev = i >= 0 ? model[i] : undefined;
            const next = prev && update(prev);
            if (prev && next) {
              model = model.slice();
              model[i] = next;
              if (compareMessages(prev, next) !== 0) model.sort(compareMessages);
            }
            // The list holds the model's record (===), so it gets the very same updated record.
            list = updateMessage(list, id, (p) => (p === prev && next ? next : update(p)));
          }
          checkLayout(list, sorted());
          // An old list still answers for what it held (its index is rebuilt, not shared).
          for (const r of listRecords(before)) expect(hasMessage(before, r.ID)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a live message copies only the last chunk: every other chunk stays the same array', () => {
    let list = EMPTY_MESSAGE_LIST;
    list = upsertMessages(
      list,
      Array.from({ length: 5 * CHUNK + 3 }, (_, i) => record('GROUP', i, i + 1, i + 1, 'success')),
    );
    const next = upsertMessages(list, [record('GROUP', 9999, 9999, 9999, 'success')]);
    expect(next.count).toBe(list.count + 1);
    expect(next.chunks.length).toBe(list.chunks.length);
    next.chunks.slice(0, -1).forEach((chunk, i) => expect(chunk).toBe(list.chunks[i]));
    expect(next.chunks[next.chunks.length - 1]).not.toBe(list.chunks[list.chunks.length - 1]);
  });

  it('returns the same list, and the same flat array, when nothing changed', () => {
    const batch = Array.from({ length: 3 * CHUNK }, (_, i) => record('C2C', i, i + 1, i + 1, 'success'));
    const list = upsertMessages(EMPTY_MESSAGE_LIST, batch);
    expect(upsertMessages(list, batch)).toBe(list);
    expect(upsertMessages(list, [])).toBe(list);
    expect(updateMessage(list, 'nope', (p) => ({ ...p, isRevoked: true }))).toBe(list);
    expect(removeMessages(list, new Set(['nope']))).toBe(list);
    expect(listRecords(list)).toBe(listRecords(list));
    expect(findMessage(list, `m${CHUNK + 1}`)).toBe(batch[CHUNK + 1]);
    expect(findMessage(list, 'nope')).toBeUndefined();
  });

  it('history pages prepend without copying the chunks after them', () => {
    let list = upsertMessages(
      EMPTY_MESSAGE_LIST,
      Array.from({ length: 4 * CHUNK }, (_, i) => record('GROUP', 10_000 + i, 10_000 + i, 10_000 + i, 'success')),
    );
    for (let page = 0; page < 10; page++) {
      const top = 9_000 - page * 20;
      const before = list;
      list = upsertMessages(
        list,
        Array.from({ length: 20 }, (_, i) => record('GROUP', top + i, top + i, top + i, 'success')),
      );
      // Every chunk but the front one is shared with the list before the page.
      const shared = list.chunks.filter((c) => before.chunks.includes(c)).length;
      expect(shared).toBeGreaterThanOrEqual(before.chunks.length - 1);
    }
    expect(list.count).toBe(4 * CHUNK + 200);
    // Pages fill the short chunk in front: the list stays in few chunks.
    expect(list.chunks.length).toBeLessThanOrEqual(Math.ceil(list.count / CHUNK) + 1);
  });
});
