/**
 * Recording scenarios for message changes after delivery: modification (one-to-one and group),
 * extensions set and deleted, reactions (3.x). Recipes of `modify.test.ts`, `extensions.test.ts`,
 * `reactions.test.ts`.
 */
import { waitForEvent, type SdkMessage } from '../../__tests__/emulator/sdk';
import type { Scenario } from './recorder';
import { call, has, loginWithFeatures } from './sdkCall';

/** Message change scenarios. */
export const messageEventScenarios: Scenario[] = [
  {
    // alice edits her message through her SDK; the server edits a group message (control modifyMessage)
    name: 'message-modified',
    run: async ({ login, emulator, EVENT, TYPES, settle }) => {
      emulator.createGroup({ type: 'Public', name: 'edits', ownerID: 'alice', memberIDs: ['bob'], groupID: 'edits' });
      const alice = await login('alice');
      const bob = await login('bob');
      const arrived = waitForEvent(bob, EVENT.MESSAGE_RECEIVED);
      const { data } = await alice.sendMessage(
        alice.createTextMessage({ to: 'bob', conversationType: TYPES.CONV_C2C, payload: { text: 'tpyo' } }),
      );
      await arrived;
      let modified = waitForEvent(bob, EVENT.MESSAGE_MODIFIED);
      data.message.payload.text = 'typo';
      await call(alice, 'modifyMessage', data.message);
      await modified;
      await settle();
      const inGroup = waitForEvent(bob, EVENT.MESSAGE_RECEIVED);
      const m = emulator.injectGroupMessage({ from: 'alice', groupID: 'edits', text: 'meeting at 10' });
      await inGroup;
      modified = waitForEvent(bob, EVENT.MESSAGE_MODIFIED);
      emulator.modifyMessage(m.sdkMessageID, { text: 'meeting at 11' });
      await modified;
    },
  },
  {
    name: 'message-extensions',
    run: async (ctx) => {
      const { EVENT, TYPES, settle } = ctx;
      const alice = await loginWithFeatures(ctx, 'alice');
      const bob = await loginWithFeatures(ctx, 'bob');
      const arrived = waitForEvent(bob, EVENT.MESSAGE_RECEIVED);
      const message = alice.createTextMessage({
        to: 'bob',
        conversationType: TYPES.CONV_C2C,
        payload: { text: 'vote here' },
        isSupportExtension: true,
      } as Parameters<typeof alice.createTextMessage>[0]);
      await alice.sendMessage(message);
      await arrived;
      const updated = waitForEvent(bob, EVENT.MESSAGE_EXTENSIONS_UPDATED);
      await call(alice, 'setMessageExtensions', message, [
        { key: 'yes', value: '1' },
        { key: 'no', value: '0' },
      ]);
      await updated;
      await settle();
      const deleted = waitForEvent(bob, EVENT.MESSAGE_EXTENSIONS_DELETED);
      await call(alice, 'deleteMessageExtensions', message, ['no']);
      await deleted;
    },
  },
  {
    // 3.x only: 2.x has no reactions
    name: 'message-reactions',
    run: async (ctx) => {
      const { EVENT, TYPES, emulator, settle } = ctx;
      const alice = await loginWithFeatures(ctx, 'alice');
      const bob = await loginWithFeatures(ctx, 'bob');
      if (!has(bob, 'addMessageReaction')) return;
      const arrived = waitForEvent<SdkMessage[]>(bob, EVENT.MESSAGE_RECEIVED);
      const sent = await alice.sendMessage(
        alice.createTextMessage({ to: 'bob', conversationType: TYPES.CONV_C2C, payload: { text: 'react to me' } }),
      );
      const [theirs] = await arrived;
      let updated = waitForEvent(bob, EVENT.MESSAGE_REACTIONS_UPDATED);
      await call(bob, 'addMessageReaction', theirs, 'like');
      await updated;
      await settle();
      updated = waitForEvent(bob, EVENT.MESSAGE_REACTIONS_UPDATED);
      await call(alice, 'addMessageReaction', sent.data.message, 'like');
      await updated;
      await settle();
      emulator.setReaction({ messageID: theirs.ID, reactionID: 'wow', userID: 'carol' });
      await settle();
      updated = waitForEvent(bob, EVENT.MESSAGE_REACTIONS_UPDATED);
      await call(bob, 'removeMessageReaction', theirs, 'like');
      await updated;
    },
  },
];
