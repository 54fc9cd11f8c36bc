import {
  addGroupMember,
  changeGroupOwner,
  createGroup,
  decreaseGroupCounter,
  deleteGroupAttributes,
  deleteGroupMember,
  dismissGroup,
  getGroupAttributes,
  getGroupCounters,
  getGroupList,
  getGroupMemberList,
  getGroupProfile,
  getJoinedCommunityList,
  getMessageList,
  getTopicList,
  handleGroupApplication,
  increaseGroupCounter,
  initGroupAttributes,
  joinGroup,
  logout,
  quitGroup,
  selectConversationById,
  selectGroupAttributes,
  selectGroupById,
  selectGroupCounters,
  selectGroupList,
  selectGroupMember,
  selectGroupMemberListState,
  selectGroupMembers,
  selectHistoryState,
  selectMessagesByConversationID,
  selectTopics,
  setGroupAttributes,
  setGroupCounters,
  setGroupMemberCustomField,
  setGroupMemberMuteTime,
  setGroupMemberNameCard,
  setGroupMemberRole,
  updateGroupProfile,
  TIM_REDUX_ERROR,
  login,
} from '../../src';
import { FakeConversation, FakeGroup, FakeMessage, FakeSdk } from '../helpers/fakeSdk';
import { failOnConsoleWarnings, makeStore } from '../helpers/store';

failOnConsoleWarnings();

function setup() {
  const sdk = new FakeSdk();
  const { store, middleware } = makeStore(sdk);
  return { sdk, store, middleware, group: (id: string) => selectGroupById(store.getState(), id) };
}

async function expectInvalid(promise: Promise<{ payload?: unknown }>) {
  expect((await promise).payload).toMatchObject({ code: TIM_REDUX_ERROR.INVALID_ARGUMENT });
}

const member = (userID: string, extra: Record<string, unknown> = {}) => ({
  userID,
  nick: `${userID} nick`,
  avatar: '',
  nameCard: '',
  role: 'Member',
  joinTime: 1700000000,
  muteUntil: 0,
  memberCustomField: [{ key: 'level', value: '1' }],
  _private: { x: 1 },
  ...extra,
});

describe('group list, profile, create, join, update, owner', () => {
  it('land groups in state as plain records, keeping unchanged ones (===)', async () => {
    const { sdk, store, group } = setup();
    await store.dispatch(getGroupList()).unwrap();
    expect(selectGroupList(store.getState()).map((g) => g.groupID)).toEqual(['g1', 'g2']);
    const g1 = group('g1');
    await store.dispatch(getGroupList()).unwrap();
    expect(group('g1')).toBe(g1);
    await store.dispatch(getGroupProfile({ groupID: 'g3' })).unwrap();
    expect(group('g3')?.name).toBe('g3 name');
    await store.dispatch(createGroup({ name: 'New', type: 'Public', groupID: 'g4' })).unwrap();
    expect(sdk.createGroup).toHaveBeenCalledWith({ name: 'New', type: 'Public', groupID: 'g4' });
    expect(group('g4')).toMatchObject({ name: 'New', type: 'Public' });
    const joined = await store.dispatch(joinGroup({ groupID: 'g5', applyMessage: 'hi' })).unwrap();
    expect(joined.status).toBe('JoinedSuccess');
    expect(group('g5')).toBeDefined();
    await store.dispatch(updateGroupProfile({ groupID: 'g1', name: 'Renamed' })).unwrap();
    expect(group('g1')?.name).toBe('Renamed');
    await store.dispatch(changeGroupOwner({ groupID: 'g1', newOwnerID: 'carol' })).unwrap();
    expect(group('g1')?.ownerID).toBe('carol');
  });

  it('reject bad arguments before the SDK, SDK failures as { code, message } with state unchanged', async () => {
    const { sdk, store, group } = setup();
    await expectInvalid(store.dispatch(createGroup({ name: '' })));
    await expectInvalid(store.dispatch(joinGroup({ groupID: '' })));
    await expectInvalid(store.dispatch(updateGroupProfile({ groupID: 'g1' })));
    await expectInvalid(store.dispatch(changeGroupOwner({ groupID: 'g1', newOwnerID: '' })));
    await expectInvalid(store.dispatch(getGroupProfile(undefined as never)));
    expect(sdk.createGroup).not.toHaveBeenCalled();
    expect(sdk.joinGroup).not.toHaveBeenCalled();
    sdk.joinGroup.mockRejectedValueOnce({ code: 10013, message: 'already a member' });
    expect((await store.dispatch(joinGroup({ groupID: 'g9' }))).payload).toEqual({
      code: 10013,
      message: 'already a member',
    });
    expect(group('g9')).toBeUndefined();
  });

  it('handleGroupApplication hands the SDK the system message by ID', async () => {
    const { sdk, store, middleware } = setup();
    const notice = new FakeMessage({
      from: '@TIM#SYSTEM',
      to: 'me',
      ID: 'notice1',
      conversationType: '@TIM#SYSTEM',
      conversationID: '@TIM#SYSTEM',
    });
    middleware.registry.add(notice);
    const result = await store
      .dispatch(handleGroupApplication({ messageID: 'notice1', handleAction: 'Agree' }))
      .unwrap();
    expect(sdk.handleGroupApplication).toHaveBeenCalledWith({
      handleAction: 'Agree',
      handleMessage: '',
      message: notice,
    });
    expect(result.group).toMatchObject({ groupID: 'g1' });
    await expectInvalid(
      store.dispatch(handleGroupApplication({ handleAction: 'Maybe' as never, messageID: 'notice1' })),
    );
    const unknown = await store.dispatch(handleGroupApplication({ messageID: 'nope', handleAction: 'Reject' }));
    expect(unknown.payload).toMatchObject({ code: TIM_REDUX_ERROR.UNKNOWN_MESSAGE });
  });
});

