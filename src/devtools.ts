/**
 * Redux DevTools options that show `state.tim` as a reader expects it. The state is built for speed
 * (sorted-array tables, tables in pages, messages in chunks), so in DevTools a message sits at
 * `messages.lists.pages[0].values[0].chunks[0][0]`. The sanitizers turn those structures back into
 * plain objects and arrays and shorten what is big. They run only when DevTools serializes, on a
 * copy: the store's state is never touched.
 */
import type { Action, DevToolsEnhancerOptions } from '@reduxjs/toolkit';

/** How much {@link sanitizeTimState} and the action sanitizer keep. */
export interface TimDevToolsLimits {
  /** Longest string kept whole (longer ones end in `… (N chars)`). Default 200. */
  maxString?: number;
  /** Most items kept of an array, the newest (last) ones, after a `… N earlier` marker. Default 50. */
  maxItems?: number;
}

const DEFAULTS: Required<TimDevToolsLimits> = { maxString: 200, maxItems: 50 };

type Plain = unknown;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOnlyKeys(value: Record<string, unknown>, a: string, b: string): boolean {
  const keys = Object.keys(value);
  return keys.length === 2 && a in value && b in value;
}

/** `{ keys, values }`, the sorted-array table. */
function isTable(value: Record<string, unknown>): value is { keys: string[]; values: unknown[] } {
  return (
    hasOnlyKeys(value, 'keys', 'values') &&
    Array.isArray(value.keys) &&
    Array.isArray(value.values) &&
    value.keys.length === value.values.length
  );
}

/** `{ pages, size }`, a table in pages. */
function isPagedTable(
  value: Record<string, unknown>,
): value is { pages: Array<{ keys: string[]; values: unknown[] }> } {
  return (
    hasOnlyKeys(value, 'pages', 'size') &&
    Array.isArray(value.pages) &&
    value.pages.every((page) => isRecord(page) && isTable(page))
  );
}

/** `{ chunks, count }`, a conversation's messages. */
function isMessageList(value: Record<string, unknown>): value is { chunks: unknown[][] } {
  return hasOnlyKeys(value, 'chunks', 'count') && Array.isArray(value.chunks) && value.chunks.every(Array.isArray);
}

function shorten(value: unknown, limits: Required<TimDevToolsLimits>, depth: number): Plain {
  if (typeof value === 'string')
    return value.length > limits.maxString ? `${value.slice(0, limits.maxString)}… (${value.length} chars)` : value;
  if (typeof value !== 'object' || value === null) return value;
  if (depth > 12) return '…'; // state is a tree of plain data; this only bounds a pathological payload
  if (Array.isArray(value)) {
    const dropped = Math.max(0, value.length - limits.maxItems);
    const kept = value.slice(dropped).map((item) => shorten(item, limits, depth + 1));
    return dropped > 0 ? [`… ${dropped} earlier`, ...kept] : kept;
  }
  const record = value as Record<string, unknown>;
  if (isMessageList(record)) return shorten(([] as unknown[]).concat(...record.chunks), limits, depth);
  if (isTable(record)) return byKey(record.keys, record.values, limits, depth);
  if (isPagedTable(record))
    return byKey(
      record.pages.flatMap((page) => page.keys),
      record.pages.flatMap((page) => page.values),
      limits,
      depth,
    );
  const out: Record<string, Plain> = {};
  for (const key of Object.keys(record)) out[key] = shorten(record[key], limits, depth + 1);
  return out;
}

function byKey(keys: string[], values: unknown[], limits: Required<TimDevToolsLimits>, depth: number) {
  const out: Record<string, Plain> = {};
  for (let i = 0; i < keys.length; i++) out[keys[i]] = shorten(values[i], limits, depth + 1);
  return out;
}

/**
 * `state.tim` (or any part of it) as plain data for reading: each conversation's messages as one
 * array (the newest `maxItems`), conversations, groups, profiles and other tables as objects by ID,
 * long strings shortened. For display only; selectors read the real state.
 */
export function sanitizeTimState(timState: unknown, limits: TimDevToolsLimits = {}): unknown {
  return shorten(timState, { ...DEFAULTS, ...limits }, 0);
}

/**
 * Redux DevTools options (the `devTools` of `configureStore`) with readable state and actions:
 * `state.tim` through {@link sanitizeTimState}, and the payloads of tim-redux's actions (`tim/...`)
 * shortened the same way. Other state and actions are shown unchanged.
 */
export function createTimDevToolsOptions(limits: TimDevToolsLimits = {}): DevToolsEnhancerOptions {
  const all = { ...DEFAULTS, ...limits };
  return {
    name: 'tim-redux',
    stateSanitizer: <S>(state: S): S => {
      if (!isRecord(state) || !('tim' in state)) return state;
      return { ...state, tim: shorten(state.tim, all, 0) } as S;
    },
    actionSanitizer: <A extends Action>(action: A): A => {
      if (typeof action.type !== 'string' || !action.type.startsWith('tim/') || !('payload' in action)) return action;
      return { ...action, payload: shorten(action.payload, all, 0) } as A;
    },
  };
}

/**
 * Ready-made DevTools options with the default limits (strings of 200 characters, the newest 50
 * items of an array): `configureStore({ reducer, middleware, devTools: timDevToolsOptions })`.
 */
export const timDevToolsOptions: DevToolsEnhancerOptions = createTimDevToolsOptions();
