/**
 * How thunks reach the SDK without `extraArgument`: they dispatch `getTimContext()`, which the
 * middleware answers with its context instead of passing it on. No reducer ever sees it.
 */
import { createAction } from '@reduxjs/toolkit';
import { TIM_REDUX_ERROR, TimReduxError } from './errors';
import type { MessageRegistry } from './registry';
import type { TimSdk } from './sdk';

/** What the middleware shares with thunks. */
export interface TimContext {
  /** The SDK instance the middleware is bound to. */
  sdk: TimSdk;
  /** SDK messages by ID. */
  registry: MessageRegistry;
  /**
   * Resolves once the SDK is ready; rejects if the session ends first or after `timeoutMs`
   * (`Infinity`: no timer; the session's end still settles it).
   */
  whenReady(timeoutMs: number): Promise<void>;
  /** Counts the thunk's SDK call as in flight until it settles (for `whenSettled`); returns it. */
  track<T>(call: Promise<T>): Promise<T>;
  /**
   * Resolves once every call in flight now has settled, or after `timeoutMs`. Logout waits for it:
   * an answer that arrives after the SDK logged out still lands in the SDK's caches, where the
   * next user's calls would find it.
   */
  whenSettled(timeoutMs: number): Promise<void>;
  /** Counts user-data resets; a thunk result from an earlier session must not land in this one. */
  epoch(): number;
  /** True once the middleware was closed: thunks then refuse to call the SDK. */
  isClosed(): boolean;
}

/** The request the middleware answers; exported for tests and custom thunks. */
export const getTimContext = createAction('tim/getContext');

const CONTEXT = Symbol('timContext');

/** Marks an object as the middleware's context answer. */
export function asContextAnswer(context: TimContext): TimContext {
  return Object.assign(context, { [CONTEXT]: true });
}

/** The context of the middleware in this store; throws a coded error when there is none. */
export function timContextOf(dispatch: (action: ReturnType<typeof getTimContext>) => unknown): TimContext {
  const answer = dispatch(getTimContext());
  if (answer !== null && typeof answer === 'object' && CONTEXT in answer) {
    const context = answer as unknown as TimContext;
    if (!context.isClosed()) return context;
    throw new TimReduxError(
      TIM_REDUX_ERROR.NO_MIDDLEWARE,
      'tim-redux: the middleware was closed; it no longer calls the SDK.',
    );
  }
  throw new TimReduxError(
    TIM_REDUX_ERROR.NO_MIDDLEWARE,
    'tim-redux: no SDK in this store. Add createTimMiddleware(sdk) to configureStore({ middleware }).',
  );
}
