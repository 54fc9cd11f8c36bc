/**
 * The actions after which nothing of the current user may stay in the store: every slice that
 * holds user data resets on `isUserDataReset`, and the middleware empties its registry.
 */
import { kickedOut, resetTim } from '../actions';
import { TIM_REDUX_ERROR } from '../errors';
import { login, loginFailed, logout } from '../thunks/session';

/**
 * A login that reached the SDK and failed: nobody is logged in after it. Not one refused for bad
 * arguments (the SDK was never called), nor one that timed out (NOT_READY: the SDK's login goes
 * on, or the session had already ended and was cleared then).
 */
export function isFailedLogin(action: unknown): action is ReturnType<typeof login.rejected> {
  if (!login.rejected.match(action)) return false;
  const code = action.payload?.code;
  return code !== TIM_REDUX_ERROR.INVALID_ARGUMENT && code !== TIM_REDUX_ERROR.NOT_READY;
}

// Every reducer asks this of every action, so it is one Set lookup, not a chain of matchers.
const RESET_TYPES: ReadonlySet<string> = new Set([
  resetTim.type,
  kickedOut.type,
  logout.fulfilled.type,
  logout.rejected.type,
  login.rejected.type,
  loginFailed.type,
]);

/**
 * Matches logout (succeeded or not), kick, user switch, a failed login (nobody is logged in after
 * it, so nobody's data may stay; also one the SDK refused after its `login` call had timed out)
 * and a manual `resetTim`. A login refused for bad arguments never
 * reached the SDK and changes nothing.
 */
export function isUserDataReset(action: unknown): boolean {
  const type = (action as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !RESET_TYPES.has(type)) return false;
  return type !== login.rejected.type || isFailedLogin(action);
}
