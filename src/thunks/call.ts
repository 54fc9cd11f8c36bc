/**
 * Calling SDK methods that the structural `TimSdk` does not require (they differ between SDK
 * versions), argument checks shared by the area thunks, and the `callTim` escape hatch.
 */
import type { ThunkDispatch, UnknownAction } from '@reduxjs/toolkit';
import { TIM_REDUX_ERROR, TimReduxError } from '../errors';
import { isObject, toPlain } from '../normalize/plain';
import type { TimSdk } from '../sdk';
import type { PlainValue, RootStateWithTim } from '../types';
import { createTimThunk, requireArg, withSdk } from './create';

/**
 * Calls `sdk[method](...args)`; a method this SDK version does not have rejects with
 * `TIM_REDUX_ERROR.UNSUPPORTED` instead of a TypeError.
 */
export async function invoke(sdk: TimSdk, method: string, ...args: unknown[]): Promise<unknown> {
  const fn = (sdk as unknown as Record<string, unknown>)[method];
  if (typeof fn !== 'function') {
    throw new TimReduxError(TIM_REDUX_ERROR.UNSUPPORTED, `this SDK has no ${method}()`);
  }
  return (fn as (...a: unknown[]) => unknown).apply(sdk, args);
}

/** True when `sdk` has `method`. */
export function hasMethod(sdk: TimSdk, method: string): boolean {
  return typeof (sdk as unknown as Record<string, unknown>)[method] === 'function';
}

/** A non-empty string. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

/** Throws the bad-argument error unless `value` is a non-empty string. */
export function requireId(value: unknown, message: string): asserts value is string {
  requireArg(isId(value), message);
}

/** Throws the bad-argument error unless `value` is a non-empty array of non-empty strings. */
export function requireIdList(value: unknown, message: string): asserts value is string[] {
  requireArg(Array.isArray(value) && value.length > 0 && value.every(isId), message);
}

/** Throws the bad-argument error unless `value` is an object. */
export function requireObject(value: unknown, message: string): asserts value is Record<string, unknown> {
  requireArg(isObject(value), message);
}

/** Every non-empty string of an SDK result field (`successUserIDList`, ...), else `fallback`. */
export function idsOf(value: unknown, fallback: readonly string[] = []): string[] {
  if (!Array.isArray(value)) return fallback.slice();
  return value.map((v) => (isObject(v) ? (v.userID ?? v.groupID ?? v.conversationID) : v)).filter(isId);
}

/**
 * The SDK's method names a `callTim` call may name: every method of `TimSdk` and, for the rest,
 * any string (the SDK versions differ; a missing method rejects with `UNSUPPORTED`).
 */
export type TimMethodName = Exclude<keyof TimSdk, 'on' | 'off'> | (string & {});

const pendingArgs = new Map<number, unknown[]>();
let nextCall = 0;

const callTimThunk = createTimThunk<PlainValue, { method: string; call: number }>('tim/callTim', (arg, api) => {
  const args = pendingArgs.get(arg?.call) ?? [];
  pendingArgs.delete(arg?.call);
  return withSdk(api, async ({ sdk }) => {
    requireArg(isId(arg?.method) && arg.method !== 'on' && arg.method !== 'off', 'callTim needs an SDK method name');
    return toPlain(await invoke(sdk, arg.method, ...args));
  });
});

type TimDispatch = ThunkDispatch<RootStateWithTim, unknown, UnknownAction>;

/**
 * The escape hatch: calls any SDK method, `callTim('getGroupOnlineMemberCount', groupID)`, and
 * resolves with its response made plain by `toPlain` (SDK objects become plain records; `_`-private
 * fields, methods and cycles are dropped). Rejections are `{ code, message }` like every thunk; a
 * result that arrives after logout is dropped. The arguments are handed to the SDK as they are
 * (SDK `Message` objects included) and never enter an action. Nothing lands in the store: the
 * SDK's own events update state as usual. `callTim.fulfilled` etc. match its actions, whose
 * `meta.arg.method` names the method.
 */
export const callTim = Object.assign(
  (method: TimMethodName, ...args: unknown[]) =>
    (dispatch: TimDispatch) => {
      const call = ++nextCall;
      pendingArgs.set(call, args);
      return dispatch(callTimThunk({ method: String(method), call }));
    },
  {
    pending: callTimThunk.pending,
    fulfilled: callTimThunk.fulfilled,
    rejected: callTimThunk.rejected,
    typePrefix: callTimThunk.typePrefix,
  },
);

/**
 * The SDK's own total unread count, read after a call that changes unread counts, or null when this
 * SDK cannot say. The binding never computes the total from its rows: the SDK's total leaves out
 * muted and system conversations (2.27.6 tim-js.js and 3.6.6 index.js `getTotalUnreadMessageCount`:
 * sums `unreadCount` where `type !== '@TIM#SYSTEM'` and `messageRemindType` is `''` or
 * `AcceptAndNotify`), and it may already have sent the lowered total while the throttled list event
 * still shows the old row.
 */
export function sdkTotalUnread(sdk: TimSdk): number | null {
  try {
    const fn = (sdk as unknown as { getTotalUnreadMessageCount?: unknown }).getTotalUnreadMessageCount;
    const total: unknown = typeof fn === 'function' ? fn.call(sdk) : null;
    return typeof total === 'number' && Number.isFinite(total) ? Math.max(0, total) : null;
  } catch {
    return null;
  }
}
