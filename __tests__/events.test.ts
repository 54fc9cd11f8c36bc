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
import { FakeGroup, FakeSdk } from './helpers/fakeSdk';
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
    // Recorded: friends, applications and friend groups (2.x friendship build), user status, and the
    // 3.x follow deltas (3.6.6 index.js FollowModule.onFollowNotify: a removal lists bare userIDs).
    sdk.emitRecorded('FRIEND_LIST_UPDATED', 'friend-added', { userID: 'bob', index: -1 });
    sdk.emitRecorded('FRIEND_APPLICATION_LIST_UPDATED', 'friends-by-server', { userID: 'bob', index: -1 });
    sdk.emitRecorded('FRIEND_GROUP_LIST_UPDATED', 'friends-application-group', { userID: 'bob', index: -1 });
    sdk.emitRecorded('USER_STATUS_UPDATED', 'user-status', { userID: 'bob' });
    const v3 = { sdk: '@tencentcloud/chat' as const, userID: 'bob' };
    sdk.emitRecorded('MY_FOLLOWERS_LIST_UPDATED', 'follow-lists', v3);
    expect(tim().relations.follow.followers).toEqual([{ userID: 'alice' }]);
    sdk.emitRecorded('MY_FOLLOWERS_LIST_UPDATED', 'follow-lists', { ...v3, index: -1 });
    sdk.emitRecorded('MY_FOLLOWING_LIST_UPDATED', 'follow-lists', v3);
    expect(selectProfileByUserID(store.getState(), 'bob')?.nick).toBe('Bobby');
    expect(selectBlacklist(store.getState())).toEqual(['carol']);
    const r = tim().relations;
    expect(r.friends.values[0]).toMatchObject({ userID: 'alice', profile: { userID: 'alice' } });
    expect(r.friendApplications).toMatchObject([
      { userID: 'alice', type: 'Pendency_Type_ComeIn', wording: 'server side' },
    ]);
    expect(r.friendApplicationUnreadCount).toBe(1);
    expect(r.friendGroups).toMatchObject([{ name: 'office', userIDList: ['alice'] }]);
    expect(r.userStatus.values[0]).toEqual({ userID: 'alice', statusType: 1, customStatus: 'busy' });
    expect(r.follow.followers).toEqual([]);
    expect(r.follow.following).toEqual([{ userID: 'alice' }]);
    // The SDK re-sends the same application list after each refetch: the state keeps its identity.
    sdk.emitRecorded('FRIEND_APPLICATION_LIST_UPDATED', 'friends-by-server', { userID: 'bob', index: -1 });
    expect(tim().relations).toBe(r);
  });

  it('group attributes and counters, topics, conversation groups, pinned messages, notices, config', () => {
    const { sdk, tim } = setup();
    // Recorded on the emulator (scenarios in scripts/record/groupEvents.ts, conversationEvents.ts,
    // relationEvents.ts); the 3.x-only events from @tencentcloud/chat.
    const v3 = { sdk: '@tencentcloud/chat' as const, userID: 'bob' };
    const attributes = sdk.emitRecorded<{ groupID: string }>('GROUP_ATTRIBUTES_UPDATED', 'group-attributes', {
      index: -1,
    });
    for (const index of [0, 1, 2]) sdk.emitRecorded('GROUP_COUNTER_UPDATED', 'group-counters', { index });
    // TOPIC_CREATED is {groupID, topicID} (onTopicCreated); TOPIC_UPDATED {groupID, topic}.
    const created = sdk.emitRecorded<{ groupID: string; topicID: string }>('TOPIC_CREATED', 'group-topics');
    sdk.emitRecorded('TOPIC_UPDATED', 'group-topics', { index: -1 });
    expect(tim().extras.topics[created.groupID][created.topicID]).toMatchObject({ topicName: 'headlines' });
    sdk.emitRecorded('TOPIC_DELETED', 'group-topics');
    sdk.emitRecorded('CONVERSATION_GROUP_LIST_UPDATED', 'conversation-groups', { index: -1 });
    const inGroup = sdk.emitRecorded<{ conversationList: Array<{ conversationID: string }> }>(
      'CONVERSATION_IN_GROUP_UPDATED',
      'conversation-groups',
      { index: -1 },
    );
    // 3.6.6 onPinnedMessageNotify: a pin carries the message, an unpin its identity only.
    const pin = sdk.emitRecorded<{ message: { ID: string } }>(
      'PINNED_GROUP_MESSAGE_UPDATED',
      'group-pinned-messages',
      v3,
    );
    expect(tim().extras.pinnedGroupMessages.pins.map((m) => [m.ID, m.pinnerInfo.userID])).toEqual([
      [pin.message.ID, 'alice'],
    ]);
    sdk.emitRecorded('PINNED_GROUP_MESSAGE_UPDATED', 'group-pinned-messages', { ...v3, index: -1 });
    // Invented from nothing the SDK emits: 2.27.6 declares GROUP_SYSTEM_NOTICE_RECEIVED and never emits
    // it (docs/events.md); the binding still stores what a future SDK might send.
    sdk.emit('GROUP_SYSTEM_NOTICE_RECEIVED', { type: 4, message: { ID: 'n1' } });
    sdk.emitRecorded('SERVER_CONFIG_UPDATED', 'login-ready', v3);
    const opt = sdk.emitRecorded('ALL_RECEIVE_MESSAGE_OPT_UPDATED', 'all-receive-message-opt', v3);
    sdk.emitRecorded('ROOM_CUSTOM_DATA_RECEIVED', 'room-custom-data', v3); // the content itself
    const e = tim().extras;
    expect(e.groupAttributes).toEqual({ [attributes.groupID]: { seat1: 'bob' } });
    expect(e.groupCounters).toEqual({ votes: { likes: 10, views: 4 } });
    expect(e.topics[created.groupID]?.[created.topicID]).toBeUndefined();
    expect(e.conversationGroups).toEqual(['work', 'family']);
    expect(e.conversationsInGroup).toEqual({ work: inGroup.conversationList.map((c) => c.conversationID) });
    expect(e.pinnedGroupMessages.pins ?? []).toEqual([]);
    expect(e.groupSystemNotices).toEqual([{ type: 4, message: { ID: 'n1' } }]);
    expect(e.serverConfig).toEqual({ config: {} });
    expect(e.allReceiveMessageOpt).toEqual(opt);
    expect(e.roomCustomData).toEqual(['seat 1 taken']);
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
