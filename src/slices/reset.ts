/**
 * The actions after which nothing of the current user may stay in the store: every slice that
 * holds user data resets on `isUserDataReset`, and the middleware empties its registry.
 */
import { isAnyOf } from '@reduxjs/toolkit';
import { kickedOut, resetTim } from '../actions';
import { TIM_REDUX_ERROR } from '../errors';
import { login, logout } from '../thunks/session';

/** A login that reached the SDK and failed: nobody is logged in after it. */
export function isFailedLogin(action: unknown): action is ReturnType<typeof login.rejected> {
  return login.rejected.match(action) && action.payload?.code !== TIM_REDUX_ERROR.INVALID_ARGUMENT;
}

const isResetAction = isAnyOf(resetTim, kickedOut, logout.fulfilled, logout.rejected);

/**
 * Matches logout (succeeded or not), kick, user switch, a failed login (nobody is logged in after
 * it, so nobody's data may stay) and a manual `resetTim`. A login refused for bad arguments never
 * reached the SDK and changes nothing.
 */
export function isUserDataReset(action: unknown): boolean {
  return isResetAction(action) || isFailedLogin(action);
}
