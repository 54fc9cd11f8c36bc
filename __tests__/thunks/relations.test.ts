import {
  acceptFriendApplication,
  addFriend,
  addToBlacklist,
  addToFriendGroup,
  checkFriend,
  createFriendGroup,
  deleteFriend,
  deleteFriendApplication,
  deleteFriendGroup,
  getBlacklist,
  getFriendApplicationList,
  getFriendGroupList,
  getFriendList,
  getGroupMemberList,
  getUserProfile,
  getUserStatus,
  login,
  refuseFriendApplication,
  removeFromBlacklist,
  selectBlacklist,
  selectFriendApplications,
  selectFriendByUserID,
  selectFriendGroups,
  selectFriendList,
  selectMessageById,
  selectMyProfile,
  selectProfileByUserID,
  selectSenderDisplayName,
  selectUserStatus,
  setFriendApplicationRead,
  setSelfStatus,
  subscribeUserStatus,
  unsubscribeUserStatus,
  updateFriend,
  updateMyProfile,
  TIM_REDUX_ERROR,
} from '../../src';
import { FakeMessage, FakeSdk } from '../helpers/fakeSdk';
import { failOnConsoleWarnings, flush, makeStore } from '../helpers/store';

failOnConsoleWarnings();

async function setup() {
  const sdk = new FakeSdk();
  const { store } = makeStore(sdk);
  await store.dispatch(login({ userID: 'me', userSig: 's' })).unwrap();
  await flush();
  return { sdk, store };
}

async function expectInvalid(promise: Promise<{ payload?: unknown }>) {
  expect((await promise).payload).toMatchObject({ code: TIM_REDUX_ERROR.INVALID_ARGUMENT });
}

describe('profiles', () => {
  it('getUserProfile loads a batch once and skips known IDs unless forced', async () => {
    const { sdk, store } = await setup();
    const first = await store.dispatch(getUserProfile(['bob', 'carol', 'bob'])).unwrap();
    expect(sdk.getUserProfile).toHaveBeenCalledWith({ userIDList: ['bob', 'carol'] });
    expect(first.profiles.map((p) => p.userID)).toEqual(['bob', 'carol']);
    expect(selectProfileByUserID(store.getState(), 'bob')).toMatchObject({
      nick: 'bob nick',
      extra: { gender: '' }, // a real 2.27.6 Profile's (recorded)
    });
    const bob = selectProfileByUserID(store.getState(), 'bob');
    const second = await store.dispatch(getUserProfile(['bob', 'dave'])).unwrap();
    expect(sdk.getUserProfile).toHaveBeenLastCalledWith({ userIDList: ['dave'] });
    expect(second.cached).toEqual(['bob']);
    await store.dispatch(getUserProfile(['bob', 'carol']));
    expect(sdk.getUserProfile).toHaveBeenCalledTimes(2); // all known: no SDK call
    await store.dispatch(getUserProfile({ userIDList: ['bob'], force: true }));
    expect(sdk.getUserProfile).toHaveBeenCalledTimes(3);
    expect(selectProfileByUserID(store.getState(), 'bob')).toBe(bob); // unchanged: same record
    await expectInvalid(store.dispatch(getUserProfile([])));
    sdk.getUserProfile.mockRejectedValueOnce({ code: 40003, message: 'no user' });
    expect((await store.dispatch(getUserProfile(['zed']))).payload).toEqual({ code: 40003, message: 'no user' });
  });

  it('updateMyProfile changes my record at once', async () => {
    const { sdk, store } = await setup();
    await store.dispatch(updateMyProfile({ nick: 'Me!', selfSignature: 'hello' })).unwrap();
    expect(sdk.updateMyProfile).toHaveBeenCalledWith({ nick: 'Me!', selfSignature: 'hello' });
    expect(selectMyProfile(store.getState())).toMatchObject({ nick: 'Me!', extra: { selfSignature: 'hello' } });
    sdk.updateMyProfile.mockResolvedValueOnce({ code: 0, data: undefined as never });
    await store.dispatch(updateMyProfile({ avatar: 'http://a/b.png' })).unwrap();
    expect(selectMyProfile(store.getState())).toMatchObject({ nick: 'Me!', avatar: 'http://a/b.png' });
    await expectInvalid(store.dispatch(updateMyProfile({ nick: 5 as unknown as string })));
    await expectInvalid(store.dispatch(updateMyProfile({})));
  });
});

