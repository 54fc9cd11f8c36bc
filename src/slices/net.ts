/** `state.tim.net`: the SDK's network state. Not user data: it survives logout. */
import { createSlice } from '@reduxjs/toolkit';
import { netStateChanged } from '../actions';
import type { NetState } from '../types';

const netSlice = createSlice({
  name: 'tim/net',
  // The SDK starts "connected" and only reports changes (PROTOCOL.md, section 3).
  initialState: { state: 'connected' as NetState },
  reducers: {},
  extraReducers: (builder) => {
    builder.addCase(netStateChanged, (state, { payload }) => {
      state.state = payload.state;
    });
  },
});

/** The network-state reducer. */
export const netReducer = netSlice.reducer;
