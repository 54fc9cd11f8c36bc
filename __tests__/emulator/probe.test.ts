/** @jest-environment jsdom */
import { startEmulator, type Emulator } from '../../src/emulator';
import { createSdk, loginReady, shutdown, constants, waitForEvent, type SdkKind, type SdkMessage } from './sdk';

const kinds: SdkKind[] = ['tim-js-sdk', '@tencentcloud/chat'];

describe.each(kinds)('probe %s', (kind) => {
  let emu: Emulator;
  beforeEach(async () => {
    emu = await startEmulator({ log: process.env.EMU_LOG ? (l) => process.stdout.write(l.slice(0, 300) + '\n') : undefined });
  });
  afterEach(async () => {
    await emu.stop();
  });
  it('logs in, sends, receives', async () => {
    const alice = createSdk(kind, emu.url);
    const bob = createSdk(kind, emu.url);
    const { EVENT, TYPES } = constants(kind);
    await loginReady(kind, alice, 'alice');
    await loginReady(kind, bob, 'bob');
    const got = waitForEvent<SdkMessage[]>(bob, EVENT.MESSAGE_RECEIVED);
    const msg = alice.createTextMessage({ to: 'bob', conversationType: TYPES.CONV_C2C, payload: { text: 'hi' } });
    const sent = await alice.sendMessage(msg);
    expect(sent.data.message.status).toBe('success');
    const list = await got;
    expect(list[0].payload.text).toBe('hi');
    expect(list[0].ID).toBe(sent.data.message.ID);
    console.log('unhandled', emu.unhandledCommands());
    await shutdown(alice, bob);
  });
});
