/**
 * `timCheckOptions()`: RTK's development checks stay on for the app's own state and actions and
 * leave `state.tim` and the SDK event actions out (their walk over every stored message on every
 * action made development unusable with a large store). No timing: what is walked is observed.
 */
import { configureStore, createSlice, type Reducer, type UnknownAction } from '@reduxjs/toolkit';
import { conversationListUpdated, messagesReceived, timCheckOptions, timReducer } from '../src';

/** A value the serializability check reports (a class instance). */
class Handle {
  constructor(readonly id: number) {}
}

function setup(options = timCheckOptions()) {
  const warnings: string[] = [];
  const spy = jest
    .spyOn(console, 'error')
    .mockImplementation((...args: unknown[]) => void warnings.push(args.join(' ')));
  // `state.tim` with an object that counts every read of its fields: what the checks walk shows up.
  let reads = 0;
  const probe = {};
  Object.defineProperty(probe, 'field', {
    enumerable: true,
    get: () => {
      reads++;
      return 1;
    },
  });
  const tim: Reducer<ReturnType<typeof timReducer> & { probe?: object }> = (state, action) => ({
    ...timReducer(state, action),
    probe,
  });
  const app = createSlice({
    name: 'app',
    initialState: { items: [] as unknown[] },
    reducers: {
      addHandle: (state) => void state.items.push(new Handle(1)),
    },
  });
  const store = configureStore({
    reducer: { tim, app: app.reducer },
    middleware: (getDefault) => getDefault(options),
  });
  return { store, warnings, reads: () => reads, app, restore: () => spy.mockRestore() };
}

describe('timCheckOptions', () => {
  it('does not walk state.tim, with both checks on', () => {
    const { store, reads, restore } = setup();
    const before = reads();
    store.dispatch({ type: 'app/other' });
    expect(reads() - before).toBe(0);
    restore();
  });

  it('the default checks do walk it (what the options avoid)', () => {
    const { store, reads, restore } = setup({} as ReturnType<typeof timCheckOptions>);
    const before = reads();
    store.dispatch({ type: 'app/other' });
    expect(reads() - before).toBeGreaterThan(0);
    restore();
  });

  it("keeps checking the app's own state", () => {
    const { store, warnings, app, restore } = setup();
    store.dispatch(app.actions.addHandle());
    expect(warnings.some((w) => w.includes('non-serializable') && w.includes('app.items'))).toBe(true);
    restore();
  });

  it("keeps checking the app's own actions, not the SDK event actions", () => {
    const { store, warnings, restore } = setup();
    store.dispatch({ type: 'app/withHandle', payload: new Handle(2) } as UnknownAction);
    expect(warnings.filter((w) => w.includes('non-serializable')).length).toBe(1);
    store.dispatch(
      conversationListUpdated({
        conversations: [],
        removed: [],
        profiles: [],
        groups: [],
        complete: true,
        partial: false,
        totalUnreadCount: null,
      }),
    );
    expect(timCheckOptions().serializableCheck).toMatchObject({
      ignoredActions: expect.arrayContaining([conversationListUpdated.type, messagesReceived.type]),
    });
    restore();
  });

  it('keeps your own options and adds to them; false stays off', () => {
    const options = timCheckOptions({
      immutableCheck: { ignoredPaths: ['app.cache'], warnAfter: 100 },
      serializableCheck: false,
    });
    expect(options.immutableCheck).toEqual({ ignoredPaths: ['app.cache', 'tim'], warnAfter: 100 });
    expect(options.serializableCheck).toBe(false);
  });
});
