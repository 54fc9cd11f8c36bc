/**
 * The emulator's file storage: the HTTP side of uploads. `pre_sig` (handlers/upload.ts) hands out an
 * upload slot; the upload plugin then PUTs the file (web) or POSTs it as multipart `file` (mini-program)
 * to the slot's URL; the bytes are served at the download URL with a content type an `<img>` accepts.
 * A file is stored only once its whole body arrived within the size limit and no fault was armed.
 */
import type { IncomingMessage, ServerResponse } from 'http';

/** file_type of `pre_sig` (tim-js-sdk 2.27.6 tim-js.js: `_setUploadFileType(ii|ri|ui|ci)` in doUpload*). */
export const UPLOAD_FILE_TYPE = { image: 1, video: 2, audio: 3, file: 255 } as const;

/**
 * The SDKs' default upload limits (2.27.6 tim-js.js `UPLOAD_SIZE_LIMIT`, read in `_checkImageSize`,
 * `doUploadFile`, `doUploadVideo`, `doUploadAudio`): image and audio 20 MB, file and video 100 MB.
 */
export const UPLOAD_SIZE_LIMIT: Record<number, number> = {
  1: 20 * 1048576,
  2: 100 * 1048576,
  3: 20 * 1048576,
  255: 100 * 1048576,
};

/** A stored file as the control API shows it. */
export interface UploadedFile {
  /** The download URL the message carries. */
  url: string;
  /** The server-side name from `pre_sig` (random; the user's own name travels in the message). */
  fileName: string;
  /** `pre_sig` file_type: 1 image, 2 video, 3 audio, 255 file (0 for video covers). */
  fileType: number;
  size: number;
  contentType: string;
  /** Who asked for the slot. */
  userID: string;
  /** `PUT` (web plugin) or `POST` (mini-program multipart). */
  method: string;
}

/** An upload fault: answer the next uploads with `status`, or slow them down. */
interface UploadFault {
  status?: number;
  delayMs?: number;
  bytesPerSecond?: number;
  remaining: number;
}

interface Slot {
  fileType: number;
  fileName: string;
  userID: string;
}

const CONTENT_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  bmp: 'image/bmp',
  webp: 'image/webp',
  heic: 'image/heic',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  amr: 'audio/amr',
  pdf: 'application/pdf',
  txt: 'text/plain; charset=utf-8',
  json: 'application/json',
  zip: 'application/zip',
};

/** Types a browser would run script from: served as bytes to download instead. */
const ACTIVE_TYPE = /html|xml|svg|javascript/i;

function contentTypeOf(fileName: string, declared: string | undefined): string {
  const ext = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
  const type = CONTENT_TYPES[ext] ?? (declared && !declared.startsWith('multipart/') ? declared : '');
  return type === '' || ACTIVE_TYPE.test(type) ? 'application/octet-stream' : type;
}

/** A 4x3 PNG: the cover the emulator gives every video (it cannot decode video frames). */
const COVER_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAE0lEQVR4nGNgYPj/H4IZcLMYGABMvwv1BEYOvgAAAABJRU5ErkJggg==',
  'base64',
);

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, PUT, POST, OPTIONS',
  'access-control-max-age': '600',
};

