/** The store, wired as the README says: timReducer at `tim`, the middleware on the real SDK. */
import TIMModule from 'tim-js-sdk';
import TIMUploadPlugin from 'tim-upload-plugin';
import { configureStore } from '@reduxjs/toolkit';
import { createTimMiddleware, sdkNamespace, timCheckOptions, timDevToolsOptions, timReducer } from 'tim-redux';

declare const __EMULATOR_URL__: string;
declare const __TIM_DEMO_TEST__: boolean;

/** The SDK namespace, typed with `proxyServer` (tim-js-sdk's `.d.ts` lacks it). */
const TIM = sdkNamespace(TIMModule);

/** One SDK per page; the demo points it at the local IM emulator. */
export const tim = TIM.create({ SDKAppID: 1400000001, proxyServer: __EMULATOR_URL__ });
tim.setLogLevel(4);
// Images and files need the upload plugin, registered before login as Tencent's guide does.
tim.registerPlugin({ 'tim-upload-plugin': TIMUploadPlugin });

/** The app's store. Its components read it with the hooks of `tim-redux/react`. */
export const store = configureStore({
  reducer: { tim: timReducer },
  middleware: (getDefault) => getDefault(timCheckOptions()).concat(createTimMiddleware(tim, { events: TIM.EVENT })),
  devTools: timDevToolsOptions,
});

// Only in the e2e run: the tests compare what the page shows with the store and the SDK's getters.
if (__TIM_DEMO_TEST__) Object.assign(window, { __timDemo: { tim, store } });