describe('blacklist', () => {
  it('add and remove update the blacklist at once; get replaces it', async () => {
    const { sdk, store } = await setup();
    await store.dispatch(addToBlacklist({ userIDList: ['spam1', 'spam2'] })).unwrap();
    expect(selectBlacklist(store.getState())).toEqual(['spam1', 'spam2']);
    await store.dispatch(removeFromBlacklist({ userIDList: ['spam1'] })).unwrap();
    expect(selectBlacklist(store.getState())).toEqual(['spam2']);
    sdk.addToBlacklist.mockRejectedValueOnce({ code: 30001, message: 'x' });
    await store.dispatch(addToBlacklist({ userIDList: ['x'] }));
    expect(selectBlacklist(store.getState())).toEqual(['spam2']);
    await store.dispatch(getBlacklist()).unwrap();
    expect(selectBlacklist(store.getState())).toEqual(['troll']);
    await expectInvalid(store.dispatch(addToBlacklist({ userIDList: [] })));
  });
});

describe('friends', () => {
  it('list, update, delete, check, add', async () => {
    const { sdk, store } = await setup();
    await store.dispatch(getFriendList()).unwrap();
    expect(selectFriendList(store.getState()).map((f) => f.userID)).toEqual(['bob', 'carol']);
    expect(selectFriendByUserID(store.getState(), 'bob')).toMatchObject({
      remark: 'Bobby',
      profile: { nick: 'bob nick' },
    });
    expect(JSON.stringify(store.getState())).not.toContain('_cache');
    await store.dispatch(updateFriend({ userID: 'carol', remark: 'Caz' })).unwrap();
    expect(selectFriendByUserID(store.getState(), 'carol')).toMatchObject({
      remark: 'Caz',
      profile: { nick: 'carol nick' },
    });
    await store.dispatch(deleteFriend({ userIDList: ['bob'] })).unwrap();
    expect(selectFriendByUserID(store.getState(), 'bob')).toBeUndefined();
    const check = await store.dispatch(checkFriend({ userIDList: ['carol'] })).unwrap();
    expect(check.successUserIDList).toEqual([{ userID: 'carol', code: 0, relation: 'CheckResult_Type_BothWay' }]);
    const added = await store.dispatch(addFriend({ to: 'dave', source: 'AddSource_Type_Web' })).unwrap();
    expect(added).toEqual({ userID: 'dave', code: 30539 });
    await expectInvalid(store.dispatch(addFriend({ to: 'dave' } as never)));
    await expectInvalid(store.dispatch(deleteFriend({ userIDList: [''] })));
    sdk.deleteFriend.mockRejectedValueOnce({ code: 30001, message: 'fail' });
    await store.dispatch(deleteFriend({ userIDList: ['carol'] }));
    expect(selectFriendByUserID(store.getState(), 'carol')).toBeDefined();
  });

  it('applications: load, accept, refuse, read', async () => {
    const { store } = await setup();
    await store.dispatch(getFriendApplicationList()).unwrap();
    expect(selectFriendApplications(store.getState()).unreadCount).toBe(2);
    expect(selectFriendApplications(store.getState())).toBe(selectFriendApplications(store.getState()));
    await store.dispatch(acceptFriendApplication({ userID: 'dave', type: 'Response_Type_AgreeAndAdd' })).unwrap();
    expect(selectFriendApplications(store.getState()).applicationList.map((a) => a.userID)).toEqual(['erin']);
    await store.dispatch(refuseFriendApplication({ userID: 'erin' })).unwrap();
    expect(selectFriendApplications(store.getState()).applicationList).toEqual([]);
    await store.dispatch(setFriendApplicationRead()).unwrap();
    expect(selectFriendApplications(store.getState()).unreadCount).toBe(0);
    await expectInvalid(store.dispatch(deleteFriendApplication({ userID: '' })));
  });

  it('friend groups: each change lands the whole list', async () => {
    const { sdk, store } = await setup();
    await store.dispatch(createFriendGroup({ name: 'best', userIDList: ['bob'] })).unwrap();
    expect(selectFriendGroups(store.getState())).toEqual([{ name: 'best', userIDList: ['bob'], count: 1 }]);
    await store.dispatch(addToFriendGroup({ name: 'best', userIDList: ['carol'] })).unwrap();
    expect(sdk.addToFriendGroup).toHaveBeenCalledWith({ name: 'best', userIDList: ['carol'] });
    await store.dispatch(deleteFriendGroup({ name: 'best' })).unwrap();
    expect(selectFriendGroups(store.getState())).toEqual([]);
    await store.dispatch(getFriendGroupList()).unwrap();
    await expectInvalid(store.dispatch(createFriendGroup({ name: '' })));
  });
});

