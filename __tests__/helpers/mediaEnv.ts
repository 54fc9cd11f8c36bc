/**
 * What jsdom lacks for the SDKs' web upload path, supplied for tests: an `XMLHttpRequest` on Node's
 * `http` that reports real upload progress (jsdom reports it once, at the response, with total 0),
 * an `Image` that loads (jsdom's never fires load/error without `canvas`; the SDK waits for it after
 * every image upload, `Rt()` in tim-js.js), `URL.createObjectURL` (image/video previews), and a
 * small PNG maker. Only loopback URLs are reached; anything else fails like a network error.
 */
import http from 'http';

type Listener = ((this: unknown, event: Record<string, unknown>) => void) | null;

const LOOPBACK = /^http:\/\/127\.0\.0\.1(:\d+)?\//;

/** Reads a Blob/File (jsdom's or Node's) into a Buffer. */
export async function blobBytes(body: unknown): Promise<Buffer> {
  if (body === null || body === undefined) return Buffer.alloc(0);
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const blob = body as { arrayBuffer?: () => Promise<ArrayBuffer> };
  if (typeof blob.arrayBuffer === 'function') return Buffer.from(await blob.arrayBuffer());
  const Reader = (globalThis as { FileReader?: new () => FileReaderLike }).FileReader;
  if (!Reader) throw new Error('cannot read this body');
  return new Promise((resolve, reject) => {
    const reader = new Reader();
    reader.onload = () => resolve(Buffer.from(reader.result as ArrayBuffer));
    reader.onerror = () => reject(new Error('FileReader failed'));
    reader.readAsArrayBuffer(body);
  });
}

interface FileReaderLike {
  result: unknown;
  onload: (() => void) | null;
  onerror: (() => void) | null;
  readAsArrayBuffer(blob: unknown): void;
}

/** An XMLHttpRequest with the parts the upload plugin uses, over Node's http. */
export class NodeXHR {
  readyState = 0;
  status = 0;
  statusText = '';
  responseText = '';
  responseType = 'text';
  onload: Listener = null;
  onerror: Listener = null;
  onreadystatechange: Listener = null;
  readonly upload: { onprogress: Listener } = { onprogress: null };
  private method = 'GET';
  private url = '';
  private headers: Record<string, string> = {};
  private responseHeaders: http.IncomingHttpHeaders = {};
  private request: http.ClientRequest | undefined;

  open(method: string, url: string): void {
    this.method = method.toUpperCase();
    this.url = url;
    this.readyState = 1;
  }

  setRequestHeader(name: string, value: string): void {
    this.headers[name.toLowerCase()] = value;
  }

  get response(): string {
    return this.responseText;
  }

  getAllResponseHeaders(): string {
    return Object.entries(this.responseHeaders)
      .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`)
      .join('\r\n');
  }

  abort(): void {
    this.request?.destroy();
  }

  send(body?: unknown): void {
    void this.run(body);
  }

  private fail(): void {
    this.status = 0;
    this.readyState = 4;
    this.onerror?.call(this, { type: 'error' });
  }

  private async run(body: unknown): Promise<void> {
    if (!LOOPBACK.test(this.url)) {
      setTimeout(() => this.fail(), 0);
      return;
    }
    const bytes = await blobBytes(body);
    const type = (body as { type?: unknown } | null)?.type;
    const headers: Record<string, string> = { ...this.headers, 'content-length': String(bytes.length) };
    if (typeof type === 'string' && type !== '' && !headers['content-type']) headers['content-type'] = type;
    const req = http.request(this.url, { method: this.method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        this.status = res.statusCode ?? 0;
        this.statusText = res.statusMessage ?? '';
        this.responseHeaders = res.headers;
        this.responseText = Buffer.concat(chunks).toString('utf8');
        this.readyState = 4;
        this.onreadystatechange?.call(this, { type: 'readystatechange' });
        this.onload?.call(this, { type: 'load' });
      });
      res.on('error', () => this.fail());
    });
    this.request = req;
    req.on('error', () => this.fail());
    const total = bytes.length;
    const CHUNK = 64 * 1024;
    let sent = 0;
    const writeNext = (): void => {
      if (sent >= total) {
        req.end();
        return;
      }
      const part = bytes.subarray(sent, Math.min(total, sent + CHUNK));
      req.write(part, () => {
        sent += part.length;
        this.upload.onprogress?.call(this.upload, { loaded: sent, total, lengthComputable: true });
        writeNext();
      });
    };
    writeNext();
  }
}

/** Width and height of a PNG, or 0 x 0 for anything else. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  if (bytes.length >= 24 && bytes.readUInt32BE(12) === 0x49484452) {
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  return { width: 0, height: 0 };
}

/** GETs a loopback URL (status and bytes); other URLs reject. */
export function httpGet(url: string): Promise<{ status: number; type: string; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    if (!LOOPBACK.test(url)) {
      reject(new Error(`not a loopback URL: ${url}`));
      return;
    }
    http
      .get(url, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type']),
            bytes: Buffer.concat(chunks),
          }),
        );
      })
      .on('error', reject);
  });
}

/** An `Image` that loads loopback URLs over http and reads a PNG's size; anything else errors. */
export class LoadingImage {
  width = 0;
  height = 0;
  onload: Listener = null;
  onerror: Listener = null;
  private current = '';

  get src(): string {
    return this.current;
  }

  set src(url: string) {
    this.current = url;
    httpGet(url).then(
      ({ status, bytes }) => {
        if (status !== 200) {
          this.onerror?.call(this, { type: 'error' });
          return;
        }
        Object.assign(this, pngSize(bytes));
        this.onload?.call(this, { type: 'load' });
      },
      () => this.onerror?.call(this, { type: 'error' }),
    );
  }
}

/** A valid RGB PNG of `width` x `height` (uncompressed deflate blocks, so the size is predictable). */
export function makePng(width: number, height: number): Buffer {
  const zlib = require('zlib') as typeof import('zlib');
  const raw = Buffer.alloc((width * 3 + 1) * height, 0x80);
  for (let y = 0; y < height; y++) raw[y * (width * 3 + 1)] = 0;
  const chunk = (type: string, data: Buffer): Buffer => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'ascii');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), data])));
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 0 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(data: Buffer): number {
  let c = ~0;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

/**
 * Installs NodeXHR, LoadingImage and `URL.createObjectURL` on the (jsdom) global; returns the
 * uninstall. Call before the SDKs create messages.
 */
export function installMediaEnv(): () => void {
  const g = globalThis as unknown as Record<string, unknown>;
  const saved = { XMLHttpRequest: g.XMLHttpRequest, Image: g.Image };
  const url = URL as unknown as Record<string, unknown>;
  const savedCreate = url.createObjectURL;
  const savedRevoke = url.revokeObjectURL;
  let next = 0;
  g.XMLHttpRequest = NodeXHR;
  g.Image = LoadingImage;
  if (typeof savedCreate !== 'function') url.createObjectURL = () => `blob:tim-redux-test/${++next}`;
  if (typeof savedRevoke !== 'function') url.revokeObjectURL = () => undefined;
  return () => {
    g.XMLHttpRequest = saved.XMLHttpRequest;
    g.Image = saved.Image;
    url.createObjectURL = savedCreate;
    url.revokeObjectURL = savedRevoke;
  };
}
