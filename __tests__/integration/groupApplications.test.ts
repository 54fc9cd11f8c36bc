/**
 * @jest-environment jsdom
 *
 * Join applications on the real SDKs against the emulator: carol applies to bob's group, bob's store
 * gets the request as a system message (TIMGroupSystemNoticeElem, operationType 1) and agrees through
 * `handleGroupApplication`; carol joins, bob's loaded members and carol's group list follow.
 */
import {
  getGroupMemberList,
  handleGroupApplication,
  selectGroupMembers,
  selectMessagesByConversationID,
} from '../../src';
import { constants, until } from '../emulator/sdk';
import { kinds, useBindingOnEmulator } from '../helpers/emulatorStore';

describe.each(kinds)('join applications on %s', (kind) => {
  const binding = useBindingOnEmulator(kind);
  const { TYPES } = constants(kind);

  it('a request to join reaches the owner, who agrees through the store', async () => {
    const { emu, store, bob } = binding.ctx;
    const { groupID } = emu.createGroup({
      type: 'Public',
      name: 'closed',
      ownerID: 'bob',
      joinOption: 'NeedPermission',
    });
    await binding.loginBob();
    await until(async () => (await bob.getGroupList()).data.groupList.length === 1, 4000, 'the group');
    await store.dispatch(getGroupMemberList({ groupID, count: 100 })).unwrap();
    const carol = await binding.peer('carol');
    const applied = await carol.joinGroup({ groupID, type: TYPES.GRP_PUBLIC });
    expect(applied.data.status).toBe(TYPES.JOIN_STATUS_WAIT_APPROVAL);
    const requests = () =>
      selectMessagesByConversationID(store.getState(), '@TIM#SYSTEM').filter(
        (m) => m.type === 'TIMGroupSystemNoticeElem' && m.payload.operationType === 1,
      );
    await until(() => requests().length === 1, 3000, 'the request');
    expect(requests()[0].payload.operatorID).toBe('carol');
    await store.dispatch(handleGroupApplication({ messageID: requests()[0].ID, handleAction: 'Agree' })).unwrap();
    expect(
      emu
        .groups()[0]
        .members.map((m) => m.userID)
        .sort(),
    ).toEqual(['bob', 'carol']);
    await until(
      () => selectGroupMembers(store.getState(), groupID).some((m) => m.userID === 'carol'),
      3000,
      'carol in',
    );
    await until(
      async () => (await carol.getGroupList()).data.groupList.some((g) => g.groupID === groupID),
      3000,
      "carol's SDK has the group",
    );
  });
});
