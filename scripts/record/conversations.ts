/** Recording scenarios: conversations pinned, unpinned and deleted, history paged. */
import type { Scenario } from './recorder';

/** Conversation scenarios. */
export const conversationScenarios: Scenario[] = [
  {
    name: 'conversation-pin-unpin',
    run: async ({ login, emulator, settle }) => {
      emulator.injectC2CMessage({ from: 'alice', to: 'bob', text: 'hi' });
      emulator.injectC2CMessage({ from: 'carol', to: 'bob', text: 'hey' });
      const bob = await login('bob');
      await settle();
      await bob.pinConversation({ conversationID: 'C2Calice', isPinned: true });
      await settle();
      await bob.pinConversation({ conversationID: 'C2Calice', isPinned: false });
    },
  },
  {
    name: 'conversation-delete',
    run: async ({ login, emulator, settle }) => {
      emulator.injectC2CMessage({ from: 'alice', to: 'bob', text: 'hi' });
      emulator.injectC2CMessage({ from: 'carol', to: 'bob', text: 'hey' });
      const bob = await login('bob');
      await settle();
      await bob.deleteConversation('C2Calice');
    },
  },
  {
    // 3.x created with partialUpdatedConversations: CONVERSATION_LIST_UPDATED then carries only the
    // conversations that changed (issue 11 item 4); 2.x ignores the option.
    name: 'conversation-partial-updates',
    run: async ({ login, emulator, settle, TYPES }) => {
      emulator.injectC2CMessage({ from: 'alice', to: 'bob', text: 'hi' });
      emulator.injectC2CMessage({ from: 'carol', to: 'bob', text: 'hey' });
      const bob = await login('bob', { partialUpdatedConversations: true });
      const alice = await login('alice');
      await settle();
      await alice.sendMessage(
        alice.createTextMessage({ to: 'bob', conversationType: TYPES.CONV_C2C, payload: { text: 'again' } }),
      );
      await settle();
      await bob.pinConversation({ conversationID: 'C2Ccarol', isPinned: true });
    },
  },
  {
    name: 'conversation-history',
    run: async ({ login, emulator }) => {
      for (let i = 0; i < 20; i++)
        emulator.injectC2CMessage({ from: i % 2 ? 'alice' : 'bob', to: i % 2 ? 'bob' : 'alice', text: `m${i}` });
      const bob = await login('bob');
      let page = await bob.getMessageList({ conversationID: 'C2Calice' });
      while (!page.data.isCompleted)
        page = await bob.getMessageList({ conversationID: 'C2Calice', nextReqMessageID: page.data.nextReqMessageID });
    },
  },
];
