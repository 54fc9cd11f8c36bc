/** Formatting for the chat UI: times, day separators, initials, group tips in words, safe URLs. */
import type { MessageRecord } from 'tim-redux';

const pad = (n: number) => String(n).padStart(2, '0');

/** `14:05`. */
export function formatTime(seconds: number): string {
  const d = new Date(seconds * 1000);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function dayStart(d: Date): number {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** True when both times (seconds) fall on the same local day. */
export function sameDay(a: number, b: number): boolean {
  return dayStart(new Date(a * 1000)) === dayStart(new Date(b * 1000));
}

const DAY_MS = 86_400_000;

/** `Today`, `Yesterday`, `Monday`, or `3 Mar 2026`: the separator between days in a chat. */
export function formatDay(seconds: number, now = Date.now()): string {
  const d = new Date(seconds * 1000);
  const days = Math.round((dayStart(new Date(now)) - dayStart(d)) / DAY_MS);
  if (days === 0) return 'Today';
  if (days === 1) return 'Yesterday';
  if (days > 1 && days < 7) return d.toLocaleDateString('en-GB', { weekday: 'long' });
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

/** The time of a conversation's last message in the list: `14:05` today, else `Yesterday`, `Mon`, `3/3/26`. */
export function formatListTime(seconds: number, now = Date.now()): string {
  if (!seconds) return '';
  const d = new Date(seconds * 1000);
  const days = Math.round((dayStart(new Date(now)) - dayStart(d)) / DAY_MS);
  if (days <= 0) return formatTime(seconds);
  if (days === 1) return 'Yesterday';
  if (days < 7) return d.toLocaleDateString('en-GB', { weekday: 'short' });
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'numeric', year: '2-digit' });
}

/** Up to two initials of a name, for an avatar without a picture. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? words[0][0] + words[1][0] : (words[0] ?? '?').slice(0, 1);
  return letters.toUpperCase();
}

/** A stable hue per ID, so that a person keeps their colour. */
export function hueOf(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) % 360;
  return h;
}

/** The URL if it is http(s) or blob, else null: anything else (javascript:, data:) is never a link or an image. */
export function safeUrl(url: unknown): string | null {
  if (typeof url !== 'string' || url === '') return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' || parsed.protocol === 'blob:' ? url : null;
  } catch {
    return null;
  }
}

// tim-js-sdk 2.27.6 TYPES: GRP_TIP_MBR_JOIN 1, QUIT 2, KICKED_OUT 3, SET_ADMIN 4, CANCELED_ADMIN 5,
// GRP_PROFILE_UPDATED 6, MBR_PROFILE_UPDATED 7 (the same numbers in @tencentcloud/chat 3.x).
/** A group tip in words: "Carol joined the group". */
export function groupTipText(m: MessageRecord, nameOf: (userID: string) => string): string {
  const p = m.payload;
  const users = Array.isArray(p.userIDList) ? p.userIDList.filter((u): u is string => typeof u === 'string') : [];
  const who = users.length ? users.map(nameOf).join(', ') : 'Someone';
  const operator = typeof p.operatorID === 'string' && p.operatorID ? nameOf(p.operatorID) : 'The admin';
  switch (p.operationType) {
    case 1:
      return `${who} joined the group`;
    case 2:
      return `${who} left the group`;
    case 3:
      return `${operator} removed ${who}`;
    case 4:
      return `${who} ${users.length > 1 ? 'are' : 'is'} now admin`;
    case 5:
      return `${who} ${users.length > 1 ? 'are' : 'is'} no longer admin`;
    case 6:
      return `${operator} changed the group profile`;
    case 7:
      return `${who} ${users.length > 1 ? 'were' : 'was'} muted or unmuted`;
    default:
      return 'The group changed';
  }
}

/** The one-line preview of a message, for the conversation list and replies. */
export function previewOf(type: string, payload: Record<string, unknown> | null, fallback: string): string {
  if (type === 'TIMTextElem' && typeof payload?.text === 'string') return payload.text;
  if (type === 'TIMImageElem') return '[Photo]';
  if (type === 'TIMFileElem') return '[File]';
  if (type === 'TIMGroupTipElem') return '[Group update]';
  return fallback || '[Message]';
}
