/**
 * Development mode: a live message into 1,000 conversations holding 50,000 messages, in a store made
 * with RTK's development build (`NODE_ENV` other than production: its immutability and
 * serializability checks on), wired as the README says: `getDefault(timCheckOptions())`. For
 * comparison, the same store with the default checks (which walk every stored message on every
 * action), given a few events within the budget (`defaultChecksMedianMs`).
 */
import path from 'node:path';
import type * as RTK from '@reduxjs/toolkit';
import type { TimSdk } from '../../src';
import { lib } from '../lib';
import { MessageFactory, BenchEmitter, conversationIDs, roundRobin } from '../shapes';
import { median, spread, timeEvents, type Config } from '../harness';
import { measured, type Scenario } from './types';

const { createTimMiddleware, timCheckOptions, timReducer, selectMessagesByConversationID, TIM_EVENTS } = lib;

/** RTK's development build, whatever NODE_ENV this process runs with (the bench runs in production). */
const dev: typeof RTK = require(
  path.join(path.dirname(require.resolve('@reduxjs/toolkit/package.json')), 'dist/cjs/redux-toolkit.development.cjs'),
);

function devStore(wiring: 'timCheckOptions' | 'default') {
  const sdk = new BenchEmitter();
  const mw = createTimMiddleware(sdk as unknown as TimSdk, { loadProfileOnReady: false });
  // The default checks warn when they pass 32 ms (they do here); the warning is not what is measured.
  const quiet = { immutableCheck: { warnAfter: 1e9 }, serializableCheck: { warnAfter: 1e9 } };
  const store = dev.configureStore({
    reducer: { tim: timReducer },
    middleware: (g) => g(wiring === 'default' ? quiet : timCheckOptions(quiet)).concat(mw),
  });
  return { sdk, mw, store };
}

function run(wiring: 'timCheckOptions' | 'default', cfg: Config, budgetMs: number) {
  const ids = conversationIDs(1000);
  const factory = new MessageFactory();
  const { sdk, mw, store } = devStore(wiring);
  sdk.emit(TIM_EVENTS.MESSAGE_RECEIVED, roundRobin(factory, ids, 50));
  const n = cfg.quick ? 200 : 1000;
  const events = Array.from({ length: n }, (_, i) => [factory.next(ids[spread(i, ids.length)])]);
  const t = timeEvents(n, budgetMs, (i) => sdk.emit(TIM_EVENTS.MESSAGE_RECEIVED, events[i]));
  const held = selectMessagesByConversationID(store.getState(), ids[0]).length;
  mw.close();
  return { t, n, held };
}

export const devMode: Scenario = {
  id: 'dev-mode',
  title: 'Development mode (RTK checks on): live message, 1,000 conversations / 50,000 messages',
  throughputUnit: 'events/s',
  target: { medianMs: 2, text: '<= 2 ms median with the README wiring (timCheckOptions)' },
  notApplicable: (kind) => (kind.name === 'tim-redux' ? null : 'tim-redux wiring only'),
  run(_kind, cfg) {
    const wired = run('timCheckOptions', cfg, 1e9);
    const plain = run('default', cfg, cfg.budgetMs);
    if (wired.held < 50) throw new Error(`dev-mode: ${wired.held} held`);
    return measured(wired.t, wired.n, 1, {
      defaultChecksMedianMs: Number(median(plain.t.times).toFixed(1)),
      defaultChecksEventsTimed: plain.t.done,
    });
  },
};
