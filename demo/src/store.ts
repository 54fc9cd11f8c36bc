/** The store, wired as the README says: timReducer at `tim`, the middleware on the real SDK. */
import TIM from 'tim-js-sdk';
import TIMUploadPlugin from 'tim-upload-plugin';
import { configureStore } from '@reduxjs/toolkit';
import { useDispatch, useSelector, type TypedUseSelectorHook } from 'react-redux';
import { createTimMiddleware, timReducer, type TimSdk } from '../../src';

declare const __EMULATOR_URL__: string;

/** One SDK per page; the demo points it at the local IM emulator. */
export const tim = TIM.create({ SDKAppID: 1400000001, proxyServer: __EMULATOR_URL__ } as never);
tim.setLogLevel(4);
// Images and files need the upload plugin, registered before login as Tencent's guide does.
tim.registerPlugin({ 'tim-upload-plugin': TIMUploadPlugin });

export const store = configureStore({
  reducer: { tim: timReducer },
  middleware: (getDefault) => getDefault().concat(createTimMiddleware(tim as unknown as TimSdk, { events: TIM.EVENT })),
});

export type RootState = ReturnType<typeof store.getState>;
export type AppDispatch = typeof store.dispatch;
export const useAppDispatch: () => AppDispatch = useDispatch;
export const useAppSelector: TypedUseSelectorHook<RootState> = useSelector;
