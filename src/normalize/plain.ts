/**
 * Turning whatever the SDK hands out into JSON-like data. SDK objects are class instances with
 * getters, `_`-private fields, back references and sometimes `File`/`Blob` handles; none of that
 * may reach the store.
 */
import type { PlainObject, PlainValue } from '../types';

const MAX_DEPTH = 8;

/** True for `{}`-style objects (no class, no special prototype). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** True for any non-null object or function-free record we may read fields from. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}

/**
 * A deep, JSON-like copy of `value`: own enumerable fields not starting with `_`, functions and
 * symbols dropped, class instances turned into plain objects, `File`/`Blob` reduced to their name,
 * size and type, cycles and depth past 8 cut to null, non-finite numbers to null.
 */
export function toPlain(value: unknown, depth = 0, seen?: Set<object>): PlainValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'bigint':
      return value.toString();
    case 'object':
      break;
    default:
      return null;
  }
  if (value === null || depth >= MAX_DEPTH) return null;
  const obj = value as object;
  if (seen?.has(obj)) return null;
  const visiting = seen ?? new Set<object>();
  visiting.add(obj);
  try {
    if (Array.isArray(obj)) return obj.map((item) => toPlain(item, depth + 1, visiting));
    if (isBlobLike(obj))
      return { name: String(obj.name ?? ''), size: Number(obj.size) || 0, type: String(obj.type ?? '') };
    if (obj instanceof Date) return obj.getTime();
    const out: PlainObject = {};
    for (const key of Object.keys(obj)) {
      if (key.charCodeAt(0) === 95 /* _ */) continue; // also drops "__proto__", which would set the prototype
      const field = (obj as Record<string, unknown>)[key];
      if (typeof field === 'function' || typeof field === 'symbol' || field === undefined) continue;
      out[key] = toPlain(field, depth + 1, visiting);
    }
    return out;
  } finally {
    visiting.delete(obj);
  }
}

/** `toPlain` for a value that must be an object; anything else gives `{}`. */
export function toPlainObject(value: unknown): PlainObject {
  const plain = toPlain(value);
  return plain !== null && typeof plain === 'object' && !Array.isArray(plain) ? plain : {};
}

function isBlobLike(obj: object): obj is { name?: unknown; size: unknown; type?: unknown } {
  const tag = Object.prototype.toString.call(obj);
  return tag === '[object File]' || tag === '[object Blob]';
}

/**
 * True for a string that can key a plain object safely: "__proto__" would replace the object's
 * prototype instead of adding a key (and the state would stop being plain).
 */
export function isSafeKey(key: unknown): key is string {
  return typeof key === 'string' && key !== '' && key !== '__proto__';
}

/** A string field, or `fallback` when it is missing or not a string. */
export function str(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : fallback;
}

/** A finite number field, or `fallback`. Numeric strings are accepted (the SDK mixes both). */
export function num(value: unknown, fallback = 0): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : fallback;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : fallback;
  }
  return fallback;
}

/** A boolean field: true, 1 and '1' are true. */
export function bool(value: unknown): boolean {
  return value === true || value === 1 || value === '1';
}

/** An array of strings, dropping anything else. */
export function strArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Structural equality of two plain values. */
export function plainEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!plainEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!plainEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/**
 * True when `toPlain(value)` would be structurally equal to `plain`, without building it. Never true
 * when it would not be; it may say false for some equal values (cycles, blobs, dates), which only
 * costs the caller a fresh normalization.
 */
export function plainMatches(value: unknown, plain: unknown, depth = 0): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value === plain;
    case 'number':
      return Number.isFinite(value) ? value === plain : plain === null;
    case 'bigint':
      return plain === value.toString();
    case 'object':
      break;
    default:
      return plain === null;
  }
  if (value === null || depth >= MAX_DEPTH) return plain === null;
  if (plain === null || typeof plain !== 'object') return false;
  if (Array.isArray(value)) {
    if (!Array.isArray(plain) || plain.length !== value.length) return false;
    for (let i = 0; i < value.length; i++) if (!plainMatches(value[i], plain[i], depth + 1)) return false;
    return true;
  }
  if (Array.isArray(plain) || isBlobLike(value) || value instanceof Date) return false;
  return fieldsMatch(value as Record<string, unknown>, plain as Record<string, unknown>, depth, null);
}

/**
 * True when the fields of `value` that `toPlain` keeps (leaving out `skip`) match `plain` field by
 * field, and `plain` has no other field.
 */
export function fieldsMatch(
  value: Record<string, unknown>,
  plain: Record<string, unknown>,
  depth: number,
  skip: ReadonlySet<string> | null,
): boolean {
  let kept = 0;
  // for-in with an own-key check walks what Object.keys gives without allocating its array.
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    if (key.charCodeAt(0) === 95 /* _ */ || (skip !== null && skip.has(key))) continue;
    const field = value[key];
    if (typeof field === 'function' || typeof field === 'symbol' || field === undefined) continue;
    kept++;
    if (!Object.prototype.hasOwnProperty.call(plain, key) || !plainMatches(field, plain[key], depth + 1)) return false;
  }
  let count = 0;
  for (const key in plain) if (Object.prototype.hasOwnProperty.call(plain, key)) count++;
  return count === kept;
}
