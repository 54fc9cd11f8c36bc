/**
 * @jest-environment jsdom
 *
 * Friends, friend applications, friend groups, blacklist, user status and follow lists: bob's store
 * on the real SDK against the emulator, checked after each step against the SDK's own view
 * (getFriendList, getFriendApplicationList, getFriendGroupList, getBlacklist, getUserStatus, the
 * follow lists). On tim-js-sdk every SDK is the `tim-js-friendship.js` build: the default `tim-js.js`
 * has no friend module (its getFriendList rejects with CANNOT_FIND_MODULE).
 */
import {
  acceptFriendApplication,
  addToFriendGroup,
  addToBlacklist,
  createFriendGroup,
  deleteFriend,
  deleteFriendApplication,
  deleteFriendGroup,
  followUser,
  getMyFollowersList,
  getMyFollowingList,
  getMutualFollowersList,
  refuseFriendApplication,
  removeFromBlacklist,
  removeFromFriendGroup,
  renameFriendGroup,
  selectBlacklist,
  selectFollowList,
  selectFriendApplications,
  selectFriendGroups,
  selectFriendList,
  selectProfileByUserID,
  selectUserStatus,
  setFriendApplicationRead,
  setSelfStatus,
  subscribeUserStatus,
  unfollowUser,
  updateFriend,
  updateMyProfile,
} from '../../src';
import { kinds, useBindingOnEmulator, type EmulatorStoreContext } from '../helpers/emulatorStore';
import { loginReady, sleep, until, type Sdk } from '../emulator/sdk';

type Store = EmulatorStoreContext['store'];
/** The SDK methods these tests call (the test `Sdk` type lists the common ones only). */
type Relations = Record<string, (...args: unknown[]) => Promise<{ data: unknown }>>;
const api = (tim: Sdk): Relations => tim as unknown as Relations;

/** Plain JSON, friends and lists sorted by userID, so two views compare by value. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? null)) as unknown;
const byUser = (rows: unknown): unknown[] =>
  ((plain(rows) as Array<{ userID: string }>) ?? []).slice().sort((a, b) => a.userID.localeCompare(b.userID));

/**
 * The SDK's own view of bob's relations. `withStatus`: also ask the server for alice's status (the
 * SDK keeps none; getUserStatus is limited to 20 calls per 5 s, so only once the store holds one).
 */
async function sdkView(bob: Sdk, withFollow: boolean, withStatus: boolean): Promise<Record<string, unknown>> {
  const b = api(bob);
  const follow = async (method: string) =>
    byUser(((await b[method]('')).data as { resultList: unknown[] }).resultList).map(
      (r) => (r as { userID: string }).userID,
    );
  const view: Record<string, unknown> = {
    friends: byUser((await b.getFriendList()).data),
    applications: plain((await b.getFriendApplicationList()).data),
    groups: plain((await b.getFriendGroupList()).data),
    blacklist: plain(((await b.getBlacklist()).data as string[]).slice().sort()),
  };
  if (withStatus) {
    const status = (await b.getUserStatus({ userIDList: ['alice'] })).data as { successUserList: unknown[] };
    view.aliceStatus = plain(status.successUserList[0]);
  }
  if (withFollow) {
    view.followers = await follow('getMyFollowersList');
    view.following = await follow('getMyFollowingList');
    view.mutual = await follow('getMutualFollowersList');
  }
  return view;
}

function storeView(store: Store, withFollow: boolean): Record<string, unknown> {
  const s = store.getState();
  const ids = (list: 'followers' | 'following' | 'mutual') =>
    byUser(selectFollowList(s, list)).map((r) => (r as { userID: string }).userID);
  const view: Record<string, unknown> = {
    friends: byUser(selectFriendList(s)),
    applications: plain({
      friendApplicationList: selectFriendApplications(s).applicationList,
      unreadCount: selectFriendApplications(s).unreadCount,
    }),
    groups: plain(selectFriendGroups(s)),
    blacklist: plain(selectBlacklist(s).slice().sort()),
  };
  const status = selectUserStatus(s, 'alice');
  if (status) view.aliceStatus = plain(status);
  if (withFollow)
    Object.assign(view, { followers: ids('followers'), following: ids('following'), mutual: ids('mutual') });
  return view;
}

