/**
 * Floods: 100,000 messages at one message per event, with the per-conversation cap on, into one
 * AVChatRoom and across 1,000 AVChatRooms; and retained heap per stored message (no cap).
 */
import { MessageFactory, conversationIDs } from '../shapes';
import { canMeasureHeap, heapAfterGc, spread, timeEvents, type Config } from '../harness';
import { measured, type Measurement, type Scenario } from './types';
import type { SubjectKind } from '../subjects/types';

const fast = (kind: SubjectKind) => kind.name.startsWith('tim-redux') || kind.name.startsWith('floor');

/** Drives `n` one-message events over `ids` and samples the heap at 20%, 60% and 100% of the flood. */
function flood(kind: SubjectKind, cfg: Config, ids: string[], cap: number): Measurement {
  const n = cfg.quick ? 20_000 : 100_000;
  const factory = new MessageFactory(() => 'AVChatRoom');
  const subject = kind.create({ cap: { subType: 'AVChatRoom', cap }, currentConversationID: ids[0] });
  const heap0 = heapAfterGc();
  const samples: number[] = [];
  const marks = new Set([Math.floor(n * 0.2), Math.floor(n * 0.6)]);
  const budget = fast(kind) ? 1e9 : cfg.budgetMs;
  // Heap samples are taken outside the timed events (the time of a sample is not billed).
  let gcMs = 0;
  const t = timeEvents(n, budget, (i) => {
    subject.receive([factory.next(ids[ids.length === 1 ? 0 : spread(i, ids.length)])]);
    if (canMeasureHeap && marks.has(i + 1)) {
      const g0 = performance.now();
      samples.push(heapAfterGc());
      gcMs += performance.now() - g0;
    }
  });
  const heapEnd = heapAfterGc();
  const held = subject.count(ids[0]);
  subject.close();
  const mb = (b: number) => Math.round((b / 1048576) * 10) / 10;
  const wall = { ...t, wallMs: t.wallMs - gcMs };
  const extra: Measurement['extra'] = { heldInFirstConversation: held };
  if (canMeasureHeap) {
    extra.heapStartMB = mb(heap0);
    if (samples[0] !== undefined) extra.heapAt20pctMB = mb(samples[0]);
    if (samples[1] !== undefined) extra.heapAt60pctMB = mb(samples[1]);
    extra.heapEndMB = mb(heapEnd);
  }
  return measured(wall, n, 1, extra);
}

export const floodRoom: Scenario = {
  id: 'flood-room',
  title: 'Flood, 100,000 msgs one per event, one AVChatRoom (cap 1,000)',
  throughputUnit: 'msg/s',
  target: { throughput: 100_000, text: '>= 100,000 msg/s, heap flat once capped' },
  notApplicable: () => null,
  run: (kind, cfg) => flood(kind, cfg, ['GROUProom'], 1000),
  reps: () => 1,
};

export const floodMany: Scenario = {
  id: 'flood-many',
  title: 'Flood, 100,000 msgs one per event, 1,000 AVChatRooms (cap 20 each)',
  throughputUnit: 'msg/s',
  target: { throughput: 100_000, text: '>= 100,000 msg/s, heap flat once capped' },
  notApplicable: (kind) => (kind.oneConversationOnly ? 'keeps one conversation only' : null),
  run: (kind, cfg) => flood(kind, cfg, conversationIDs(1000, 'GROUPg'), 20),
  reps: () => 1,
};

/** Retained heap per stored message after 100,000 messages in 1,000 conversations, no cap. */
export const memory: Scenario = {
  id: 'memory',
  title: 'Memory, retained heap per message after 100,000 (no cap)',
  throughputUnit: 'msg/s',
  notApplicable: (kind) =>
    !canMeasureHeap ? 'node runs without --expose-gc' : kind.oneConversationOnly ? 'keeps one conversation only' : null,
  reps: () => 1,
  run(kind, cfg) {
    const total = cfg.quick ? 20_000 : 100_000;
    const batch = 10_000;
    const ids = conversationIDs(1000, 'GROUPg');
    const factory = new MessageFactory(() => 'Public');
    const subject = kind.create();
    const heap0 = heapAfterGc();
    // Messages are made per event and dropped after it: what stays is what the subject keeps.
    const t = timeEvents(total / batch, 1e9, () => {
      const messages = [];
      for (let j = 0; j < batch; j++) messages.push(factory.next(ids[j % ids.length]));
      subject.receive(messages);
    });
    const heap1 = heapAfterGc();
    const held = subject.count(ids[0]);
    const result = measured(t, total / batch, batch, {
      bytesPerMessage: Math.round((heap1 - heap0) / total),
      retainedMB: Math.round(((heap1 - heap0) / 1048576) * 10) / 10,
      heldInFirstConversation: held,
    });
    subject.close();
    return result;
  },
};
