/**
 * Shared setup of the fault tests: bob's store on a real SDK (tim-js-sdk 2.x or @tencentcloud/chat
 * 3.x) against a fresh IM emulator per test, and the checks every fault ends with.
 */
import type { MessageRecord } from '../../src';

export { sleep, until } from '../emulator/sdk';

export { kinds, useBindingOnEmulator as useFaultContext } from '../helpers/emulatorStore';
export type { EmulatorStoreContext as FaultContext } from '../helpers/emulatorStore';
import type { EmulatorStoreContext as FaultContext } from '../helpers/emulatorStore';

/** The text of a message the emulator stores ('' when its first element is not text). */
export function serverText(record: { elements: readonly unknown[] }): string {
  const content = (record.elements[0] as { MsgContent?: { Text?: unknown } } | undefined)?.MsgContent;
  return typeof content?.Text === 'string' ? content.Text : '';
}

/** Every message ID of a conversation is there once. */
export function expectNoDuplicateIDs(list: readonly MessageRecord[]): void {
  const ids = list.map((m) => m.ID);
  expect(ids.length).toBe(new Set(ids).size);
}

/** Every string in `value` (keys included), for deep scans of the store. */
export function stringsIn(value: unknown, out: string[] = [], seen = new Set<unknown>()): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object' && !seen.has(value)) {
    seen.add(value);
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      stringsIn(v, out, seen);
    }
  }
  return out;
}

/** The marks (userIDs, texts) found anywhere in the state or the registry. */
export function leftovers(ctx: FaultContext, marks: string[]): string[] {
  const all = [...stringsIn(ctx.store.getState()), ...ctx.middleware.registry.ids()];
  return marks.filter((mark) => all.some((s) => s.includes(mark)));
}
