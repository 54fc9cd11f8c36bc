/** `timReducer`: every slice, mounted by the user at `state.tim`. */
import type { UnknownAction } from '@reduxjs/toolkit';
import { messagesReceived } from './actions';
import { reduceWithRestore } from './persist/restore';
import { conversationsReducer } from './slices/conversations';
import { errorsReducer, unhandledReducer } from './slices/errors';
import { extrasReducer } from './slices/groupAndAccountExtras';
import { messagesReducer } from './slices/messages';
import { netReducer } from './slices/net';
import { groupsReducer } from './slices/groups';
import { profilesReducer } from './slices/profiles';
import { relationsReducer } from './slices/relations';
import { sessionReducer } from './slices/session';
import type { TimState } from './types';

type SliceReducers = { [K in keyof TimState]: (state: TimState[K] | undefined, action: UnknownAction) => TimState[K] };

/** Each slice's reducer, by its key in `state.tim`. */
export const sliceReducers: SliceReducers = {
  session: sessionReducer,
  net: netReducer,
  conversations: conversationsReducer,
  messages: messagesReducer,
  groups: groupsReducer,
  profiles: profilesReducer,
  relations: relationsReducer,
  extras: extrasReducer,
  errors: errorsReducer,
  unhandled: unhandledReducer,
};
const keys = Object.keys(sliceReducers) as Array<keyof TimState>;

/**
 * Hot action types that one slice alone handles: a message of a flood goes to the messages reducer
 * only, not through all ten. `__tests__/reducer.test.ts` checks that every other slice ignores them.
 */
export const SINGLE_SLICE_ACTIONS: ReadonlyMap<string, keyof TimState> = new Map([[messagesReceived.type, 'messages']]);

/**
 * The tim-redux reducer. Mount it at `tim`: `configureStore({ reducer: { tim: timReducer } })`.
 *
 * Like `combineReducers`, but an action that changes nothing allocates nothing (Redux's builds a new
 * object on every action and throws it away when no slice changed): in a message flood this runs
 * hundreds of times a second.
 */
export function timReducer(state: TimState | undefined, action: UnknownAction): TimState {
  const only = state === undefined ? undefined : SINGLE_SLICE_ACTIONS.get(action.type);
  if (only !== undefined && state !== undefined) {
    const before = state[only];
    const after = (sliceReducers[only] as (s: unknown, a: UnknownAction) => unknown)(before, action);
    return after === before ? state : { ...state, [only]: after };
  }
  // Restoring a snapshot and reconciling it (src/persist/restore.ts): a few type compares otherwise.
  if (state !== undefined) {
    const restored = reduceWithRestore(state, action, reduceSlices);
    if (restored !== null) return restored;
  }
  return reduceSlices(state, action);
}

/** Every slice's reducer on `action`, allocating nothing when no slice changed. */
function reduceSlices(state: TimState | undefined, action: UnknownAction): TimState {
  let next: Record<string, unknown> | null = null;
  for (const key of keys) {
    const before = state?.[key];
    const after = (sliceReducers[key] as (s: unknown, a: UnknownAction) => unknown)(before, action);
    if (after !== before) {
      next ??= { ...state };
      next[key] = after;
    }
  }
  return (next as TimState | null) ?? (state as TimState);
}
