/** Message text with its http(s) links made clickable. Peer text is only ever React text, never HTML. */
import { memo } from 'react';
import { safeUrl } from './format';

const URL_RE = /\bhttps?:\/\/[^\s<>"']+/g;

/** Renders `text`, linking http(s) URLs (opened in a new tab, without the opener). */
export const Text = memo(function Text({ text }: { text: string }) {
  const parts: Array<string | { url: string }> = [];
  let last = 0;
  for (const match of text.matchAll(URL_RE)) {
    const at = match.index ?? 0;
    if (at > last) parts.push(text.slice(last, at));
    const url = safeUrl(match[0]);
    parts.push(url ? { url } : match[0]);
    last = at + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return (
    <>
      {parts.map((part, i) =>
        typeof part === 'string' ? (
          part
        ) : (
          <a key={i} href={part.url} target="_blank" rel="noopener noreferrer nofollow">
            {part.url}
          </a>
        ),
      )}
    </>
  );
});