describe('quitGroup / dismissGroup', () => {
  it('leave nothing of the group but its conversation, which both SDKs keep: record, members, messages, cursor, attributes, counters, topics', async () => {
    const { sdk, store, middleware, group } = setup();
    // A joined group comes from the group list; the group a conversation embeds never adds one.
    sdk.emit('GROUP_LIST_UPDATED', [new FakeGroup('team')]);
    sdk.emit('CONVERSATION_LIST_UPDATED', [new FakeConversation('GROUPteam', 10, { unreadCount: 2 })]);
    sdk.history.set('GROUPteam', [
      [new FakeMessage({ from: 'x', to: 'team', conversationType: 'GROUP', ID: 't1' })],
      [],
    ]);
    await store.dispatch(getMessageList('GROUPteam'));
    sdk.members.set('team', [member('x')]);
    await store.dispatch(getGroupMemberList('team'));
    await store.dispatch(setGroupAttributes({ groupID: 'team', groupAttributes: { a: '1' } }));
    await store.dispatch(setGroupCounters({ groupID: 'team', counters: { c: 1 } }));
    await store.dispatch(getTopicList({ groupID: 'team' }));
    expect(group('team')).toBeDefined();
    expect(selectGroupMembers(store.getState(), 'team')).toHaveLength(1);

    await store.dispatch(quitGroup('team')).unwrap();
    const s = store.getState();
    expect(group('team')).toBeUndefined();
    expect(selectGroupMemberListState(s, 'team')).toBeUndefined();
    // 2.27.6 / 3.6.6 deleteLocalGroupAndConversation keep a left group's conversation (found by the differential test)
    expect(selectConversationById(s, 'GROUPteam')).toBeDefined();
    expect(selectMessagesByConversationID(s, 'GROUPteam')).toEqual([]);
    expect(selectHistoryState(s, 'GROUPteam').nextReqMessageID).toBeNull();
    expect(selectGroupAttributes(s, 'team')).toEqual({});
    expect(selectGroupCounters(s, 'team')).toEqual({});
    expect(selectTopics(s, 'team')).toEqual({});
    expect(s.tim.conversations.totalUnreadCount).toBe(0);
    expect(middleware.registry.get('t1')).toBeUndefined();
  });

  it("an AVChatRoom's conversation goes with the room, as both SDKs delete it", async () => {
    const { sdk, store } = setup();
    sdk.emit('GROUP_LIST_UPDATED', [new FakeGroup('live', 'live', 'AVChatRoom')]);
    sdk.emit('CONVERSATION_LIST_UPDATED', [new FakeConversation('GROUPlive', 10)]);
    await store.dispatch(quitGroup('live')).unwrap();
    expect(selectConversationById(store.getState(), 'GROUPlive')).toBeUndefined();
  });

  it('keep the group when the SDK refuses; dismissGroup removes it', async () => {
    const { sdk, store, group } = setup();
    await store.dispatch(getGroupList());
    sdk.quitGroup.mockRejectedValueOnce({ code: 10009, message: 'owner cannot quit' });
    expect((await store.dispatch(quitGroup('g1'))).payload).toEqual({ code: 10009, message: 'owner cannot quit' });
    expect(group('g1')).toBeDefined();
    await store.dispatch(dismissGroup('g1')).unwrap();
    expect(group('g1')).toBeUndefined();
    await expectInvalid(store.dispatch(quitGroup('')));
  });
});

