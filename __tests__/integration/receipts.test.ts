/**
 * @jest-environment jsdom
 *
 * Read receipts through the binding on the real SDKs against the emulator: the store agrees with the
 * SDK's own messages (`findMessage`, `getMessageList`) live, after a reload, and through the thunk.
 */
import {
  getGroupMessageReadMemberList,
  getMessageList,
  getMessageReadReceiptList,
  login,
  logout,
  selectMessageById,
  sendMessage,
  sendMessageReadReceipt,
  type MessageRecord,
} from '../../src';
import { kinds, useBindingOnEmulator } from '../helpers/emulatorStore';
import { sleep, until, waitForEvent, type SdkMessage } from '../emulator/sdk';

type Receipted = SdkMessage & { readReceiptInfo: { isPeerRead?: boolean; readCount?: number; unreadCount?: number } };
type ReceiptSdk = {
  findMessage(id: string): Receipted | null;
  sendMessageReadReceipt(list: SdkMessage[]): Promise<unknown>;
  createTextMessage(options: Record<string, unknown>): SdkMessage;
};

describe.each(kinds)('read receipts in the store on %s', (kind) => {
  const binding = useBindingOnEmulator(kind);
  const { ctx, loginBob, peer } = binding;
  const record = (id: string): MessageRecord | undefined => selectMessageById(ctx.store.getState(), id);

  /** bob sends alice a message asking for a receipt; alice receives it. */
  async function receiptedMessage(alice: Awaited<ReturnType<typeof peer>>): Promise<{ ID: string; got: SdkMessage }> {
    const arrived = waitForEvent<SdkMessage[]>(alice, ctx.EVENT.MESSAGE_RECEIVED);
    const message = (ctx.bob as unknown as ReceiptSdk).createTextMessage({
      to: 'alice',
      conversationType: ctx.TYPES.CONV_C2C,
      payload: { text: 'please confirm' },
      needReadReceipt: true,
    });
    await ctx.store.dispatch(sendMessage(message as unknown as Parameters<typeof sendMessage>[0])).unwrap();
    const [got] = await arrived;
    return { ID: message.ID, got };
  }

  it('a one-to-one receipt marks the message read live, after a reload, and through getMessageReadReceiptList', async () => {
    const alice = await peer('alice');
    await loginBob();
    const { ID, got } = await receiptedMessage(alice);
    expect(record(ID)?.isPeerRead).toBe(false);
    await (alice as unknown as ReceiptSdk).sendMessageReadReceipt([got]);
    await until(() => record(ID)?.isPeerRead === true, 2000, 'receipt applied live');
    // The SDK keeps it in readReceiptInfo, not in isPeerRead: the store shows what the SDK knows.
    const own = (ctx.bob as unknown as ReceiptSdk).findMessage(ID);
    expect(own?.readReceiptInfo.isPeerRead).toBe(true);

    // Reload: a new session pages the history in from the server (getroammsg IsPeerRead).
    await ctx.store.dispatch(logout()).unwrap();
    expect(record(ID)).toBeUndefined();
    await ctx.store.dispatch(login({ userID: 'bob', userSig: 'sig-bob' })).unwrap();
    await sleep(50);
    await ctx.store.dispatch(getMessageList('C2Calice')).unwrap();
    const reloaded = (ctx.bob as unknown as ReceiptSdk).findMessage(ID);
    expect(reloaded?.readReceiptInfo.isPeerRead).toBe(true);
    expect(record(ID)?.isPeerRead).toBe(true);

    const rows = await ctx.store.dispatch(getMessageReadReceiptList([ID])).unwrap();
    expect(rows).toEqual([
      { messageID: ID, conversationID: 'C2Calice', isPeerRead: true, readCount: null, unreadCount: null },
    ]);
  });

  it('a read report (setMessageRead) marks the message read live and after a reload, as the SDK does', async () => {
    const alice = await peer('alice');
    await loginBob();
    const { ID } = await receiptedMessage(alice);
    await alice.setMessageRead({ conversationID: 'C2Cbob' });
    await until(() => record(ID)?.isPeerRead === true, 2000, 'read report applied live');
    await ctx.store.dispatch(logout()).unwrap();
    await ctx.store.dispatch(login({ userID: 'bob', userSig: 'sig-bob' })).unwrap();
    await sleep(50);
    await ctx.store.dispatch(getMessageList('C2Calice')).unwrap();
    // The SDK marks a page read from the peer's read time, which it may fetch after answering.
    await until(() => (ctx.bob as unknown as ReceiptSdk).findMessage(ID)?.isPeerRead === true, 2000, 'SDK read');
    await until(() => record(ID)?.isPeerRead === true, 2000, 'store read after reload');
  });

  it("the receiving store confirms with sendMessageReadReceipt; the sender's SDK gets the receipt", async () => {
    // Here the binding is on the receiving side: bob receives from carol and confirms through the thunk.
    const carol = await peer('carol');
    await loginBob();
    const arrived = new Promise<string>((resolve) => {
      const unsubscribe = ctx.store.subscribe(() => {
        const m = ctx.emu.c2cMessages({ between: ['carol', 'bob'] })[0];
        if (m && record(m.sdkMessageID)) {
          unsubscribe();
          resolve(m.sdkMessageID);
        }
      });
    });
    const sent = carol.createTextMessage({
      to: 'bob',
      conversationType: ctx.TYPES.CONV_C2C,
      payload: { text: 'did you see this?' },
      needReadReceipt: true,
    });
    const confirmed = waitForEvent<Array<{ messageID: string; userID: string }>>(
      carol,
      ctx.EVENT.MESSAGE_READ_RECEIPT_RECEIVED,
    );
    await carol.sendMessage(sent);
    const ID = await arrived;
    expect(record(ID)?.needReadReceipt).toBe(true);
    await ctx.store.dispatch(sendMessageReadReceipt([ID])).unwrap();
    expect(await confirmed).toEqual([expect.objectContaining({ messageID: sent.ID, userID: 'bob', isPeerRead: true })]);
    expect(ctx.emu.c2cMessages({ between: ['carol', 'bob'] })[0].receiptSent).toBe(true);
  });
});

