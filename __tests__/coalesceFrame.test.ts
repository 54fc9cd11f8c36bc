/**
 * `coalesce: 'frame'`: the MESSAGE_RECEIVED events of one frame become one action, applied at the
 * next animation frame (a 16 ms timer without one); any other action applies them first, and
 * `flush()` and `close()` apply them at once. Fake timers and a fake requestAnimationFrame; counts
 * and order only, no timing.
 */
import { configureStore, type Middleware } from '@reduxjs/toolkit';
import {
  createTimMiddleware,
  messagesReceived,
  resetTim,
  selectMessageById,
  selectMessagesByConversationID,
  timReducer,
  type TimMiddlewareOptions,
} from '../src';
import { FakeMessage, FakeSdk } from './helpers/fakeSdk';
import { failOnConsoleWarnings } from './helpers/store';

failOnConsoleWarnings();

const msg = (ID: string, time: number, extra: Partial<FakeMessage> = {}) =>
  new FakeMessage({ from: 'bob', to: 'me', ID, time, ...extra });

function setup(coalesce: TimMiddlewareOptions['coalesce'] = 'frame') {
  const sdk = new FakeSdk();
  const batches: number[] = [];
  const spy: Middleware = () => (next) => (action) => {
    if (messagesReceived.match(action)) batches.push(action.payload.length);
    return next(action);
  };
  const middleware = createTimMiddleware(sdk as never, { coalesce, loadProfileOnReady: false });
  const store = configureStore({
    reducer: { tim: timReducer },
    middleware: (g) => g().concat(middleware, spy),
  });
  const held = () => selectMessagesByConversationID(store.getState(), 'C2Cbob').length;
  return { sdk, store, middleware, batches, held };
}

describe("coalesce: 'frame' without requestAnimationFrame (a 16 ms timer)", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('applies the messages of one frame in one action, after the frame, not at the end of the tick', async () => {
    const { sdk, batches, held } = setup();
    for (let i = 0; i < 30; i++) sdk.emit('MESSAGE_RECEIVED', [msg(`f${i}`, i)]);
    await Promise.resolve(); // the end of the tick: 'tick' would have applied them here
    expect(held()).toBe(0);
    jest.advanceTimersByTime(16);
    expect(held()).toBe(30);
    expect(batches).toEqual([30]);
    // The next frame's messages are the next action.
    sdk.emit('MESSAGE_RECEIVED', [msg('g1', 40)]);
    sdk.emit('MESSAGE_RECEIVED', [msg('g2', 41)]);
    jest.advanceTimersByTime(16);
    expect(batches).toEqual([30, 2]);
  });

  it('any other action applies the waiting messages first, so order holds', () => {
    const { sdk, store, batches } = setup();
    sdk.emit('MESSAGE_RECEIVED', [msg('late', 99)]);
    sdk.emit('MESSAGE_REVOKED', [msg('late', 99, { isRevoked: true })]);
    expect(batches).toEqual([1]);
    expect(selectMessageById(store.getState(), 'late')?.isRevoked).toBe(true);
    jest.advanceTimersByTime(16); // the frame finds nothing left
    expect(batches).toEqual([1]);
  });

  it('flush() and close() apply at once', () => {
    const { sdk, middleware, batches, held } = setup();
    sdk.emit('MESSAGE_RECEIVED', [msg('a', 1)]);
    middleware.flush();
    expect(held()).toBe(1);
    sdk.emit('MESSAGE_RECEIVED', [msg('b', 2)]);
    middleware.close();
    expect(held()).toBe(2);
    expect(batches).toEqual([1, 1]);
    jest.advanceTimersByTime(16); // no frame is left to apply anything
    expect(batches).toEqual([1, 1]);
  });

  it('a reset drops what waits and its frame', () => {
    const { sdk, store, batches, held } = setup();
    sdk.emit('MESSAGE_RECEIVED', [msg('a', 1)]);
    store.dispatch(resetTim({ reason: 'manual' }));
    jest.advanceTimersByTime(16);
    expect(held()).toBe(0);
    // The reset flushed first (any other action does): the message was applied, then cleared.
    expect(batches).toEqual([1]);
  });

  it('the default stays synchronous', () => {
    const { sdk, held, batches } = setup(false);
    sdk.emit('MESSAGE_RECEIVED', [msg('a', 1)]);
    sdk.emit('MESSAGE_RECEIVED', [msg('b', 2)]);
    expect(held()).toBe(2);
    expect(batches).toEqual([1, 1]);
  });
});

describe("coalesce: 'frame' with requestAnimationFrame", () => {
  const g = globalThis as { requestAnimationFrame?: unknown; cancelAnimationFrame?: unknown };
  let frames: Map<number, () => void>;
  beforeEach(() => {
    frames = new Map();
    let id = 0;
    g.requestAnimationFrame = (cb: () => void) => (frames.set(++id, cb), id);
    g.cancelAnimationFrame = (n: number) => frames.delete(n);
  });
  afterEach(() => {
    delete g.requestAnimationFrame;
    delete g.cancelAnimationFrame;
  });
  const runFrame = () => {
    const due = [...frames.values()];
    frames.clear();
    for (const cb of due) cb();
  };

  it('applies at the next animation frame, one request per frame', () => {
    const { sdk, batches, held } = setup();
    for (let i = 0; i < 5; i++) sdk.emit('MESSAGE_RECEIVED', [msg(`r${i}`, i)]);
    expect(frames.size).toBe(1);
    expect(held()).toBe(0);
    runFrame();
    expect(held()).toBe(5);
    expect(batches).toEqual([5]);
  });

  it('an early flush cancels the frame it requested', () => {
    const { sdk, middleware, batches } = setup();
    sdk.emit('MESSAGE_RECEIVED', [msg('a', 1)]);
    middleware.flush();
    expect(frames.size).toBe(0);
    expect(batches).toEqual([1]);
  });
});
