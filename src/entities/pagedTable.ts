/**
 * A `Table` in pages: a B+tree of depth two. The messages slice keeps one list and one history
 * cursor per conversation; a message in one of 1,000 live rooms used to copy the 1,000-entry values
 * array of a flat table (8 KB of garbage per message, most of a multi-room flood's cost). Here it
 * copies one page of at most `2 × PAGE` entries and the array of pages.
 *
 * Pages hold 1 to `2 × PAGE` keys; a page that outgrows that is split in two, an emptied page is
 * dropped. Keys are in order across pages, so iteration is in key order like a flat `Table`.
 */
import type { PagedTable, Table } from '../types';
import { emptyTable, tableGet, tableRemove, tableSet } from './table';

/** Keys per page after a split. */
export const PAGE = 64;

/** An empty paged table, shared. */
export const EMPTY_PAGED_TABLE: PagedTable<never> = Object.freeze({ pages: Object.freeze([]), size: 0 });

/** The empty paged table, typed. */
export function emptyPagedTable<T>(): PagedTable<T> {
  return EMPTY_PAGED_TABLE as PagedTable<T>;
}

/** The page holding `key`, or where it goes: the first whose last key is not below it, else the last. */
function pageFor<T>(pages: ReadonlyArray<Table<T>>, key: string): number {
  let lo = 0;
  let hi = pages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const keys = pages[mid].keys;
    if (keys[keys.length - 1] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The value stored under `key`, or undefined. */
export function pagedGet<T>(table: PagedTable<T>, key: string): T | undefined {
  return table.pages.length === 0 ? undefined : tableGet(table.pages[pageFor(table.pages, key)], key);
}

function halves<T>(page: Table<T>): [Table<T>, Table<T>] {
  const mid = page.keys.length >>> 1;
  return [
    { keys: page.keys.slice(0, mid), values: page.values.slice(0, mid) },
    { keys: page.keys.slice(mid), values: page.values.slice(mid) },
  ];
}

/** A table with `value` under `key`; the same table when the value is already there (===). */
export function pagedSet<T>(table: PagedTable<T>, key: string, value: T): PagedTable<T> {
  if (table.pages.length === 0) return { pages: [tableSet(emptyTable<T>(), key, value)], size: 1 };
  const p = pageFor(table.pages, key);
  const page = table.pages[p];
  const next = tableSet(page, key, value);
  if (next === page) return table;
  const pages = table.pages.slice();
  if (next.keys.length > 2 * PAGE) pages.splice(p, 1, ...halves(next));
  else pages[p] = next;
  return { pages, size: table.size + next.keys.length - page.keys.length };
}

/** A table without `key`; the same table when it was absent. */
export function pagedRemove<T>(table: PagedTable<T>, key: string): PagedTable<T> {
  if (table.pages.length === 0) return table;
  const p = pageFor(table.pages, key);
  const page = table.pages[p];
  const next = tableRemove(page, key);
  if (next === page) return table;
  const pages = table.pages.slice();
  if (next.keys.length === 0) pages.splice(p, 1);
  else pages[p] = next;
  return { pages, size: table.size - 1 };
}

/** A table with every entry set (a few per message; a login sync's thousand copy a page each). */
export function pagedUpsertMany<T>(table: PagedTable<T>, entries: ReadonlyArray<readonly [string, T]>): PagedTable<T> {
  let out = table;
  for (const [key, value] of entries) out = pagedSet(out, key, value);
  return out;
}

/** Every key, in order. */
export function pagedKeys<T>(table: PagedTable<T>): string[] {
  return table.pages.flatMap((page) => page.keys);
}

/** Every value, in key order. */
export function pagedValues<T>(table: PagedTable<T>): T[] {
  return table.pages.flatMap((page) => page.values);
}
