/**
 * Recording scenarios for conversation changes made on another device (deletion, pin, marks,
 * conversation groups) and for drafts (3.x, local to the SDK). Recipes of `conversations.test.ts`.
 */
import { loginReady, sleep } from '../../__tests__/emulator/sdk';
import type { Scenario } from './recorder';
import { call, has, loginWithFeatures } from './sdkCall';

/** Conversation change scenarios. */
export const conversationEventScenarios: Scenario[] = [
  {
    name: 'conversation-changed-on-another-device',
    run: async ({ login, emulator, settle }) => {
      emulator.injectC2CMessage({ from: 'alice', to: 'bob', text: 'a1' });
      emulator.injectC2CMessage({ from: 'carol', to: 'bob', text: 'c1' });
      await login('bob');
      await settle();
      emulator.pinConversation('bob', 'C2Calice', true);
      await settle();
      emulator.deleteConversation('bob', 'C2Ccarol');
    },
  },
  {
    name: 'conversation-marks',
    run: async (ctx) => {
      const { emulator, settle } = ctx;
      emulator.injectC2CMessage({ from: 'alice', to: 'bob', text: 'a1' });
      emulator.injectC2CMessage({ from: 'carol', to: 'bob', text: 'c1' });
      const bob = await loginWithFeatures(ctx, 'bob');
      await call(bob, 'markConversation', { conversationIDList: ['C2Calice'], markType: 1, enableMark: true });
      await settle();
      emulator.markConversation('bob', 'C2Ccarol', 4, true);
    },
  },
  {
    // made here (both group events) and on another device (3.6.6 onConvGroupCreated: the list only)
    name: 'conversation-groups',
    run: async (ctx) => {
      const { emulator, settle } = ctx;
      for (const from of ['alice', 'carol', 'dave']) emulator.injectC2CMessage({ from, to: 'bob', text: `hi ${from}` });
      const bob = await loginWithFeatures(ctx, 'bob');
      await call(bob, 'createConversationGroup', { groupName: 'work', conversationIDList: ['C2Calice'] });
      await settle();
      await call(bob, 'addConversationsToGroup', { groupName: 'work', conversationIDList: ['C2Ccarol'] });
      await settle();
      emulator.createConversationGroup('bob', 'family', ['C2Cdave']);
      await settle();
      emulator.changeConversationGroup('bob', 'work', ['C2Ccarol'], false);
    },
  },
  {
    // 3.x only: 2.x has no drafts
    name: 'conversation-draft',
    run: async ({ login, emulator, settle }) => {
      emulator.injectC2CMessage({ from: 'alice', to: 'bob', text: 'a1' });
      const bob = await login('bob');
      if (!has(bob, 'setConversationDraft')) return;
      await settle();
      await call(bob, 'setConversationDraft', { conversationID: 'C2Calice', draftText: 'half a thought' });
      await sleep(100);
      await call(bob, 'setConversationDraft', { conversationID: 'C2Calice', draftText: '' });
    },
  },
  {
    // 3.x only: the global do-not-disturb setting changed on another device, then by the server
    name: 'all-receive-message-opt',
    run: async ({ login, create, emulator, settle, kind, TYPES }) => {
      await login('bob');
      const other = create('bob (other device)');
      await loginReady(kind, other, 'bob', { emulator });
      if (!has(other, 'setAllReceiveMessageOpt')) return;
      await settle();
      await call(other, 'setAllReceiveMessageOpt', { messageRemindType: TYPES.MSG_REMIND_ACPT_NOT_NOTE });
      await settle();
      emulator.setAllReceiveMessageOpt('bob', {
        messageRemindType: 1,
        startTime: 3600,
        endTime: 7200,
        isRepeated: true,
      });
    },
  },
];
