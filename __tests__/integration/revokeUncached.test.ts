/**
 * @jest-environment jsdom
 *
 * A revoke of a one-to-one message the SDK has not cached (here: received before a kick, so the
 * SDK's cache and the store were cleared). 3.6.6 `onMsgRevoked` then emits a stub
 * `{ conversationID, sequence, ID, revoker, revokerInfo }` whose ID it builds from the notice's
 * tinyID, clientTime and random; the binding must take it without an event error.
 */
import { kinds, useBindingOnEmulator } from '../helpers/emulatorStore';
import { collect, sleep, waitForEvent, type SdkMessage } from '../emulator/sdk';

describe.each(kinds)('a revoke of an uncached message on %s', (kind) => {
  const { ctx, loginBob, peer } = useBindingOnEmulator(kind);

  it('is applied without an event error, with the message ID', async () => {
    await loginBob();
    const alice = await peer('alice');
    const received = waitForEvent(ctx.bob, ctx.EVENT.MESSAGE_RECEIVED);
    const sent = await alice.sendMessage(
      alice.createTextMessage({ to: 'bob', conversationType: ctx.TYPES.CONV_C2C, payload: { text: 'oops' } }),
    );
    await received;
    ctx.emu.kick('bob', 3);
    await sleep(300);
    await loginBob();
    const revoked = collect<Array<{ ID?: string }>>(ctx.bob, ctx.EVENT.MESSAGE_REVOKED);
    await alice.revokeMessage(sent.data.message as SdkMessage);
    await sleep(600);
    revoked.stop();
    // 2.27.6 onC2CMessageRevoked emits nothing for a message it has not cached; 3.6.6 emits the stub.
    const expected = kind === '@tencentcloud/chat' ? [[sent.data.message.ID]] : [];
    expect(revoked.items.map((list) => list.map((m) => m.ID))).toEqual(expected);
    expect(ctx.store.getState().tim.errors.events).toEqual([]);
  });

  it('of a group message is applied without an event error, with the message ID', async () => {
    ctx.emu.createGroup({ type: 'Private', name: 'team', ownerID: 'alice', memberIDs: ['bob'], groupID: 'team' });
    await loginBob();
    const alice = await peer('alice');
    const received = waitForEvent(ctx.bob, ctx.EVENT.MESSAGE_RECEIVED);
    const sent = await alice.sendMessage(
      alice.createTextMessage({ to: 'team', conversationType: ctx.TYPES.CONV_GROUP, payload: { text: 'oops' } }),
    );
    await received;
    ctx.emu.kick('bob', 3);
    await sleep(300);
    await loginBob();
    const revoked = collect<Array<{ ID?: string }>>(ctx.bob, ctx.EVENT.MESSAGE_REVOKED);
    await alice.revokeMessage(sent.data.message as SdkMessage);
    await sleep(600);
    revoked.stop();
    for (const list of revoked.items) expect(list.map((m) => m.ID)).toEqual([sent.data.message.ID]);
    expect(ctx.store.getState().tim.errors.events).toEqual([]);
  });
});
