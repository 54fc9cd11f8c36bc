/**
 * The SDK's namespace (`create`, `EVENT`, `TYPES`) typed the same for every consumer.
 *
 * Why: `tim-js-sdk`, `tim-wx-sdk` and `@tencentcloud/chat` ship CommonJS bundles whose `.d.ts`
 * says `export default TIM`. A CommonJS or bundler consumer gets `TIM.create` from
 * `import TIM from 'tim-js-sdk'`; a Node ESM consumer (`"type": "module"`, `moduleResolution:
 * nodenext`) gets the whole `module.exports` as the default import, which TypeScript then types as
 * `{ default: typeof TIM }`, although at run time it is the namespace itself (the bundles assign
 * `module.exports = TIM` and have no `default`). And tim-js-sdk 2.x's create options lack
 * `proxyServer`, which the bundle reads (2.27.6 tim-js.js: `this._proxyServer=n.proxyServer`, read by
 * `getProxyServer`) and @tencentcloud/chat 3.x's `.d.ts` declares.
 */

type SdkCreate<D> = D extends { create(options: infer O): infer I } ? { options: O; instance: I } : never;

/** The namespace an SDK module's default import stands for, whichever module system typed it. */
type Unwrapped<M> = M extends { create(options: never): unknown } ? M : M extends { default: infer D } ? D : M;

/** Create options the bundles read but not every `.d.ts` declares. */
export interface CreateExtras {
  /** URL of a proxy server to connect to instead of Tencent's, e.g. the IM emulator's `url`. */
  proxyServer?: string;
  /**
   * `false` turns off the one-per-second throttling of list events (@tencentcloud/chat 3.x only,
   * 3.6.6 index.js: `this._eventThrottling=t.eventThrottling`; 2.x ignores it). Useful in tests.
   */
  eventThrottling?: boolean;
}

/**
 * An SDK namespace as {@link sdkNamespace} returns it: the SDK's own (`EVENT`, `TYPES`,
 * `VERSION`, ...), with `create` also accepting {@link CreateExtras} (`proxyServer`, `eventThrottling`) on
 * every SDK.
 */
export type TimSdkNamespace<M> = Omit<Unwrapped<M>, 'create'> & {
  /** The SDK's `create`, returning its own instance type. */
  create(options: SdkCreate<Unwrapped<M>>['options'] & CreateExtras): SdkCreate<Unwrapped<M>>['instance'];
};

/**
 * Takes the SDK module's default import and returns the SDK namespace, typed the same in a strict
 * CommonJS and a strict Node ESM (`nodenext`) project:
 *
 * ```ts
 * import TIMModule from 'tim-js-sdk'; // or '@tencentcloud/chat', 'tim-wx-sdk'
 * import { sdkNamespace } from 'tim-redux';
 * const TIM = sdkNamespace(TIMModule);
 * const tim = TIM.create({ SDKAppID: 1400000000 }); // TIM.EVENT, TIM.TYPES as usual
 * ```
 *
 * At run time it returns the import itself (or its `default`, should a bundler have wrapped it).
 */
export function sdkNamespace<M extends object>(imported: M): TimSdkNamespace<M> {
  const value = imported as { create?: unknown; default?: unknown };
  return (typeof value.create === 'function' ? value : value.default) as TimSdkNamespace<M>;
}
