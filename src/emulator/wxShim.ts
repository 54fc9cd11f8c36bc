/**
 * `installWxShim`: the WeChat mini-program APIs that tim-wx-sdk and tim-upload-plugin call, backed by
 * Node's `ws`, `http` and `fs`, so the real, unmodified `tim-wx-sdk` runs in plain Node (Jest's
 * `node` environment) against the emulator: login, chat, reconnect, uploads through `wx.uploadFile`.
 *
 * What tim-wx-sdk 2.27.6 calls (tim-wx.js, through its alias `re` of `wx`): connectSocket and the
 * SocketTask's onOpen/onMessage/onClose/onError/send/close, getSystemInfoSync (also `wx.` literally,
 * for detection: `Boolean(wx.getSystemInfoSync().fontSizeSetting)`), get/set/remove/clear
 * StorageSync, getStorageInfoSync, getNetworkType, on/offNetworkStatusChange, on/offAppShow,
 * on/offAppHide, request (telemetry only), getImageInfo (image messages); it reads the globals
 * `getApp()` and `__wxConfig.pages` at login without checking they exist. tim-upload-plugin 1.4.3
 * calls `wx.uploadFile` (multipart POST, field `file`) and its task's onProgressUpdate.
 * `createGamePortal` stays undefined (its presence means a mini-game).
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'fs';
import http from 'http';
import { dirname, join } from 'path';
import type { WebSocket as WsSocket } from 'ws';

const nodeRequire = createRequire(__filename);
// `ws` by file path: under jest-environment-jsdom its "browser" entry is a stub (see transport.ts).
const WebSocketClient = (
  nodeRequire(join(dirname(nodeRequire.resolve('ws/package.json')), 'index.js')) as typeof import('ws')
).WebSocket;

/** Options of {@link installWxShim}. */
export interface WxShimOptions {
  /**
   * `getSystemInfoSync().platform`. Default `'android'` (binary `/binfo` frames); `'windows'` makes
   * tim-wx-sdk use `/info` with text frames, which the emulator also speaks.
   */
  platform?: string;
  /** Which `wx.request` URLs are served; default loopback only (the SDK's telemetry to Tencent is refused). */
  allowRequest?: (url: string) => boolean;
  /** Initial storage (key → value), as `wx.setStorageSync` would have left it. */
  storage?: Record<string, unknown>;
}

/** The installed shim: call it to uninstall; its methods drive what a phone would do. */
export interface WxShim {
  /** Removes `wx`, `getApp`, `getCurrentPages` and `__wxConfig` from the global object. */
  (): void;
  /** The `wx` object installed as `globalThis.wx`. */
  readonly wx: Record<string, unknown>;
  /** What the storage APIs hold. */
  readonly storage: Map<string, unknown>;
  /** Makes bytes available as a temp file path (`wxfile://tmp/...`), as `wx.chooseImage` would. */
  addTempFile(bytes: Uint8Array, name: string): string;
  /**
   * Changes the network: `'none'` reports offline, another type reports online on that network
   * (tim-wx-sdk closes and reopens its socket when the type changes).
   */
  setNetwork(networkType: 'wifi' | '4g' | '5g' | '3g' | 'none'): void;
  /**
   * Changes `getSystemInfoSync().platform`. tim-wx-sdk reads it at each connect (`getURL`): on
   * `'windows'` it uses `/info` with text frames.
   */
  setPlatform(platform: string): void;
  /** Sends the app to the background (`onAppHide`) or brings it back (`onAppShow`). */
  setAppVisible(visible: boolean): void;
  /** Open SocketTasks. */
  sockets(): number;
}

type Callback = (value: unknown) => void;
interface CallbackOptions {
  success?: Callback;
  fail?: Callback;
  complete?: Callback;
}

function settle(options: CallbackOptions | undefined, ok: boolean, value: Record<string, unknown>): void {
  setTimeout(() => {
    (ok ? options?.success : options?.fail)?.(value);
    options?.complete?.(value);
  }, 0);
}

