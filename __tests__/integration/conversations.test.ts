/**
 * @jest-environment jsdom
 *
 * Conversations on the real SDKs against the IM emulator, with the binding attached: after each quiet
 * point the store must say what the SDK's own getters say (total unread, unread per conversation,
 * remind type, pin, the joined groups).
 */
import {
  deleteConversation,
  getMessageList,
  pinConversation,
  quitGroup,
  selectConversationById,
  selectConversationGroup,
  selectGroupById,
  selectConversationList,
  selectHistoryState,
  selectMessagesByConversationID,
  selectTotalUnreadCount,
  setAllMessageRead,
  setMessageRead,
  setMessageRemindType,
  setConversationDraft,
  markConversation,
  createConversationGroup,
  addConversationsToGroup,
  selectConversationGroups,
  selectConversationIDsInGroup,
  TIM_REDUX_ERROR,
} from '../../src';
import type { Emulator } from '../../src/emulator';
import { kinds, useBindingOnEmulator, type EmulatorStoreContext } from '../helpers/emulatorStore';
import { loginReady, sleep, until, type Sdk } from '../emulator/sdk';

type Store = EmulatorStoreContext['store'];

interface SdkConversationView {
  conversationID: string;
  unreadCount: number;
  isPinned: boolean;
  messageRemindType: string;
}

