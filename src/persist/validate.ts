/**
 * Checking a snapshot read back from storage. Storage is untrusted input (another tab, an older
 * version of the app, a user with DevTools, a truncated write): every record is rebuilt field by
 * field from what the schema names, so that nothing but plain data of the state's own shapes can
 * reach the store. URLs are kept as strings, exactly as a peer's would be: they are only ever as
 * safe as the UI that renders them (see docs/persistence.md, "Security").
 *
 * A snapshot holds tens of thousands of records: the path of a bad field is put together only on
 * the way out of a failure, never built for the fields that pass.
 */
import { isSafeKey } from '../normalize/plain';
import type { PlainObject, PlainValue } from '../types';

/** A snapshot (or part of one) that does not have the shape it must have. */
export class SnapshotShapeError extends Error {
  /** Where, from the outside in (`['messages', 0, 'status']`). */
  readonly path: Array<string | number> = [];
  constructor(readonly what: string) {
    super(what);
    this.name = 'SnapshotShapeError';
  }
  /** `root.messages[0].status is not …`. */
  describe(root: string): string {
    const at = this.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
    return `${root}${at} ${this.what}`;
  }
}

/** Reads one field: returns the value to keep, or throws `SnapshotShapeError`. */
export type Check<T> = (value: unknown) => T;

function fail(what: string): never {
  throw new SnapshotShapeError(`is not ${what}`);
}

/** Runs `check` on the part of a value at `key`, adding `key` to the path of a failure. */
function at<T>(key: string | number, check: Check<T>, value: unknown): T {
  try {
    return check(value);
  } catch (e) {
    if (e instanceof SnapshotShapeError) e.path.unshift(key);
    throw e;
  }
}

/** A string. */
export const string: Check<string> = (v) => (typeof v === 'string' ? v : fail('a string'));
/** A finite number. */
export const number: Check<number> = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : fail('a finite number'));
/** A boolean. */
export const boolean: Check<boolean> = (v) => (typeof v === 'boolean' ? v : fail('a boolean'));

/** `check`, or null. */
export function nullable<T>(check: Check<T>): Check<T | null> {
  return (v) => (v === null ? null : check(v));
}

/** One of the given strings. */
export function oneOf<T extends string>(...values: T[]): Check<T> {
  return (v) => ((values as unknown[]).includes(v) ? (v as T) : fail(`one of ${values.join(', ')}`));
}

/** An array of `check`, at most `max` long. */
export function arrayOf<T>(check: Check<T>, max = 100_000): Check<T[]> {
  return (v) => {
    if (!Array.isArray(v) || v.length > max) fail(`an array of at most ${max}`);
    const out = new Array<T>(v.length);
    for (let i = 0; i < v.length; i++) out[i] = at(i, check, v[i]);
    return out;
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A plain object whose keys are safe and whose values pass `check`. */
export function recordOf<T>(check: Check<T>): Check<Record<string, T>> {
  return (v) => {
    if (!isRecord(v)) fail('an object');
    const out: Record<string, T> = {};
    for (const key of Object.keys(v)) {
      if (!isSafeKey(key)) at(key, () => fail('a usable key'), null);
      out[key] = at(key, check, v[key]);
    }
    return out;
  };
}

const MAX_DEPTH = 10;

function plainValue(v: unknown, depth: number): PlainValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : fail('a finite number');
  if (depth >= MAX_DEPTH || typeof v !== 'object') fail('plain JSON data');
  if (Array.isArray(v)) return v.map((item, i) => at(i, (x) => plainValue(x, depth + 1), item));
  const out: PlainObject = {};
  for (const key of Object.keys(v)) {
    if (!isSafeKey(key)) at(key, () => fail('a usable key'), null);
    out[key] = at(key, (x) => plainValue(x, depth + 1), (v as Record<string, unknown>)[key]);
  }
  return out;
}

/** Plain JSON data in an object (a payload, a group's `extra`). */
export const plainObject: Check<PlainObject> = (v) =>
  isRecord(v) ? (plainValue(v, 0) as PlainObject) : fail('an object');

/** A schema: one check per field of a record. */
export type Schema<T> = { [K in keyof T]-?: Check<T[K]> };

/**
 * A record with exactly the schema's fields, rebuilt in the schema's order: a missing field fails,
 * an unknown one is dropped.
 */
export function shape<T>(schema: Schema<T>): Check<T> {
  const keys = Object.keys(schema) as Array<keyof T & string>;
  const has = Object.prototype.hasOwnProperty;
  return (v) => {
    if (!isRecord(v)) fail('an object');
    const out = {} as T;
    for (const key of keys) {
      if (!has.call(v, key)) at(key, () => fail('present'), null);
      out[key] = at(key, schema[key], v[key]);
    }
    return out;
  };
}
