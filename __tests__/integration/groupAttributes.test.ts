/**
 * @jest-environment jsdom
 *
 * Group attributes on the real SDKs against the emulator: the store's attributes of a live room equal
 * the SDK's own `getGroupAttributes` after the store's own changes and after another member's
 * (GROUP_ATTRIBUTES_UPDATED `{groupID, groupAttributes, updatedKeyList, deletedKeyList}`).
 */
import { getGroupAttributes, joinGroup, selectGroupAttributes, setGroupAttributes } from '../../src';
import { until } from '../emulator/sdk';
import { kinds, useBindingOnEmulator } from '../helpers/emulatorStore';

describe.each(kinds)('group attributes on %s', (kind) => {
  const binding = useBindingOnEmulator(kind);

  it("the store's attributes follow its own changes and other members'", async () => {
    const { emu, store, bob } = binding.ctx;
    const { groupID } = emu.createGroup({ type: 'AVChatRoom', name: 'live', ownerID: 'alice' });
    await binding.loginBob();
    await store.dispatch(joinGroup({ groupID })).unwrap();
    const sdk = bob as unknown as {
      getGroupAttributes(o: { groupID: string; keyList: string[] }): Promise<{
        data: { groupAttributes: Record<string, string> };
      }>;
    };
    const sdkAttributes = async (): Promise<Record<string, string>> =>
      (await sdk.getGroupAttributes({ groupID, keyList: [] })).data.groupAttributes;
    const agree = async (what: string, expected: Record<string, string>): Promise<void> => {
      const same = (): boolean =>
        JSON.stringify(selectGroupAttributes(store.getState(), groupID)) === JSON.stringify(expected);
      await until(same, 3000, what).catch(() => {
        expect([what, selectGroupAttributes(store.getState(), groupID)]).toEqual([what, expected]);
      });
      expect([what, await sdkAttributes()]).toEqual([what, expected]);
      expect(emu.groupAttributes(groupID)).toEqual(expected);
    };

    await store.dispatch(getGroupAttributes({ groupID })).unwrap();
    await agree('none yet', {});
    await store.dispatch(setGroupAttributes({ groupID, groupAttributes: { seat1: 'bob' } })).unwrap();
    await agree('bob took seat 1', { seat1: 'bob' });
    emu.setGroupAttributes(groupID, { seat2: 'alice' });
    await agree('alice took seat 2', { seat1: 'bob', seat2: 'alice' });
    emu.setGroupAttributes(groupID, { seat1: 'carol' });
    await agree('carol took seat 1', { seat1: 'carol', seat2: 'alice' });
    emu.deleteGroupAttributes(groupID, ['seat2']);
    await agree('alice left seat 2', { seat1: 'carol' });
  });
});
