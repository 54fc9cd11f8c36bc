/** `state.tim.session`: the login state machine `idle → loggingIn → ready ⇄ notReady`, `kickedOut`, `loggedOut`. */
import { createSlice } from '@reduxjs/toolkit';
import { kickedOut, resetTim, sdkNotReady, sdkReady } from '../actions';
import { TIM_REDUX_ERROR } from '../errors';
import { login, loginFailed, loginStarted, logout } from '../thunks/session';
import type { SessionState } from '../types';
import { isFailedLogin } from './reset';

const initialState: SessionState = {
  status: 'idle',
  userID: null,
  kickedOutReason: null,
  error: null,
  repeatLogin: false,
};

function isLoginArgs(arg: unknown): boolean {
  const a = arg as { userID?: unknown; userSig?: unknown } | null;
  return typeof a?.userID === 'string' && a.userID !== '' && typeof a.userSig === 'string' && a.userSig !== '';
}

const AFTER_RESET = { logout: 'loggedOut', kickedOut: 'kickedOut', userSwitch: 'loggingIn', manual: 'idle' } as const;

const sessionSlice = createSlice({
  name: 'tim/session',
  initialState,
  reducers: {},
  extraReducers: (builder) => {
    builder
      .addCase(login.pending, (state, { meta }) => {
        if (!isLoginArgs(meta.arg)) return; // refused before the SDK is called: nothing changes
        state.status = 'loggingIn';
        state.error = null;
        state.kickedOutReason = null;
        state.repeatLogin = false;
      })
      .addCase(loginStarted, (state, { payload }) => {
        state.status = 'loggingIn';
        state.userID = payload.userID;
      })
      .addCase(login.fulfilled, (state, { payload }) => {
        if (state.status === 'loggingIn' || state.status === 'ready') {
          state.status = 'ready';
          state.userID = payload.userID;
          state.repeatLogin = payload.repeatLogin;
          state.error = null;
        }
      })
      .addCase(login.rejected, (state, action) => {
        const { payload, error, meta } = action;
        if (!isLoginArgs(meta.arg)) return;
        if (state.status === 'kickedOut') return; // the kick explains it better
        const reason = payload ?? { code: TIM_REDUX_ERROR.UNKNOWN, message: error.message ?? 'login failed' };
        if (!isFailedLogin(action)) {
          // NOT_READY: at the timeout the login goes on in the SDK, so the session stays with this
          // user; when the session ended instead (logout, kick, switch), that already set it.
          if (state.status === 'loggingIn' && state.userID === meta.arg.userID) state.error = reason;
          return;
        }
        state.status = 'idle';
        state.userID = null;
        state.error = reason;
      })
      .addCase(loginFailed, (state, { payload }) => ({ ...initialState, error: payload.error }))
      .addCase(sdkReady, (state) => {
        // Ready means ready for a user: an SDK that becomes ready for a login this binding does
        // not know of (a session it already ended, a login made on the SDK directly) stays as is.
        if (state.userID === null) return;
        if (state.status === 'loggingIn' || state.status === 'notReady' || state.status === 'idle') {
          state.status = 'ready';
          state.error = null; // a login that timed out has come through after all
        }
      })
      .addCase(sdkNotReady, (state) => {
        if (state.status === 'ready') state.status = 'notReady';
      })
      .addCase(kickedOut, (state, { payload }) => {
        return { ...initialState, status: 'kickedOut', kickedOutReason: payload.type };
      })
      .addCase(resetTim, (state, { payload }) => {
        const status = AFTER_RESET[payload.reason] ?? 'idle';
        return { ...initialState, status, kickedOutReason: status === 'kickedOut' ? state.kickedOutReason : null };
      })
      .addCase(logout.fulfilled, () => ({ ...initialState, status: 'loggedOut' }))
      .addCase(logout.rejected, (_state, { payload, error }) => ({
        ...initialState,
        status: 'loggedOut',
        error: payload ?? { code: 9000, message: error.message ?? 'logout failed' },
      }));
  },
});

/** The session reducer. */
export const sessionReducer = sessionSlice.reducer;
