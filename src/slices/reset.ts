/**
 * The actions after which nothing of the current user may stay in the store: every slice that
 * holds user data resets on `isUserDataReset`, and the middleware empties its registry.
 */
import { isAnyOf } from '@reduxjs/toolkit';
import { kickedOut, resetTim } from '../actions';
import { logout } from '../thunks/session';

/** Matches logout (succeeded or not), kick, user switch and a manual `resetTim`. */
export const isUserDataReset = isAnyOf(resetTim, kickedOut, logout.fulfilled, logout.rejected);
