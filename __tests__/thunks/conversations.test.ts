import {
  addConversationsToGroup,
  clearHistoryMessage,
  createConversationGroup,
  deleteConversation,
  deleteConversationGroup,
  deleteConversationsFromGroup,
  getConversationGroupList,
  getConversationList,
  getConversationProfile,
  getMessageList,
  markConversation,
  pinConversation,
  renameConversationGroup,
  selectConversationById,
  selectConversationGroups,
  selectConversationIDsInGroup,
  selectConversationList,
  selectHistoryState,
  selectMessagesByConversationID,
  selectProfileByUserID,
  selectTotalUnreadCount,
  setAllMessageRead,
  setConversationCustomData,
  setMessageRemindType,
  TIM_REDUX_ERROR,
} from '../../src';
import { FakeGroup, FakeConversation, FakeMessage, FakeSdk } from '../helpers/fakeSdk';
import { failOnConsoleWarnings, makeStore } from '../helpers/store';

failOnConsoleWarnings();

function setup() {
  const sdk = new FakeSdk();
  const { store, middleware } = makeStore(sdk);
  const conv = (id: string) => selectConversationById(store.getState(), id);
  return { sdk, store, middleware, conv };
}

/** A store holding C2Cbob (2 unread), C2Ccarol (1 unread) and GROUPteam (4 unread). */
function seeded() {
  const s = setup();
  s.sdk.emit('CONVERSATION_LIST_UPDATED', [
    new FakeConversation('C2Cbob', 30, { unreadCount: 2, nick: 'Bob' }),
    new FakeConversation('C2Ccarol', 20, { unreadCount: 1 }),
    new FakeConversation('GROUPteam', 10, { unreadCount: 4 }),
  ]);
  s.sdk.emit('TOTAL_UNREAD_MESSAGE_COUNT_UPDATED', 7);
  s.sdk.emit('GROUP_LIST_UPDATED', [new FakeGroup('team')]);
  return s;
}

async function expectInvalid(promise: Promise<{ payload?: unknown }>) {
  const action = await promise;
  expect(action.payload).toMatchObject({ code: TIM_REDUX_ERROR.INVALID_ARGUMENT });
}

describe('getConversationList / getConversationProfile', () => {
  it('merges loaded conversations and their embedded profiles into state, never removing others', async () => {
    const { sdk, store, conv } = seeded();
    sdk.conversations = [new FakeConversation('C2Cdave', 40, { unreadCount: 3, nick: 'Dave' })];
    const result = await store.dispatch(getConversationList({ hasUnreadCount: true })).unwrap();
    expect(sdk.getConversationList).toHaveBeenCalledWith({ hasUnreadCount: true });
    expect(result.conversations.map((c) => c.conversationID)).toEqual(['C2Cdave']);
    expect(conv('C2Cdave')?.unreadCount).toBe(3);
    expect(conv('C2Cbob')).toBeDefined();
    expect(selectProfileByUserID(store.getState(), 'dave')?.nick).toBe('Dave');
  });

  it('keeps the record (===) of a conversation loaded again unchanged', async () => {
    const { sdk, store, conv } = seeded();
    const before = conv('C2Cbob');
    sdk.conversations = [new FakeConversation('C2Cbob', 30, { unreadCount: 2, nick: 'Bob' })];
    await store.dispatch(getConversationList());
    expect(conv('C2Cbob')).toBe(before);
  });

  it('loads one conversation profile', async () => {
    const { sdk, store, conv } = setup();
    sdk.conversations = [new FakeConversation('GROUPx', 5, { unreadCount: 1 })];
    await store.dispatch(getConversationProfile('GROUPx')).unwrap();
    expect(conv('GROUPx')?.unreadCount).toBe(1);
  });

  it('rejects bad arguments before calling the SDK; an SDK failure is { code, message }', async () => {
    const { sdk, store } = setup();
    await expectInvalid(store.dispatch(getConversationProfile('')));
    await expectInvalid(store.dispatch(getConversationList([''] as string[])));
    expect(sdk.getConversationProfile).not.toHaveBeenCalled();
    expect(sdk.getConversationList).not.toHaveBeenCalled();
    sdk.getConversationList.mockRejectedValueOnce({
      code: 2801,
      message: 'timeout',
      data: new FakeMessage({ from: 'a', to: 'b' }),
    });
    const action = await store.dispatch(getConversationList());
    expect(action.payload).toEqual({ code: 2801, message: 'timeout' });
  });
});

