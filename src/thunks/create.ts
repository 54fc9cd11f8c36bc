/** The typed `createAsyncThunk` every tim-redux thunk uses, and the one way they call the SDK. */
import { createAsyncThunk } from '@reduxjs/toolkit';
import { timContextOf, type TimContext } from '../context';
import { TIM_REDUX_ERROR, TimReduxError, toTimError } from '../errors';
import type { RootStateWithTim, TimError } from '../types';

/** `createAsyncThunk` typed for a store with tim-redux at `state.tim`, rejecting with `TimError`. */
export const createTimThunk = createAsyncThunk.withTypes<{ state: RootStateWithTim; rejectValue: TimError }>();

/**
 * Runs `body` with the middleware's context; anything it throws (an SDK rejection, a bad argument)
 * becomes a rejected thunk whose payload is a serializable `{ code, message }`.
 */
export async function withSdk<R>(
  api: { dispatch: unknown; rejectWithValue: (e: TimError) => unknown },
  body: (context: TimContext) => Promise<R>,
  { guardStale = true } = {},
): Promise<R> {
  try {
    const context = timContextOf(api.dispatch as Parameters<typeof timContextOf>[0]);
    const epoch = context.epoch();
    // Session thunks (guardStale false) are not counted: logout waits for the others to land.
    const result = await (guardStale ? context.track(body(context)) : body(context));
    // A logout, kick or user switch happened while the SDK worked: the result belongs to a session
    // that is gone and must not land in this one.
    if (guardStale && context.epoch() !== epoch) {
      throw new TimReduxError(TIM_REDUX_ERROR.STALE, 'the session ended before the SDK answered');
    }
    return result;
  } catch (e) {
    throw api.rejectWithValue(toTimError(e));
  }
}

/** True for the error of a thunk whose result was dropped because its session ended. */
export function isStale(error: TimError | undefined): boolean {
  return error?.code === TIM_REDUX_ERROR.STALE;
}

/** Throws the bad-argument error when `condition` is false. */
export function requireArg(condition: boolean, message: string): asserts condition {
  if (!condition) throw new TimReduxError(TIM_REDUX_ERROR.INVALID_ARGUMENT, message);
}

/** The `data` of an SDK response, or undefined. */
export function dataOf(response: unknown): Record<string, unknown> {
  const data = response !== null && typeof response === 'object' ? (response as { data?: unknown }).data : undefined;
  return data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}
