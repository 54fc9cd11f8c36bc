import TIM from 'tim-js-sdk';
import TencentCloudChat from '@tencentcloud/chat';
import {
  createTimMiddleware,
  selectBlacklist,
  selectGroupById,
  selectGroupList,
  selectNetState,
  selectProfileByUserID,
  type TimState,
} from '../src';
import { FakeGroup, FakeProfile, FakeSdk } from './helpers/fakeSdk';
import { failOnConsoleWarnings, makeStore } from './helpers/store';

failOnConsoleWarnings();

// Compile-time check (npm test runs tsc): both SDKs' own declarations fit the structural interface.
export function sdkTypesFit(): void {
  createTimMiddleware(TIM.create({ SDKAppID: 0 }));
  createTimMiddleware(TencentCloudChat.create({ SDKAppID: 0 }));
}

function setup() {
  const sdk = new FakeSdk();
  const { store } = makeStore(sdk);
  const tim = (): TimState => store.getState().tim;
  return { sdk, store, tim };
}

describe('the rest the events carry lands in typed, normalized state', () => {
  it('groups: the whole list replaces the previous one, unchanged groups keep identity', () => {
    const { sdk, store } = setup();
    // Recorded: 2.27.6 GROUP_LIST_UPDATED after createGroup (scenario group-create).
    const [team] = sdk.emitRecorded<Array<{ groupID: string }>>('GROUP_LIST_UPDATED', 'group-create', { index: 1 });
    const recordedGroup = selectGroupById(store.getState(), team.groupID);
    expect(recordedGroup).toMatchObject({ groupID: team.groupID, name: 'team', type: 'Private', ownerID: 'bob' });
    expect(recordedGroup).not.toHaveProperty('lastMessage');
    sdk.emit('GROUP_LIST_UPDATED', [new FakeGroup('g1', 'One'), new FakeGroup('g2', 'Two', 'AVChatRoom')]);
    const g1 = selectGroupById(store.getState(), 'g1');
    expect(g1).toMatchObject({ groupID: 'g1', name: 'One', type: 'Public', selfInfo: { role: 'Member' } });
    sdk.emit('GROUP_LIST_UPDATED', [new FakeGroup('g1', 'One')]);
    expect(selectGroupList(store.getState()).map((g) => g.groupID)).toEqual(['g1']);
    expect(selectGroupById(store.getState(), 'g1')).toBe(g1);
  });

  it('profiles, blacklist, friends, applications, friend groups, user status, follow lists', () => {
    const { sdk, store, tim } = setup();
    // Recorded: PROFILE_UPDATED after updateMyProfile, BLACKLIST_UPDATED after removeFromBlacklist.
    sdk.emitRecorded('PROFILE_UPDATED', 'profile-update-mine');
    sdk.emitRecorded('BLACKLIST_UPDATED', 'blacklist-add-remove', { index: -1 });
    // Invented from 2.27.6 tim-js-friendship.js _onFriendListUpdated (the emulator has no friends yet).
    sdk.emit('FRIEND_LIST_UPDATED', [{ userID: 'bob', remark: 'B', profile: new FakeProfile('bob', 'Bob') }]);
    // Invented from 3.6.6 index.js _onApplicationListUpdated (the emulator has no applications yet).
    sdk.emit('FRIEND_APPLICATION_LIST_UPDATED', {
      friendApplicationList: [{ userID: 'eve', type: 'Pendency_Type_ComeIn' }],
      unreadCount: 1,
    });
    // Invented from 3.6.6 index.js _onGroupListUpdated (friend groups), onUserStatusUpdated, and
    // _emitEvent (follow module; see issue 11 item 9 for its real delta shape).
    sdk.emit('FRIEND_GROUP_LIST_UPDATED', [{ name: 'work', userIDList: ['bob'] }]);
    sdk.emit('USER_STATUS_UPDATED', [{ userID: 'bob', statusType: 1, customStatus: 'busy' }]);
    // 3.6.6 index.js FollowModule.onFollowNotify: one delta per event; a removal lists bare userIDs.
    sdk.emit('MY_FOLLOWERS_LIST_UPDATED', { userInfoList: [{ userID: 'fan' }], isAdd: true });
    sdk.emit('MY_FOLLOWERS_LIST_UPDATED', { userInfoList: [{ userID: 'gone' }], isAdd: true });
    sdk.emit('MY_FOLLOWERS_LIST_UPDATED', { userInfoList: ['gone'], isAdd: false });
    expect(selectProfileByUserID(store.getState(), 'bob')?.nick).toBe('Bobby');
    expect(selectBlacklist(store.getState())).toEqual(['carol']);
    const r = tim().relations;
    expect(r.friends.values[0]).toMatchObject({ userID: 'bob', remark: 'B', profile: { userID: 'bob', nick: 'Bob' } });
    expect(r.friendApplications).toEqual([{ userID: 'eve', type: 'Pendency_Type_ComeIn' }]);
    expect(r.friendApplicationUnreadCount).toBe(1);
    expect(r.friendGroups).toEqual([{ name: 'work', userIDList: ['bob'] }]);
    expect(r.userStatus.values[0]).toEqual({ userID: 'bob', statusType: 1, customStatus: 'busy' });
    expect(r.follow.followers).toEqual([{ userID: 'fan' }]);
    // The SDK re-sends the same application list after each refetch: the state keeps its identity.
    sdk.emit('FRIEND_APPLICATION_LIST_UPDATED', {
      friendApplicationList: [{ userID: 'eve', type: 'Pendency_Type_ComeIn' }],
      unreadCount: 1,
    });
    expect(tim().relations).toBe(r);
  });

  it('group attributes and counters, topics, conversation groups, pinned messages, notices, config', () => {
    const { sdk, tim } = setup();
    // All invented (the emulator cannot make these yet), each copied from its emit site cited in
    // src/eventTable.ts: _emitGroupAttributesUpdated, _onGroupCountersUpdated, onTopicCreated /
    // onTopicProfileUpdated / onTopicDeleted, _emitConvGroupListUpdate, _emitConvInGroupUpdate,
    // onPinnedMessageNotify, _parse (server config), onAllRcvMsgOptNotify, onRoomCustomDataReceived.
    sdk.emit('GROUP_ATTRIBUTES_UPDATED', { groupID: 'g', groupAttributes: { seat1: 'bob' } });
    sdk.emit('GROUP_COUNTER_UPDATED', { groupID: 'g', key: 'likes', value: 3 });
    // The shapes of onTopicCreated ({groupID, topicID}) and onTopicProfileUpdated ({groupID, topic}).
    sdk.emit('TOPIC_CREATED', { groupID: 'c', topicID: 'c@t1' });
    sdk.emit('TOPIC_UPDATED', { groupID: 'c', topic: { topicID: 'c@t1', topicName: 'News' } });
    sdk.emit('TOPIC_CREATED', { groupID: 'c', topicID: 'c@t2' });
    sdk.emit('TOPIC_DELETED', { groupID: 'c', topicIDList: ['c@t2'] });
    sdk.emit('CONVERSATION_GROUP_LIST_UPDATED', ['family']);
    sdk.emit('CONVERSATION_IN_GROUP_UPDATED', {
      groupName: 'family',
      conversationList: [{ conversationID: 'C2Cmom' }],
    });
    // The shape of 3.6.6 index.js onPinnedMessageNotify: a pin carries the message, an unpin its identity.
    const pinner = { userID: 'u', nick: '', avatar: '' };
    const pinned = (ID: string, sequence: number) => ({
      ID,
      conversationID: 'GROUPg',
      conversationType: 'GROUP',
      sequence,
      type: 'TIMTextElem',
      payload: { text: ID },
      pinnerInfo: pinner,
    });
    sdk.emit('PINNED_GROUP_MESSAGE_UPDATED', {
      groupID: 'g',
      message: pinned('p2', 2),
      isPinned: true,
      operatorInfo: pinner,
    });
    sdk.emit('PINNED_GROUP_MESSAGE_UPDATED', {
      groupID: 'g',
      message: pinned('p1', 1),
      isPinned: true,
      operatorInfo: pinner,
    });
    sdk.emit('PINNED_GROUP_MESSAGE_UPDATED', {
      groupID: 'g',
      message: { ID: 'p2', sequence: 2, random: 1, time: 1, clientTime: 1 },
      isPinned: false,
      operatorInfo: pinner,
    });
    sdk.emit('GROUP_SYSTEM_NOTICE_RECEIVED', { type: 4, message: { ID: 'n1' } });
    sdk.emit('SERVER_CONFIG_UPDATED', { a: 1 });
    sdk.emit('ALL_RECEIVE_MESSAGE_OPT_UPDATED', { allReceiveMessageOpt: 1 });
    sdk.emit('ROOM_CUSTOM_DATA_RECEIVED', 'x'); // the content itself (3.6.6 onRoomCustomDataReceived)
    const e = tim().extras;
    expect(e.groupAttributes).toEqual({ g: { seat1: 'bob' } });
    expect(e.groupCounters).toEqual({ g: { likes: 3 } });
    expect(e.topics).toEqual({ c: { 'c@t1': { topicID: 'c@t1', topicName: 'News' } } });
    expect(e.conversationGroups).toEqual(['family']);
    expect(e.conversationsInGroup).toEqual({ family: ['C2Cmom'] });
    expect(e.pinnedGroupMessages.g.map((m) => [m.ID, m.sequence, m.pinnerInfo.userID])).toEqual([['p1', 1, 'u']]);
    expect(e.groupSystemNotices).toEqual([{ type: 4, message: { ID: 'n1' } }]);
    expect(e.serverConfig).toEqual({ a: 1 });
    expect(e.allReceiveMessageOpt).toEqual({ allReceiveMessageOpt: 1 });
    expect(e.roomCustomData).toEqual(['x']);
  });

  it('network state is the SDK string; SDK errors are readable', () => {
    const { sdk, store, tim } = setup();
    // Recorded: NET_STATE_CHANGE when the emulator drops the socket (scenario network-dropped).
    sdk.emitRecorded('NET_STATE_CHANGE', 'network-dropped');
    expect(selectNetState(store.getState())).toBe(TIM.TYPES.NET_STATE_DISCONNECTED);
    // Invented from 2.27.6 tim-js.js / 3.6.6 index.js onError: { code, message }.
    sdk.emit('ERROR', { code: 2800, message: 'network error' });
    expect(tim().errors.last).toMatchObject({ code: 2800, message: 'network error', event: 'error' });
  });
});