describe.each(kinds)('relations: the store agrees with %s', (kind) => {
  const follow = kind === '@tencentcloud/chat'; // 2.27.6 has no follow API at all
  const binding = useBindingOnEmulator(kind, {}, { friendship: true });
  const { loginBob, peer } = binding;
  let store: Store;
  let bob: Sdk;
  beforeEach(() => {
    ({ store, bob } = binding.ctx);
  });

  /**
   * Waits (up to 4 s, polling every 250 ms) until the SDK's own view shows the step's effect (`check`)
   * and the store equals that view; then asserts both.
   */
  async function agree(what: string, check: (view: Record<string, unknown>) => void): Promise<void> {
    const deadline = Date.now() + 4000;
    const settled = (want: Record<string, unknown>, last: Record<string, unknown>): boolean => {
      try {
        check(want);
      } catch {
        return false;
      }
      return JSON.stringify(want) === JSON.stringify(last);
    };
    let last = storeView(store, follow);
    let want = await sdkView(bob, follow, 'aliceStatus' in last);
    while (!settled(want, last) && Date.now() < deadline) {
      await sleep(250);
      last = storeView(store, follow);
      want = await sdkView(bob, follow, 'aliceStatus' in last);
    }
    check(want);
    expect({ step: what, store: last }).toEqual({ step: what, store: want });
  }

  /** Logs bob in and waits for the purchase bits (user status and follow need them). */
  async function loginAll(): Promise<Sdk> {
    const bits = binding.ctx.emu.waitForCommand('im_sdk_config_mgr.fetch_imsdk_purchase_bitsv2', {
      userID: 'bob',
      timeoutMs: 5000,
    });
    await loginBob();
    const alice = await peer('alice');
    await binding.ctx.emu.waitForCommand('im_sdk_config_mgr.fetch_imsdk_purchase_bitsv2', {
      userID: 'alice',
      timeoutMs: 5000,
    });
    await bits;
    await sleep(20);
    return alice;
  }

  it('friend application, accept, friend group, remark, blacklist, user status, unfriend: after each step', async () => {
    const alice = await loginAll();
    await agree('logged in', (v) => expect(v.friends).toEqual([]));

    await api(alice).addFriend({ to: 'bob', source: 'AddSource_Type_Web', wording: 'hi bob' });
    await agree('application received', (v) =>
      expect(v.applications).toMatchObject({
        friendApplicationList: [{ userID: 'alice', type: 'Pendency_Type_ComeIn', wording: 'hi bob' }],
        unreadCount: 1,
      }),
    );

    await store.dispatch(setFriendApplicationRead()).unwrap();
    await agree('applications read', (v) => expect(v.applications).toMatchObject({ unreadCount: 0 }));

    await store.dispatch(acceptFriendApplication({ userID: 'alice', type: 'Response_Action_AgreeAndAdd' })).unwrap();
    await agree('accepted', (v) => {
      expect(v.friends).toMatchObject([{ userID: 'alice' }]);
      expect(v.applications).toMatchObject({ friendApplicationList: [] });
    });

    await store.dispatch(createFriendGroup({ name: 'work', userIDList: ['alice'] })).unwrap();
    await agree('friend group created', (v) => {
      expect(v.groups).toMatchObject([{ name: 'work', userIDList: ['alice'] }]);
      expect(v.friends).toMatchObject([{ userID: 'alice', groupList: ['work'] }]);
    });
    await store.dispatch(renameFriendGroup({ oldName: 'work', newName: 'office' })).unwrap();
    await agree('friend group renamed', (v) =>
      expect(v.friends).toMatchObject([{ userID: 'alice', groupList: ['office'] }]),
    );

    await store.dispatch(updateFriend({ userID: 'alice', remark: 'Al' })).unwrap();
    await agree('remark', (v) => expect(v.friends).toMatchObject([{ userID: 'alice', remark: 'Al' }]));

    await store.dispatch(addToBlacklist({ userIDList: ['mallory', 'trudy'] })).unwrap();
    await agree('blocked', (v) => expect(v.blacklist).toEqual(['mallory', 'trudy']));
    await store.dispatch(removeFromBlacklist({ userIDList: ['trudy'] })).unwrap();
    await agree('unblocked', (v) => expect(v.blacklist).toEqual(['mallory']));

    await store.dispatch(subscribeUserStatus({ userIDList: ['alice'] })).unwrap();
    await api(alice).setSelfStatus({ customStatus: 'busy' });
    await agree('status pushed', (v) =>
      expect(v.aliceStatus).toEqual({ userID: 'alice', statusType: 1, customStatus: 'busy' }),
    );

    await store.dispatch(setSelfStatus({ customStatus: 'coding' })).unwrap();
    expect(selectUserStatus(store.getState(), 'bob')).toEqual(
      plain(
        ((await api(bob).getUserStatus({ userIDList: ['bob'] })).data as { successUserList: unknown[] })
          .successUserList[0],
      ),
    );

    await api(alice).deleteFriend({ userIDList: ['bob'] });
    await agree('unfriended by alice', (v) => {
      expect(v.friends).toEqual([]);
      expect(v.groups).toMatchObject([{ name: 'office', userIDList: [] }]);
    });
  }, 30_000);

  (follow ? it : it.skip)(
    'follow lists follow the server pushes (3.x)',
    async () => {
      const alice = await loginAll();
      await store.dispatch(getMyFollowersList()).unwrap();
      await store.dispatch(getMyFollowingList()).unwrap();
      await store.dispatch(getMutualFollowersList()).unwrap();
      await agree('empty', (v) => expect(v.followers).toEqual([]));

      await api(alice).followUser(['bob']);
      await agree('alice follows bob', (v) => expect(v.followers).toEqual(['alice']));

      await store.dispatch(followUser(['alice'])).unwrap();
      await agree('bob follows back', (v) => {
        expect(v.following).toEqual(['alice']);
        expect(v.mutual).toEqual(['alice']);
      });

      await api(alice).unfollowUser(['bob']);
      await agree('alice unfollows', (v) => {
        expect(v.followers).toEqual([]);
        expect(v.mutual).toEqual([]);
        expect(v.following).toEqual(['alice']);
      });

      await store.dispatch(unfollowUser(['alice'])).unwrap();
      await agree('bob unfollows', (v) => expect(v.following).toEqual([]));
    },
    20_000,
  );

  it("bob's own side: refuse and delete applications, friend-group membership, delete a friend", async () => {
    const alice = await loginAll();
    const carol = await peer('carol');
    const dave = await peer('dave');
    await api(carol).addFriend({ to: 'bob', source: 'AddSource_Type_Web' });
    await api(dave).addFriend({ to: 'bob', source: 'AddSource_Type_Web' });
    await agree('two applications', (v) =>
      expect((v.applications as { friendApplicationList: unknown[] }).friendApplicationList).toHaveLength(2),
    );
    await store.dispatch(refuseFriendApplication({ userID: 'carol' })).unwrap();
    await agree('refused', (v) =>
      expect(v.applications).toMatchObject({ friendApplicationList: [{ userID: 'dave' }] }),
    );
    await store.dispatch(deleteFriendApplication({ userID: 'dave', type: 'Pendency_Type_ComeIn' })).unwrap();
    await agree('deleted', (v) => expect(v.applications).toMatchObject({ friendApplicationList: [] }));

    await api(alice).addFriend({ to: 'bob', source: 'AddSource_Type_Web' });
    await agree('alice applies', (v) =>
      expect(v.applications).toMatchObject({ friendApplicationList: [{ userID: 'alice' }] }),
    );
    await store.dispatch(acceptFriendApplication({ userID: 'alice', type: 'Response_Action_AgreeAndAdd' })).unwrap();
    await store.dispatch(createFriendGroup({ name: 'family' })).unwrap();
    await store.dispatch(addToFriendGroup({ name: 'family', userIDList: ['alice'] })).unwrap();
    await agree('added to a group', (v) => {
      expect(v.groups).toMatchObject([{ name: 'family', userIDList: ['alice'] }]);
      expect(v.friends).toMatchObject([{ userID: 'alice', groupList: ['family'] }]);
    });
    await store.dispatch(removeFromFriendGroup({ name: 'family', userIDList: ['alice'] })).unwrap();
    await agree('removed from the group', (v) => expect(v.friends).toMatchObject([{ userID: 'alice', groupList: [] }]));
    await store.dispatch(addToFriendGroup({ name: 'family', userIDList: ['alice'] })).unwrap();
    await store.dispatch(deleteFriendGroup({ name: 'family' })).unwrap();
    await agree('group deleted', (v) => {
      expect(v.groups).toEqual([]);
      expect(v.friends).toMatchObject([{ userID: 'alice', groupList: [] }]);
    });
    await store.dispatch(deleteFriend({ userIDList: ['alice'] })).unwrap();
    await agree('friend deleted', (v) => expect(v.friends).toEqual([]));
  }, 30_000);

  it('changes made on the server side (control API) reach the store as the SDK sees them', async () => {
    const emu = binding.ctx.emu;
    const alice = await loginAll();
    if (follow) await store.dispatch(getMyFollowersList()).unwrap();
    expect(emu.addFriend({ from: 'alice', to: 'bob', wording: 'server side' })).toBe(30539);
    await agree('application pushed', (v) =>
      expect(v.applications).toMatchObject({ friendApplicationList: [{ userID: 'alice', wording: 'server side' }] }),
    );
    expect(emu.respondToFriendApplication({ to: 'bob', from: 'alice' })).toBe(0);
    await agree('accepted on the server', (v) => expect(v.friends).toMatchObject([{ userID: 'alice' }]));
    expect(emu.friends('bob').map((f) => f.userID)).toEqual(['alice']);
    // PROFILE_UPDATED reaches bob now that alice is his friend (the SDKs emit it for me and my friends).
    emu.updateProfile('alice', { nick: 'Alice B.' });
    await agree('friend profile pushed', (v) =>
      expect(v.friends).toMatchObject([{ userID: 'alice', profile: { nick: 'Alice B.' } }]),
    );
    await until(() => selectProfileByUserID(store.getState(), 'alice')?.nick === 'Alice B.', 3000, 'profile in store');
    await store.dispatch(updateMyProfile({ nick: 'Bobby' })).unwrap();
    expect(selectProfileByUserID(store.getState(), 'bob')?.nick).toBe('Bobby');
    expect(((await bob.getMyProfile()) as { data: { nick: string } }).data.nick).toBe('Bobby');
    await store.dispatch(subscribeUserStatus({ userIDList: ['alice'] })).unwrap();
    emu.setCustomStatus('alice', 'in a meeting ☕');
    await agree('status pushed', (v) => expect(v.aliceStatus).toMatchObject({ customStatus: 'in a meeting ☕' }));
    await alice.logout();
    await agree('alice offline', (v) => expect(v.aliceStatus).toMatchObject({ statusType: 2 }));
    await loginReady(kind, alice, 'alice', { emulator: emu });
    await agree('alice online', (v) => expect(v.aliceStatus).toMatchObject({ statusType: 1 }));
    if (follow) {
      emu.follow('alice', ['bob']);
      await agree('followed on the server', (v) => expect(v.followers).toEqual(['alice']));
      emu.follow('alice', ['bob'], false);
      await agree('unfollowed on the server', (v) => expect(v.followers).toEqual([]));
    }
    emu.deleteFriends('alice', ['bob']);
    await agree('unfriended on the server', (v) => expect(v.friends).toEqual([]));
  }, 30_000);

  it('a new login loads the friends, applications and friend groups the server holds', async () => {
    const carol = await peer('carol');
    await api(carol).addFriend({ to: 'bob', source: 'AddSource_Type_Web' });
    binding.ctx.emu.injectC2CMessage({ from: 'carol', to: 'bob', text: 'hello' });
    await loginAll();
    await agree('after login', (v) =>
      expect(v.applications).toMatchObject({ friendApplicationList: [{ userID: 'carol' }], unreadCount: 1 }),
    );
  });
});
