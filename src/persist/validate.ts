/**
 * Checking a snapshot read back from storage. Storage is untrusted input (another tab, an older
 * version of the app, a user with DevTools, a truncated write): every record is rebuilt field by
 * field from what the schema names, so that nothing but plain data of the state's own shapes can
 * reach the store. URLs are kept as strings, exactly as a peer's would be: they are only ever as
 * safe as the UI that renders them (see docs/persistence.md, "Security").
 */
import { isSafeKey } from '../normalize/plain';
import type { PlainObject, PlainValue } from '../types';

/** A snapshot (or part of one) that does not have the shape it must have. */
export class SnapshotShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotShapeError';
  }
}

/** Reads one field: returns the value to keep, or throws `SnapshotShapeError`. */
export type Check<T> = (value: unknown, path: string) => T;

function fail(path: string, what: string): never {
  throw new SnapshotShapeError(`${path} is not ${what}`);
}

/** A string. */
export const string: Check<string> = (v, path) => (typeof v === 'string' ? v : fail(path, 'a string'));
/** A finite number. */
export const number: Check<number> = (v, path) =>
  typeof v === 'number' && Number.isFinite(v) ? v : fail(path, 'a finite number');
/** A boolean. */
export const boolean: Check<boolean> = (v, path) => (typeof v === 'boolean' ? v : fail(path, 'a boolean'));

/** `check`, or null. */
export function nullable<T>(check: Check<T>): Check<T | null> {
  return (v, path) => (v === null ? null : check(v, path));
}

/** One of the given strings. */
export function oneOf<T extends string>(...values: T[]): Check<T> {
  return (v, path) => ((values as unknown[]).includes(v) ? (v as T) : fail(path, `one of ${values.join(', ')}`));
}

/** An array of `check`, at most `max` long. */
export function arrayOf<T>(check: Check<T>, max = 100_000): Check<T[]> {
  return (v, path) => {
    if (!Array.isArray(v) || v.length > max) fail(path, `an array of at most ${max}`);
    return v.map((item, i) => check(item, `${path}[${i}]`));
  };
}

/** A plain object whose keys are safe and whose values pass `check`. */
export function recordOf<T>(check: Check<T>): Check<Record<string, T>> {
  return (v, path) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) fail(path, 'an object');
    const out: Record<string, T> = {};
    for (const [key, value] of Object.entries(v as Record<string, unknown>)) {
      if (!isSafeKey(key)) fail(`${path} key ${JSON.stringify(key)}`, 'a usable key');
      out[key] = check(value, `${path}.${key}`);
    }
    return out;
  };
}

const MAX_DEPTH = 10;

function plainValue(v: unknown, path: string, depth: number): PlainValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : fail(path, 'a finite number');
  if (depth >= MAX_DEPTH || typeof v !== 'object') fail(path, 'plain JSON data');
  if (Array.isArray(v)) return v.map((item, i) => plainValue(item, `${path}[${i}]`, depth + 1));
  const out: PlainObject = {};
  for (const [key, value] of Object.entries(v as Record<string, unknown>)) {
    if (!isSafeKey(key)) fail(`${path} key ${JSON.stringify(key)}`, 'a usable key');
    out[key] = plainValue(value, `${path}.${key}`, depth + 1);
  }
  return out;
}

/** Plain JSON data in an object (a payload, a group's `extra`). */
export const plainObject: Check<PlainObject> = (v, path) => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) fail(path, 'an object');
  return plainValue(v, path, 0) as PlainObject;
};

/** A schema: one check per field of a record. */
export type Schema<T> = { [K in keyof T]-?: Check<T[K]> };

/**
 * A record with exactly the schema's fields, rebuilt in the schema's order: a missing field fails,
 * an unknown one is dropped.
 */
export function shape<T>(schema: Schema<T>): Check<T> {
  const keys = Object.keys(schema) as Array<keyof T & string>;
  return (v, path) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) fail(path, 'an object');
    const source = v as Record<string, unknown>;
    const out = {} as T;
    for (const key of keys) {
      if (!Object.prototype.hasOwnProperty.call(source, key)) fail(`${path}.${key}`, 'present');
      out[key] = schema[key](source[key], `${path}.${key}`);
    }
    return out;
  };
}