/** Uploads and downloads of one emulator. */
export class UploadStore {
  /** `http://127.0.0.1:<port>`, set once the server listens. */
  baseUrl = '';
  private readonly slots = new Map<string, Slot>();
  private readonly files = new Map<string, { meta: UploadedFile; bytes: Buffer }>();
  private readonly faults: UploadFault[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private next = 1;
  /** Limits by file type; a test may lower them. */
  readonly limits: Record<number, number> = { ...UPLOAD_SIZE_LIMIT };

  /** A new upload slot for `pre_sig`: where to PUT/POST, where it will be downloaded. */
  slot(
    fileType: number,
    requestedName: string,
    userID: string,
  ): { uploadUrl: string; downloadUrl: string; key: string } {
    const safe = requestedName.replace(/[^A-Za-z0-9._-]/g, '_').slice(-120) || 'file';
    const key = `${this.next++}/${safe}`;
    this.slots.set(key, { fileType, fileName: safe, userID });
    return { uploadUrl: `${this.baseUrl}/upload/${key}`, downloadUrl: `${this.baseUrl}/files/${key}`, key };
  }

  /** Stores the emulator's video cover under `coverName` and returns its URL. */
  cover(coverName: string, userID: string): string {
    const safe = `${coverName.replace(/[^A-Za-z0-9._-]/g, '_').slice(-120) || 'cover'}.png`;
    const key = `covers/${this.next++}/${safe}`;
    const url = `${this.baseUrl}/files/${key}`;
    const meta: UploadedFile = {
      url,
      fileName: safe,
      fileType: 0,
      size: COVER_PNG.length,
      contentType: 'image/png',
      userID,
      method: 'GET',
    };
    this.files.set(key, { meta, bytes: COVER_PNG });
    return url;
  }

  /** Arms a fault for the next `times` uploads. */
  addFault(fault: Omit<UploadFault, 'remaining'> & { times?: number }): void {
    this.faults.push({ ...fault, remaining: fault.times ?? 1 });
  }

  /** Disarms every upload fault. */
  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Every stored file (covers included), oldest first. */
  list(): UploadedFile[] {
    return [...this.files.values()].map((f) => ({ ...f.meta }));
  }

  /** The bytes behind a download URL (its query string ignored), or undefined. */
  bytes(url: string): Buffer | undefined {
    const key = this.keyOf(url, '/files/');
    return key === undefined ? undefined : this.files.get(key)?.bytes;
  }

  /** Cancels pending slow-downs. */
  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /** Handles one HTTP request; returns false when the path is not an upload/download path. */
  handle(req: IncomingMessage, res: ServerResponse): boolean {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const isUpload = path.startsWith('/upload/');
    if (!isUpload && !path.startsWith('/files/')) return false;
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...CORS,
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
      });
      res.end();
      return true;
    }
    if (isUpload && (req.method === 'PUT' || req.method === 'POST')) this.receive(req, res, decodeURI(path.slice(8)));
    else if (!isUpload && (req.method === 'GET' || req.method === 'HEAD'))
      this.serve(req, res, decodeURI(path.slice(7)));
    else finish(res, 405, 'method not allowed');
    return true;
  }

  private keyOf(url: string, prefix: string): string | undefined {
    try {
      const parsed = new URL(url);
      return parsed.pathname.startsWith(prefix) ? decodeURI(parsed.pathname.slice(prefix.length)) : undefined;
    } catch {
      return undefined;
    }
  }

  private serve(req: IncomingMessage, res: ServerResponse, key: string): void {
    const file = this.files.get(key);
    if (!file) {
      finish(res, 404, 'no such file');
      return;
    }
    res.writeHead(200, {
      ...CORS,
      'content-type': file.meta.contentType,
      'content-length': String(file.bytes.length),
      'x-content-type-options': 'nosniff',
      'cache-control': 'public, max-age=31536000, immutable',
    });
    res.end(req.method === 'HEAD' ? undefined : file.bytes);
  }

  private receive(req: IncomingMessage, res: ServerResponse, key: string): void {
    const slot = this.slots.get(key);
    if (!slot) {
      req.resume();
      finish(res, 404, 'no such upload slot (ask pre_sig first)');
      return;
    }
    const fault = this.takeFault();
    const limit = this.limits[slot.fileType] ?? UPLOAD_SIZE_LIMIT[255];
    // A multipart body carries the form fields and boundaries on top of the file.
    const bodyLimit = req.method === 'POST' ? limit + 64 * 1024 : limit;
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    const start = (): void => {
      req.on('data', (chunk: Buffer) => {
        if (over) return;
        size += chunk.length;
        if (size > bodyLimit) {
          over = true;
          chunks.length = 0;
          finish(res, 413, 'file too large', { connection: 'close' });
          req.destroy();
          return;
        }
        chunks.push(chunk);
        if (fault?.bytesPerSecond) {
          req.pause();
          this.later(() => req.resume(), (chunk.length / fault.bytesPerSecond) * 1000);
        }
      });
      req.on('end', () => {
        if (over) return;
        if (fault?.status !== undefined) {
          finish(res, fault.status, `emulated upload failure ${fault.status}`);
          return;
        }
        const body = Buffer.concat(chunks);
        const file = req.method === 'POST' ? multipartFile(body, req.headers['content-type']) : { bytes: body };
        if (!file) {
          finish(res, 400, 'multipart body without a file field');
          return;
        }
        if (file.bytes.length > limit) {
          finish(res, 413, 'file too large');
          return;
        }
        const url = `${this.baseUrl}/files/${key}`;
        const contentType = contentTypeOf(slot.fileName, file.type ?? req.headers['content-type']);
        this.slots.delete(key);
        this.files.set(key, {
          meta: {
            url,
            fileName: slot.fileName,
            fileType: slot.fileType,
            size: file.bytes.length,
            contentType,
            userID: slot.userID,
            method: req.method ?? 'PUT',
          },
          bytes: file.bytes,
        });
        finish(res, 200, '');
      });
    };
    if (fault?.delayMs) {
      req.pause();
      this.later(start, fault.delayMs);
    } else {
      start();
    }
  }

  private takeFault(): UploadFault | undefined {
    const fault = this.faults[0];
    if (!fault) return undefined;
    fault.remaining--;
    if (fault.remaining <= 0) this.faults.shift();
    return fault;
  }

  private later(fn: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }
}

