/**
 * @jest-environment jsdom
 *
 * Group counters on the real SDKs against the emulator (started with the purchase bit that grants
 * counters): the store's counters equal the SDK's own `getGroupCounters` after the store's own changes
 * and after another member's (GROUP_COUNTER_UPDATED `{groupID, key, value}`, one per key).
 */
import { getGroupCounters, increaseGroupCounter, selectGroupCounters, setGroupCounters } from '../../src';
import { GROUP_COUNTER_PURCHASE_BITS } from '../../src/emulator';
import { until } from '../emulator/sdk';
import { kinds, useBindingOnEmulator } from '../helpers/emulatorStore';

describe.each(kinds)('group counters on %s', (kind) => {
  const binding = useBindingOnEmulator(kind, { purchaseBits: GROUP_COUNTER_PURCHASE_BITS });

  it("the store's counters follow its own changes and other members'", async () => {
    const { emu, store, bob } = binding.ctx;
    const { groupID } = emu.createGroup({ type: 'Public', name: 'votes', ownerID: 'alice', memberIDs: ['bob'] });
    // The SDK asks for its purchased features about a second after login.
    const bits = emu.waitForCommand('im_sdk_config_mgr.fetch_imsdk_purchase_bitsv2', { timeoutMs: 5000 });
    await binding.loginBob();
    await bits;
    await new Promise((r) => setTimeout(r, 500));
    await until(async () => (await bob.getGroupList()).data.groupList.length === 1, 4000, 'the group');
    const sdk = bob as unknown as {
      getGroupCounters(o: {
        groupID: string;
        keyList: string[];
      }): Promise<{ data: { counters: Record<string, number> } }>;
    };
    const agree = async (what: string, expected: Record<string, number>): Promise<void> => {
      const same = (): boolean =>
        JSON.stringify(selectGroupCounters(store.getState(), groupID)) === JSON.stringify(expected);
      await until(same, 3000, what).catch(() => {
        expect([what, selectGroupCounters(store.getState(), groupID)]).toEqual([what, expected]);
      });
      expect([what, (await sdk.getGroupCounters({ groupID, keyList: [] })).data.counters]).toEqual([what, expected]);
      expect(emu.groupCounters(groupID)).toEqual(expected);
    };

    await store.dispatch(setGroupCounters({ groupID, counters: { likes: 1 } })).unwrap();
    await agree('bob set likes', { likes: 1 });
    await store.dispatch(increaseGroupCounter({ groupID, key: 'likes', value: 2 })).unwrap();
    await agree('bob added 2', { likes: 3 });
    emu.setGroupCounters(groupID, { likes: 10, views: 4 });
    await agree('alice set both', { likes: 10, views: 4 });
    await store.dispatch(getGroupCounters({ groupID })).unwrap();
    await agree('reloaded', { likes: 10, views: 4 });
  });
});