describe('user status', () => {
  it('set, get, subscribe, unsubscribe', async () => {
    const { sdk, store } = await setup();
    await store.dispatch(setSelfStatus({ customStatus: 'busy' })).unwrap();
    expect(selectUserStatus(store.getState(), 'me')).toMatchObject({ userID: 'me', customStatus: 'busy' });
    await store.dispatch(getUserStatus({ userIDList: ['bob', 'carol'] })).unwrap();
    expect(selectUserStatus(store.getState(), 'bob')).toEqual({ userID: 'bob', statusType: 1, customStatus: '' });
    await store.dispatch(subscribeUserStatus({ userIDList: ['bob'] })).unwrap();
    expect(sdk.subscribeUserStatus).toHaveBeenCalledWith({ userIDList: ['bob'] });
    await store.dispatch(unsubscribeUserStatus({ userIDList: ['bob'] })).unwrap();
    expect(selectUserStatus(store.getState(), 'bob')).toBeUndefined();
    expect(selectUserStatus(store.getState(), 'carol')).toBeDefined();
    await store.dispatch(unsubscribeUserStatus()).unwrap();
    expect(sdk.unsubscribeUserStatus).toHaveBeenLastCalledWith({});
    expect(store.getState().tim.relations.userStatus.keys).toEqual([]);
    await expectInvalid(store.dispatch(setSelfStatus({ customStatus: 1 as unknown as string })));
    await expectInvalid(store.dispatch(getUserStatus({ userIDList: [] })));
  });
});

describe('selectSenderDisplayName', () => {
  it('resolves remark → group name card → nick → userID', async () => {
    const { sdk, store } = await setup();
    const inGroup = (from: string, extra: Partial<FakeMessage> = {}) =>
      Object.assign(new FakeMessage({ from, to: 'team', conversationType: 'GROUP', ID: `g-${from}` }), extra);
    sdk.emit('MESSAGE_RECEIVED', [
      inGroup('bob', { nameCard: 'Card Bob' }),
      inGroup('carol'),
      inGroup('dave', { nick: 'dave (msg)' }),
      inGroup('erin'),
      new FakeMessage({ from: 'bob', to: 'me', ID: 'c-bob' }),
    ]);
    const name = (id: string) => selectSenderDisplayName(store.getState(), selectMessageById(store.getState(), id)!);
    expect(name('g-bob')).toBe('Card Bob');
    expect(name('g-erin')).toBe('erin');
    expect(name('g-dave')).toBe('dave (msg)');
    sdk.members.set('team', [
      { userID: 'carol', nick: 'carol (member)', nameCard: 'Card Carol', role: 'Member' },
      { userID: 'erin', nick: 'erin (member)', nameCard: '' },
    ]);
    await store.dispatch(getGroupMemberList('team'));
    expect(name('g-carol')).toBe('Card Carol');
    expect(name('g-erin')).toBe('erin (member)');
    await store.dispatch(getUserProfile(['erin', 'bob']));
    expect(name('g-erin')).toBe('erin nick');
    expect(name('c-bob')).toBe('bob nick');
    await store.dispatch(getFriendList());
    expect(name('g-bob')).toBe('Bobby');
    expect(name('c-bob')).toBe('Bobby');
  });
});
