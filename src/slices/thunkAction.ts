/** A cheap test that lets the hot path (SDK event actions) skip every thunk-result check. */
import type { UnknownAction } from '@reduxjs/toolkit';

/**
 * True for the pending/fulfilled/rejected actions of a `createAsyncThunk` (they carry
 * `meta.requestStatus`). Reducers with many thunk cases ask this first, so a MESSAGE_RECEIVED in
 * a live room does not walk dozens of matchers in every slice.
 */
export function isThunkAction(action: UnknownAction): boolean {
  const meta = (action as { meta?: { requestStatus?: unknown } }).meta;
  return meta !== undefined && meta !== null && typeof meta.requestStatus === 'string';
}
