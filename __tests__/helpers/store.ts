/** A store wired as a user wires it, with RTK's default checks on and every warning captured. */
import { configureStore } from '@reduxjs/toolkit';
import { createTimMiddleware, type TimMiddlewareOptions } from '../../src/middleware';
import { timReducer } from '../../src/reducer';
import type { TimSdk } from '../../src/sdk';

/** Creates the store and returns it with its middleware. */
export function makeStore(sdk: unknown, options?: TimMiddlewareOptions) {
  const middleware = createTimMiddleware(sdk as TimSdk, options);
  const store = configureStore({
    reducer: { tim: timReducer },
    // Defaults: serializability and immutability checks stay on.
    middleware: (getDefault) => getDefault().concat(middleware),
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
