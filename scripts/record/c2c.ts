/** Recording scenarios: one-to-one messages both ways, reading, read receipts, revoking. */
import { waitForEvent, type SdkMessage } from '../../__tests__/emulator/sdk';
import type { Scenario } from './recorder';

/** One-to-one message scenarios. */
export const c2cScenarios: Scenario[] = [
  {
    name: 'c2c-receive',
    run: async ({ login, EVENT, TYPES }) => {
      const bob = await login('bob');
      const alice = await login('alice');
      const received = waitForEvent(bob, EVENT.MESSAGE_RECEIVED);
      await alice.sendMessage(
        alice.createTextMessage({ to: 'bob', conversationType: TYPES.CONV_C2C, payload: { text: 'hello bob' } }),
      );
      await received;
    },
  },
  {
    name: 'c2c-send',
    run: async ({ login, TYPES }) => {
      const bob = await login('bob');
      await login('alice');
      await bob.sendMessage(
        bob.createTextMessage({ to: 'alice', conversationType: TYPES.CONV_C2C, payload: { text: 'hello alice' } }),
      );
    },
  },
  {
    // bob reads alice's messages: bob's unread drops, alice's SDK learns bob read them.
    name: 'c2c-read',
    run: async ({ login, emulator, settle }) => {
      emulator.injectC2CMessage({ from: 'alice', to: 'bob', text: 'one' });
      emulator.injectC2CMessage({ from: 'alice', to: 'bob', text: 'two' });
      const bob = await login('bob');
      await login('alice');
      await settle();
      await bob.setMessageRead({ conversationID: 'C2Calice' });
    },
  },
  {
    name: 'c2c-read-receipt',
    run: async ({ login, TYPES, EVENT }) => {
      const bob = await login('bob');
      const alice = await login('alice');
      const received = waitForEvent<SdkMessage[]>(bob, EVENT.MESSAGE_RECEIVED);
      await alice.sendMessage(
        alice.createTextMessage({
          to: 'bob',
          conversationType: TYPES.CONV_C2C,
          payload: { text: 'read me' },
          needReadReceipt: true,
        }),
      );
      const [message] = await received;
      const withReceipt = bob as typeof bob & { sendMessageReadReceipt?(list: SdkMessage[]): Promise<unknown> };
      await withReceipt.sendMessageReadReceipt?.([message]).catch(() => undefined);
      await bob.setMessageRead({ conversationID: 'C2Calice' });
    },
  },
  {
    name: 'c2c-revoke',
    run: async ({ login, TYPES, EVENT }) => {
      const bob = await login('bob');
      const alice = await login('alice');
      const received = waitForEvent(bob, EVENT.MESSAGE_RECEIVED);
      const sent = await alice.sendMessage(
        alice.createTextMessage({ to: 'bob', conversationType: TYPES.CONV_C2C, payload: { text: 'oops' } }),
      );
      await received;
      const revoked = waitForEvent(bob, EVENT.MESSAGE_REVOKED);
      await alice.revokeMessage(sent.data.message);
      await revoked;
    },
  },
  {
    // the server revokes (as a REST API call would): both sides hear of it.
    name: 'c2c-revoke-by-server',
    run: async ({ login, emulator, EVENT }) => {
      const bob = await login('bob');
      const received = waitForEvent(bob, EVENT.MESSAGE_RECEIVED);
      const record = emulator.injectC2CMessage({ from: 'alice', to: 'bob', text: 'to be revoked' });
      await received;
      const revoked = waitForEvent(bob, EVENT.MESSAGE_REVOKED);
      emulator.revokeC2CMessage(record.sdkMessageID);
      await revoked;
    },
  },
];
