/**
 * JSON value types and small, total readers for request bodies.
 *
 * Request bodies come from the SDK and are untyped; every handler reads them through these helpers,
 * which never throw and fall back to a default when a field is missing or has the wrong type.
 */

/** Any JSON value. */
export type Json = null | boolean | number | string | Json[] | JsonObject;

/** A JSON object. */
export interface JsonObject {
  [key: string]: Json | undefined;
}

/** True for a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The field as a string: numbers are stringified, anything else gives `fallback`. */
export function str(value: unknown, fallback = ''): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return fallback;
}

/** The field as a finite number: numeric strings are parsed, anything else gives `fallback`. */
export function num(value: unknown, fallback = 0): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return fallback;
}

/** The field as an array (empty when missing). */
export function arr(value: unknown): Json[] {
  return Array.isArray(value) ? (value as Json[]) : [];
}

/** The field as an object (empty when missing). */
export function obj(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}

/** The field as an array of objects, skipping anything that is not an object. */
export function objects(value: unknown): JsonObject[] {
  return arr(value).filter(isObject);
}

/** The field as an array of strings, skipping anything that is not a string or number. */
export function strings(value: unknown): string[] {
  return arr(value)
    .map((v) => str(v))
    .filter((v) => v !== '');
}

/** A deep copy of a JSON value (message bodies are copied in and out so callers never share state). */
export function clone<T extends Json | JsonObject>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
