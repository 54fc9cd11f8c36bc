/** Calls an SDK API by name: the recording scenarios use APIs beyond the shared test surface, which differ by SDK. */
import { sleep, type Sdk } from '../../__tests__/emulator/sdk';
import type { RecordContext } from './recorder';

/** Calls `tim[name](...args)`; rejects when this SDK has no such API. */
export function call<T = unknown>(tim: Sdk, name: string, ...args: unknown[]): Promise<T> {
  const fn = (tim as unknown as Record<string, unknown>)[name];
  if (typeof fn !== 'function') return Promise.reject(new Error(`${name} is not an API of this SDK`));
  return (fn as (...a: unknown[]) => Promise<T>).apply(tim, args);
}

/** True when this SDK has the API. */
export const has = (tim: Sdk, name: string): boolean =>
  typeof (tim as unknown as Record<string, unknown>)[name] === 'function';

/** The command by which the SDKs load their purchased features, about a second after login. */
const PURCHASE = 'im_sdk_config_mgr.fetch_imsdk_purchase_bitsv2';

/**
 * Logs `userID` in and waits until the SDK has loaded its purchased features (before that, paid
 * APIs such as marks, extensions and reactions are refused with 3122).
 */
export async function loginWithFeatures(
  ctx: RecordContext,
  userID: string,
  createOptions?: Record<string, unknown>,
): Promise<Sdk> {
  const features = ctx.emulator.waitForCommand(PURCHASE, { userID, timeoutMs: 5000 });
  const tim = await ctx.login(userID, createOptions);
  await features;
  await sleep(50);
  return tim;
}
