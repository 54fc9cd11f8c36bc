/** @jest-environment jsdom */
import type { Emulator } from '../../src/emulator';
import {
  collect,
  constants,
  loginReady,
  sleep,
  until,
  waitForEvent,
  type Sdk,
  type SdkMessage,
  kinds,
  useEmulator,
} from './sdk';

describe.each(kinds)('one-to-one messaging on %s', (kind) => {
  const { EVENT, TYPES } = constants(kind);
  const env = useEmulator(kind);
  const sdk = (): Sdk => env.sdk();
  let emu: Emulator;
  beforeEach(() => {
    emu = env.emulator();
  });
  const text = (
    tim: Sdk,
    to: string,
    body: string,
    needReadReceipt = false,
  ): Promise<{ data: { message: SdkMessage } }> =>
    tim.sendMessage(
      tim.createTextMessage({ to, conversationType: TYPES.CONV_C2C, payload: { text: body }, needReadReceipt }),
    );

  it("delivers a sent message live, once, with the sender's message ID", async () => {
    const alice = sdk();
    const bob = sdk();
    await loginReady(kind, alice, 'alice', { emulator: emu });
    await loginReady(kind, bob, 'bob', { emulator: emu });
    const received = collect<SdkMessage[]>(bob, EVENT.MESSAGE_RECEIVED);
    const sent = await text(alice, 'bob', 'hello bob');
    expect(sent.data.message.status).toBe('success');
    await until(() => received.items.length > 0);
    await sleep(50);
    expect(received.items.flat().map((m) => [m.ID, m.flow, m.payload.text])).toEqual([
      [sent.data.message.ID, 'in', 'hello bob'],
    ]);
    expect(emu.c2cMessages({ between: ['alice', 'bob'] }).map((m) => m.sdkMessageID)).toEqual([sent.data.message.ID]);
  });

  it('shows a pushed-twice message once', async () => {
    const bob = sdk();
    await loginReady(kind, bob, 'bob', { emulator: emu });
    const received = collect<SdkMessage[]>(bob, EVENT.MESSAGE_RECEIVED);
    emu.duplicateNextPushes(1);
    const m = emu.injectC2CMessage({ from: 'carol', to: 'bob', text: 'twice' });
    await until(() => received.items.length > 0);
    await sleep(100);
    expect(received.items.flat().map((x) => x.ID)).toEqual([m.sdkMessageID]);
    const history = await bob.getMessageList({ conversationID: 'C2Ccarol' });
    expect(history.data.messageList.map((x) => x.ID)).toEqual([m.sdkMessageID]);
  });

  it('delivers offline messages at the next login with exact unread counts', async () => {
    emu.injectC2CMessage({ from: 'alice', to: 'bob', text: 'one' });
    emu.injectC2CMessage({ from: 'alice', to: 'bob', text: 'two' });
    emu.injectC2CMessage({ from: 'alice', to: 'bob', text: 'three' });
    emu.injectC2CMessage({ from: 'carol', to: 'bob', text: 'from carol' });
    const bob = sdk();
    await loginReady(kind, bob, 'bob', { emulator: emu });
    await until(() => bob.getTotalUnreadMessageCount() === 4, 3000, 'total unread 4');
    const { data } = await bob.getConversationList();
    const unread = Object.fromEntries(data.conversationList.map((c) => [c.conversationID, c.unreadCount]));
    expect(unread).toEqual({ C2Calice: 3, C2Ccarol: 1 });
    const history = await bob.getMessageList({ conversationID: 'C2Calice' });
    expect(history.data.messageList.map((m) => m.payload.text)).toEqual(['one', 'two', 'three']);
  });

  it('pages history back to completion, in order, without duplicates', async () => {
    for (let i = 0; i < 23; i++)
      emu.injectC2CMessage({ from: i % 2 ? 'alice' : 'bob', to: i % 2 ? 'bob' : 'alice', text: `m${i}` });
    const alice = sdk();
    await loginReady(kind, alice, 'alice', { emulator: emu });
    const seen: string[] = [];
    let next: string | undefined;
    let pages = 0;
    for (;;) {
      const res = await alice.getMessageList({ conversationID: 'C2Cbob', nextReqMessageID: next });
      seen.unshift(...res.data.messageList.map((m) => m.payload.text ?? ''));
      pages++;
      if (res.data.isCompleted || pages > 10) break;
      next = res.data.nextReqMessageID;
    }
    expect(seen).toEqual(Array.from({ length: 23 }, (_, i) => `m${i}`));
    expect(pages).toBeGreaterThan(1);
  });

  it('revokes: the peer gets MESSAGE_REVOKED and the message is revoked in history', async () => {
    const alice = sdk();
    const bob = sdk();
    await loginReady(kind, alice, 'alice', { emulator: emu });
    await loginReady(kind, bob, 'bob', { emulator: emu });
    const arrived = waitForEvent(bob, EVENT.MESSAGE_RECEIVED);
    const sent = await text(alice, 'bob', 'oops');
    await arrived;
    const revoked = waitForEvent<SdkMessage[]>(bob, EVENT.MESSAGE_REVOKED);
    await alice.revokeMessage(sent.data.message);
    const list = await revoked;
    expect(list.map((m) => [m.ID, m.isRevoked])).toEqual([[sent.data.message.ID, true]]);
    expect(emu.c2cMessages()[0]).toMatchObject({ isRevoked: true, revoker: 'alice' });
  });

  it("reports reads: the sender gets MESSAGE_READ_BY_PEER and isPeerRead; the reader's unread drops to 0", async () => {
    const alice = sdk();
    const bob = sdk();
    await loginReady(kind, alice, 'alice', { emulator: emu });
    await loginReady(kind, bob, 'bob', { emulator: emu });
    const arrived = waitForEvent(bob, EVENT.MESSAGE_RECEIVED);
    const sent = await text(alice, 'bob', 'read me', true);
    await arrived;
    await until(async () => (await bob.getConversationProfile('C2Calice')).data.conversation.unreadCount === 1);
    const receipt = waitForEvent<SdkMessage[]>(alice, EVENT.MESSAGE_READ_BY_PEER);
    await bob.setMessageRead({ conversationID: 'C2Calice' });
    const read = await receipt;
    expect(read.map((m) => m.ID)).toContain(sent.data.message.ID);
    const history = await alice.getMessageList({ conversationID: 'C2Cbob' });
    expect(history.data.messageList.find((m) => m.ID === sent.data.message.ID)?.isPeerRead).toBe(true);
    expect((await bob.getConversationProfile('C2Calice')).data.conversation.unreadCount).toBe(0);
    expect(emu.conversations('bob')).toMatchObject([{ conversationID: 'C2Calice', unreadCount: 0 }]);
  });

  it('pins and deletes conversations on the server', async () => {
    emu.injectC2CMessage({ from: 'alice', to: 'bob', text: 'a' });
    emu.injectC2CMessage({ from: 'carol', to: 'bob', text: 'c' });
    const bob = sdk();
    await loginReady(kind, bob, 'bob', { emulator: emu });
    await until(async () => (await bob.getConversationList()).data.conversationList.length === 2);
    await bob.pinConversation({ conversationID: 'C2Calice', isPinned: true });
    expect(emu.conversations('bob').find((c) => c.peerID === 'alice')?.isPinned).toBe(true);
    await bob.deleteConversation('C2Ccarol');
    expect(emu.conversations('bob').map((c) => c.conversationID)).toEqual(['C2Calice']);
    const list = (await bob.getConversationList()).data.conversationList;
    expect(list.map((c) => [c.conversationID, c.isPinned])).toEqual([['C2Calice', true]]);
  });

  it('fails a send with the chosen error code, once', async () => {
    const alice = sdk();
    await loginReady(kind, alice, 'alice', { emulator: emu });
    emu.failCommand('openim.sendmsg', { code: 20009, message: 'not friends' });
    await expect(text(alice, 'bob', 'x')).rejects.toMatchObject({ code: 20009 });
    const ok = await text(alice, 'bob', 'y');
    expect(ok.data.message.status).toBe('success');
    expect(emu.c2cMessages().map((m) => m.elements[0])).toEqual([
      { MsgType: 'TIMTextElem', MsgContent: { Text: 'y' } },
    ]);
  });

  it('delays a command: the send resolves only after the delay', async () => {
    const alice = sdk();
    await loginReady(kind, alice, 'alice', { emulator: emu });
    emu.delayCommand('openim.sendmsg', 300);
    const started = Date.now();
    await text(alice, 'bob', 'slow');
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });

  it('rejects a message to someone who blacklisted the sender (20007)', async () => {
    const alice = sdk();
    const bob = sdk();
    await loginReady(kind, alice, 'alice', { emulator: emu });
    await loginReady(kind, bob, 'bob', { emulator: emu });
    await bob.addToBlacklist({ userIDList: ['alice'] });
    await expect(text(alice, 'bob', 'let me in')).rejects.toMatchObject({ code: 20007 });
  });
});
