/**
 * RTK's development checks, wired so that they stay usable with a large store. `configureStore`'s
 * default immutability and serializability checks walk the whole state after every action: with
 * 10,000 stored messages one live message cost 0.6–0.8 s in development. `state.tim` is made only
 * by this package's reducers, which never mutate and hold plain records (its own tests run with
 * both checks on over every slice), so the checks skip it and keep watching the rest of the app.
 */
import type {
  ImmutableStateInvariantMiddlewareOptions,
  SerializableStateInvariantMiddlewareOptions,
} from '@reduxjs/toolkit';
import * as A from './actions';

/** The `immutableCheck` / `serializableCheck` options of `getDefaultMiddleware`, as it takes them. */
export interface TimCheckOptions {
  /** RTK's immutability check, with `tim` among its ignored paths (or off, when you turned it off). */
  immutableCheck: ImmutableStateInvariantMiddlewareOptions | false;
  /** RTK's serializability check, with `tim` ignored in state and the SDK event actions not walked. */
  serializableCheck: SerializableStateInvariantMiddlewareOptions | false;
}

/**
 * The action types of SDK events (a conversation list event carries every conversation: walking
 * thousands of records per message is what the check must not do). Their payloads are plain by
 * construction (`src/normalize/`), which the package's tests check with RTK's own middleware.
 */
function eventActionTypes(): string[] {
  const types: string[] = [];
  for (const creator of Object.values(A)) {
    const type = (creator as { type?: unknown }).type;
    if (typeof type === 'string' && type.startsWith('tim/')) types.push(type);
  }
  return types;
}

type Own<T> = boolean | T | undefined;

/**
 * Options for `getDefaultMiddleware` that keep RTK's checks on for your own slices and actions and
 * leave `state.tim` (and the SDK's event actions) out of them:
 * `middleware: (getDefault) => getDefault(timCheckOptions()).concat(createTimMiddleware(tim))`.
 * Your own check options go in as the argument and are kept (ignored paths and actions are added
 * to yours); `false` stays off.
 */
export function timCheckOptions(
  own: {
    immutableCheck?: Own<ImmutableStateInvariantMiddlewareOptions>;
    serializableCheck?: Own<SerializableStateInvariantMiddlewareOptions>;
  } = {},
): TimCheckOptions {
  const im = own.immutableCheck;
  const se = own.serializableCheck;
  const imOptions = typeof im === 'object' ? im : {};
  const seOptions = typeof se === 'object' ? se : {};
  return {
    immutableCheck: im === false ? false : { ...imOptions, ignoredPaths: [...(imOptions.ignoredPaths ?? []), 'tim'] },
    serializableCheck:
      se === false
        ? false
        : {
            ...seOptions,
            ignoredPaths: [...(seOptions.ignoredPaths ?? []), 'tim'],
            ignoredActions: [...(seOptions.ignoredActions ?? []), ...eventActionTypes()],
          },
  };
}