function finish(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { ...CORS, 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(text);
}

/** The `file` part of a multipart/form-data body (what `wx.uploadFile` sends), or undefined. */
export function multipartFile(
  body: Buffer,
  contentType: string | undefined,
): { bytes: Buffer; type?: string } | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  if (!boundary) return undefined;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const headStart = at + delimiter.length + 2; // CRLF after the delimiter
    const headEnd = body.indexOf('\r\n\r\n', headStart);
    if (headEnd < 0) return undefined;
    const next = body.indexOf(delimiter, headEnd + 4);
    if (next < 0) return undefined;
    const head = body.subarray(headStart, headEnd).toString('utf8');
    if (/content-disposition:[^\r\n]*\bname="file"/i.test(head)) {
      const type = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim();
      return { bytes: body.subarray(headEnd + 4, next - 2), type };
    }
    at = next;
  }
  return undefined;
}

/** The upload part of the emulator's control API. */
export interface UploadControl {
  /** Every file the emulator stores (uploads and video covers), oldest first. */
  uploads(): UploadedFile[];
  /** The bytes behind a download URL, or undefined when nothing is stored there. */
  uploadedBytes(url: string): Buffer | undefined;
  /** Answers the next `times` (default 1) uploads with HTTP `status` (default 500); nothing is stored. */
  failUploads(options?: { times?: number; status?: number }): void;
  /**
   * Slows the next `times` (default 1) uploads: `delayMs` before the body is read, and/or reading at
   * `bytesPerSecond` (the client's upload progress then rises over time).
   */
  slowUploads(options: { delayMs?: number; bytesPerSecond?: number; times?: number }): void;
  /** Sets the server's size limit (bytes) for a `pre_sig` file_type (1 image, 2 video, 3 audio, 255 file). */
  setUploadLimit(fileType: number, bytes: number): void;
  /** Disarms `failUploads` / `slowUploads`. */
  clearUploadFaults(): void;
}

/** The upload control API over one emulator's file storage. */
export function createUploadControl(uploads: UploadStore): UploadControl {
  return {
    uploads: () => uploads.list(),
    uploadedBytes: (url) => uploads.bytes(url),
    failUploads: ({ times = 1, status = 500 } = {}) => uploads.addFault({ status, times }),
    slowUploads: ({ delayMs, bytesPerSecond, times = 1 }) => uploads.addFault({ delayMs, bytesPerSecond, times }),
    setUploadLimit: (fileType, bytes) => {
      uploads.limits[fileType] = bytes;
    },
    clearUploadFaults: () => uploads.clearFaults(),
  };
}