describe.each(kinds)('group read receipts in the store on %s', (kind) => {
  const binding = useBindingOnEmulator(kind);
  const { ctx, loginBob, peer } = binding;
  const record = (id: string): MessageRecord | undefined => selectMessageById(ctx.store.getState(), id);

  it('a member’s receipt updates the counts live; getMessageReadReceiptList and the member list agree', async () => {
    const group = ctx.emu.createGroup({
      type: 'Private',
      name: 'receipts',
      ownerID: 'bob',
      memberIDs: ['alice', 'carol'],
    });
    const alice = await peer('alice');
    await loginBob();
    await sleep(300); // the group lists arrive after SDK_READY
    const arrived = waitForEvent<SdkMessage[]>(alice, ctx.EVENT.MESSAGE_RECEIVED);
    const message = (ctx.bob as unknown as ReceiptSdk).createTextMessage({
      to: group.groupID,
      conversationType: ctx.TYPES.CONV_GROUP,
      payload: { text: 'read this, all' },
      needReadReceipt: true,
    });
    await ctx.store.dispatch(sendMessage(message as unknown as Parameters<typeof sendMessage>[0])).unwrap();
    const [got] = await arrived;
    const ID = message.ID;
    const receipt = waitForEvent<unknown[]>(ctx.bob, ctx.EVENT.MESSAGE_READ_RECEIPT_RECEIVED);
    await (alice as unknown as ReceiptSdk).sendMessageReadReceipt([got]);
    expect(await receipt).toEqual([{ groupID: group.groupID, messageID: ID, readCount: 1, unreadCount: 1 }]);
    await until(() => record(ID)?.readReceiptInfo.readCount === 1, 2000, 'counts applied');
    expect(record(ID)?.readReceiptInfo).toEqual({ readCount: 1, unreadCount: 1 });

    // After a reload the history carries no counts: only get_group_msg_receipt brings them back.
    await ctx.store.dispatch(logout()).unwrap();
    await ctx.store.dispatch(login({ userID: 'bob', userSig: 'sig-bob' })).unwrap();
    await sleep(300);
    await ctx.store.dispatch(getMessageList(`GROUP${group.groupID}`)).unwrap();
    expect(record(ID)?.readReceiptInfo).toEqual({ readCount: null, unreadCount: null });
    const rows = await ctx.store.dispatch(getMessageReadReceiptList([ID])).unwrap();
    const own = (ctx.bob as unknown as ReceiptSdk).findMessage(ID);
    expect(own?.readReceiptInfo).toMatchObject({ readCount: 1, unreadCount: 1 });
    expect(rows).toEqual([
      { messageID: ID, conversationID: `GROUP${group.groupID}`, isPeerRead: false, readCount: 1, unreadCount: 1 },
    ]);
    expect(record(ID)?.readReceiptInfo).toEqual({ readCount: 1, unreadCount: 1 });
    const readers = await ctx.store.dispatch(getGroupMessageReadMemberList({ messageID: ID, filter: 0 })).unwrap();
    expect(readers).toMatchObject({ readUserIDList: ['alice'], isCompleted: true });
  });
});
