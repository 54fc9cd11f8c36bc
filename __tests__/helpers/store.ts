/** A store wired as a user wires it, with RTK's default checks on and every warning captured. */
import { configureStore } from '@reduxjs/toolkit';
import { createTimMiddleware, type TimMiddlewareOptions } from '../../src/middleware';
import { timReducer } from '../../src/reducer';
import type { TimSdk } from '../../src/sdk';

/** Creates the store and returns it with its middleware. */
export function makeStore(sdk: unknown, options?: TimMiddlewareOptions, { largeState = false } = {}) {
  const middleware = createTimMiddleware(sdk as TimSdk, options);
  // Both checks stay on and any finding fails the test. Only their "this check was slow" warning
  // gets a higher threshold: on a loaded 2-core CI machine the first dispatches of a file (JIT
  // warm-up) can pass 32 ms, a process starved by parallel suites stalled one small state for 4 s,
  // and a test that deliberately holds thousands of records needs more. Dev-mode speed is measured
  // in the bench, not here.
  const warnAfter = largeState ? 30_000 : 10_000;
  const store = configureStore({
    reducer: { tim: timReducer },
    middleware: (getDefault) =>
      getDefault({ serializableCheck: { warnAfter }, immutableCheck: { warnAfter } }).concat(middleware),
  });
  return { store, middleware };
}

/** Fails the test if RTK's checks (or anything else) write to the console. */
export function failOnConsoleWarnings(): void {
  let spies: jest.SpyInstance[] = [];
  let written: string[] = [];
  beforeEach(() => {
    written = [];
    spies = (['error', 'warn'] as const).map((level) =>
      jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        written.push(`console.${level}: ${args.map(String).join(' ')}`);
      }),
    );
  });
  afterEach(() => {
    for (const spy of spies) spy.mockRestore();
    expect(written).toEqual([]);
  });
}

/** Lets pending promises and zero-delay timers run. */
export async function flush(times = 3): Promise<void> {
  for (let i = 0; i < times; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
