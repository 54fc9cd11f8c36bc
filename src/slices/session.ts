/** `state.tim.session`: the login state machine `idle → loggingIn → ready ⇄ notReady`, `kickedOut`, `loggedOut`. */
import { createSlice } from '@reduxjs/toolkit';
import { kickedOut, resetTim, sdkNotReady, sdkReady } from '../actions';
import { login, loginStarted, logout } from '../thunks/session';
import type { SessionState } from '../types';

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
        state.userID = payload.userID;
      })
      .addCase(login.fulfilled, (state, { payload }) => {
        if (state.status === 'loggingIn' || state.status === 'ready') {
          state.status = 'ready';
          state.userID = payload.userID;
          state.repeatLogin = payload.repeatLogin;
        }
      })
      .addCase(login.rejected, (state, { payload, error, meta }) => {
        if (!isLoginArgs(meta.arg)) return;
        if (state.status === 'kickedOut') return; // the kick explains it better
        state.status = 'idle';
        state.userID = null;
        state.error = payload ?? { code: 9000, message: error.message ?? 'login failed' };
      })
      .addCase(sdkReady, (state) => {
        if (state.status === 'loggingIn' || state.status === 'notReady' || state.status === 'idle')
          state.status = 'ready';
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
