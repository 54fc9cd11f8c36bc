/**
 * @jest-environment jsdom
 *
 * The area thunks on the real SDKs against the IM emulator: conversation pin/delete, groups
 * create/join/quit/dismiss/member list, profiles get/update, blacklist add/remove. The store is
 * what is asserted.
 */
import {
  addToBlacklist,
  createGroup,
  deleteConversation,
  dismissGroup,
  getConversationList,
  getGroupList,
  getGroupMemberList,
  getUserProfile,
  joinGroup,
  pinConversation,
  quitGroup,
  removeFromBlacklist,
  selectBlacklist,
  selectConversationById,
  selectConversationList,
  selectGroupById,
  selectGroupMemberListState,
  selectGroupMembers,
  selectMessagesByConversationID,
  selectMyProfile,
  selectProfileByUserID,
  sendTextMessage,
  updateMyProfile,
} from '../../src';
import type { Emulator } from '../../src/emulator';
import { kinds, useBindingOnEmulator, type EmulatorStoreContext } from '../helpers/emulatorStore';
import { sleep, until } from '../emulator/sdk';

type Store = EmulatorStoreContext['store'];

describe.each(kinds)('area thunks on %s against the emulator', (kind) => {
  const binding = useBindingOnEmulator(kind);
  const { loginBob, peer } = binding;
  let emu: Emulator;
  let store: Store;
  beforeEach(() => {
    ({ emu, store } = binding.ctx);
  });

  it('conversations: load, pin to the top, delete one with its messages', async () => {
    emu.injectC2CMessage({ from: 'alice', to: 'bob', text: 'a1' });
    emu.injectC2CMessage({ from: 'carol', to: 'bob', text: 'c1' });
    await loginBob();
    await store.dispatch(getConversationList()).unwrap();
    await until(() => selectConversationList(store.getState()).length === 2, 3000, 'two conversations');
    await store.dispatch(sendTextMessage({ to: 'alice', conversationType: 'C2C', text: 'to alice' })).unwrap();
    await store.dispatch(pinConversation({ conversationID: 'C2Ccarol', isPinned: true })).unwrap();
    expect(selectConversationById(store.getState(), 'C2Ccarol')?.isPinned).toBe(true);
    expect(selectConversationList(store.getState())[0].conversationID).toBe('C2Ccarol');
    await sleep(kind === 'tim-js-sdk' ? 1500 : 300); // the SDK's own list event must agree
    expect(selectConversationById(store.getState(), 'C2Ccarol')?.isPinned).toBe(true);
    expect(selectMessagesByConversationID(store.getState(), 'C2Calice').length).toBeGreaterThan(0);
    await store.dispatch(deleteConversation('C2Calice')).unwrap();
    expect(selectConversationById(store.getState(), 'C2Calice')).toBeUndefined();
    expect(selectMessagesByConversationID(store.getState(), 'C2Calice')).toEqual([]);
    await sleep(kind === 'tim-js-sdk' ? 1500 : 300);
    expect(selectConversationById(store.getState(), 'C2Calice')).toBeUndefined();
  });

  it('groups: create, list members, quit leaves nothing but the conversation the SDK keeps; join and dismiss', async () => {
    const alice = await peer('alice');
    await loginBob();
    const created = await store
      .dispatch(createGroup({ name: 'team', type: 'Public', memberList: [{ userID: 'alice' }] }))
      .unwrap();
    const groupID = created.groups[0].groupID;
    expect(selectGroupById(store.getState(), groupID)).toMatchObject({ name: 'team', ownerID: 'bob' });
    await store.dispatch(getGroupList()).unwrap();
    await store.dispatch(getGroupMemberList({ groupID, count: 100 })).unwrap();
    expect(
      selectGroupMembers(store.getState(), groupID)
        .map((m) => m.userID)
        .sort(),
    ).toEqual(['alice', 'bob']);
    expect(selectGroupMemberListState(store.getState(), groupID)?.isCompleted).toBe(true);
    await store.dispatch(sendTextMessage({ to: groupID, conversationType: 'GROUP', text: 'hi team' })).unwrap();

    // A group someone else owns: join, then quit.
    const other = (await alice.createGroup({ type: 'Public', name: 'open' } as never)).data.group.groupID;
    const joined = await store.dispatch(joinGroup({ groupID: other })).unwrap();
    expect(['JoinedSuccess', 'AlreadyInGroup']).toContain(joined.status);
    await until(() => selectGroupById(store.getState(), other) !== undefined, 4000, 'joined group in state');
    await store.dispatch(getGroupMemberList(other));
    await store.dispatch(quitGroup(other)).unwrap();
    expect(selectGroupById(store.getState(), other)).toBeUndefined();
    expect(selectGroupMemberListState(store.getState(), other)).toBeUndefined();
    // The conversation of a left group stays where the SDK keeps it (deleteLocalGroupAndConversation
    // deletes it only for an AVChatRoom): the store holds it exactly when the SDK's own list does.
    await sleep(kind === 'tim-js-sdk' ? 1500 : 300);
    const sdkKeeps = (await binding.ctx.bob.getConversationList()).data.conversationList.some(
      (c) => c.conversationID === `GROUP${other}`,
    );
    expect(selectConversationById(store.getState(), `GROUP${other}`) !== undefined).toBe(sdkKeeps);

    await store.dispatch(dismissGroup(groupID)).unwrap();
    expect(selectGroupById(store.getState(), groupID)).toBeUndefined();
    expect(selectMessagesByConversationID(store.getState(), `GROUP${groupID}`)).toEqual([]);
    await sleep(kind === 'tim-js-sdk' ? 1500 : 300);
    expect(selectGroupById(store.getState(), groupID)).toBeUndefined();
    expect(selectGroupById(store.getState(), other)).toBeUndefined();
  });

  it('profiles and blacklist: get (cached), update mine, block and unblock', async () => {
    const alice = await peer('alice');
    await alice.updateMyProfile({ nick: 'Alice' });
    await loginBob();
    const first = await store.dispatch(getUserProfile(['alice'])).unwrap();
    expect(first.profiles.map((p) => p.nick)).toEqual(['Alice']);
    expect(selectProfileByUserID(store.getState(), 'alice')?.nick).toBe('Alice');
    const again = await store.dispatch(getUserProfile(['alice'])).unwrap();
    expect(again).toEqual({ profiles: [], cached: ['alice'] });
    await store.dispatch(updateMyProfile({ nick: 'Bobby' })).unwrap();
    expect(selectMyProfile(store.getState())?.nick).toBe('Bobby');
    expect((await alice.getUserProfile({ userIDList: ['bob'] })).data[0].nick).toBe('Bobby');
    await store.dispatch(addToBlacklist({ userIDList: ['troll'] })).unwrap();
    expect(selectBlacklist(store.getState())).toEqual(['troll']);
    await store.dispatch(removeFromBlacklist({ userIDList: ['troll'] })).unwrap();
    expect(selectBlacklist(store.getState())).toEqual([]);
    await sleep(300);
    expect(selectBlacklist(store.getState())).toEqual([]);
  });
});
