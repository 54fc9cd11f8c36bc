/**
 * @jest-environment jsdom
 *
 * Group members follow the group tips the server pushes (join, quit, kick, role, mute), on the real
 * SDKs against the emulator: after each change the store's member list equals what the SDK's own
 * `getGroupMemberList` answers, and the group's member count equals the SDK's.
 */
import {
  deleteGroupMember,
  getGroupMemberList,
  selectGroupById,
  selectGroupMembers,
  selectGroupMemberListState,
  setGroupMemberMuteTime,
  setGroupMemberRole,
} from '../../src';
import type { Emulator } from '../../src/emulator';
import { until } from '../emulator/sdk';
import { kinds, useBindingOnEmulator, type EmulatorStoreContext } from '../helpers/emulatorStore';

type Row = [userID: string, role: string, muted: boolean, nick: string];

describe.each(kinds)('group members on %s follow the group tips', (kind) => {
  const binding = useBindingOnEmulator(kind, {
    users: ['alice', 'bob', 'carol', 'dave', 'erin', 'frank'].map((userID) => ({
      userID,
      nick: userID[0].toUpperCase() + userID.slice(1),
    })),
  });
  let emu: Emulator;
  let store: EmulatorStoreContext['store'];
  beforeEach(() => {
    ({ emu, store } = binding.ctx);
  });

  const storeRows = (groupID: string): Row[] =>
    selectGroupMembers(store.getState(), groupID)
      .map((m): Row => [m.userID, m.role, m.muteUntil > Date.now() / 1000, m.nick])
      .sort((a, b) => a[0].localeCompare(b[0]));
  const sdkRows = async (groupID: string): Promise<Row[]> => {
    const { data } = await binding.ctx.bob.getGroupMemberList({ groupID, count: 100 });
    return (data.memberList as Array<{ userID: string; role: string; muteUntil?: number; nick?: string }>)
      .map((m): Row => [m.userID, m.role, (m.muteUntil ?? 0) > Date.now() / 1000, m.nick ?? ''])
      .sort((a, b) => a[0].localeCompare(b[0]));
  };
  /** Waits until the store's members equal the SDK's, then checks the member count too. */
  const agree = async (groupID: string, what: string): Promise<void> => {
    const expected = await sdkRows(groupID);
    await until(() => JSON.stringify(storeRows(groupID)) === JSON.stringify(expected), 3000, what).catch(() => {
      expect([what, storeRows(groupID)]).toEqual([what, expected]);
    });
    // The SDK's own group (its cache, which the same tips update): getGroupProfile is rate-limited on 3.x.
    const sdkCount = async (): Promise<number | undefined> =>
      ((await binding.ctx.bob.getGroupList()).data.groupList as Array<{ groupID: string; memberCount?: number }>).find(
        (g) => g.groupID === groupID,
      )?.memberCount;
    await until(async () => (await sdkCount()) === expected.length, 3000, `${what}: the SDK's memberCount`);
    expect([what, selectGroupById(store.getState(), groupID)?.memberCount]).toEqual([what, expected.length]);
  };

  /** The SDK answers an empty member list for a group not (yet) in its own group list. */
  const inGroupList = (groupID: string): Promise<void> =>
    until(
      async () =>
        selectGroupById(store.getState(), groupID) !== undefined &&
        (await binding.ctx.bob.getGroupList()).data.groupList.some((g) => g.groupID === groupID),
      4000,
      'the group in both lists',
    );

  it('join, role, mute, quit and kick change the loaded member list as on the server', async () => {
    const group = emu.createGroup({ type: 'Public', name: 'club', ownerID: 'alice', memberIDs: ['bob', 'carol'] });
    const { groupID } = group;
    await binding.loginBob();
    await inGroupList(groupID);
    await store.dispatch(getGroupMemberList({ groupID, count: 100 })).unwrap();
    expect(selectGroupMemberListState(store.getState(), groupID)?.isCompleted).toBe(true);
    await agree(groupID, 'loaded');

    emu.joinGroup(groupID, 'dave');
    await agree(groupID, 'dave joined');
    emu.addGroupMembers(groupID, ['erin']);
    await agree(groupID, 'erin invited');
    emu.setGroupMemberRole(groupID, 'dave', 'Admin');
    await agree(groupID, 'dave admin');
    emu.muteGroupMember(groupID, 'carol', 600);
    await agree(groupID, 'carol muted');
    emu.muteGroupMember(groupID, 'carol', 0);
    await agree(groupID, 'carol unmuted');
    emu.setGroupMemberRole(groupID, 'dave', 'Member');
    await agree(groupID, 'dave member again');
    emu.quitGroup(groupID, 'carol');
    await agree(groupID, 'carol quit');
    emu.removeGroupMember(groupID, 'dave');
    await agree(groupID, 'dave kicked');
  });

  it("the owner's own role, mute and kick calls (modify_group_member_info, delete_group_member) agree too", async () => {
    const { groupID } = emu.createGroup({ type: 'Public', name: 'mine', ownerID: 'bob', memberIDs: ['carol', 'dave'] });
    await binding.loginBob();
    await inGroupList(groupID);
    await store.dispatch(getGroupMemberList({ groupID, count: 100 })).unwrap();
    await agree(groupID, 'loaded');
    await store.dispatch(setGroupMemberRole({ groupID, userID: 'carol', role: 'Admin' })).unwrap();
    expect(emu.groups()[0].members.find((m) => m.userID === 'carol')?.role).toBe('Admin');
    await agree(groupID, 'carol admin');
    await store.dispatch(setGroupMemberMuteTime({ groupID, userID: 'dave', muteTime: 300 })).unwrap();
    await agree(groupID, 'dave muted');
    await store.dispatch(deleteGroupMember({ groupID, userIDList: ['dave'] })).unwrap();
    await agree(groupID, 'dave kicked');
  });

  it('a completed member list can be reloaded, and the reload replaces it', async () => {
    const { groupID } = emu.createGroup({ type: 'Public', name: 'club', ownerID: 'alice', memberIDs: ['bob'] });
    await binding.loginBob();
    await inGroupList(groupID);
    await store.dispatch(getGroupMemberList({ groupID, count: 100 })).unwrap();
    expect(selectGroupMemberListState(store.getState(), groupID)?.isCompleted).toBe(true);
    emu.joinGroup(groupID, 'frank');
    await until(() => storeRows(groupID).length === 3, 3000, 'frank joined');
    const reloaded = await store.dispatch(getGroupMemberList({ groupID, count: 100, reload: true }));
    expect(reloaded.meta.requestStatus).toBe('fulfilled');
    expect(storeRows(groupID)).toEqual(await sdkRows(groupID));
    expect(storeRows(groupID).map((r) => r[0])).toEqual(['alice', 'bob', 'frank']);
  });
});
