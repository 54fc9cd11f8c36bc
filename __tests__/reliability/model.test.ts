/**
 * Model-based property tests (issue 5, part 1): random sequences of SDK events and thunk outcomes
 * through the real reducers and middleware and through the reference model in `model.ts`; the
 * invariants are checked after every step by `runner.ts`.
 *
 * Normal run: TIM_PROPERTY_RUNS (default 1,000) runs of up to TIM_PROPERTY_STEPS (default 20)
 * steps. Nightly (`npm run test:nightly`): 20,000 runs of up to 60 steps. A failure prints the
 * seed and the shrunk steps; paste them into `regressions.test.ts`.
 */
import fc from 'fast-check';
import { runArb } from './arbitraries';
import { runSteps } from './runner';

const RUNS = Number(process.env.TIM_PROPERTY_RUNS ?? 1000);
const STEPS = Number(process.env.TIM_PROPERTY_STEPS ?? 20);
const SEED = process.env.TIM_PROPERTY_SEED === undefined ? undefined : Number(process.env.TIM_PROPERTY_SEED);

// A nightly run of 20,000 runs takes minutes.
jest.setTimeout(Math.max(60_000, RUNS * STEPS * 20));

describe('the store follows the reference model', () => {
  it(`${RUNS} generated runs of up to ${STEPS} steps keep every invariant`, async () => {
    let steps = 0;
    await fc.assert(
      fc.asyncProperty(runArb(STEPS), async (run) => {
        steps += run.length;
        await runSteps(run);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: false },
    );
    // The figure recorded in docs/reliability.md.
    expect(steps).toBeGreaterThanOrEqual(RUNS);
  });
});
