/**
 * @jest-environment jsdom
 *
 * What the server tells a member of their groups, on the real SDKs against the emulator: a group
 * profile change (group tip 6 → GROUP_LIST_UPDATED) and being kicked (system notice 4: the SDK drops
 * the group and delivers the notice as a message of `@TIM#SYSTEM`; 2.27.6 never emits
 * GROUP_SYSTEM_NOTICE_RECEIVED). The store's groups equal `getGroupList()` after each.
 */
import {
  getGroupMemberList,
  selectGroupById,
  selectGroupList,
  selectGroupMemberListState,
  selectMessagesByConversationID,
} from '../../src';
import { until } from '../emulator/sdk';
import { kinds, useBindingOnEmulator } from '../helpers/emulatorStore';

describe.each(kinds)('group notices on %s', (kind) => {
  const binding = useBindingOnEmulator(kind);
  const listWait = kind === 'tim-js-sdk' ? 3000 : 1500;

  const sdkGroups = async (): Promise<Array<[string, string]>> =>
    (await binding.ctx.bob.getGroupList()).data.groupList.map((g): [string, string] => [g.groupID, g.name]).sort();
  const storeGroups = (): Array<[string, string]> =>
    selectGroupList(binding.ctx.store.getState())
      .map((g): [string, string] => [g.groupID, g.name])
      .sort();

  it('a group profile change reaches the group list, as in the SDK', async () => {
    const { emu, store } = binding.ctx;
    const { groupID } = emu.createGroup({ type: 'Public', name: 'old name', ownerID: 'alice', memberIDs: ['bob'] });
    await binding.loginBob();
    await until(async () => (await sdkGroups()).length === 1, 4000, 'the group in the SDK');
    await until(() => selectGroupById(store.getState(), groupID)?.name === 'old name', listWait, 'the group in store');
    emu.updateGroupProfile(groupID, { name: 'new name', notification: 'read the rules' });
    await until(async () => (await sdkGroups())[0]?.[1] === 'new name', 3000, 'the SDK renamed it');
    await until(
      () => selectGroupById(store.getState(), groupID)?.name === 'new name',
      listWait,
      'the store renamed it',
    );
    expect(storeGroups()).toEqual(await sdkGroups());
    expect(selectGroupById(store.getState(), groupID)?.notification).toBe('read the rules');
  });

  it('kicked: the group leaves the list, and the notice arrives as a system message', async () => {
    const { emu, store } = binding.ctx;
    const { groupID } = emu.createGroup({ type: 'Public', name: 'club', ownerID: 'alice', memberIDs: ['bob'] });
    const other = emu.createGroup({ type: 'Public', name: 'other', ownerID: 'alice', memberIDs: ['bob'] });
    await binding.loginBob();
    await until(async () => (await sdkGroups()).length === 2, 4000, 'the groups in the SDK');
    await until(() => storeGroups().length === 2, listWait, 'the groups in store');
    await store.dispatch(getGroupMemberList({ groupID, count: 100 })).unwrap();
    expect(selectGroupMemberListState(store.getState(), groupID)?.members.keys).toEqual(['alice', 'bob']);
    emu.removeGroupMember(groupID, 'bob');
    await until(async () => (await sdkGroups()).length === 1, 3000, 'the SDK dropped the group');
    // The SDK drops the group's member list with the group (_deleteLocalGroup): so does the store.
    await until(() => selectGroupMemberListState(store.getState(), groupID) === undefined, 3000, 'members dropped');
    // 2.27.6 keeps the kicked group's conversation (deleteLocalGroupAndConversation deletes it for an
    // AVChatRoom only); the group embedded in it must not come back as joined (issue 11 item 6).
    await until(() => storeGroups().length === 1, listWait, 'the store dropped the group');
    expect(storeGroups()).toEqual([[other.groupID, 'other']]);
    expect(storeGroups()).toEqual(await sdkGroups());
    const notices = selectMessagesByConversationID(store.getState(), '@TIM#SYSTEM');
    expect(notices.map((m) => [m.type, m.payload.operationType])).toEqual([['TIMGroupSystemNoticeElem', 4]]);
  });
});
