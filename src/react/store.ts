/** The typed base hooks: every other hook of `tim-redux/react` reads and dispatches through these. */
import { type RootStateWithTim } from 'tim-redux';
import type { ThunkDispatch, UnknownAction } from '@reduxjs/toolkit';
import { useDispatch, useSelector } from 'react-redux';

/** The dispatch of a store with tim-redux mounted: plain actions and tim-redux's thunks. */
export type TimDispatch = ThunkDispatch<RootStateWithTim, unknown, UnknownAction>;

/**
 * `useSelector` typed for a store with `timReducer` at `tim`. For an app's own slices too, make your
 * own with `useSelector.withTypes<RootState>()`: tim-redux's hooks work with either.
 */
export const useTimSelector = useSelector.withTypes<RootStateWithTim>();

/** `useDispatch` typed so that tim-redux's thunks can be dispatched and awaited. */
export const useTimDispatch = useDispatch.withTypes<TimDispatch>();