describe('deleteConversation / clearHistoryMessage', () => {
  async function withHistory() {
    const s = seeded();
    s.sdk.history.set('C2Cbob', [
      [new FakeMessage({ from: 'bob', to: 'me', ID: 'b1' })],
      [new FakeMessage({ from: 'bob', to: 'me', ID: 'b0' })],
    ]);
    await s.store.dispatch(getMessageList('C2Cbob'));
    expect(selectMessagesByConversationID(s.store.getState(), 'C2Cbob')).toHaveLength(1);
    return s;
  }

  it('removes one conversation, its messages, its history cursor and its SDK messages', async () => {
    const { sdk, store, middleware, conv } = await withHistory();
    await store.dispatch(deleteConversation('C2Cbob')).unwrap();
    expect(sdk.deleteConversation).toHaveBeenCalledWith('C2Cbob');
    expect(conv('C2Cbob')).toBeUndefined();
    expect(selectMessagesByConversationID(store.getState(), 'C2Cbob')).toEqual([]);
    expect(selectHistoryState(store.getState(), 'C2Cbob').nextReqMessageID).toBeNull();
    expect(middleware.registry.get('b1')).toBeUndefined();
    // The binding never subtracts rows from the total: without the SDK's getter it waits for the SDK's event.
    expect(selectTotalUnreadCount(store.getState())).toBe(7);
  });

  it('removes many, keeping history on the server when asked', async () => {
    const { sdk, store, conv } = await withHistory();
    await store
      .dispatch(deleteConversation({ conversationIDList: ['C2Cbob', 'C2Ccarol'], clearHistoryMessage: false }))
      .unwrap();
    expect(sdk.deleteConversation).toHaveBeenCalledWith({
      conversationIDList: ['C2Cbob', 'C2Ccarol'],
      clearHistoryMessage: false,
    });
    expect(selectConversationList(store.getState()).map((c) => c.conversationID)).toEqual(['GROUPteam']);
    expect(conv('GROUPteam')).toBeDefined();
    expect(selectMessagesByConversationID(store.getState(), 'C2Cbob')).toEqual([]);
  });

  it('changes nothing when the SDK refuses, and refuses bad arguments', async () => {
    const { sdk, store, conv } = await withHistory();
    sdk.deleteConversation.mockRejectedValueOnce({ code: 50001, message: 'no' });
    const action = await store.dispatch(deleteConversation(['C2Cbob']));
    expect(action.payload).toEqual({ code: 50001, message: 'no' });
    expect(conv('C2Cbob')).toBeDefined();
    expect(selectMessagesByConversationID(store.getState(), 'C2Cbob')).toHaveLength(1);
    sdk.deleteConversation.mockClear();
    await expectInvalid(store.dispatch(deleteConversation([])));
    await expectInvalid(store.dispatch(deleteConversation({ conversationIDList: [''] })));
    expect(sdk.deleteConversation).not.toHaveBeenCalled();
  });

  it('clearHistoryMessage drops the messages and cursor but keeps the conversation', async () => {
    const { sdk, store, conv } = await withHistory();
    await store.dispatch(clearHistoryMessage('C2Cbob')).unwrap();
    expect(sdk.clearHistoryMessage).toHaveBeenCalledWith('C2Cbob');
    expect(selectMessagesByConversationID(store.getState(), 'C2Cbob')).toEqual([]);
    expect(selectHistoryState(store.getState(), 'C2Cbob').nextReqMessageID).toBeNull();
    expect(conv('C2Cbob')).toBeDefined();
    await expectInvalid(store.dispatch(clearHistoryMessage(undefined as unknown as string)));
  });
});