const LOOPBACK = /^(https?|wss?):\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/|$)/;

function toArrayBuffer(data: Buffer): ArrayBuffer {
  return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
}

function pngSize(bytes: Buffer): { width: number; height: number } {
  return bytes.length >= 24 && bytes.readUInt32BE(12) === 0x49484452
    ? { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
    : { width: 0, height: 0 };
}

function httpBytes(url: string, method = 'GET', body?: Buffer, headers: Record<string, string> = {}) {
  return new Promise<{ statusCode: number; headers: http.IncomingHttpHeaders; bytes: Buffer }>((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A SocketTask over a `ws` client. */
function socketTask(url: string, protocols: string[] | undefined) {
  const listeners = {
    open: [] as Callback[],
    message: [] as Callback[],
    close: [] as Callback[],
    error: [] as Callback[],
  };
  const socket: WsSocket = new WebSocketClient(url, protocols);
  socket.binaryType = 'nodebuffer';
  socket.on('open', () => listeners.open.forEach((l) => l({ header: {} })));
  socket.on('message', (data: Buffer, isBinary: boolean) => {
    const payload = isBinary ? toArrayBuffer(data) : data.toString('utf8');
    listeners.message.forEach((l) => l({ data: payload }));
  });
  socket.on('close', (code: number, reason: Buffer) =>
    listeners.close.forEach((l) => l({ code, reason: reason.toString() })),
  );
  socket.on('error', (error: Error) => listeners.error.forEach((l) => l({ errMsg: error.message })));
  return {
    socket,
    task: {
      onOpen: (cb: Callback) => listeners.open.push(cb),
      onMessage: (cb: Callback) => listeners.message.push(cb),
      onClose: (cb: Callback) => listeners.close.push(cb),
      onError: (cb: Callback) => listeners.error.push(cb),
      send(options: CallbackOptions & { data: string | ArrayBuffer }) {
        if (socket.readyState !== socket.OPEN) {
          settle(options, false, { errMsg: 'sendSocketMessage:fail socket is not open' });
          return;
        }
        const data = typeof options.data === 'string' ? options.data : Buffer.from(options.data);
        socket.send(data, { binary: typeof options.data !== 'string' }, (error) =>
          settle(options, !error, {
            errMsg: error ? `sendSocketMessage:fail ${error.message}` : 'sendSocketMessage:ok',
          }),
        );
      },
      // tim-wx-sdk closes with a bare code (4000, 4001); WeChat's own signature takes { code, reason }.
      close(options?: number | (CallbackOptions & { code?: number; reason?: string })) {
        const code = typeof options === 'number' ? options : options?.code;
        if (socket.readyState === socket.CONNECTING) socket.terminate();
        else socket.close(code ?? 1000, typeof options === 'object' ? options?.reason : undefined);
        if (typeof options === 'object') settle(options, true, { errMsg: 'closeSocket:ok' });
      },
    },
  };
}

/**
 * Installs `wx`, `getApp`, `getCurrentPages` and `__wxConfig` on the global object. Install it
 * before `require('tim-wx-sdk')` and `require('tim-upload-plugin')`: both detect the platform when
 * they are loaded. Returns the uninstall function, which also carries the test controls.
 */
export function installWxShim(options: WxShimOptions = {}): WxShim {
  const g = globalThis as Record<string, unknown>;
  const saved = { wx: g.wx, getApp: g.getApp, getCurrentPages: g.getCurrentPages, __wxConfig: g.__wxConfig };
  const allowRequest = options.allowRequest ?? ((url: string) => LOOPBACK.test(url));
  const storage = new Map<string, unknown>(Object.entries(options.storage ?? {}));
  const tempFiles = new Map<string, Buffer>();
  const sockets = new Set<WsSocket>();
  const on = { network: new Set<Callback>(), show: new Set<Callback>(), hide: new Set<Callback>() };
  let networkType = 'wifi';
  let nextTemp = 0;
  const platform = options.platform ?? 'android';

  const readPath = (path: string): Buffer => tempFiles.get(path) ?? readFileSync(path);
  const systemInfo = {
    brand: 'tim-redux',
    model: 'wx shim',
    platform,
    system: platform === 'ios' ? 'iOS 17.0' : 'Android 14',
    version: '8.0.50',
    SDKVersion: '3.4.0',
    language: 'en',
    fontSizeSetting: 16,
    pixelRatio: 2,
    screenWidth: 375,
    screenHeight: 812,
    windowWidth: 375,
    windowHeight: 812,
  };

  const wx: Record<string, unknown> = {
    getSystemInfoSync: () => ({ ...systemInfo }),
    getSystemInfo: (o: CallbackOptions) => settle(o, true, { ...systemInfo, errMsg: 'getSystemInfo:ok' }),
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    clearStorageSync: () => storage.clear(),
    getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),
    getStorage: (o: CallbackOptions & { key: string }) =>
      storage.has(o.key)
        ? settle(o, true, { data: storage.get(o.key), errMsg: 'getStorage:ok' })
        : settle(o, false, { errMsg: 'getStorage:fail data not found' }), // WeChat's text for a missing key
    setStorage: (o: CallbackOptions & { key: string; data: unknown }) => {
      storage.set(o.key, o.data);
      settle(o, true, { errMsg: 'setStorage:ok' });
    },
    removeStorage: (o: CallbackOptions & { key: string }) => {
      storage.delete(o.key);
      settle(o, true, { errMsg: 'removeStorage:ok' });
    },
    getNetworkType: (o: CallbackOptions) => settle(o, true, { networkType, errMsg: 'getNetworkType:ok' }),
    onNetworkStatusChange: (cb: Callback) => void on.network.add(cb),
    // tim-wx-sdk calls it with no argument at logout, which (as in WeChat) removes every listener.
    offNetworkStatusChange: (cb?: Callback) => (cb ? void on.network.delete(cb) : on.network.clear()),
    onAppShow: (cb: Callback) => void on.show.add(cb),
    offAppShow: (cb?: Callback) => (cb ? void on.show.delete(cb) : on.show.clear()),
    onAppHide: (cb: Callback) => void on.hide.add(cb),
    offAppHide: (cb?: Callback) => (cb ? void on.hide.delete(cb) : on.hide.clear()),
    connectSocket(o: CallbackOptions & { url: string; protocols?: string[] }) {
      const { socket, task } = socketTask(o.url, o.protocols);
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      settle(o, true, { errMsg: 'connectSocket:ok' });
      return task;
    },
    request(o: CallbackOptions & { url: string; method?: string; data?: unknown; header?: Record<string, string> }) {
      let aborted = false;
      if (!allowRequest(o.url)) {
        settle(o, false, { errMsg: 'request:fail refused by the wx shim (not a loopback URL)' });
      } else {
        const body =
          o.data === undefined ? undefined : Buffer.from(typeof o.data === 'string' ? o.data : JSON.stringify(o.data));
        httpBytes(o.url, (o.method ?? 'GET').toUpperCase(), body, o.header).then(
          (res) => {
            if (aborted) return;
            const text = res.bytes.toString('utf8');
            let data: unknown = text;
            try {
              data = JSON.parse(text);
            } catch {
              /* not JSON: the text */
            }
            settle(o, true, { statusCode: res.statusCode, header: res.headers, data, errMsg: 'request:ok' });
          },
          (error: Error) => settle(o, false, { errMsg: `request:fail ${error.message}` }),
        );
      }
      return { abort: () => void (aborted = true), onHeadersReceived: () => undefined };
    },
    getImageInfo(o: CallbackOptions & { src: string }) {
      const bytes = /^https?:/.test(o.src)
        ? LOOPBACK.test(o.src)
          ? httpBytes(o.src).then((r) =>
              r.statusCode === 200 ? r.bytes : Promise.reject(new Error(`${r.statusCode}`)),
            )
          : Promise.reject(new Error('not a loopback URL'))
        : Promise.resolve().then(() => readPath(o.src));
      bytes.then(
        (b) => settle(o, true, { ...pngSize(b), path: o.src, type: 'png', errMsg: 'getImageInfo:ok' }),
        (e: Error) => settle(o, false, { errMsg: `getImageInfo:fail ${e.message}` }),
      );
    },
    uploadFile(
      o: CallbackOptions & {
        url: string;
        filePath: string;
        name: string;
        formData?: Record<string, unknown>;
        header?: Record<string, string>;
      },
    ) {
      const progress = new Set<Callback>();
      const task = {
        onProgressUpdate: (cb: Callback) => void progress.add(cb),
        offProgressUpdate: (cb: Callback) => void progress.delete(cb),
        abort: (): void => undefined,
      };
      let file: Buffer;
      try {
        if (!LOOPBACK.test(o.url)) throw new Error('not a loopback URL');
        file = readPath(o.filePath);
      } catch (e) {
        settle(o, false, { errMsg: `uploadFile:fail ${(e as Error).message}` });
        return task;
      }
      const boundary = `----timReduxWxShim${Date.now().toString(16)}`;
      const fields = Object.entries(o.formData ?? {}).map(
        ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${String(v)}\r\n`,
      );
      const fileName = o.filePath.slice(o.filePath.lastIndexOf('/') + 1);
      const body = Buffer.concat([
        Buffer.from(fields.join('')),
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${o.name}"; filename="${fileName}"\r\n` +
            'Content-Type: application/octet-stream\r\n\r\n',
        ),
        file,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const request = http.request(
        o.url,
        {
          method: 'POST',
          headers: {
            ...o.header,
            'content-type': `multipart/form-data; boundary=${boundary}`,
            'content-length': String(body.length),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            settle(o, true, {
              statusCode: res.statusCode,
              header: res.headers,
              data: Buffer.concat(chunks).toString('utf8'),
              errMsg: 'uploadFile:ok',
            }),
          );
        },
      );
      task.abort = () => request.destroy(new Error('abort'));
      request.on('error', (e) => settle(o, false, { errMsg: `uploadFile:fail ${e.message}` }));
      const CHUNK = 64 * 1024;
      let sent = 0;
      const writeNext = (): void => {
        if (sent >= body.length) {
          request.end();
          return;
        }
        const part = body.subarray(sent, Math.min(body.length, sent + CHUNK));
        request.write(part, () => {
          sent += part.length;
          const report = {
            progress: Math.floor((sent / body.length) * 100),
            totalBytesSent: sent,
            totalBytesExpectedToSend: body.length,
          };
          progress.forEach((cb) => cb(report));
          writeNext();
        });
      };
      writeNext();
      return task;
    },
  };

  g.wx = wx;
  g.getApp = () => ({ globalData: {} });
  g.getCurrentPages = () => [];
  g.__wxConfig = { pages: ['pages/index/index'] };

  const uninstall = (): void => {
    for (const socket of sockets) socket.terminate();
    sockets.clear();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete g[key];
      else g[key] = value;
    }
  };
  return Object.assign(uninstall, {
    wx,
    storage,
    addTempFile(bytes: Uint8Array, name: string): string {
      const path = `wxfile://tmp_${++nextTemp}_${name.replace(/[^A-Za-z0-9._-]/g, '_')}`;
      tempFiles.set(path, Buffer.from(bytes));
      return path;
    },
    setNetwork(type: string): void {
      networkType = type;
      for (const cb of [...on.network]) cb({ isConnected: type !== 'none', networkType: type });
    },
    setPlatform(value: string): void {
      systemInfo.platform = value;
    },
    setAppVisible(visible: boolean): void {
      for (const cb of [...(visible ? on.show : on.hide)]) cb({ path: 'pages/index/index', query: {}, scene: 1001 });
    },
    sockets: () => sockets.size,
  }) as WxShim;
}
