/**
 * Recording scenarios for the group events the emulator makes beyond joins and quits: role and mute
 * tips, group attributes and counters, pinned messages (3.x), community topics, AVChatRoom live
 * messages, group read receipts. The recipes are those of the integration tests named in
 * docs/events.md.
 */
import { GROUP_COUNTER_PURCHASE_BITS } from '../../src/emulator/purchaseBits';
import { sleep, waitForEvent, type SdkMessage } from '../../__tests__/emulator/sdk';
import type { Scenario } from './recorder';
import { call, has, loginWithFeatures } from './sdkCall';

/** Group event scenarios. */
export const groupEventScenarios: Scenario[] = [
  {
    // the owner makes bob an admin and back, mutes and unmutes him (group tips 5, 6-ish and 7)
    name: 'group-member-role-mute',
    run: async ({ login, emulator, settle }) => {
      emulator.createGroup({
        type: 'Public',
        name: 'club',
        ownerID: 'alice',
        memberIDs: ['bob', 'carol'],
        groupID: 'club',
      });
      const bob = await login('bob');
      await settle();
      await bob.getGroupMemberList({ groupID: 'club', count: 100, offset: 0 });
      emulator.setGroupMemberRole('club', 'carol', 'Admin');
      await settle();
      emulator.muteGroupMember('club', 'carol', 60);
      await settle();
      emulator.muteGroupMember('club', 'carol', 0);
      await settle();
      emulator.setGroupMemberRole('club', 'carol', 'Member');
    },
  },
  {
    name: 'group-attributes',
    run: async ({ login, emulator, settle }) => {
      const { groupID } = emulator.createGroup({ type: 'AVChatRoom', name: 'live', ownerID: 'alice' });
      const bob = await login('bob');
      await bob.joinGroup({ groupID });
      await call(bob, 'getGroupAttributes', { groupID, keyList: [] });
      await call(bob, 'setGroupAttributes', { groupID, groupAttributes: { seat1: 'bob' } });
      await settle();
      emulator.setGroupAttributes(groupID, { seat2: 'alice' });
      await settle();
      emulator.deleteGroupAttributes(groupID, ['seat2']);
    },
  },
  {
    name: 'group-counters',
    emulatorOptions: { purchaseBits: GROUP_COUNTER_PURCHASE_BITS },
    run: async (ctx) => {
      const { emulator, settle } = ctx;
      emulator.createGroup({ type: 'Public', name: 'votes', ownerID: 'alice', memberIDs: ['bob'], groupID: 'votes' });
      const bob = await loginWithFeatures(ctx, 'bob');
      await settle();
      await call(bob, 'setGroupCounters', { groupID: 'votes', counters: { likes: 1 } });
      await settle();
      emulator.setGroupCounters('votes', { likes: 10, views: 4 });
    },
  },
  {
    // 3.x only: 2.x has no pinned group messages
    name: 'group-pinned-messages',
    run: async ({ login, emulator, settle }) => {
      emulator.createGroup({ type: 'Public', name: 'pins', ownerID: 'alice', memberIDs: ['bob'], groupID: 'pins' });
      const sent = ['one', 'two'].map((text) => emulator.injectGroupMessage({ from: 'alice', groupID: 'pins', text }));
      const bob = await login('bob');
      if (!has(bob, 'pinGroupMessage')) return;
      await settle();
      await bob.getMessageList({ conversationID: 'GROUPpins' });
      emulator.pinGroupMessage('pins', sent[0].sequence, true, 'alice');
      await settle();
      emulator.pinGroupMessage('pins', sent[0].sequence, false, 'alice');
    },
  },
  {
    name: 'group-topics',
    run: async ({ login, emulator, settle }) => {
      const { groupID } = emulator.createGroup({
        type: 'Community',
        name: 'com',
        ownerID: 'alice',
        memberIDs: ['bob'],
      });
      const bob = await login('bob');
      await settle();
      await call(bob, 'getTopicList', { groupID });
      const news = emulator.createTopic(groupID, { topicName: 'news' });
      await settle();
      await call(bob, 'getTopicList', { groupID });
      emulator.updateTopic(groupID, news, { topicName: 'headlines' });
      await settle();
      emulator.deleteTopics(groupID, [news]);
    },
  },
  {
    name: 'group-avchatroom-live',
    run: async ({ login, emulator, EVENT }) => {
      const { groupID } = emulator.createGroup({ type: 'AVChatRoom', name: 'live', ownerID: 'alice' });
      const bob = await login('bob');
      await bob.joinGroup({ groupID });
      const received = waitForEvent(bob, EVENT.MESSAGE_RECEIVED);
      for (let i = 0; i < 3; i++) emulator.injectGroupMessage({ from: 'alice', groupID, text: `live ${i}` });
      await received;
      await sleep(200);
    },
  },
  {
    // bob sends a message that needs receipts; alice's receipt reaches bob's SDK as counts
    name: 'group-read-receipt',
    run: async ({ login, emulator, EVENT, TYPES, settle }) => {
      const { groupID } = emulator.createGroup({
        type: 'Private',
        name: 'receipts',
        ownerID: 'bob',
        memberIDs: ['alice', 'carol'],
      });
      const alice = await login('alice');
      const bob = await login('bob');
      await settle();
      const arrived = waitForEvent<SdkMessage[]>(alice, EVENT.MESSAGE_RECEIVED);
      await bob.sendMessage(
        bob.createTextMessage({
          to: groupID,
          conversationType: TYPES.CONV_GROUP,
          payload: { text: 'read this, all' },
          needReadReceipt: true,
        } as Parameters<typeof bob.createTextMessage>[0]),
      );
      const [got] = await arrived;
      const receipt = waitForEvent(bob, EVENT.MESSAGE_READ_RECEIPT_RECEIVED);
      await call(alice, 'sendMessageReadReceipt', [got]);
      await receipt;
    },
  },
];
