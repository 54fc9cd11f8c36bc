/**
 * The wx shim in tests: install it at module scope (before `describe.each` asks tim-wx-sdk for its
 * constants), an upload plugin for each SDK kind, and the `payload.file` each platform passes.
 */
import TIMUploadPlugin from 'tim-upload-plugin';
import { installWxShim, type WxShim, type WxShimOptions } from '../../src/emulator';
import type { SdkKind } from '../emulator/sdk';

/**
 * Installs the shim now (module scope) and uninstalls it after the file's tests. It also clears
 * the intervals left running after the file: tim-wx-sdk 2.27.6 leaks a 1 s interval per logout that
 * is followed by destroy() (tim-wx.js: `reset()` sets `_timerForNotLoggedIn=setInterval(...)` without
 * clearing the previous one; `destroy()` logs out again, and `dealloc()` clears only the newest).
 * jsdom clears timers at teardown; in Node they would keep Jest from exiting.
 */
export function useWxShim(options?: WxShimOptions): WxShim {
  const shim = installWxShim(options);
  const intervals = new Set<ReturnType<typeof setInterval>>();
  const realSet = globalThis.setInterval;
  const realClear = globalThis.clearInterval;
  globalThis.setInterval = ((...args: Parameters<typeof setInterval>) => {
    const handle = realSet(...args);
    intervals.add(handle);
    return handle;
  }) as typeof setInterval;
  globalThis.clearInterval = ((handle?: ReturnType<typeof setInterval>) => {
    if (handle !== undefined) intervals.delete(handle);
    realClear(handle);
  }) as typeof clearInterval;
  afterAll(() => {
    shim();
    for (const handle of intervals) realClear(handle);
    globalThis.setInterval = realSet;
    globalThis.clearInterval = realClear;
  });
  return shim;
}

let wxPlugin: unknown;

/**
 * tim-upload-plugin as each kind needs it. The plugin picks its transport when loaded (XHR on the
 * web, `wx.uploadFile` when `wx` is there), so the mini-program copy is loaded apart, under the shim.
 */
export function uploadPluginFor(kind: SdkKind): unknown {
  if (kind !== 'tim-wx-sdk') return TIMUploadPlugin;
  if (!wxPlugin) {
    const log = console.log;
    console.log = () => undefined; // it prints its version when loaded
    try {
      jest.isolateModules(() => {
        wxPlugin = require('tim-upload-plugin');
      });
    } finally {
      console.log = log;
    }
  }
  return wxPlugin;
}

/** Media kinds of `sendMediaMessage`. */
export type MediaKind = 'image' | 'file' | 'audio' | 'video';

/**
 * What `payload.file` holds on each platform: a `File` on the web; on mini-programs the result of
 * `wx.chooseImage` (image), `wx.chooseMessageFile` (file), the recorder's stop event (audio) or
 * `wx.chooseVideo` (video), with the bytes behind a temp path of the shim. `size` overrides the
 * size the picker reports (to test limits without the bytes).
 */
export function mediaFile(
  kind: SdkKind,
  shim: WxShim,
  media: MediaKind,
  bytes: Uint8Array,
  name: string,
  mime: string,
  size = bytes.length,
): unknown {
  if (kind !== 'tim-wx-sdk') return new File([new Uint8Array(bytes)], name, { type: mime });
  const path = shim.addTempFile(bytes, name);
  if (media === 'image') return { tempFilePaths: [path], tempFiles: [{ path, size }] };
  if (media === 'file') return { tempFiles: [{ path, size, name, type: 'file', time: 0 }] };
  if (media === 'audio') return { tempFilePath: path, duration: 2000, fileSize: size };
  return { tempFilePath: path, duration: 3, size, width: 4, height: 3 };
}
