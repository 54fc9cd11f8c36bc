/**
 * Generated steps for the model-based tests: plain data (so fast-check can shrink them and print
 * a counterexample that reads as a script), run by `runner.ts`.
 *
 * The world of one run: three users, two one-to-one peers and two groups, a pool of messages per
 * session that can arrive live, in history pages, duplicated and in any order, and the user's own
 * sends. Times and sequences are drawn from tiny ranges on purpose, so ties are frequent.
 */
import fc from 'fast-check';

/** The users a run logs in as. */
export const USERS = ['alice', 'bob', 'carol'] as const;
/** The conversations of a session. */
export const CONVERSATIONS = ['C2Cpeer0', 'C2Cpeer1', 'GROUPg0', 'GROUPg1'] as const;
/** Messages in the per-session pool (index k lives in conversation k % 4). */
export const POOL = 12;
/** Base server time (seconds). */
export const T0 = 1_700_000_000;

/** One generated step. */
export type Step =
  | { kind: 'login'; user: number; fail: boolean }
  | { kind: 'logout'; fail: boolean }
  | { kind: 'kick'; reason: 'multipleAccount' | 'multipleDevice' | 'userSigExpired' | 'REST_API_Kick' }
  | { kind: 'net'; state: 'connected' | 'connecting' | 'disconnected' }
  | { kind: 'ready'; ready: boolean }
  | { kind: 'receive'; picks: number[] }
  | { kind: 'history'; conv: number; picks: number[]; withOwn: boolean; more: boolean; fail: boolean }
  | { kind: 'send'; conv: number; viaSendMessage: boolean; fail: boolean; serverTime: number; seq: number }
  | { kind: 'resend'; pick: number; fail: boolean; serverTime: number; seq: number }
  | { kind: 'revokeEvent'; pick: number }
  | { kind: 'revoke'; pick: number; fail: boolean }
  | { kind: 'modify'; pick: number; version: number }
  | { kind: 'delete'; picks: number[]; fail: boolean }
  | { kind: 'conversations'; list: Array<{ conv: number; unread: number; pinned: boolean }> }
  | { kind: 'totalUnread'; count: number }
  | { kind: 'read'; conv: number; fail: boolean };

/**
 * A pick names a message: below POOL a pool message; from POOL on, the user's own sends (newest
 * first), or a message nobody delivered (a "ghost") when there is none.
 */
const pick = fc.integer({ min: 0, max: POOL + 5 });
const poolPick = fc.integer({ min: 0, max: POOL - 1 });
const conv = fc.integer({ min: 0, max: CONVERSATIONS.length - 1 });
/** Fails about one time in four. */
const sometimesFails = fc.integer({ min: 0, max: 3 }).map((n) => n === 0);

const steps = {
  login: fc.record({
    kind: fc.constant('login' as const),
    user: fc.integer({ min: 0, max: USERS.length - 1 }),
    fail: sometimesFails,
  }),
  logout: fc.record({ kind: fc.constant('logout' as const), fail: sometimesFails }),
  kick: fc.record({
    kind: fc.constant('kick' as const),
    reason: fc.constantFrom(
      'multipleAccount' as const,
      'multipleDevice' as const,
      'userSigExpired' as const,
      'REST_API_Kick' as const,
    ),
  }),
  net: fc.record({
    kind: fc.constant('net' as const),
    state: fc.constantFrom('connected' as const, 'connecting' as const, 'disconnected' as const),
  }),
  ready: fc.record({ kind: fc.constant('ready' as const), ready: fc.boolean() }),
  receive: fc.record({
    kind: fc.constant('receive' as const),
    picks: fc.array(poolPick, { minLength: 1, maxLength: 5 }),
  }),
  history: fc.record({
    kind: fc.constant('history' as const),
    conv,
    picks: fc.array(poolPick, { maxLength: 5 }),
    withOwn: fc.boolean(),
    more: fc.boolean(),
    fail: sometimesFails,
  }),
  send: fc.record({
    kind: fc.constant('send' as const),
    conv,
    viaSendMessage: fc.boolean(),
    fail: sometimesFails,
    serverTime: fc.integer({ min: 0, max: 3 }),
    seq: fc.integer({ min: 1, max: 6 }),
  }),
  resend: fc.record({
    kind: fc.constant('resend' as const),
    pick,
    fail: sometimesFails,
    serverTime: fc.integer({ min: 0, max: 3 }),
    seq: fc.integer({ min: 1, max: 6 }),
  }),
  revokeEvent: fc.record({ kind: fc.constant('revokeEvent' as const), pick }),
  revoke: fc.record({ kind: fc.constant('revoke' as const), pick, fail: sometimesFails }),
  modify: fc.record({ kind: fc.constant('modify' as const), pick, version: fc.integer({ min: 0, max: 3 }) }),
  delete: fc.record({
    kind: fc.constant('delete' as const),
    picks: fc.array(pick, { minLength: 1, maxLength: 3 }),
    fail: sometimesFails,
  }),
  conversations: fc.record({
    kind: fc.constant('conversations' as const),
    list: fc.uniqueArray(fc.record({ conv, unread: fc.integer({ min: 0, max: 9 }), pinned: fc.boolean() }), {
      selector: (c) => c.conv,
      maxLength: CONVERSATIONS.length,
    }),
  }),
  totalUnread: fc.record({ kind: fc.constant('totalUnread' as const), count: fc.integer({ min: -3, max: 30 }) }),
  read: fc.record({ kind: fc.constant('read' as const), conv, fail: sometimesFails }),
};

/** Any step, weighted towards the message paths. */
export const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: steps.login },
  { weight: 1, arbitrary: steps.logout },
  { weight: 1, arbitrary: steps.kick },
  { weight: 1, arbitrary: steps.net },
  { weight: 1, arbitrary: steps.ready },
  { weight: 6, arbitrary: steps.receive },
  { weight: 3, arbitrary: steps.history },
  { weight: 4, arbitrary: steps.send },
  { weight: 2, arbitrary: steps.resend },
  { weight: 2, arbitrary: steps.revokeEvent },
  { weight: 1, arbitrary: steps.revoke },
  { weight: 2, arbitrary: steps.modify },
  { weight: 1, arbitrary: steps.delete },
  { weight: 2, arbitrary: steps.conversations },
  { weight: 1, arbitrary: steps.totalUnread },
  { weight: 1, arbitrary: steps.read },
);

/** A run: a login first (most runs), then `maxSteps` steps at most. */
export function runArb(maxSteps: number): fc.Arbitrary<Step[]> {
  return fc
    .tuple(steps.login, fc.array(stepArb, { minLength: 1, maxLength: maxSteps, size: 'max' }))
    .map(([first, rest]) => [{ ...first, fail: false }, ...rest]);
}
