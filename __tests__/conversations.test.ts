import {
  selectConversationById,
  selectConversationList,
  selectConversationGroup,
  selectGroupById,
  selectProfileByUserID,
  selectTotalUnreadCount,
  setMessageRead,
} from '../src';
import { createConversationNormalizer, readVolatileFields, sameVolatileFields } from '../src/normalize/conversation';
import { FakeGroup, FakeConversation, FakeProfile, FakeSdk } from './helpers/fakeSdk';
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

  it('follows the SDK reordering its list, and reusing one array for it, without mixing conversations up', () => {
    const { sdk, store } = setup();
    const list = Array.from({ length: 40 }, (_, i) => new FakeConversation(`C2Cu${i}`, 1000 + i, { unreadCount: i }));
    sdk.emit('CONVERSATION_LIST_UPDATED', list);
    const byID = (id: string) => selectConversationById(store.getState(), id);
    const kept = byID('C2Cu3');
    // A message in u30: the SDK moves it to the top of the same array, mutated in place.
    const [moved] = list.splice(30, 1);
    moved.unreadCount = 99;
    moved.lastMessage = { ...moved.lastMessage, lastTime: 9000 };
    list.unshift(moved);
    sdk.emit('CONVERSATION_LIST_UPDATED', list);
    expect(byID('C2Cu30')).toMatchObject({ unreadCount: 99, lastMessage: { lastTime: 9000 } });
    expect(byID('C2Cu3')).toBe(kept);
    // Two conversations swap places and one of them changes; one is dropped.
    [list[5], list[20]] = [list[20], list[5]];
    list[5].unreadCount = 7;
    const dropped = list.pop();
    sdk.emit('CONVERSATION_LIST_UPDATED', list);
    for (const c of list) expect(byID(c.conversationID)?.unreadCount).toBe(c.unreadCount);
    expect(byID(dropped?.conversationID ?? '')).toBeUndefined();
    expect(selectConversationList(store.getState())).toHaveLength(39);
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
    // The embedded group is display data of the conversation, not a joined group (a quit group's
    // conversation stays in the SDK's list).
    expect(selectGroupById(state, 'team')).toBeUndefined();
    expect(selectConversationGroup(state, 'team')).toMatchObject({ groupID: 'team', name: 'team', memberCount: 3 });
  });

  it('an embedded group fills blanks of a joined group and never overwrites it', () => {
    const { sdk, store } = setup();
    const joined = new FakeGroup('team', 'Team');
    Object.assign(joined, { avatar: '', selfInfo: { messageRemindType: 'AcceptNotNotify', role: 'Member' } });
    sdk.emit('GROUP_LIST_UPDATED', [joined]);
    const conversation = new FakeConversation('GROUPteam', 2);
    Object.assign(conversation.groupProfile as object, {
      name: 'stale',
      avatar: 'a.png',
      selfInfo: { messageRemindType: 'AcceptAndNotify', role: 'Member', nameCard: 'nc' },
    });
    sdk.emit('CONVERSATION_LIST_UPDATED', [conversation]);
    expect(selectGroupById(store.getState(), 'team')).toMatchObject({
      name: 'Team',
      avatar: 'a.png',
      selfInfo: { messageRemindType: 'AcceptNotNotify', role: 'Member', nameCard: 'nc' },
    });
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
    Object.assign(sdk, { getTotalUnreadMessageCount: () => 0 });
    await store.dispatch(setMessageRead('C2Cbob')).unwrap();
    expect(sdk.setMessageRead).toHaveBeenCalledWith({ conversationID: 'C2Cbob' });
    expect(selectConversationById(store.getState(), 'C2Cbob')?.unreadCount).toBe(0);
    expect(selectTotalUnreadCount(store.getState())).toBe(0);
  });

  it('setMessageRead never computes the total from the row: without the SDK getter it waits for the event', async () => {
    const { sdk, store } = setup();
    sdk.emit('CONVERSATION_LIST_UPDATED', [new FakeConversation('C2Cbob', 1, { unreadCount: 4 })]);
    // bob is muted: the SDK's total (1, another conversation's) leaves his 4 out.
    sdk.emit('TOTAL_UNREAD_MESSAGE_COUNT_UPDATED', 1);
    await store.dispatch(setMessageRead('C2Cbob')).unwrap();
    expect(selectConversationById(store.getState(), 'C2Cbob')?.unreadCount).toBe(0);
    expect(selectTotalUnreadCount(store.getState())).toBe(1);
    sdk.emit('TOTAL_UNREAD_MESSAGE_COUNT_UPDATED', 3);
    expect(selectTotalUnreadCount(store.getState())).toBe(3);
  });
});

