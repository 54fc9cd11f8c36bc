/** Session, network and error selectors. */
import { createSelector } from '@reduxjs/toolkit';
import type { EventError, RootStateWithTim, SessionState } from '../types';

/** The session: `{ status, userID, kickedOutReason, error, repeatLogin }`. */
export const selectSession = (state: RootStateWithTim): SessionState => state.tim.session;

/** True when the SDK is ready (logged in and synced). */
export const selectIsReady = (state: RootStateWithTim): boolean => state.tim.session.status === 'ready';

/** The SDK's network state string: `connected`, `connecting` or `disconnected`. */
export const selectNetState = (state: RootStateWithTim): string => state.tim.net.state;

/** Events the binding could not (fully) apply, newest last. */
export const selectEventErrors = (state: RootStateWithTim): readonly EventError[] => state.tim.errors.events;

/** The latest event error, or null. */
export const selectLastEventError = (state: RootStateWithTim): EventError | null => state.tim.errors.last;

/** True while the user is logged in or logging in (for route guards). */
export const selectIsLoggedIn = createSelector(
  [(state: RootStateWithTim) => state.tim.session.status],
  (status) => status === 'ready' || status === 'notReady' || status === 'loggingIn',
);