describe('members', () => {
  it('pages the member list into a per-group table until complete', async () => {
    const { sdk, store } = setup();
    sdk.members.set(
      'team',
      Array.from({ length: 20 }, (_, i) => member(`u${String(i).padStart(2, '0')}`)),
    );
    await store.dispatch(getGroupMemberList({ groupID: 'team', count: 15 })).unwrap();
    expect(selectGroupMembers(store.getState(), 'team')).toHaveLength(15);
    expect(selectGroupMemberListState(store.getState(), 'team')).toMatchObject({
      nextOffset: 15,
      isCompleted: false,
      loading: false,
    });
    await store.dispatch(getGroupMemberList({ groupID: 'team', count: 15 })).unwrap();
    expect(sdk.getGroupMemberList).toHaveBeenLastCalledWith({ groupID: 'team', count: 15, offset: 15 });
    expect(selectGroupMembers(store.getState(), 'team')).toHaveLength(20);
    expect(selectGroupMemberListState(store.getState(), 'team')?.isCompleted).toBe(true);
    await store.dispatch(getGroupMemberList('team'));
    expect(sdk.getGroupMemberList).toHaveBeenCalledTimes(2);
    const u01 = selectGroupMember(store.getState(), 'team', 'u01');
    expect(u01).toEqual({
      userID: 'u01',
      nick: 'u01 nick',
      avatar: '',
      nameCard: '',
      role: 'Member',
      joinTime: 1700000000,
      muteUntil: 0,
      memberCustomField: { level: '1' },
    });
  });

  it('refuses a second load while one is in flight, drops a page that lands after a kick, records a failure', async () => {
    const { sdk, store } = setup();
    sdk.members.set('team', [member('a')]);
    await store.dispatch(login({ userID: 'me', userSig: 's' })).unwrap();
    let release!: () => void;
    sdk.getGroupMemberList.mockImplementationOnce(async () => {
      await new Promise<void>((r) => (release = r));
      return { code: 0, data: { memberList: [member('a')] } };
    });
    const first = store.dispatch(getGroupMemberList('team'));
    const second = await store.dispatch(getGroupMemberList('team'));
    expect(getGroupMemberList.rejected.match(second) && second.meta.condition).toBe(true);
    sdk.emit('KICKED_OUT', { type: 'multipleAccount' }); // a kick does not wait for calls in flight (logout does)
    release();
    expect((await first).payload).toMatchObject({ code: TIM_REDUX_ERROR.STALE });
    expect(selectGroupMemberListState(store.getState(), 'team')).toBeUndefined();
    sdk.getGroupMemberList.mockRejectedValueOnce({ code: 10007, message: 'no permission' });
    await store.dispatch(getGroupMemberList('team'));
    expect(selectGroupMemberListState(store.getState(), 'team')).toMatchObject({
      loading: false,
      error: { code: 10007, message: 'no permission' },
    });
    await expectInvalid(store.dispatch(getGroupMemberList({ groupID: 'team', count: 500 })));
  });

  it('add, delete, mute, role, name card and custom fields keep the loaded members in step', async () => {
    const { sdk, store } = setup();
    await store.dispatch(login({ userID: 'me', userSig: 's' })).unwrap();
    sdk.members.set('team', [member('a'), member('me')]);
    await store.dispatch(getGroupMemberList('team'));
    const m = (id: string) => selectGroupMember(store.getState(), 'team', id);
    await store.dispatch(addGroupMember({ groupID: 'team', userIDList: ['b'] })).unwrap();
    expect(m('b')).toMatchObject({ userID: 'b', role: 'Member' });
    await store.dispatch(deleteGroupMember({ groupID: 'team', userIDList: ['b'] })).unwrap();
    expect(m('b')).toBeUndefined();
    const now = Math.floor(Date.now() / 1000);
    await store.dispatch(setGroupMemberMuteTime({ groupID: 'team', userID: 'a', muteTime: 600 })).unwrap();
    expect(m('a')!.muteUntil).toBeGreaterThanOrEqual(now + 600);
    await store.dispatch(setGroupMemberRole({ groupID: 'team', userID: 'a', role: 'Admin' })).unwrap();
    expect(m('a')?.role).toBe('Admin');
    await store.dispatch(setGroupMemberNameCard({ groupID: 'team', nameCard: 'Boss' })).unwrap();
    expect(sdk.setGroupMemberNameCard).toHaveBeenCalledWith({ groupID: 'team', userID: 'me', nameCard: 'Boss' });
    expect(m('me')?.nameCard).toBe('Boss');
    await store
      .dispatch(
        setGroupMemberCustomField({ groupID: 'team', userID: 'a', memberCustomField: [{ key: 'title', value: 'x' }] }),
      )
      .unwrap();
    expect(m('a')?.memberCustomField).toEqual({ level: '1', title: 'x' });
    const before = m('a');
    sdk.setGroupMemberRole.mockRejectedValueOnce({ code: 10004, message: 'bad role' });
    await store.dispatch(setGroupMemberRole({ groupID: 'team', userID: 'a', role: 'Owner' }));
    expect(m('a')).toBe(before);
    await expectInvalid(store.dispatch(setGroupMemberMuteTime({ groupID: 'team', userID: 'a', muteTime: -1 })));
    await expectInvalid(
      store.dispatch(
        setGroupMemberCustomField({ groupID: 'team', memberCustomField: [{ key: '__proto__', value: 'x' }] }),
      ),
    );
  });
});

