/** The paged table (`src/entities/pagedTable.ts`) against a Map, with enough keys to split pages. */
import fc from 'fast-check';
import {
  PAGE,
  emptyPagedTable,
  pagedGet,
  pagedKeys,
  pagedRemove,
  pagedSet,
  pagedUpsertMany,
  pagedValues,
} from '../src/entities/pagedTable';
import type { PagedTable } from '../src/types';

const key = fc.integer({ min: 0, max: 700 }).map((n) => `k${n}`);
type Op = { op: 'set'; key: string; value: number } | { op: 'remove'; key: string } | { op: 'many'; keys: string[] };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('set' as const), key, value: fc.integer({ min: 0, max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('remove' as const), key }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('many' as const), keys: fc.array(key, { maxLength: 200 }) }) },
);

function check(table: PagedTable<number>, model: Map<string, number>) {
  const keys = Array.from(model.keys()).sort();
  expect(pagedKeys(table)).toEqual(keys);
  expect(pagedValues(table)).toEqual(keys.map((k) => model.get(k)));
  expect(table.size).toBe(keys.length);
  for (const k of keys) expect(pagedGet(table, k)).toBe(model.get(k));
  table.pages.forEach((page, i) => {
    expect(page.keys.length).toBeGreaterThan(0);
    expect(page.keys.length).toBeLessThanOrEqual(2 * PAGE);
    if (i > 0) expect(table.pages[i - 1].keys[table.pages[i - 1].keys.length - 1] < page.keys[0]).toBe(true);
  });
}

describe('paged table', () => {
  it('matches a Map over random sets, removes and batches', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 40 }), (ops) => {
        let table = emptyPagedTable<number>();
        const model = new Map<string, number>();
        for (const op of ops) {
          const before = table;
          if (op.op === 'set') {
            const same = model.get(op.key) === op.value;
            model.set(op.key, op.value);
            table = pagedSet(table, op.key, op.value);
            if (same) expect(table).toBe(before);
          } else if (op.op === 'remove') {
            const had = model.delete(op.key);
            table = pagedRemove(table, op.key);
            if (!had) expect(table).toBe(before);
          } else {
            for (const k of op.keys) model.set(k, k.length);
            table = pagedUpsertMany(
              table,
              op.keys.map((k) => [k, k.length] as const),
            );
          }
          check(table, model);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('setting one key copies one page: the others stay the same objects', () => {
    let table = emptyPagedTable<number>();
    for (let i = 0; i < 1000; i++) table = pagedSet(table, `c${String(i).padStart(4, '0')}`, i);
    expect(table.pages.length).toBeGreaterThan(5);
    const next = pagedSet(table, 'c0500', -1);
    const changed = next.pages.filter((page, i) => page !== table.pages[i]);
    expect(changed).toHaveLength(1);
    expect(pagedGet(next, 'c0500')).toBe(-1);
    expect(pagedGet(table, 'c0500')).toBe(500); // the old table is untouched
  });
});
