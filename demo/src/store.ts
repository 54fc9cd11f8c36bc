/** The store, wired as the README says: timReducer at `tim`, the middleware on the real SDK. */
import TIMModule from 'tim-js-sdk';
import { configureStore } from '@reduxjs/toolkit';
import { useDispatch, useSelector, type TypedUseSelectorHook } from 'react-redux';
import { createTimMiddleware, sdkNamespace, timCheckOptions, timDevToolsOptions, timReducer } from '../../src';

declare const __EMULATOR_URL__: string;

/** The SDK namespace, typed with `proxyServer` (tim-js-sdk's `.d.ts` lacks it). */
const TIM = sdkNamespace(TIMModule);

/** One SDK per page; the demo points it at the local IM emulator. */
export const tim = TIM.create({ SDKAppID: 1400000001, proxyServer: __EMULATOR_URL__ });
tim.setLogLevel(4);

export const store = configureStore({
  reducer: { tim: timReducer },
  middleware: (getDefault) => getDefault(timCheckOptions()).concat(createTimMiddleware(tim, { events: TIM.EVENT })),
  devTools: timDevToolsOptions,
});

export type RootState = ReturnType<typeof store.getState>;
export type AppDispatch = typeof store.dispatch;
export const useAppDispatch: () => AppDispatch = useDispatch;
export const useAppSelector: TypedUseSelectorHook<RootState> = useSelector;
