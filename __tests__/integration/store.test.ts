/**
 * @jest-environment jsdom
 *
 * The binding on the real SDKs against the IM emulator: the store, not the SDK, is what is asserted.
 */
import {
  getMessageList,
  logout,
  revokeMessage,
  selectConversationById,
  selectConversationList,
  selectHistoryState,
  selectIsReady,
  selectMessagesByConversationID,
  selectSession,
  selectTotalUnreadCount,
  sendTextMessage,
  setMessageRead,
} from '../../src';
import type { Emulator } from '../../src/emulator';
import { kinds, useBindingOnEmulator, type EmulatorStoreContext } from '../helpers/emulatorStore';
import { constants, sleep, until, waitForEvent, type SdkMessage } from '../emulator/sdk';

type Store = EmulatorStoreContext['store'];

describe.each(kinds)('the store on %s against the emulator', (kind) => {
  const { EVENT, TYPES } = constants(kind);
  // 2.x throttles list events to one a second; 3.x runs with eventThrottling: false.
  const listWait = kind === 'tim-js-sdk' ? 3000 : 1500;
  const texts = (conversationID: string): string[] =>
    selectMessagesByConversationID(store.getState(), conversationID).map((m) => String(m.payload.text ?? ''));
  const binding = useBindingOnEmulator(kind);
  const { loginBob, peer } = binding;
  let emu: Emulator;
  let store: Store;
  beforeEach(() => {
    ({ emu, store } = binding.ctx);
  });

  it('login → ready, with the conversation list and unread counts from the server', async () => {
    emu.injectC2CMessage({ from: 'alice', to: 'bob', text: 'a1' });
    emu.injectC2CMessage({ from: 'alice', to: 'bob', text: 'a2' });
    emu.injectC2CMessage({ from: 'carol', to: 'bob', text: 'c1' });
    await loginBob();
    expect(selectIsReady(store.getState())).toBe(true);
    expect(selectSession(store.getState()).userID).toBe('bob');
    await until(() => selectTotalUnreadCount(store.getState()) === 3, listWait, 'total unread 3');
    await until(
      () => selectConversationById(store.getState(), 'C2Calice')?.unreadCount === 2,
      listWait,
      'alice unread 2',
    );
    expect(
      selectConversationList(store.getState())
        .map((c) => c.conversationID)
        .sort(),
    ).toEqual(['C2Calice', 'C2Ccarol']);
    expect(selectConversationById(store.getState(), 'C2Ccarol')?.unreadCount).toBe(1);
  });

  it('send → success in state; a message from another user lands once even if pushed twice', async () => {
    await loginBob();
    const sent = await store
      .dispatch(sendTextMessage({ to: 'alice', conversationType: 'C2C', text: 'hi alice' }))
      .unwrap();
    const mine = selectMessagesByConversationID(store.getState(), 'C2Calice').find((m) => m.ID === sent.ID);
    expect(mine?.status).toBe('success');
    emu.duplicateNextPushes(1);
    const incoming = emu.injectC2CMessage({ from: 'alice', to: 'bob', text: 'hi bob' });
    await until(() => texts('C2Calice').includes('hi bob'), 2000, 'incoming message');
    await sleep(100);
    expect(
      selectMessagesByConversationID(store.getState(), 'C2Calice').filter((m) => m.ID === incoming.sdkMessageID),
    ).toHaveLength(1);
    expect([...texts('C2Calice')].sort()).toEqual(['hi alice', 'hi bob']);
  });

  it("revoke → isRevoked, for an own message and for a peer's", async () => {
    const alice = await peer('alice');
    await loginBob();
    const sent = await store.dispatch(sendTextMessage({ to: 'alice', conversationType: 'C2C', text: 'mine' })).unwrap();
    await store.dispatch(revokeMessage(sent.ID)).unwrap();
    expect(selectMessagesByConversationID(store.getState(), 'C2Calice').find((m) => m.ID === sent.ID)?.isRevoked).toBe(
      true,
    );
    const theirs = await alice.sendMessage(
      alice.createTextMessage({ to: 'bob', conversationType: TYPES.CONV_C2C, payload: { text: 'theirs' } }),
    );
    await until(() => texts('C2Calice').includes('theirs'));
    await alice.revokeMessage(theirs.data.message);
    await until(
      () =>
        selectMessagesByConversationID(store.getState(), 'C2Calice').find((m) => m.ID === theirs.data.message.ID)
          ?.isRevoked === true,
      2000,
      'peer revoke',
    );
  });

  it('read receipt → isPeerRead', async () => {
    const alice = await peer('alice');
    await loginBob();
    const arrived = waitForEvent<SdkMessage[]>(alice, EVENT.MESSAGE_RECEIVED);
    const sent = await store
      .dispatch(sendTextMessage({ to: 'alice', conversationType: 'C2C', text: 'read me' }))
      .unwrap();
    await arrived;
    await alice.setMessageRead({ conversationID: 'C2Cbob' });
    await until(
      () =>
        selectMessagesByConversationID(store.getState(), 'C2Calice').find((m) => m.ID === sent.ID)?.isPeerRead === true,
      2000,
      'isPeerRead',
    );
  });

  it('setMessageRead clears the unread count in state and on the server', async () => {
    emu.injectC2CMessage({ from: 'alice', to: 'bob', text: 'unread' });
    await loginBob();
    await until(() => selectConversationById(store.getState(), 'C2Calice')?.unreadCount === 1, listWait, 'unread 1');
    await store.dispatch(setMessageRead('C2Calice')).unwrap();
    await until(() => selectConversationById(store.getState(), 'C2Calice')?.unreadCount === 0, listWait, 'unread 0');
    expect(emu.conversations('bob')[0].unreadCount).toBe(0);
  });

  it('history paging reaches isCompleted with every message once, in order', async () => {
    for (let i = 0; i < 32; i++)
      emu.injectC2CMessage({ from: i % 3 ? 'alice' : 'bob', to: i % 3 ? 'bob' : 'alice', text: `h${i}` });
    await loginBob();
    for (let page = 0; page < 10 && !selectHistoryState(store.getState(), 'C2Calice').isCompleted; page++) {
      await store.dispatch(getMessageList('C2Calice')).unwrap();
    }
    expect(selectHistoryState(store.getState(), 'C2Calice').isCompleted).toBe(true);
    expect(texts('C2Calice')).toEqual(Array.from({ length: 32 }, (_, i) => `h${i}`));
  });

  // Message IDs end in a random number: within one second the sequence, not the ID, keeps the order.
  it('same-second one-to-one messages keep their server order in state', async () => {
    for (let i = 0; i < 10; i++) emu.injectC2CMessage({ from: 'alice', to: 'bob', text: `o${i}` });
    await loginBob();
    await store.dispatch(getMessageList('C2Calice')).unwrap();
    expect(texts('C2Calice')).toEqual(Array.from({ length: 10 }, (_, i) => `o${i}`));
  });

  it("group messaging: a member's message lands in state; an own group message succeeds", async () => {
    const group = emu.createGroup({ type: 'Public', name: 'g', ownerID: 'alice', memberIDs: ['bob'] });
    await loginBob();
    const conversationID = `GROUP${group.groupID}`;
    await sleep(100);
    emu.injectGroupMessage({ from: 'alice', groupID: group.groupID, text: 'hello group' });
    await until(() => texts(conversationID).includes('hello group'), 2000, 'group message');
    const sent = await store
      .dispatch(sendTextMessage({ to: group.groupID, conversationType: 'GROUP', text: 'bob here' }))
      .unwrap();
    expect(selectMessagesByConversationID(store.getState(), conversationID).find((m) => m.ID === sent.ID)?.status).toBe(
      'success',
    );
    expect(emu.groupMessages(group.groupID).map((m) => m.elements[0].MsgContent)).toContainEqual({ Text: 'bob here' });
  });

  it('server drop → reconnect: nothing lost or doubled', async () => {
    await loginBob();
    emu.injectC2CMessage({ from: 'alice', to: 'bob', text: 'before' });
    await until(() => texts('C2Calice').length === 1);
    const relogin = emu.waitForCommand('openim.getmsg', { userID: 'bob' });
    emu.dropSockets('bob');
    emu.injectC2CMessage({ from: 'alice', to: 'bob', text: 'during' });
    await relogin;
    await until(() => texts('C2Calice').length >= 2, 4000, 'missed message');
    emu.injectC2CMessage({ from: 'alice', to: 'bob', text: 'after' });
    await until(() => texts('C2Calice').length >= 3, 2000, 'message after reconnect');
    await sleep(150);
    expect(texts('C2Calice')).toEqual(['before', 'during', 'after']);
    expect(selectIsReady(store.getState())).toBe(true);
  });

  it('kick → kickedOut with the reason', async () => {
    await loginBob();
    emu.kick('bob', 2);
    await until(() => selectSession(store.getState()).status === 'kickedOut', 2000, 'kickedOut');
    expect(selectSession(store.getState()).kickedOutReason).toBe(TYPES.KICKED_OUT_MULT_DEVICE);
  });

  it('logout → the store is empty', async () => {
    emu.injectC2CMessage({ from: 'alice', to: 'bob', text: 'x' });
    await loginBob();
    await until(
      () => texts('C2Calice').length === 1 || selectConversationList(store.getState()).length === 1,
      listWait,
    );
    await store.dispatch(logout()).unwrap();
    const state = store.getState();
    expect(selectIsReady(state)).toBe(false);
    expect(selectConversationList(state)).toEqual([]);
    expect(selectMessagesByConversationID(state, 'C2Calice')).toEqual([]);
    expect(selectTotalUnreadCount(state)).toBe(0);
  });
});
