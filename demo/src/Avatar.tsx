/** A round avatar: the picture when it is an http(s) URL, else initials on a colour of the ID. */
import { hueOf, initials, safeUrl } from './format';

/** An avatar of `size` px. */
export function Avatar({ id, name, url, size = 40 }: { id: string; name: string; url?: string; size?: number }) {
  const src = safeUrl(url);
  const style = { width: size, height: size, fontSize: size * 0.4, background: `hsl(${hueOf(id)} 55% 45%)` };
  return src ? (
    <img className="avatar" src={src} alt="" style={style} />
  ) : (
    <span className="avatar" style={style} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
