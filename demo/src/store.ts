/** The store, wired as the README says: timReducer at `tim`, the middleware on the real SDK. */
import TIMModule from 'tim-js-sdk';
import { configureStore } from '@reduxjs/toolkit';
import { createTimMiddleware, sdkNamespace, timCheckOptions, timDevToolsOptions, timReducer } from 'tim-redux';

declare const __EMULATOR_URL__: string;

/** The SDK namespace, typed with `proxyServer` (tim-js-sdk's `.d.ts` lacks it). */
const TIM = sdkNamespace(TIMModule);

/** One SDK per page; the demo points it at the local IM emulator. */
export const tim = TIM.create({ SDKAppID: 1400000001, proxyServer: __EMULATOR_URL__ });
tim.setLogLevel(4);

/** The app's store. Its components read it with the hooks of `tim-redux/react`. */
export const store = configureStore({
  reducer: { tim: timReducer },
  middleware: (getDefault) => getDefault(timCheckOptions()).concat(createTimMiddleware(tim, { events: TIM.EVENT })),
  devTools: timDevToolsOptions,
});
