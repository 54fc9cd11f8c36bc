/** How the profiles and groups reducers merge a record they hold with a new copy of it. */
import { plainEqual } from '../normalize/plain';

/** `prev` when `next` holds the same plain data (selectors then keep their results), else `next`. */
export function keepIfEqual<T>(prev: T | undefined, next: T): T {
  return prev !== undefined && plainEqual(prev, next) ? prev : next;
}

const isBlank = (v: unknown): boolean => v === undefined || v === null || v === '' || v === 0;

/** `prev` with its blank keys taken from `next` (one level deep). */
function fillBlanks(prev: Record<string, unknown>, next: Record<string, unknown>): Record<string, unknown> {
  let merged: Record<string, unknown> | null = null;
  for (const key of Object.keys(next)) {
    const p = prev[key];
    const n = next[key];
    let value: unknown = p;
    if (isBlank(p) && !isBlank(n)) value = n;
    else if (p !== null && n !== null && typeof p === 'object' && typeof n === 'object' && !Array.isArray(p)) {
      const inner = fillBlanks(p as Record<string, unknown>, n as Record<string, unknown>);
      if (inner !== p) value = inner;
    }
    if (value !== p) (merged ??= { ...prev })[key] = value;
  }
  return merged ?? prev;
}

/**
 * Profiles and groups embedded in conversations are copies the SDK does not keep up to date (3.x:
 * `setMessageRemindType` updates the group of the group module, not the conversation's
 * `groupProfile`, 3.6.6 index.js `onGroupMsgRemindTypeUpdated`), or placeholders with only an ID: they
 * fill blank fields and never overwrite what an authoritative source (an event, the group list, a
 * thunk result) gave.
 */
export function fillGaps<T extends object>(prev: T | undefined, next: T): T {
  if (prev === undefined) return next;
  return fillBlanks(prev as Record<string, unknown>, next as Record<string, unknown>) as T;
}
