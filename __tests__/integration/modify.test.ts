/**
 * @jest-environment jsdom
 *
 * Message modification through the binding on the real SDKs against the emulator: a peer's edit
 * (MESSAGE_MODIFIED, one-to-one and group) and my own (`modifyMessage`) leave the record equal to the
 * SDK's own message, live and after a reload.
 */
import { getMessageList, login, logout, modifyMessage, selectMessageById, sendTextMessage } from '../../src';
import { kinds, useBindingOnEmulator } from '../helpers/emulatorStore';
import { sleep, until, waitForEvent, type Sdk, type SdkMessage } from '../emulator/sdk';

type ModifySdk = Sdk & {
  modifyMessage(message: SdkMessage): Promise<{ data: { message: SdkMessage } }>;
  findMessage(id: string): (SdkMessage & { version: number; isModified: boolean }) | null;
};

describe.each(kinds)('modified messages in the store on %s', (kind) => {
  const binding = useBindingOnEmulator(kind);
  const { ctx, loginBob, peer } = binding;
  const record = (id: string) => selectMessageById(ctx.store.getState(), id);
  /** The record agrees with bob's SDK's own copy of the message. */
  const agrees = (id: string): void => {
    const own = (ctx.bob as ModifySdk).findMessage(id);
    expect(own).not.toBeNull();
    expect(record(id)).toMatchObject({
      payload: { text: own?.payload.text },
      version: own?.version,
      isModified: own?.isModified,
    });
  };

  it("a peer's one-to-one edit reaches the record, and survives a reload", async () => {
    const alice = (await peer('alice')) as ModifySdk;
    await loginBob();
    const arrived = waitForEvent<SdkMessage[]>(ctx.bob, ctx.EVENT.MESSAGE_RECEIVED);
    const { data } = await alice.sendMessage(
      alice.createTextMessage({ to: 'bob', conversationType: ctx.TYPES.CONV_C2C, payload: { text: 'tpyo' } }),
    );
    await arrived;
    const ID = data.message.ID;
    const modified = waitForEvent<SdkMessage[]>(ctx.bob, ctx.EVENT.MESSAGE_MODIFIED);
    data.message.payload.text = 'typo';
    await alice.modifyMessage(data.message);
    expect((await modified).map((m) => [m.ID, m.payload.text])).toEqual([[ID, 'typo']]);
    await until(() => record(ID)?.payload.text === 'typo', 2000, 'edit applied');
    expect(record(ID)).toMatchObject({ isModified: true, version: 1 });
    agrees(ID);

    await ctx.store.dispatch(logout()).unwrap();
    await ctx.store.dispatch(login({ userID: 'bob', userSig: 'sig-bob' })).unwrap();
    await sleep(50);
    await ctx.store.dispatch(getMessageList('C2Calice')).unwrap();
    expect(record(ID)).toMatchObject({ payload: { text: 'typo' }, version: 1 });
    agrees(ID);
  });

  it('my own edit through modifyMessage updates the record and reaches the peer', async () => {
    const alice = await peer('alice');
    await loginBob();
    const arrived = waitForEvent<SdkMessage[]>(alice, ctx.EVENT.MESSAGE_RECEIVED);
    const sent = await ctx.store
      .dispatch(sendTextMessage({ to: 'alice', conversationType: 'C2C', text: 'see you at 5' }))
      .unwrap();
    await arrived;
    const theirs = waitForEvent<SdkMessage[]>(alice, ctx.EVENT.MESSAGE_MODIFIED);
    const result = await ctx.store.dispatch(modifyMessage({ messageID: sent.ID, text: 'see you at 6' })).unwrap();
    expect(result).toMatchObject({ ID: sent.ID, payload: { text: 'see you at 6' }, isModified: true, version: 1 });
    expect(record(sent.ID)).toMatchObject({ payload: { text: 'see you at 6' }, isModified: true, version: 1 });
    agrees(sent.ID);
    expect((await theirs).map((m) => [m.ID, m.payload.text])).toEqual([[sent.ID, 'see you at 6']]);
    expect(ctx.emu.c2cMessages()[0]).toMatchObject({
      version: 1,
      elements: [{ MsgContent: { Text: 'see you at 6' } }],
    });
  });

  it('a group message edited by its sender reaches the record (modify_group_msg and the emulator control)', async () => {
    const group = ctx.emu.createGroup({ type: 'Public', name: 'edits', ownerID: 'alice', memberIDs: ['bob'] });
    const alice = (await peer('alice')) as ModifySdk;
    await loginBob();
    await sleep(300); // the group lists arrive after SDK_READY
    const m = ctx.emu.injectGroupMessage({ from: 'alice', groupID: group.groupID, text: 'meeting at 10' });
    await until(() => record(m.sdkMessageID) !== undefined, 3000, 'group message');
    let modified = waitForEvent<SdkMessage[]>(ctx.bob, ctx.EVENT.MESSAGE_MODIFIED);
    expect(ctx.emu.modifyMessage(m.sdkMessageID, { text: 'meeting at 11' })).toBe(true);
    await modified;
    await until(() => record(m.sdkMessageID)?.payload.text === 'meeting at 11', 2000, 'group edit');
    expect(record(m.sdkMessageID)).toMatchObject({ isModified: true, version: 1 });
    agrees(m.sdkMessageID);

    const arrived = waitForEvent<SdkMessage[]>(ctx.bob, ctx.EVENT.MESSAGE_RECEIVED);
    const { data } = await alice.sendMessage(
      alice.createTextMessage({
        to: group.groupID,
        conversationType: ctx.TYPES.CONV_GROUP,
        payload: { text: 'lunch?' },
      }),
    );
    await arrived;
    await until(() => record(data.message.ID) !== undefined, 2000, 'alice group message');
    modified = waitForEvent<SdkMessage[]>(ctx.bob, ctx.EVENT.MESSAGE_MODIFIED);
    data.message.payload.text = 'dinner?';
    await alice.modifyMessage(data.message);
    await modified;
    await until(() => record(data.message.ID)?.payload.text === 'dinner?', 2000, 'alice group edit');
    agrees(data.message.ID);
  });
});
