/**
 * Jest setup (every test file): drops the version banner both SDKs print with console.log when an
 * instance is created (2.27.6 tim-js.js: `TIM.VERSION:` via Logger `_exec("log", ...)`; 3.6.6
 * index.js: `TencentCloudChat.VERSION:`), so that test output shows only what tests print. Every
 * other console line passes through unchanged.
 */

/** True for the SDKs' banner line, in both of its forms (plain, or with %c styles in a browser). */
export function isSdkBanner(args: readonly unknown[]): boolean {
  const text = args.filter((a): a is string => typeof a === 'string').join(' ');
  return /\b(TIM|TencentCloudChat)\.VERSION:\d/.test(text) && /^\s*(%c)?\s*(TIM|Chat)\s/.test(text);
}

const log = console.log.bind(console);
console.log = (...args: unknown[]): void => {
  if (!isSdkBanner(args)) log(...args);
};
