/** Live message, history page and login sync. */
import { MessageFactory, conversationIDs, roundRobin, BenchConversation, type BenchMessage } from '../shapes';
import { spread, timeEvents, type Config } from '../harness';
import { measured, type Scenario } from './types';
import type { Subject } from '../subjects/types';

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`check failed: ${what}`);
}

const multiConversation = (kind: { oneConversationOnly?: boolean }) =>
  kind.oneConversationOnly ? 'keeps one conversation only (compared on flood into one room and history)' : null;

/** Live message into 1,000 conversations holding 50,000 messages, one message per event. */
export const live: Scenario = {
  id: 'live',
  title: 'Live message, 1,000 conversations / 50,000 messages',
  throughputUnit: 'events/s',
  target: { medianMs: 0.1, text: '<= 0.1 ms median' },
  notApplicable: multiConversation,
  run(kind, cfg: Config) {
    const ids = conversationIDs(1000);
    const factory = new MessageFactory();
    const subject = kind.create();
    subject.receive(roundRobin(factory, ids, 50));
    const n = cfg.quick ? 500 : 2000;
    const events: BenchMessage[][] = Array.from({ length: n }, (_, i) => [factory.next(ids[spread(i, ids.length)])]);
    const before = subject.count(ids[0]);
    const t = timeEvents(n, kind.name === 'tim-redux' || kind.name.startsWith('floor') ? 1e9 : cfg.budgetMs, (i) =>
      subject.receive(events[i]),
    );
    const expect = before + events.slice(0, t.done).filter((e) => e[0].conversationID === ids[0]).length;
    check(
      subject.count(ids[0]) === expect,
      `${kind.name} live: ${ids[0]} holds ${subject.count(ids[0])}, expected ${expect}`,
    );
    subject.close();
    return measured(t, n);
  },
};

/** History page of 20 older messages merged into a conversation holding 10,000. */
export const history: Scenario = {
  id: 'history',
  title: 'History page of 20 into 10,000',
  throughputUnit: 'events/s',
  target: { medianMs: 0.2, text: '<= 0.2 ms median' },
  notApplicable: () => null,
  run(kind, cfg) {
    const id = 'C2Chistory';
    const factory = new MessageFactory();
    const subject: Subject = kind.create({ currentConversationID: id });
    if (!subject.historyPage) throw new Error('no history path');
    const page = subject.historyPage;
    subject.receive(roundRobin(factory, [id], 10_000));
    const n = cfg.quick ? 50 : 200;
    // Pages going back in time, each older than the previous one.
    let below = MessageFactory.FIRST_SEQ;
    const pages: BenchMessage[][] = [];
    for (let i = 0; i < n; i++) {
      pages.push(factory.older(id, 20, below));
      below -= 20;
    }
    const fast = kind.name === 'tim-redux' || kind.name.startsWith('floor');
    const t = timeEvents(n, fast ? 1e9 : cfg.budgetMs, (i) => page(id, pages[i]));
    check(
      subject.count(id) === 10_000 + 20 * t.done,
      `${kind.name} history: holds ${subject.count(id)}, expected ${10_000 + 20 * t.done}`,
    );
    subject.close();
    return measured(t, n);
  },
};

/** Login sync: 1,000 conversations x 20 messages in one event, then the list of 1,000. */
export const loginSync: Scenario = {
  id: 'login-sync',
  title: 'Login sync, 1,000 conversations x 20 messages at once',
  throughputUnit: 'msg/s',
  notApplicable: multiConversation,
  run(kind) {
    const runs = 1;
    const times = new Float64Array(runs);
    for (let r = 0; r < runs; r++) {
      const ids = conversationIDs(1000);
      const factory = new MessageFactory();
      const messages = roundRobin(factory, ids, 20);
      const list = ids.map((cid, i) => new BenchConversation(cid, 1_700_000_000 + i));
      const subject = kind.create();
      const t0 = performance.now();
      subject.receive(messages);
      subject.conversationList?.(list);
      times[r] = performance.now() - t0;
      check(subject.count(ids[999]) === 20, `${kind.name} login sync: ${subject.count(ids[999])} messages`);
      subject.close();
    }
    const wall = times.reduce((a, b) => a + b, 0);
    return measured({ times, done: runs, wallMs: wall }, runs, 20_000);
  },
};
