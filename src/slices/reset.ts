/**
 * The actions after which nothing of the current user may stay in the store: every slice that
 * holds user data resets on `isUserDataReset`, and the middleware empties its registry.
 */
import { kickedOut, resetTim } from '../actions';
import { TIM_REDUX_ERROR } from '../errors';
import { login, logout } from '../thunks/session';

/** A login that reached the SDK and failed: nobody is logged in after it. */
export function isFailedLogin(action: unknown): action is ReturnType<typeof login.rejected> {
  return login.rejected.match(action) && action.payload?.code !== TIM_REDUX_ERROR.INVALID_ARGUMENT;
}

// Every reducer asks this of every action, so it is one Set lookup, not a chain of matchers.
const RESET_TYPES: ReadonlySet<string> = new Set([
  resetTim.type,
  kickedOut.type,
  logout.fulfilled.type,
  logout.rejected.type,
  login.rejected.type,
]);

/**
 * Matches logout (succeeded or not), kick, user switch, a failed login (nobody is logged in after
 * it, so nobody's data may stay) and a manual `resetTim`. A login refused for bad arguments never
 * reached the SDK and changes nothing.
 */
export function isUserDataReset(action: unknown): boolean {
  const type = (action as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !RESET_TYPES.has(type)) return false;
  return type !== login.rejected.type || isFailedLogin(action);
}
