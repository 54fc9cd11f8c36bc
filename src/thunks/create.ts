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
): Promise<R> {
  try {
    return await body(timContextOf(api.dispatch as Parameters<typeof timContextOf>[0]));
  } catch (e) {
    throw api.rejectWithValue(toTimError(e));
  }
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
