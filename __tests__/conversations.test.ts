import {
  selectConversationById,
  selectConversationList,
  selectGroupById,
  selectProfileByUserID,
  selectTotalUnreadCount,
  setMessageRead,
} from '../src';
import { FakeConversation, FakeProfile, FakeSdk } from './helpers/fakeSdk';
import { failOnConsoleWarnings, makeStore } from './helpers/store';

failOnConsoleWarnings();

function setup() {
  const sdk = new FakeSdk();
  const { store } = makeStore(sdk);
  return { sdk, store };
}

describe('CONVERSATION_LIST_UPDATED', () => {
  it('keeps unchanged conversations identical (===) and replaces only the changed one', () => {
    const { sdk, store } = setup();
    const list = Array.from({ length: 50 }, (_, i) => new FakeConversation(`C2Cu${i}`, 1000 + i));
    sdk.emit('CONVERSATION_LIST_UPDATED', list);
    const before = selectConversationList(store.getState());
    // The SDK mutates its objects in place and sends the whole list again.
    list[7].unreadCount = 3;
    list[7].lastMessage = { ...list[7].lastMessage, lastTime: 5000, messageForShow: 'new' };
    sdk.emit('CONVERSATION_LIST_UPDATED', list);
    const after = selectConversationList(store.getState());
    const changed = after.filter((row) => !before.includes(row));
    expect(changed.map((c) => c.conversationID)).toEqual(['C2Cu7']);
    expect(after[0].conversationID).toBe('C2Cu7'); // newest first
    expect(after[0]).toMatchObject({ unreadCount: 3, lastMessage: { messageForShow: 'new', lastTime: 5000 } });
  });

  it('keeps the whole state identical when nothing changed, even with new SDK objects of equal content', () => {
    const { sdk, store } = setup();
    sdk.emit('CONVERSATION_LIST_UPDATED', [new FakeConversation('C2Ca', 1), new FakeConversation('GROUPg', 2)]);
    const before = store.getState().tim;
    sdk.emit('CONVERSATION_LIST_UPDATED', [new FakeConversation('C2Ca', 1), new FakeConversation('GROUPg', 2)]);
    expect(store.getState().tim.conversations).toBe(before.conversations);
    expect(store.getState().tim.profiles).toBe(before.profiles);
    expect(store.getState().tim.groups).toBe(before.groups);
  });

  it('removes conversations missing from the list', () => {
    const { sdk, store } = setup();
    sdk.emit('CONVERSATION_LIST_UPDATED', [new FakeConversation('C2Ca', 1), new FakeConversation('C2Cb', 2)]);
    sdk.emit('CONVERSATION_LIST_UPDATED', [new FakeConversation('C2Cb', 2)]);
    expect(selectConversationList(store.getState()).map((c) => c.conversationID)).toEqual(['C2Cb']);
    expect(selectConversationById(store.getState(), 'C2Ca')).toBeUndefined();
  });

  it('sorts pinned first, then newest last message first', () => {
    const { sdk, store } = setup();
    sdk.emit('CONVERSATION_LIST_UPDATED', [
      new FakeConversation('C2Cold', 10),
      new FakeConversation('C2Cnew', 30),
      new FakeConversation('C2Cpinned', 5, { isPinned: true }),
      new FakeConversation('GROUPmid', 20),
    ]);
    expect(selectConversationList(store.getState()).map((c) => c.conversationID)).toEqual([
      'C2Cpinned',
      'C2Cnew',
      'GROUPmid',
      'C2Cold',
    ]);
  });

  it('moves embedded profiles and groups to their slices; the conversation keeps the id', () => {
    const { sdk, store } = setup();
    const c2c = new FakeConversation('C2Cbob', 1, { nick: 'Bob' });
    const group = new FakeConversation('GROUPteam', 2);
    sdk.emit('CONVERSATION_LIST_UPDATED', [c2c, group]);
    const state = store.getState();
    expect(selectConversationById(state, 'C2Cbob')).toMatchObject({ userID: 'bob', groupID: '' });
    expect(selectConversationById(state, 'C2Cbob')).not.toHaveProperty('userProfile');
    expect(selectProfileByUserID(state, 'bob')).toMatchObject({ userID: 'bob', nick: 'Bob' });
    expect(selectGroupById(state, 'team')).toMatchObject({ groupID: 'team', name: 'team', memberCount: 3 });
  });

  it('a placeholder profile in a conversation does not blank a known nickname', () => {
    const { sdk, store } = setup();
    sdk.emit('PROFILE_UPDATED', [new FakeProfile('bob', 'Bob', 'b.png')]);
    sdk.emit('CONVERSATION_LIST_UPDATED', [new FakeConversation('C2Cbob', 1)]); // userProfile nick ''
    expect(selectProfileByUserID(store.getState(), 'bob')).toMatchObject({ nick: 'Bob', avatar: 'b.png' });
  });

  it('takes the total unread from TOTAL_UNREAD_MESSAGE_COUNT_UPDATED', () => {
    const { sdk, store } = setup();
    sdk.emit('TOTAL_UNREAD_MESSAGE_COUNT_UPDATED', 7);
    expect(selectTotalUnreadCount(store.getState())).toBe(7);
  });

  it('setMessageRead zeroes the conversation unread at once', async () => {
    const { sdk, store } = setup();
    sdk.emit('CONVERSATION_LIST_UPDATED', [new FakeConversation('C2Cbob', 1, { unreadCount: 4 })]);
    sdk.emit('TOTAL_UNREAD_MESSAGE_COUNT_UPDATED', 4);
    await store.dispatch(setMessageRead('C2Cbob')).unwrap();
    expect(sdk.setMessageRead).toHaveBeenCalledWith({ conversationID: 'C2Cbob' });
    expect(selectConversationById(store.getState(), 'C2Cbob')?.unreadCount).toBe(0);
    expect(selectTotalUnreadCount(store.getState())).toBe(0);
  });
});
