/** The registry of SDK messages kept for thunks (`src/registry.ts`). */
import { MessageRegistry } from '../src/registry';

const received = (ID: string, conversationID = 'GROUProom') => ({ ID, conversationID, flow: 'in' });
const mine = (ID: string, conversationID = 'C2Cbob') => ({ ID, conversationID, flow: 'out' });

describe('MessageRegistry', () => {
  it('keeps the newest received messages up to its limit, dropping whole old batches first', () => {
    const registry = new MessageRegistry(10, 5);
    for (let i = 0; i < 20; i++) registry.addAll([received(`r${i}`)]);
    expect(registry.size).toBe(5);
    expect(registry.get('r19')).toMatchObject({ ID: 'r19' });
    expect(registry.get('r15')).toMatchObject({ ID: 'r15' });
    expect(registry.get('r14')).toBeUndefined();
    // A batch bigger than the limit is kept whole (it is what the last event brought).
    registry.addAll(Array.from({ length: 8 }, (_, i) => received(`big${i}`)));
    expect(registry.size).toBe(8);
    expect(registry.get('r19')).toBeUndefined();
    expect(registry.get('big0')).toBeDefined();
  });

  it('keeps my own messages apart, up to their own limit, oldest dropped first', () => {
    const registry = new MessageRegistry(3, 2);
    for (let i = 0; i < 5; i++) registry.add(mine(`m${i}`));
    for (let i = 0; i < 5; i++) registry.add(received(`r${i}`));
    expect(['m0', 'm1', 'm2', 'm3', 'm4'].map((id) => registry.get(id) !== undefined)).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
    expect(registry.get('r4')).toBeDefined();
  });

  it('answers with the newest object for an ID, whichever part holds it', () => {
    const registry = new MessageRegistry();
    const first = received('x');
    const second = received('x');
    registry.add(first);
    registry.add(second);
    expect(registry.get('x')).toBe(second);
    const sent = mine('y');
    registry.add(received('y'));
    registry.add(sent);
    expect(registry.get('y')).toBe(sent);
    const back = received('y');
    registry.add(back);
    expect(registry.get('y')).toBe(back);
    expect(registry.ids().sort()).toEqual(['x', 'y']);
  });

  it('forgets by ID and by conversation, and forgets everything on clear', () => {
    const registry = new MessageRegistry();
    registry.addAll([received('a', 'GROUPa'), received('b', 'GROUPb'), mine('c', 'GROUPa'), mine('d', 'C2Cd')]);
    registry.remove(['b']);
    expect(registry.get('b')).toBeUndefined();
    registry.removeWhere((m) => m.conversationID === 'GROUPa');
    expect(registry.ids()).toEqual(['d']);
    expect(registry.size).toBe(1);
    registry.clear();
    expect(registry.size).toBe(0);
    expect(registry.ids()).toEqual([]);
  });

  it('skips what has no ID, and never throws on hostile getters', () => {
    const registry = new MessageRegistry();
    const hostile = Object.defineProperty({}, 'ID', {
      get() {
        throw new Error('boom');
      },
    });
    const trap = Object.defineProperty({ ID: 't', flow: 'in' }, 'conversationID', {
      get() {
        throw new Error('boom');
      },
    });
    expect(() => registry.addAll([hostile, null, 42, { ID: '' }, received('ok'), trap])).not.toThrow();
    expect(registry.ids().sort()).toEqual(['ok', 't']);
    expect(() => registry.removeWhere((m) => m.conversationID === 'GROUProom')).not.toThrow();
    expect(registry.ids()).toEqual(['t']);
  });
});
