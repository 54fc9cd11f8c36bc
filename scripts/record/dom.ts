/**
 * The browser globals the Web SDKs need, from jsdom, for running them in plain Node (tsx) as the
 * Jest suites run them under `@jest-environment jsdom`. Import this module before either SDK.
 */
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>', { url: 'http://localhost/' });
const g = globalThis as Record<string, unknown>;
const w = dom.window as unknown as Record<string, unknown>;
for (const key of [
  'window',
  'document',
  'navigator',
  'location',
  'WebSocket',
  'localStorage',
  'sessionStorage',
  'XMLHttpRequest',
  'Blob',
  'File',
  'FileReader',
  'HTMLElement',
  'Image',
]) {
  if (!(key in g) || g[key] === undefined) {
    try {
      g[key] = w[key];
    } catch {
      Object.defineProperty(g, key, { value: w[key], configurable: true });
    }
  }
}

/** Closes the jsdom window (its timers would keep the process alive). */
export function closeDom(): void {
  dom.window.close();
}