describe('bad input never throws out of the middleware', () => {
  it('a malformed payload leaves other state untouched and is recorded and reported', () => {
    const onError = jest.fn();
    const sdk = new FakeSdk();
    const { store } = makeStore(sdk, { onError });
    sdk.emit('BLACKLIST_UPDATED', ['x']);
    const before = store.getState().tim;
    expect(() => sdk.emit('MESSAGE_RECEIVED', null)).not.toThrow();
    expect(() => sdk.emit('CONVERSATION_LIST_UPDATED', 'nope')).not.toThrow();
    expect(() => sdk.emit('GROUP_LIST_UPDATED', [{ name: 'no id' }])).not.toThrow();
    const after = store.getState().tim;
    for (const slice of ['messages', 'conversations', 'groups', 'relations', 'session'] as const) {
      expect(after[slice]).toBe(before[slice]);
    }
    expect(after.errors.events.map((e) => e.event)).toEqual([
      'onMessageReceived',
      'onConversationListUpdated',
      'onGroupListUpdated',
    ]);
    expect(onError).toHaveBeenCalledTimes(3);
    expect(after.errors.last?.message).toContain('group has no groupID');
  });

  it('keeps the good items of a partly malformed list', () => {
    const sdk = new FakeSdk();
    const { store } = makeStore(sdk);
    sdk.emit('PROFILE_UPDATED', [{ userID: 'ok', nick: 'Ok' }, null, { nick: 'no id' }, 42]);
    expect(store.getState().tim.profiles.table.keys).toEqual(['ok']);
    expect(store.getState().tim.errors.last?.message).toMatch(
      /profile is null.*profile has no userID.*profile is number/,
    );
  });
});
