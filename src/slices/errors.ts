/** `state.tim.errors` and `state.tim.unhandled`: what the app can read when an event went wrong or was unknown. */
import { createSlice } from '@reduxjs/toolkit';
import { eventFailed, sdkErrorReceived, unhandledEvent } from '../actions';
import type { EventError, TimState } from '../types';
import { isUserDataReset } from './reset';

/** Event errors kept (newest). */
const ERROR_MEMORY = 50;

const initialErrors: TimState['errors'] = { events: [], last: null };

function record(state: TimState['errors'], error: EventError): TimState['errors'] {
  return { events: [...state.events, error].slice(-ERROR_MEMORY), last: error };
}

const errorsSlice = createSlice({
  name: 'tim/errors',
  initialState: initialErrors,
  reducers: {},
  extraReducers: (builder) => {
    builder
      .addCase(eventFailed, (state, { payload }) => record(state, payload))
      .addCase(sdkErrorReceived, (state, { payload }) => record(state, { ...payload, event: 'error', at: Date.now() }))
      .addMatcher(isUserDataReset, () => initialErrors);
  },
});

/** The errors reducer. */
export const errorsReducer = errorsSlice.reducer;

const unhandledSlice = createSlice({
  name: 'tim/unhandled',
  initialState: {} as TimState['unhandled'],
  reducers: {},
  extraReducers: (builder) => {
    builder
      .addCase(unhandledEvent, (state, { payload }) => {
        state[payload.name] = payload.data;
      })
      .addMatcher(isUserDataReset, () => ({}));
  },
});

/** The reducer for events no slice knows. */
export const unhandledReducer = unhandledSlice.reducer;