describe('pin, read all, mute, marks, custom data', () => {
  it('pinConversation moves the conversation to the top at once', async () => {
    const { sdk, store } = seeded();
    await store.dispatch(pinConversation({ conversationID: 'GROUPteam', isPinned: true })).unwrap();
    expect(sdk.pinConversation).toHaveBeenCalledWith({ conversationID: 'GROUPteam', isPinned: true });
    expect(selectConversationList(store.getState())[0].conversationID).toBe('GROUPteam');
    sdk.pinConversation.mockRejectedValueOnce({ code: 51012, message: 'limit' });
    const failed = await store.dispatch(pinConversation({ conversationID: 'C2Cbob', isPinned: true }));
    expect(failed.payload).toEqual({ code: 51012, message: 'limit' });
    expect(selectConversationById(store.getState(), 'C2Cbob')?.isPinned).toBe(false);
    await expectInvalid(
      store.dispatch(pinConversation({ conversationID: 'C2Cbob', isPinned: 'yes' as unknown as boolean })),
    );
  });

  it("setAllMessageRead clears unread counts of its scope; the total is the SDK getter's", async () => {
    const { sdk, store, conv } = seeded();
    const totals = [4, 0];
    Object.assign(sdk, { getTotalUnreadMessageCount: () => totals.shift() });
    await store.dispatch(setAllMessageRead('readAllC2CMessage')).unwrap();
    expect(conv('C2Cbob')?.unreadCount).toBe(0);
    expect(conv('GROUPteam')?.unreadCount).toBe(4);
    expect(selectTotalUnreadCount(store.getState())).toBe(4);
    await store.dispatch(setAllMessageRead()).unwrap();
    expect(conv('GROUPteam')?.unreadCount).toBe(0);
    expect(selectTotalUnreadCount(store.getState())).toBe(0);
    await expectInvalid(store.dispatch(setAllMessageRead('everything' as never)));
  });

  it('setMessageRemindType mutes a group (conversation and group record) or peers', async () => {
    const { sdk, store, conv } = seeded();
    await store.dispatch(setMessageRemindType({ groupID: 'team', messageRemindType: 'AcceptNotNotify' })).unwrap();
    expect(conv('GROUPteam')?.messageRemindType).toBe('AcceptNotNotify');
    expect(store.getState().tim.groups.table.values.find((g) => g.groupID === 'team')?.selfInfo.messageRemindType).toBe(
      'AcceptNotNotify',
    );
    await store.dispatch(setMessageRemindType({ userIDList: ['bob', 'carol'], messageRemindType: 'Discard' })).unwrap();
    expect(conv('C2Cbob')?.messageRemindType).toBe('Discard');
    expect(conv('C2Ccarol')?.messageRemindType).toBe('Discard');
    sdk.setMessageRemindType.mockClear();
    await expectInvalid(store.dispatch(setMessageRemindType({ groupID: 'team', messageRemindType: 'Mute' as never })));
    await expectInvalid(store.dispatch(setMessageRemindType({ messageRemindType: 'Discard' })));
    expect(sdk.setMessageRemindType).not.toHaveBeenCalled();
  });

  it('markConversation sets and clears marks; setConversationCustomData sets customData', async () => {
    const { sdk, store, conv } = seeded();
    await store
      .dispatch(markConversation({ conversationIDList: ['C2Cbob', 'C2Ccarol'], markType: 1, enableMark: true }))
      .unwrap();
    expect(conv('C2Cbob')?.markList).toEqual([1]);
    const carol = conv('C2Ccarol');
    await store.dispatch(markConversation({ conversationIDList: ['C2Cbob'], markType: 1, enableMark: false })).unwrap();
    expect(conv('C2Cbob')?.markList).toEqual([]);
    expect(conv('C2Ccarol')).toBe(carol);
    await store
      .dispatch(setConversationCustomData({ conversationIDList: ['C2Cbob'], customData: 'draft:hi' }))
      .unwrap();
    expect(conv('C2Cbob')?.customData).toBe('draft:hi');
    sdk.markConversation.mockRejectedValueOnce({ code: 2, message: 'x' });
    await store.dispatch(markConversation({ conversationIDList: ['C2Ccarol'], markType: 1, enableMark: false }));
    expect(conv('C2Ccarol')?.markList).toEqual([1]);
    await expectInvalid(
      store.dispatch(markConversation({ conversationIDList: ['C2Cbob'], markType: 0, enableMark: true })),
    );
    await expectInvalid(
      store.dispatch(setConversationCustomData({ conversationIDList: ['C2Cbob'], customData: 5 as unknown as string })),
    );
  });
});

describe('conversation groups', () => {
  it('create, add, remove, rename, delete land in extras and on the records', async () => {
    const { store, conv } = seeded();
    const state = () => store.getState();
    await store.dispatch(createConversationGroup({ groupName: 'work', conversationIDList: ['GROUPteam'] })).unwrap();
    expect(selectConversationGroups(state())).toEqual(['work']);
    expect(selectConversationIDsInGroup(state(), 'work')).toEqual(['GROUPteam']);
    expect(conv('GROUPteam')?.conversationGroupList).toEqual(['work']);
    await store.dispatch(addConversationsToGroup({ groupName: 'work', conversationIDList: ['C2Cbob'] })).unwrap();
    expect(selectConversationIDsInGroup(state(), 'work')).toEqual(['GROUPteam', 'C2Cbob']);
    await store
      .dispatch(deleteConversationsFromGroup({ groupName: 'work', conversationIDList: ['GROUPteam'] }))
      .unwrap();
    expect(conv('GROUPteam')?.conversationGroupList).toEqual([]);
    await store.dispatch(renameConversationGroup({ oldName: 'work', newName: 'job' })).unwrap();
    expect(selectConversationGroups(state())).toEqual(['job']);
    expect(conv('C2Cbob')?.conversationGroupList).toEqual(['job']);
    expect(selectConversationIDsInGroup(state(), 'job')).toEqual(['C2Cbob']);
    await store.dispatch(deleteConversationGroup('job')).unwrap();
    expect(selectConversationGroups(state())).toEqual([]);
    expect(conv('C2Cbob')?.conversationGroupList).toEqual([]);
  });

  it('loads the names; refuses bad arguments and __proto__ names', async () => {
    const { sdk, store } = setup();
    await store.dispatch(getConversationGroupList()).unwrap();
    expect(selectConversationGroups(store.getState())).toEqual(['work', 'family']);
    await expectInvalid(store.dispatch(createConversationGroup({ groupName: '', conversationIDList: ['C2Cx'] })));
    await expectInvalid(store.dispatch(renameConversationGroup({ oldName: 'a', newName: '' })));
    expect(sdk.createConversationGroup).not.toHaveBeenCalled();
    await store.dispatch(createConversationGroup({ groupName: '__proto__', conversationIDList: ['C2Cx'] }));
    expect(Object.getPrototypeOf(store.getState().tim.extras.conversationsInGroup)).toBe(Object.prototype);
  });
});
