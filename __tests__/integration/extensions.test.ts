/**
 * @jest-environment jsdom
 *
 * Message extensions through the binding on the real SDKs against the emulator: a peer's changes
 * (MESSAGE_EXTENSIONS_UPDATED / _DELETED) and mine (the thunks) leave the record's `extensions` equal
 * to what the SDK's own `getMessageExtensions` answers.
 */
import { deleteMessageExtensions, getMessageExtensions, selectMessageById, setMessageExtensions } from '../../src';
import { kinds, useBindingOnEmulator } from '../helpers/emulatorStore';
import { sleep, until, waitForEvent, type Sdk, type SdkMessage } from '../emulator/sdk';

type ExtSdk = Sdk & {
  createTextMessage(options: Record<string, unknown>): SdkMessage;
  setMessageExtensions(message: SdkMessage, extensions: Array<{ key: string; value: string }>): Promise<unknown>;
  deleteMessageExtensions(message: SdkMessage, keyList?: string[]): Promise<unknown>;
  getMessageExtensions(message: SdkMessage): Promise<{ data: { extensions: Array<{ key: string; value: string }> } }>;
  findMessage(id: string): SdkMessage | null;
};

const PURCHASE = 'im_sdk_config_mgr.fetch_imsdk_purchase_bitsv2';

describe.each(kinds)('message extensions in the store on %s', (kind) => {
  const binding = useBindingOnEmulator(kind);
  const { ctx, peer } = binding;
  const extensions = (id: string) => selectMessageById(ctx.store.getState(), id)?.extensions;

  /** Bob's SDK's own view, as a key → value record. */
  async function sdkExtensions(id: string): Promise<Record<string, string>> {
    const bob = ctx.bob as ExtSdk;
    const message = bob.findMessage(id);
    if (!message) throw new Error(`bob's SDK does not know ${id}`);
    const { data } = await bob.getMessageExtensions(message);
    return Object.fromEntries(data.extensions.map((e) => [e.key, e.value]));
  }

  it("a peer's and my own changes, set and deleted, agree with the SDK", async () => {
    const features = [
      ctx.emu.waitForCommand(PURCHASE, { userID: 'bob', timeoutMs: 5000 }),
      ctx.emu.waitForCommand(PURCHASE, { userID: 'alice', timeoutMs: 5000 }),
    ];
    const alice = (await peer('alice')) as ExtSdk;
    await binding.loginBob();
    const arrived = waitForEvent<SdkMessage[]>(ctx.bob, ctx.EVENT.MESSAGE_RECEIVED);
    const message = alice.createTextMessage({
      to: 'bob',
      conversationType: ctx.TYPES.CONV_C2C,
      payload: { text: 'vote here' },
      isSupportExtension: true,
    });
    await alice.sendMessage(message);
    await arrived;
    await Promise.all(features);
    await sleep(50);
    const ID = message.ID;
    await until(() => extensions(ID) !== undefined, 2000, 'message in the store');

    let updated = waitForEvent(ctx.bob, ctx.EVENT.MESSAGE_EXTENSIONS_UPDATED);
    await alice.setMessageExtensions(message, [
      { key: 'yes', value: '1' },
      { key: 'no', value: '0' },
    ]);
    expect(await updated).toEqual({
      messageID: ID,
      extensions: [
        { key: 'yes', value: '1' },
        { key: 'no', value: '0' },
      ],
    });
    await until(() => extensions(ID)?.no === '0', 2000, "alice's extensions");
    expect(extensions(ID)).toEqual(await sdkExtensions(ID));

    const theirs = waitForEvent(alice, ctx.EVENT.MESSAGE_EXTENSIONS_UPDATED);
    await ctx.store
      .dispatch(setMessageExtensions({ messageID: ID, extensions: [{ key: 'yes', value: '2' }] }))
      .unwrap();
    expect(extensions(ID)).toEqual({ yes: '2', no: '0' });
    expect(await theirs).toEqual({ messageID: ID, extensions: [{ key: 'yes', value: '2' }] });
    expect(extensions(ID)).toEqual(await sdkExtensions(ID));

    const deleted = waitForEvent(ctx.bob, ctx.EVENT.MESSAGE_EXTENSIONS_DELETED);
    await alice.deleteMessageExtensions(message, ['no']);
    expect(await deleted).toEqual({ messageID: ID, keyList: ['no'] });
    await until(() => extensions(ID)?.no === undefined, 2000, 'key deleted');
    expect(extensions(ID)).toEqual({ yes: '2' });
    expect(extensions(ID)).toEqual(await sdkExtensions(ID));

    // Clear all (no keyList): the SDK lists the keys it held.
    updated = waitForEvent(ctx.bob, ctx.EVENT.MESSAGE_EXTENSIONS_DELETED);
    await alice.deleteMessageExtensions(message);
    expect(await updated).toEqual({ messageID: ID, keyList: ['yes'] });
    await until(() => Object.keys(extensions(ID) ?? { x: 1 }).length === 0, 2000, 'cleared');
    expect(await sdkExtensions(ID)).toEqual({});

    await ctx.store
      .dispatch(setMessageExtensions({ messageID: ID, extensions: [{ key: 'again', value: 'x' }] }))
      .unwrap();
    await ctx.store.dispatch(deleteMessageExtensions({ messageID: ID, keyList: ['again'] })).unwrap();
    expect(extensions(ID)).toEqual({});
    expect(await sdkExtensions(ID)).toEqual({});
    await alice.setMessageExtensions(message, [{ key: 'late', value: 'y' }]);
    await ctx.store.dispatch(getMessageExtensions(ID)).unwrap();
    expect(extensions(ID)).toEqual({ late: 'y' });
  });
});
