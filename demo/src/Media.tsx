/**
 * Images and files in the chat: the message body (thumbnail that opens the full image, file name and
 * size with a download link, the upload's progress bar) and the attach button. Only http(s) and blob
 * URLs from messages are used; anything else (javascript:, data:, ...) is not rendered.
 */
import { useRef } from 'react';
import type { MessageRecord } from 'tim-redux';

/** The URL if it is http(s) or blob, else ''. */
export function safeUrl(value: unknown): string {
  return typeof value === 'string' && /^(https?:|blob:)/i.test(value) ? value : '';
}

interface ImageInfo {
  url?: unknown;
  imageUrl?: unknown;
  type?: unknown;
}

/**
 * Thumbnail and full-size URLs of an image message. The SDKs keep the sender's uploaded URL in
 * `imageUrl` (its `url` is a local blob preview) and the receiver's in `url` (its `imageUrl` is forced
 * to https), so both are tried.
 */
export function imageUrls(m: MessageRecord): { thumb: string; full: string } {
  const infos = (Array.isArray(m.payload.imageInfoArray) ? m.payload.imageInfoArray : []) as ImageInfo[];
  const original = infos[0] ?? {};
  // The SDKs' imageInfoArray: type 0 original, 1 small (198 px), 2 large (720 px).
  const small = infos.find((i) => i.type === 1) ?? original;
  const full = safeUrl(original.url) || safeUrl(original.imageUrl);
  return { thumb: safeUrl(small.url) || full, full };
}

function size(bytes: unknown): string {
  const n = typeof bytes === 'number' ? bytes : 0;
  if (n < 1024) return `${n} B`;
  if (n < 1048576) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1048576).toFixed(1)} MB`;
}

/** The body of an image or file message, or null for other types. */
export function MediaBody({ m }: { m: MessageRecord }) {
  const progress =
    m.status === 'unSend' && m.progress !== null ? (
      <progress data-testid="progress" value={m.progress} max={1} />
    ) : null;
  if (m.type === 'TIMImageElem') {
    const { thumb, full } = imageUrls(m);
    return (
      <div className="media">
        {thumb ? (
          <a href={full || thumb} target="_blank" rel="noopener noreferrer" data-testid="image-link">
            <img src={thumb} alt="image" className="thumb" data-testid="image" />
          </a>
        ) : (
          <span>[image]</span>
        )}
        {progress}
      </div>
    );
  }
  if (m.type === 'TIMFileElem') {
    const url = safeUrl(m.payload.fileUrl);
    const name = typeof m.payload.fileName === 'string' ? m.payload.fileName : 'file';
    return (
      <div className="media file">
        {url ? (
          <a href={url} download={name} target="_blank" rel="noopener noreferrer" data-testid="file-link">
            {name}
          </a>
        ) : (
          <span>{name}</span>
        )}{' '}
        <small>{size(m.payload.fileSize)}</small>
        {progress}
      </div>
    );
  }
  return null;
}

/** A button that opens the file picker. */
export function AttachButton({ onFiles }: { onFiles: (files: File[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" title="Send an image or a file" data-testid="attach" onClick={() => input.current?.click()}>
        Attach
      </button>
      <input
        ref={input}
        type="file"
        hidden
        data-testid="attach-input"
        onChange={(e) => {
          onFiles([...(e.currentTarget.files ?? [])]);
          e.currentTarget.value = '';
        }}
      />
    </>
  );
}