describe('attributes, counters, communities', () => {
  it('attributes: init replaces, set merges, delete removes, get loads', async () => {
    const { store } = setup();
    const attrs = () => selectGroupAttributes(store.getState(), 'room');
    await store.dispatch(initGroupAttributes({ groupID: 'room', groupAttributes: { a: '1', b: '2' } })).unwrap();
    await store.dispatch(setGroupAttributes({ groupID: 'room', groupAttributes: { b: '3' } })).unwrap();
    expect(attrs()).toEqual({ a: '1', b: '3' });
    await store.dispatch(deleteGroupAttributes({ groupID: 'room', keyList: ['a'] })).unwrap();
    expect(attrs()).toEqual({ b: '3' });
    await store.dispatch(getGroupAttributes({ groupID: 'room' })).unwrap();
    expect(attrs()).toEqual({ seat1: 'alice', seat2: 'bob' });
    await expectInvalid(store.dispatch(setGroupAttributes({ groupID: 'room' })));
  });

  it('counters: set, increase, decrease, get', async () => {
    const { sdk, store } = setup();
    const counters = () => selectGroupCounters(store.getState(), 'room');
    await store.dispatch(setGroupCounters({ groupID: 'room', counters: { likes: 10 } })).unwrap();
    expect(counters()).toEqual({ likes: 10 });
    await store.dispatch(increaseGroupCounter({ groupID: 'room', key: 'likes', value: 5 })).unwrap();
    expect(counters()).toEqual({ likes: 15 });
    await store.dispatch(decreaseGroupCounter({ groupID: 'room', key: 'likes', value: 2 })).unwrap();
    expect(counters()).toEqual({ likes: 8 });
    await store.dispatch(getGroupCounters({ groupID: 'room' })).unwrap();
    expect(counters()).toEqual({ likes: 10 });
    await expectInvalid(store.dispatch(increaseGroupCounter({ groupID: 'room', key: 'likes' })));
    await expectInvalid(store.dispatch(setGroupCounters({ groupID: 'room', counters: { x: NaN } })));
    expect(sdk.increaseGroupCounter).toHaveBeenCalledTimes(1);
  });

  it('communities and topics land in groups and extras.topics', async () => {
    const { store } = setup();
    await store.dispatch(getJoinedCommunityList()).unwrap();
    expect(selectGroupById(store.getState(), '@TGS#_c1')?.type).toBe('Community');
    await store.dispatch(getTopicList({ groupID: '@TGS#_c1' })).unwrap();
    expect(selectTopics(store.getState(), '@TGS#_c1')).toEqual({
      '@TGS#_c1@TOPIC#_t1': { topicID: '@TGS#_c1@TOPIC#_t1', topicName: 'news' },
    });
  });

  it('everything group-related is cleared on logout', async () => {
    const { sdk, store } = setup();
    await store.dispatch(login({ userID: 'me', userSig: 's' })).unwrap();
    sdk.members.set('g1', [member('a')]);
    await store.dispatch(getGroupList());
    await store.dispatch(getGroupMemberList('g1'));
    await store.dispatch(setGroupCounters({ groupID: 'g1', counters: { x: 1 } }));
    await store.dispatch(logout());
    const s = store.getState().tim;
    expect(s.groups.table.keys).toEqual([]);
    expect(s.groups.members.keys).toEqual([]);
    expect(s.extras.groupCounters).toEqual({});
    void FakeGroup;
  });
});
