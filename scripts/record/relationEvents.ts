/**
 * Recording scenarios for friends, friend applications and friend groups (2.x: the
 * `tim-js-friendship.js` build), user status, follow lists (3.x) and room custom data (3.x).
 * Recipes of `relations.test.ts` and `roomCustomData.test.ts`.
 */
import type { Scenario } from './recorder';
import { call, has, loginWithFeatures } from './sdkCall';

/** The 2.x build with the friendship module; 3.x ignores the flag. */
const FRIENDSHIP = { friendship: true };

/** Relation scenarios. */
export const relationEventScenarios: Scenario[] = [
  {
    // an application, accepted; a friend group; alice unfriends bob
    name: 'friends-application-group',
    run: async (ctx) => {
      const { settle } = ctx;
      const bob = await loginWithFeatures(ctx, 'bob', FRIENDSHIP);
      const alice = await loginWithFeatures(ctx, 'alice', FRIENDSHIP);
      await call(alice, 'addFriend', { to: 'bob', source: 'AddSource_Type_Web', wording: 'hi bob' });
      await settle();
      await call(bob, 'setFriendApplicationRead');
      await settle();
      await call(bob, 'acceptFriendApplication', { userID: 'alice', type: 'Response_Action_AgreeAndAdd' });
      await settle();
      await call(bob, 'createFriendGroup', { name: 'work', userIDList: ['alice'] });
      await settle();
      await call(bob, 'renameFriendGroup', { oldName: 'work', newName: 'office' });
      await settle();
      await call(alice, 'deleteFriend', { userIDList: ['bob'] });
    },
  },
  {
    // ends with alice and bob friends (the scenarios above end unfriended: a recording keeps the
    // first two and the last of each event, so their lists with a friend are not kept)
    name: 'friend-added',
    run: async (ctx) => {
      const { settle } = ctx;
      const bob = await loginWithFeatures(ctx, 'bob', FRIENDSHIP);
      const alice = await loginWithFeatures(ctx, 'alice', FRIENDSHIP);
      await call(alice, 'addFriend', { to: 'bob', source: 'AddSource_Type_Web', wording: 'hi bob' });
      await settle();
      await call(bob, 'acceptFriendApplication', { userID: 'alice', type: 'Response_Action_AgreeAndAdd' });
    },
  },
  {
    // the server side: an application by control API, answered; a friend deleted
    name: 'friends-by-server',
    run: async (ctx) => {
      const { emulator, settle } = ctx;
      await loginWithFeatures(ctx, 'bob', FRIENDSHIP);
      emulator.addFriend({ from: 'alice', to: 'bob', wording: 'server side' });
      await settle();
      emulator.respondToFriendApplication({ to: 'bob', from: 'alice' });
      await settle();
      emulator.deleteFriends('alice', ['bob']);
    },
  },
  {
    name: 'user-status',
    run: async (ctx) => {
      const { emulator, settle } = ctx;
      const bob = await loginWithFeatures(ctx, 'bob', FRIENDSHIP);
      const alice = await loginWithFeatures(ctx, 'alice', FRIENDSHIP);
      await call(bob, 'subscribeUserStatus', { userIDList: ['alice'] });
      await call(alice, 'setSelfStatus', { customStatus: 'busy' });
      await settle();
      emulator.setCustomStatus('alice', 'in a meeting');
    },
  },
  {
    // 3.x only: 2.x has no follow API
    name: 'follow-lists',
    run: async (ctx) => {
      const { settle } = ctx;
      const bob = await loginWithFeatures(ctx, 'bob');
      if (!has(bob, 'followUser')) return;
      const alice = await loginWithFeatures(ctx, 'alice');
      await call(alice, 'followUser', ['bob']);
      await settle();
      await call(bob, 'followUser', ['alice']);
      await settle();
      await call(alice, 'unfollowUser', ['bob']);
      await settle();
      await call(bob, 'unfollowUser', ['alice']);
    },
  },
  {
    // 3.x only: msg_push Event 100 (2.x has no such event and ignores it)
    name: 'room-custom-data',
    run: async ({ login, emulator, settle }) => {
      await login('bob');
      await settle();
      emulator.pushRoomCustomData('bob', 'seat 1 taken');
      emulator.pushRoomCustomData('bob', { cmd: 'mute', seat: 2 });
    },
  },
];
