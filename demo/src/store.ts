/** The store, wired as the README says: timReducer at `tim`, the middleware on the real SDK. */
import TIMModule from 'tim-js-sdk';
import TIMUploadPlugin from 'tim-upload-plugin';
import { configureStore } from '@reduxjs/toolkit';
import {
  createTimMiddleware,
  createTimPersistence,
  indexedDBStorage,
  sdkNamespace,
  timCheckOptions,
  timDevToolsOptions,
  timReducer,
} from 'tim-redux';

declare const __EMULATOR_URL__: string;
declare const __TIM_DEMO_TEST__: boolean;

/** The SDK namespace, typed with `proxyServer` (tim-js-sdk's `.d.ts` lacks it). */
const TIM = sdkNamespace(TIMModule);

const SDKAppID = 1400000001;

/** One SDK per page; the demo points it at the local IM emulator. */
export const tim = TIM.create({ SDKAppID, proxyServer: __EMULATOR_URL__ });
tim.setLogLevel(4);
// Images and files need the upload plugin, registered before login as Tencent's guide does.
tim.registerPlugin({ 'tim-upload-plugin': TIMUploadPlugin });

/**
 * Where the per-user snapshot lives: IndexedDB, on by default; `?persist=0` turns persistence off
 * (to compare a reload with and without it).
 */
const storage = new URLSearchParams(location.search).get('persist') === '0' ? null : indexedDBStorage();

/** The app's store. Its components read it with the hooks of `tim-redux/react`. */
export const store = configureStore({
  reducer: { tim: timReducer },
  middleware: (getDefault) =>
    getDefault(timCheckOptions()).concat(
      // The SDKAppID goes into the snapshot's key (the SDK instance does not say it).
      createTimMiddleware(tim, {
        events: TIM.EVENT,
        ...(storage ? { persist: createTimPersistence({ storage, SDKAppID }) } : {}),
      }),
    ),
  devTools: timDevToolsOptions,
});

// Only in the e2e run: the tests compare what the page shows with the store, the SDK's getters and
// the saved snapshot.
if (__TIM_DEMO_TEST__) Object.assign(window, { __timDemo: { tim, store, storage } });
