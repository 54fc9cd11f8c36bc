/** Session, network and error selectors. */
import type { EventError, NetState, RootStateWithTim, SessionState } from '../types';

/** The session: `{ status, userID, kickedOutReason, error, repeatLogin }`. */
export const selectSession = (state: RootStateWithTim): SessionState => state.tim.session;

/** True when the SDK is ready (logged in and synced). */
export const selectIsReady = (state: RootStateWithTim): boolean => state.tim.session.status === 'ready';

/** The SDK's network state: `connected`, `connecting` or `disconnected`. */
export const selectNetState = (state: RootStateWithTim): NetState => state.tim.net.state;

/** Events the binding could not (fully) apply, newest last. */
export const selectEventErrors = (state: RootStateWithTim): readonly EventError[] => state.tim.errors.events;

/** The latest event error, or null. */
export const selectLastEventError = (state: RootStateWithTim): EventError | null => state.tim.errors.last;

/**
 * True once a login was started and until it ends: while logging in (`loggingIn`), ready, and
 * `notReady` (re-syncing after a reconnect). For route guards that must not bounce a user mid-login.
 * @deprecated The name says "logged in" but it is also true while logging in, before the server
 * answered. Use {@link selectIsLoggedInOrLoggingIn} (the same value, honestly named),
 * {@link selectIsLoginComplete} (login resolved, not yet ended) or {@link selectIsReady} (synced).
 */
export const selectIsLoggedIn = (state: RootStateWithTim): boolean => {
  const status = state.tim.session.status;
  return status === 'ready' || status === 'notReady' || status === 'loggingIn';
};

/** True while logging in, logged in or ready: the value of the deprecated `selectIsLoggedIn`. */
export const selectIsLoggedInOrLoggingIn = selectIsLoggedIn;

/**
 * True from the moment `login` resolved (the SDK was ready) until logout or a kick: `ready`, or
 * `notReady` while the SDK re-syncs after a reconnect. False while logging in.
 */
export const selectIsLoginComplete = (state: RootStateWithTim): boolean =>
  state.tim.session.status === 'ready' || state.tim.session.status === 'notReady';
