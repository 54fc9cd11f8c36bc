/** `timReducer`: every slice, mounted by the user at `state.tim`. */
import type { UnknownAction } from '@reduxjs/toolkit';
import { conversationsReducer } from './slices/conversations';
import { errorsReducer, unhandledReducer } from './slices/errors';
import { extrasReducer } from './slices/extras';
import { messagesReducer } from './slices/messages';
import { netReducer } from './slices/net';
import { groupsReducer, profilesReducer } from './slices/profiles';
import { relationsReducer } from './slices/relations';
import { sessionReducer } from './slices/session';
import type { TimState } from './types';

type SliceReducers = { [K in keyof TimState]: (state: TimState[K] | undefined, action: UnknownAction) => TimState[K] };

const slices: SliceReducers = {
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
const keys = Object.keys(slices) as Array<keyof TimState>;

/**
 * The tim-redux reducer. Mount it at `tim`: `configureStore({ reducer: { tim: timReducer } })`.
 *
 * Like `combineReducers`, but an action that changes nothing allocates nothing (Redux's builds a new
 * object on every action and throws it away when no slice changed): in a message flood this runs
 * hundreds of times a second.
 */
export function timReducer(state: TimState | undefined, action: UnknownAction): TimState {
  let next: Record<string, unknown> | null = null;
  for (const key of keys) {
    const before = state?.[key];
    const after = (slices[key] as (s: unknown, a: UnknownAction) => unknown)(before, action);
    if (after !== before) {
      next ??= { ...state };
      next[key] = after;
    }
  }
  return (next as TimState | null) ?? (state as TimState);
}