describe.each(kinds)('conversations on %s: the store agrees with the SDK', (kind) => {
  jest.setTimeout(30_000);
  // 2.x throttles list events to one a second; 3.x runs with eventThrottling: false.
  const quiet = kind === 'tim-js-sdk' ? 1300 : 300;
  const binding = useBindingOnEmulator(kind);
  const { loginBob, peer } = binding;
  let emu: Emulator;
  let store: Store;
  let bob: Sdk;
  beforeEach(() => {
    ({ emu, store, bob } = binding.ctx);
  });

  const sdkConversations = async (): Promise<SdkConversationView[]> => {
    const { data } = await bob.getConversationList();
    return (data.conversationList as unknown as SdkConversationView[])
      .map((c) => ({
        conversationID: c.conversationID,
        unreadCount: c.unreadCount,
        isPinned: c.isPinned,
        // 3.x leaves it undefined on the @TIM#SYSTEM conversation; the store keeps strings.
        messageRemindType: c.messageRemindType ?? '',
      }))
      .sort((a, b) => a.conversationID.localeCompare(b.conversationID));
  };
  const storeConversations = (): SdkConversationView[] =>
    selectConversationList(store.getState())
      .map((c) => ({
        conversationID: c.conversationID,
        unreadCount: c.unreadCount,
        isPinned: c.isPinned,
        messageRemindType: c.messageRemindType,
      }))
      .sort((a, b) => a.conversationID.localeCompare(b.conversationID));
  /** Waits out the SDK's throttled events, then compares the store with the SDK's getters. */
  const expectAgreement = async (what: string): Promise<void> => {
    await sleep(quiet);
    expect({ what, total: selectTotalUnreadCount(store.getState()) }).toEqual({
      what,
      total: bob.getTotalUnreadMessageCount(),
    });
    expect({ what, conversations: storeConversations() }).toEqual({ what, conversations: await sdkConversations() });
  };

  it('total unread equals the SDK total through mute, read, delete and read-all', async () => {
    const group = emu.createGroup({ type: 'Public', name: 'g', ownerID: 'erin', memberIDs: ['bob'] });
    emu.injectC2CMessage({ from: 'alice', to: 'bob', text: 'a1' });
    emu.injectC2CMessage({ from: 'alice', to: 'bob', text: 'a2' });
    for (const text of ['c1', 'c2', 'c3']) emu.injectC2CMessage({ from: 'carol', to: 'bob', text });
    emu.injectC2CMessage({ from: 'dave', to: 'bob', text: 'd1' });
    emu.injectGroupMessage({ from: 'erin', groupID: group.groupID, text: 'g1' });
    emu.injectGroupMessage({ from: 'erin', groupID: group.groupID, text: 'g2' });
    await loginBob();
    await until(() => bob.getTotalUnreadMessageCount() === 8, 4000, 'SDK total 8');
    await expectAgreement('after login');

    await store
      .dispatch(setMessageRemindType({ userIDList: ['carol'], messageRemindType: 'AcceptNotNotify' }))
      .unwrap();
    await store
      .dispatch(setMessageRemindType({ groupID: group.groupID, messageRemindType: 'AcceptNotNotify' }))
      .unwrap();
    expect(bob.getTotalUnreadMessageCount()).toBe(3);
    await expectAgreement('after muting carol and the group');

    await store.dispatch(setMessageRead('C2Ccarol')).unwrap();
    await expectAgreement('after reading the muted carol');

    await store.dispatch(deleteConversation('C2Cdave')).unwrap();
    await expectAgreement('after deleting dave');

    emu.injectC2CMessage({ from: 'carol', to: 'bob', text: 'c4' });
    emu.injectC2CMessage({ from: 'alice', to: 'bob', text: 'a3' });
    await expectAgreement('after new messages');

    await store.dispatch(setAllMessageRead()).unwrap();
    await expectAgreement('after read-all');
    expect(selectTotalUnreadCount(store.getState())).toBe(0);
  });

  const storeGroupIDs = (): string[] =>
    store
      .getState()
      .tim.groups.table.values.map((g) => g.groupID)
      .sort();
  const sdkGroupIDs = async (): Promise<string[]> =>
    (await bob.getGroupList()).data.groupList.map((g) => g.groupID).sort();

  it('a quit group and a dismissed group do not come back as joined groups', async () => {
    const erin = await peer('erin');
    const quitting = emu.createGroup({ type: 'Public', name: 'quit me', ownerID: 'erin', memberIDs: ['bob'] });
    const dismissed = emu.createGroup({ type: 'Public', name: 'dismissed', ownerID: 'erin', memberIDs: ['bob'] });
    const staying = emu.createGroup({ type: 'Public', name: 'stay', ownerID: 'erin', memberIDs: ['bob'] });
    for (const g of [quitting, dismissed, staying])
      emu.injectGroupMessage({ from: 'erin', groupID: g.groupID, text: 'hi' });
    await loginBob();
    await until(async () => (await sdkGroupIDs()).length === 3, 4000, 'three groups in the SDK');
    await until(() => storeGroupIDs().length === 3, 4000, 'three groups in the store');

    await store.dispatch(quitGroup(quitting.groupID)).unwrap();
    await erin.dismissGroup(dismissed.groupID);
    await until(async () => (await sdkGroupIDs()).length === 1, 4000, 'one group left in the SDK');
    // New messages bring the conversation list again, with the groups the conversations embed.
    emu.injectC2CMessage({ from: 'alice', to: 'bob', text: 'ping' });
    emu.injectGroupMessage({ from: 'erin', groupID: staying.groupID, text: 'again' });
    await sleep(quiet);
    expect(storeGroupIDs()).toEqual(await sdkGroupIDs());
    expect(storeGroupIDs()).toEqual([staying.groupID]);
    // The conversation of a left group keeps its display data.
    const sdkIDs = (await sdkConversations()).map((c) => c.conversationID);
    for (const id of sdkIDs.filter((c) => c.startsWith('GROUP'))) {
      expect(selectConversationGroup(store.getState(), id.slice(5))?.groupID).toBe(id.slice(5));
    }
    await expectAgreement('after quit and dismiss');
  });

  it("a group's mute setting set through the SDK survives the next conversation list (the embedded group is stale)", async () => {
    const group = emu.createGroup({ type: 'Public', name: 'g', ownerID: 'erin', memberIDs: ['bob'] });
    emu.injectGroupMessage({ from: 'erin', groupID: group.groupID, text: 'g1' });
    await loginBob();
    await until(() => store.getState().tim.groups.table.keys.includes(group.groupID), 4000, 'the group in the store');
    await store
      .dispatch(setMessageRemindType({ groupID: group.groupID, messageRemindType: 'AcceptNotNotify' }))
      .unwrap();
    emu.injectGroupMessage({ from: 'erin', groupID: group.groupID, text: 'g2' });
    await sleep(quiet);
    const sdkGroup = (await bob.getGroupProfile({ groupID: group.groupID })).data.group as unknown as {
      selfInfo: { messageRemindType: string };
    };
    expect(sdkGroup.selfInfo.messageRemindType).toBe('AcceptNotNotify');
    expect(selectGroupById(store.getState(), group.groupID)?.selfInfo.messageRemindType).toBe('AcceptNotNotify');
    expect(selectConversationById(store.getState(), `GROUP${group.groupID}`)?.messageRemindType).toBe(
      'AcceptNotNotify',
    );
    await expectAgreement('after muting the group');
  });

  it('a conversation deleted on another device loses its messages and cursor; when it comes back its history loads', async () => {
    for (const text of ['a1', 'a2', 'a3']) emu.injectC2CMessage({ from: 'alice', to: 'bob', text });
    await loginBob();
    await store.dispatch(getMessageList('C2Calice')).unwrap();
    expect(selectHistoryState(store.getState(), 'C2Calice').isCompleted).toBe(true);
    expect(selectMessagesByConversationID(store.getState(), 'C2Calice')).toHaveLength(3);

    // Bob's other device deletes the conversation (keeping the cloud history).
    emu.deleteConversation('bob', 'C2Calice');
    await until(
      async () => !(await sdkConversations()).some((c) => c.conversationID === 'C2Calice'),
      4000,
      'the SDK drops the conversation',
    );
    await sleep(quiet);
    expect(selectConversationById(store.getState(), 'C2Calice')).toBeUndefined();
    expect(selectMessagesByConversationID(store.getState(), 'C2Calice')).toEqual([]);
    expect(selectHistoryState(store.getState(), 'C2Calice').isCompleted).toBe(false);

    emu.injectC2CMessage({ from: 'alice', to: 'bob', text: 'a4' });
    await until(() => selectConversationById(store.getState(), 'C2Calice') !== undefined, 4000, 'it comes back');
    await store.dispatch(getMessageList('C2Calice')).unwrap();
    const texts = selectMessagesByConversationID(store.getState(), 'C2Calice').map((m) => m.payload.text);
    const sdkTexts = (await bob.getMessageList({ conversationID: 'C2Calice', count: 15 })).data.messageList.map(
      (m) => m.payload.text,
    );
    expect(texts).toEqual(sdkTexts);
    expect(texts).toContain('a4');
    await expectAgreement('after the conversation came back');
  });

  it('a conversation deleted through the thunk: the SDK of another device drops it too', async () => {
    emu.injectC2CMessage({ from: 'alice', to: 'bob', text: 'a1' });
    await loginBob();
    const other = binding.secondDevice();
    await loginReady(kind, other, 'bob', { emulator: emu });
    await store.dispatch(deleteConversation('C2Calice')).unwrap();
    await until(
      async () =>
        !(await other.getConversationList()).data.conversationList.some((c) => c.conversationID === 'C2Calice'),
      4000,
      'the other device drops it',
    );
    await expectAgreement('after deleting');
  });

  it('a pin set on another device reaches the store', async () => {
    emu.injectC2CMessage({ from: 'alice', to: 'bob', text: 'a1' });
    emu.injectC2CMessage({ from: 'carol', to: 'bob', text: 'c1' });
    await loginBob();
    emu.pinConversation('bob', 'C2Calice', true);
    await until(async () => (await sdkConversations()).some((c) => c.isPinned), 4000, 'the SDK pins');
    await expectAgreement('after a pin on another device');
    expect(selectConversationById(store.getState(), 'C2Calice')?.isPinned).toBe(true);
    await store.dispatch(pinConversation({ conversationID: 'C2Calice', isPinned: false })).unwrap();
    emu.pinConversation('bob', 'C2Ccarol', true);
    await until(
      async () => (await sdkConversations()).some((c) => c.conversationID === 'C2Ccarol' && c.isPinned),
      4000,
      'carol pinned',
    );
    await expectAgreement('after unpin here and a pin there');
  });

  it('a draft set through the SDK is stored, and a change of the draft alone is seen (3.x; 2.x has none)', async () => {
    emu.injectC2CMessage({ from: 'alice', to: 'bob', text: 'a1' });
    await loginBob();
    const set = await store.dispatch(setConversationDraft({ conversationID: 'C2Calice', draftText: 'half a thought' }));
    if (kind === 'tim-js-sdk') {
      expect(set.payload).toMatchObject({ code: TIM_REDUX_ERROR.UNSUPPORTED });
      return;
    }
    expect(selectConversationById(store.getState(), 'C2Calice')?.draftText).toBe('half a thought');
    // Straight through the SDK: only its list event can tell the store.
    await (bob as unknown as { setConversationDraft(o: object): Promise<unknown> }).setConversationDraft({
      conversationID: 'C2Calice',
      draftText: 'changed',
    });
    await sleep(quiet);
    const sdkDraft = (await bob.getConversationProfile('C2Calice')).data.conversation as unknown as {
      draftText: string;
    };
    expect(selectConversationById(store.getState(), 'C2Calice')?.draftText).toBe(sdkDraft.draftText);
    expect(sdkDraft.draftText).toBe('changed');
  });

  it('marks set here and on another device reach the store; a new device sees them at login', async () => {
    emu.injectC2CMessage({ from: 'alice', to: 'bob', text: 'a1' });
    emu.injectC2CMessage({ from: 'carol', to: 'bob', text: 'c1' });
    // Marks are a paid feature: the SDK refuses them (3122) until it has fetched the purchase bits.
    const purchased = emu.waitForCommand('im_sdk_config_mgr.fetch_imsdk_purchase_bitsv2', { timeoutMs: 5000 });
    await loginBob();
    await purchased;
    await sleep(50);
    const marks = async (tim: Sdk): Promise<Record<string, number[]>> =>
      Object.fromEntries(
        (
          (await tim.getConversationList()).data.conversationList as unknown as Array<{
            conversationID: string;
            markList: number[];
          }>
        ).map((c) => [c.conversationID, [...c.markList].sort()]),
      );
    const storeMarks = (): Record<string, number[]> =>
      Object.fromEntries(
        selectConversationList(store.getState()).map((c) => [c.conversationID, [...c.markList].sort()]),
      );

    const marked = await store.dispatch(
      markConversation({ conversationIDList: ['C2Calice'], markType: 1, enableMark: true }),
    );
    expect(marked.payload).toEqual({ conversationIDList: ['C2Calice'], markType: 1, enableMark: true });
    emu.markConversation('bob', 'C2Ccarol', 4, true);
    emu.markConversation('bob', 'C2Ccarol', 2, true);
    await until(
      async () => (await marks(bob)).C2Ccarol?.length === 2,
      4000,
      'the SDK sees the marks of another device',
    );
    await sleep(quiet);
    expect(storeMarks()).toEqual(await marks(bob));
    expect(storeMarks()).toEqual({ C2Calice: [1], C2Ccarol: [2, 4] });

    emu.markConversation('bob', 'C2Ccarol', 4, false);
    await until(async () => (await marks(bob)).C2Ccarol?.length === 1, 4000, 'a mark cleared on another device');
    await sleep(quiet);
    expect(storeMarks()).toEqual(await marks(bob));

    const other = binding.secondDevice();
    await loginReady(kind, other, 'bob', { emulator: emu });
    await until(async () => (await marks(other)).C2Calice?.length === 1, 4000, 'marks at login');
    expect(await marks(other)).toEqual(await marks(bob));
  });

  it('conversation groups made here and on another device reach the store; a new device sees them at login', async () => {
    for (const from of ['alice', 'carol', 'dave']) emu.injectC2CMessage({ from, to: 'bob', text: `hi from ${from}` });
    // Conversation groups are a paid feature: the SDK refuses them (3122) until it has the purchase bits.
    const purchased = emu.waitForCommand('im_sdk_config_mgr.fetch_imsdk_purchase_bitsv2', { timeoutMs: 5000 });
    await loginBob();
    await purchased;
    await sleep(50);
    type SdkGroups = { groupList: string[]; member: Record<string, string[]> };
    const sdkView = async (tim: Sdk): Promise<SdkGroups> => {
      const t = tim as unknown as { getConversationGroupList(): Promise<{ data: string[] }> };
      const list = (await tim.getConversationList()).data.conversationList as unknown as Array<{
        conversationID: string;
        conversationGroupList: string[];
      }>;
      return {
        groupList: [...(await t.getConversationGroupList()).data].sort(),
        member: Object.fromEntries(list.map((c) => [c.conversationID, [...c.conversationGroupList].sort()])),
      };
    };
    const storeView = (): SdkGroups => ({
      groupList: [...selectConversationGroups(store.getState())].sort(),
      member: Object.fromEntries(
        selectConversationList(store.getState()).map((c) => [c.conversationID, [...c.conversationGroupList].sort()]),
      ),
    });

    await store.dispatch(createConversationGroup({ groupName: 'work', conversationIDList: ['C2Calice'] })).unwrap();
    await store.dispatch(addConversationsToGroup({ groupName: 'work', conversationIDList: ['C2Ccarol'] })).unwrap();
    await sleep(quiet);
    expect(storeView()).toEqual(await sdkView(bob));
    expect(selectConversationIDsInGroup(store.getState(), 'work')).toEqual(['C2Calice', 'C2Ccarol']);

    emu.createConversationGroup('bob', 'family', ['C2Cdave']);
    emu.changeConversationGroup('bob', 'work', ['C2Ccarol'], false);
    await until(async () => (await sdkView(bob)).groupList.length === 2, 4000, 'the SDK sees the new group');
    await until(async () => (await sdkView(bob)).member.C2Ccarol?.length === 0, 4000, 'carol left work');
    await sleep(quiet);
    expect(storeView()).toEqual(await sdkView(bob));
    expect(storeView().member).toEqual({ C2Calice: ['work'], C2Ccarol: [], C2Cdave: ['family'] });
    // CONVERSATION_IN_GROUP_UPDATED keeps the per-group lists (3.6.6 index.js `_emitConvInGroupUpdate`).
    expect(selectConversationIDsInGroup(store.getState(), 'work')).toEqual(['C2Calice']);

    const other = binding.secondDevice();
    const purchasedToo = emu.waitForCommand('im_sdk_config_mgr.fetch_imsdk_purchase_bitsv2', { timeoutMs: 5000 });
    await loginReady(kind, other, 'bob', { emulator: emu });
    await purchasedToo;
    await until(async () => (await sdkView(other)).groupList.length === 2, 4000, 'groups at login');
    expect(await sdkView(other)).toEqual(await sdkView(bob));
  });

  it("a group's mute setting changed on another device reaches the store and the total", async () => {
    const group = emu.createGroup({ type: 'Public', name: 'g', ownerID: 'erin', memberIDs: ['bob'] });
    emu.injectGroupMessage({ from: 'erin', groupID: group.groupID, text: 'g1' });
    emu.injectC2CMessage({ from: 'alice', to: 'bob', text: 'a1' });
    await loginBob();
    await until(() => bob.getTotalUnreadMessageCount() === 2, 4000, 'SDK total 2');
    // The SDK applies the notice only to a group of its group list (fetched after SDK_READY).
    await until(
      async () => (await bob.getGroupList()).data.groupList.some((g) => g.groupID === group.groupID),
      4000,
      'the SDK has the group',
    );
    emu.setMessageRemindType('bob', `GROUP${group.groupID}`, 'AcceptNotNotify');
    await until(() => bob.getTotalUnreadMessageCount() === 1, 4000, 'the SDK leaves the muted group out');
    await expectAgreement('after a mute on another device');
    expect(selectConversationById(store.getState(), `GROUP${group.groupID}`)?.messageRemindType).toBe(
      'AcceptNotNotify',
    );
  });

  it('a group conversation deleted on another device leaves the SDK and the store', async () => {
    const group = emu.createGroup({ type: 'Public', name: 'g', ownerID: 'erin', memberIDs: ['bob'] });
    emu.injectGroupMessage({ from: 'erin', groupID: group.groupID, text: 'g1' });
    await loginBob();
    const id = `GROUP${group.groupID}`;
    await until(() => selectConversationById(store.getState(), id) !== undefined, 4000, 'the group conversation');
    emu.deleteConversation('bob', id);
    await until(
      async () => !(await sdkConversations()).some((c) => c.conversationID === id),
      4000,
      'the SDK drops the group conversation',
    );
    await expectAgreement('after a group conversation was deleted on another device');
    expect(selectConversationById(store.getState(), id)).toBeUndefined();
  });
});