describe('the conversation normalizer', () => {
  // The fused compare must see exactly what `readVolatileFields` records: a field one reads and the
  // other misses is an in-place change the store would never show.
  const mutations: Array<[string, (c: FakeConversation & Record<string, unknown>) => void]> = [
    ['unreadCount', (c) => (c.unreadCount += 1)],
    ['isPinned', (c) => (c.isPinned = !c.isPinned)],
    ['messageRemindType', (c) => (c.messageRemindType = 'AcceptNotNotify')],
    ['remark', (c) => (c.remark = 'r')],
    ['peerReadTime', (c) => (c.peerReadTime = 42)],
    ['customData', (c) => (c.customData = 'x')],
    ['draftText', (c) => (c.draftText = 'typing…')],
    ['markList pushed', (c) => c.markList.push(1)],
    ['markList replaced', (c) => (c.markList = [])],
    ['conversationGroupList pushed', (c) => c.conversationGroupList.push('g')],
    ['groupAtInfoList pushed', (c) => c.groupAtInfoList.push({ messageSequence: 1 })],
    ['lastMessage replaced', (c) => (c.lastMessage = { ...c.lastMessage })],
    ['lastMessage.lastTime', (c) => (c.lastMessage.lastTime = 77)],
    ['lastMessage.isRevoked', (c) => (c.lastMessage.isRevoked = true)],
    ['lastMessage.isPeerRead', (c) => (c.lastMessage.isPeerRead = true)],
    ['lastMessage.messageForShow', (c) => (c.lastMessage.messageForShow = 'edited')],
    ['lastMessage.payload', (c) => (c.lastMessage.payload = { text: 'edited' })],
    ['lastMessage removed', (c) => (c.lastMessage = null as unknown as Record<string, unknown>)],
    ['userProfile replaced', (c) => (c.userProfile = new FakeProfile('u1', 'other'))],
    ['userProfile.nick', (c) => ((c.userProfile as FakeProfile).nick = 'renamed')],
    ['userProfile.avatar', (c) => ((c.userProfile as FakeProfile).avatar = 'a.png')],
    ['groupProfile added', (c) => (c.groupProfile = { groupID: 'g', name: 'G' } as never)],
    ['groupProfile.name', (c) => ((c.groupProfile as unknown as Record<string, unknown>).name = 'renamed')],
    ['groupProfile.avatar', (c) => ((c.groupProfile as unknown as Record<string, unknown>).avatar = 'b.png')],
    ['groupProfile.memberCount', (c) => ((c.groupProfile as unknown as Record<string, unknown>).memberCount = 9)],
    ['groupProfile.selfInfo', (c) => ((c.groupProfile as unknown as Record<string, unknown>).selfInfo = {})],
  ];
  const make = () => {
    const c = new FakeConversation('C2Cu1', 100) as FakeConversation & Record<string, unknown>;
    c.userProfile = new FakeProfile('u1', 'nick');
    c.groupProfile = { groupID: 'g', name: 'G', avatar: '', memberCount: 3, selfInfo: null } as never;
    return c;
  };

  it.each(mutations)('sees an in-place change of %s, as readVolatileFields does', (_name, mutate) => {
    const c = make();
    const seen: unknown[] = [];
    readVolatileFields(c, seen);
    expect(sameVolatileFields(c, seen)).toBe(true);
    mutate(c);
    const now: unknown[] = [];
    readVolatileFields(c, now);
    expect(now.some((v, i) => v !== seen[i])).toBe(true);
    expect(sameVolatileFields(c, seen)).toBe(false);
  });

  it('reads every field that the compare checks (the two stay the same length)', () => {
    const seen: unknown[] = [];
    readVolatileFields(make(), seen);
    expect(seen).toHaveLength(27);
  });
});

describe('conversations that leave the list', () => {
  it('are named once, by the next whole list that lacks them, changed or not', () => {
    const n = createConversationNormalizer();
    const a = new FakeConversation('C2Ca', 1);
    const b = new FakeConversation('C2Cb', 2);
    const c = new FakeConversation('C2Cc', 3);
    expect(n.normalizeList([a, b, c]).removed).toEqual([]);
    b.unreadCount = 5; // changed in place: normalized afresh, still there
    expect(n.normalizeList([b, a]).removed).toEqual(['C2Cc']);
    expect(n.normalizeList([b, a]).removed).toEqual([]);
    const last = n.normalizeList([a]);
    expect(last.conversations.map((r) => r.conversationID)).toEqual(['C2Ca']);
    expect(last.removed).toEqual(['C2Cb']);
  });

  it('are not named by a partial list, nor by a list with malformed items', () => {
    const n = createConversationNormalizer();
    const a = new FakeConversation('C2Ca', 1);
    const b = new FakeConversation('C2Cb', 2);
    n.normalizeList([a, b]);
    expect(n.normalizeList([a], false).removed).toEqual([]);
    expect(n.normalizeList([a, null]).removed).toEqual([]);
    expect(n.normalizeList([a]).removed).toEqual(['C2Cb']);
  });

  it('take their messages with them; a partial list removes nothing', () => {
    const sdk = new FakeSdk();
    const { store } = makeStore(sdk, { partialUpdatedConversations: false });
    sdk.emit('CONVERSATION_LIST_UPDATED', [new FakeConversation('C2Ca', 1), new FakeConversation('C2Cb', 2)]);
    sdk.emit('CONVERSATION_LIST_UPDATED', [new FakeConversation('C2Ca', 1)]);
    expect(selectConversationList(store.getState()).map((c) => c.conversationID)).toEqual(['C2Ca']);

    const partialSdk = new FakeSdk();
    const partial = makeStore(partialSdk, { partialUpdatedConversations: true }).store;
    partialSdk.emit('CONVERSATION_LIST_UPDATED', [new FakeConversation('C2Ca', 1), new FakeConversation('C2Cb', 2)]);
    partialSdk.emit('CONVERSATION_LIST_UPDATED', [new FakeConversation('C2Ca', 5)]);
    expect(
      selectConversationList(partial.getState())
        .map((c) => c.conversationID)
        .sort(),
    ).toEqual(['C2Ca', 'C2Cb']);
  });
});
