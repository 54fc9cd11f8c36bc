/**
 * Lookups by ID at 2,000 conversations × 30 messages (60,000 stored): `selectMessageById` as 50
 * mounted message rows call it after every store update, and the locate step of an event that names
 * a message by ID alone (MESSAGE_EXTENSIONS_UPDATED). Each event: one live message into some
 * conversation (not timed), then 50 lookups of stored IDs and 10 of unknown ones (timed as one
 * event, reported per lookup), then one extensions event on a stored message (timed on its own).
 */
import { MessageFactory, conversationIDs, roundRobin, type BenchMessage } from '../shapes';
import { median, percentile, spread, type Config } from '../harness';
import type { Scenario } from './types';

const ROWS = 50;
const MISSES = 10;

export const lookup: Scenario = {
  id: 'lookup',
  title: 'Lookup by ID, 2,000 conversations x 30 messages (selectMessageById; extension event locate)',
  throughputUnit: 'events/s',
  target: { medianMs: 0.005, text: '<= 5 µs per lookup' },
  notApplicable: (kind) =>
    kind.lookup ? null : kind.oneConversationOnly ? 'keeps one conversation only' : 'no lookup by message ID',
  run(kind, cfg: Config) {
    const ids = conversationIDs(2000);
    const factory = new MessageFactory();
    const subject = kind.create();
    const find = subject.findById;
    if (!find) throw new Error('no lookup');
    const all: BenchMessage[] = roundRobin(factory, ids, 30);
    subject.receive(all);
    const n = cfg.quick ? 100 : 300;
    const perLookup: number[] = [];
    const perExtension: number[] = [];
    let found = 0;
    const start = performance.now();
    let done = 0;
    for (let i = 0; i < n; i++) {
      subject.receive([factory.next(ids[spread(i, ids.length)])]);
      const t0 = performance.now();
      for (let r = 0; r < ROWS; r++) if (find(all[spread(i * ROWS + r, all.length)].ID) !== undefined) found++;
      for (let r = 0; r < MISSES; r++) find(`missing-${i}-${r}`);
      const t1 = performance.now();
      perLookup.push((t1 - t0) / (ROWS + MISSES));
      const target = all[spread(i * 31 + 7, all.length)].ID;
      const t2 = performance.now();
      subject.extension?.(target, String(i));
      perExtension.push(performance.now() - t2);
      done++;
      if (kind.name !== 'tim-redux' && performance.now() - start > cfg.budgetMs) break;
    }
    if (found !== done * ROWS) throw new Error(`${kind.name} lookup: found ${found} of ${done * ROWS}`);
    const wallMs = performance.now() - start;
    subject.close();
    return {
      medianMs: median(perLookup),
      p95Ms: percentile(perLookup, 95),
      throughput: (done * (ROWS + MISSES)) / (wallMs / 1000),
      events: done,
      planned: n,
      extra: {
        lookupsPerEvent: ROWS + MISSES,
        extensionEventMedianMs:
          perExtension.length && subject.extension ? Number(median(perExtension).toFixed(4)) : 'n/a',
      },
    };
  },
};
