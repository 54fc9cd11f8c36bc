/**
 * @jest-environment jsdom
 *
 * @tencentcloud/chat created with options that change its conversation events, with the binding
 * attached: `partialUpdatedConversations: true` (list events with the changed conversations only) and
 * its default event throttling (the total and the list arrive a second apart).
 */
import {
  login,
  selectConversationById,
  selectConversationList,
  selectTotalUnreadCount,
  setMessageRead,
  setMessageRemindType,
} from '../../src';
import { startEmulator, type Emulator } from '../../src/emulator';
import { makeStore } from '../helpers/store';
import { constants, createSdk, shutdown, sleep, until, type Sdk } from '../emulator/sdk';

describe('conversations on @tencentcloud/chat with partialUpdatedConversations: true', () => {
  jest.setTimeout(30_000);
  let emu: Emulator;
  let bob: Sdk;
  let made: ReturnType<typeof makeStore>;
  beforeEach(async () => {
    emu = await startEmulator();
    bob = createSdk('@tencentcloud/chat', emu.url, undefined, { partialUpdatedConversations: true });
    made = makeStore(bob, { events: constants('@tencentcloud/chat').EVENT, partialUpdatedConversations: true });
  });
  afterEach(async () => {
    made.middleware.close();
    await shutdown(bob);
    await emu.stop();
  });

  it('a list event with only the changed conversations keeps the others', async () => {
    for (const from of ['alice', 'carol', 'dave']) emu.injectC2CMessage({ from, to: 'bob', text: `hi from ${from}` });
    const synced = emu.waitForCommand('openim.getmsg', { userID: 'bob' });
    await made.store.dispatch(login({ userID: 'bob', userSig: 'sig-bob' })).unwrap();
    await synced;
    await until(() => selectConversationList(made.store.getState()).length === 3, 4000, 'three conversations');
    emu.injectC2CMessage({ from: 'alice', to: 'bob', text: 'again' });
    await until(
      () => selectConversationById(made.store.getState(), 'C2Calice')?.unreadCount === 2,
      4000,
      'alice unread 2',
    );
    await sleep(300);
    const ids = (await bob.getConversationList()).data.conversationList.map((c) => c.conversationID).sort();
    expect(
      selectConversationList(made.store.getState())
        .map((c) => c.conversationID)
        .sort(),
    ).toEqual(ids);
    expect(ids).toHaveLength(3);
    expect(selectTotalUnreadCount(made.store.getState())).toBe(bob.getTotalUnreadMessageCount());
  });
});

describe('@tencentcloud/chat with its default event throttling: the total unread is the SDK total', () => {
  jest.setTimeout(30_000);
  let emu: Emulator;
  let bob: Sdk;
  let made: ReturnType<typeof makeStore>;
  beforeEach(async () => {
    emu = await startEmulator();
    bob = createSdk('@tencentcloud/chat', emu.url, undefined, { eventThrottling: true });
    made = makeStore(bob, { events: constants('@tencentcloud/chat').EVENT });
  });
  afterEach(async () => {
    made.middleware.close();
    await shutdown(bob);
    await emu.stop();
  });

  it('reading a muted conversation, a new message and reading again: the store total is the SDK total', async () => {
    emu.injectC2CMessage({ from: 'alice', to: 'bob', text: 'a1' });
    for (const text of ['c1', 'c2', 'c3']) emu.injectC2CMessage({ from: 'carol', to: 'bob', text });
    const synced = emu.waitForCommand('openim.getmsg', { userID: 'bob' });
    await made.store.dispatch(login({ userID: 'bob', userSig: 'sig-bob' })).unwrap();
    await synced;
    await until(() => bob.getTotalUnreadMessageCount() === 4, 4000, 'SDK total 4');
    const agree = async (what: string): Promise<void> => {
      await sleep(1300); // the throttled events
      expect({ what, total: selectTotalUnreadCount(made.store.getState()) }).toEqual({
        what,
        total: bob.getTotalUnreadMessageCount(),
      });
    };
    await agree('after login');
    await made.store
      .dispatch(setMessageRemindType({ userIDList: ['carol'], messageRemindType: 'AcceptNotNotify' }))
      .unwrap();
    await agree('after muting carol');
    await made.store.dispatch(setMessageRead('C2Ccarol')).unwrap();
    await agree('after reading the muted carol');
    emu.injectC2CMessage({ from: 'alice', to: 'bob', text: 'a2' });
    await agree('after a new message');
    await made.store.dispatch(setMessageRead('C2Calice')).unwrap();
    await agree('after reading alice');
  });
});
