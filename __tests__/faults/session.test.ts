/**
 * @jest-environment jsdom
 *
 * Session faults through the IM emulator with the real SDKs: a kick from another device (by the
 * server, and by a second login under the kick-older policy) and an expired userSig. The store
 * must show `kickedOut` with the SDK's reason and hold nothing of the user any more, in state or
 * in the message registry, also when a send was in flight.
 */
import {
  getMessageList,
  login,
  resendMessage,
  selectConversationList,
  selectIsReady,
  selectMessagesByConversationID,
  selectSession,
  sendTextMessage,
} from '../../src';
import { loginReady, type SdkKind } from '../emulator/sdk';
import { kinds, leftovers, serverText, sleep, until, useFaultContext } from './harness';

/** What bob's store holds before the fault: a conversation with alice, history, a sent message. */
async function fillBobStore(h: ReturnType<typeof useFaultContext>): Promise<string[]> {
  const { ctx, texts } = h;
  ctx.emu.injectC2CMessage({ from: 'alice', to: 'bob', text: 'secret-from-alice' });
  await h.loginBob();
  await ctx.store.dispatch(getMessageList('C2Calice')).unwrap();
  await ctx.store.dispatch(sendTextMessage({ to: 'alice', conversationType: 'C2C', text: 'secret-from-bob' })).unwrap();
  expect(texts('C2Calice')).toEqual(['secret-from-alice', 'secret-from-bob']);
  return ['alice', 'secret-from-alice', 'secret-from-bob', 'bob'];
}

function expectEmptied(h: ReturnType<typeof useFaultContext>, marks: string[]): void {
  const state = h.ctx.store.getState();
  expect(selectIsReady(state)).toBe(false);
  expect(selectConversationList(state)).toEqual([]);
  expect(selectMessagesByConversationID(state, 'C2Calice')).toEqual([]);
  expect(h.ctx.middleware.registry.size).toBe(0);
  expect(leftovers(h.ctx, marks)).toEqual([]);
}

describe.each(kinds)('session faults on %s', (kind: SdkKind) => {
  const h = useFaultContext(kind);
  const { ctx } = h;
  const session = () => selectSession(ctx.store.getState());

  it('kick from another device (KickType 2): kickedOut multipleDevice, store emptied', async () => {
    const marks = await fillBobStore(h);
    expect(ctx.emu.kick('bob', 2)).toBe(1);
    await until(() => session().status === 'kickedOut', 2000, 'kickedOut');
    expect(session()).toEqual(
      expect.objectContaining({ status: 'kickedOut', kickedOutReason: ctx.TYPES.KICKED_OUT_MULT_DEVICE, userID: null }),
    );
    await sleep(100); // late events of the kicked SDK must not bring anything back
    expectEmptied(h, marks);
  });

  it('kick with a send in flight: the send result is dropped, nothing of bob comes back', async () => {
    const marks = await fillBobStore(h);
    ctx.emu.delayCommand('openim.sendmsg', 300);
    const arrived = ctx.emu.waitForCommand('openim.sendmsg', { userID: 'bob' });
    const sending = ctx.store.dispatch(
      sendTextMessage({ to: 'alice', conversationType: 'C2C', text: 'in-flight-secret' }),
    );
    await arrived;
    ctx.emu.kick('bob', 2);
    await until(() => session().status === 'kickedOut', 2000, 'kickedOut');
    const result = await sending;
    expect(result.type).toBe(sendTextMessage.rejected.type);
    await sleep(100);
    expect(session().status).toBe('kickedOut');
    expectEmptied(h, [...marks, 'in-flight-secret']);
  });

  it('the userSig expires: the next request gets 70001, kickedOut userSigExpired, store emptied; a new userSig logs in again', async () => {
    const marks = await fillBobStore(h);
    ctx.emu.expireUserSig('bob');
    const result = await ctx.store.dispatch(
      sendTextMessage({ to: 'alice', conversationType: 'C2C', text: 'after-expiry' }),
    );
    expect(result.type).toBe(sendTextMessage.rejected.type);
    await until(() => session().status === 'kickedOut', 2000, 'kickedOut');
    expect(session().kickedOutReason).toBe(ctx.TYPES.KICKED_OUT_USERSIG_EXPIRED);
    await sleep(100);
    expectEmptied(h, [...marks, 'after-expiry']);
    expect(ctx.emu.c2cMessages().some((m) => serverText(m) === 'after-expiry')).toBe(false);
    // The old userSig no longer works; a fresh one does, and the server's data comes back.
    const refused = await ctx.store.dispatch(login({ userID: 'bob', userSig: 'sig-bob' }));
    expect(refused.type).toBe(login.rejected.type);
    expect(session().status).not.toBe('ready');
    await h.loginBob('sig-bob-renewed');
    expect(session()).toEqual(expect.objectContaining({ status: 'ready', userID: 'bob' }));
    await ctx.store.dispatch(getMessageList('C2Calice')).unwrap();
    const loaded = h.messages('C2Calice');
    expect(loaded.filter((m) => m.status === 'success').map((m) => m.payload.text)).toEqual([
      'secret-from-alice',
      'secret-from-bob',
    ]);
    // @tencentcloud/chat keeps the send that failed on expiry in its local cache and pages it back
    // as `fail` (tim-js-sdk does not): it must be there once, as `fail`, and resend to success.
    const failed = loaded.filter((m) => m.status !== 'success');
    expect(failed.map((m) => [m.payload.text, m.status])).toEqual(
      kind === '@tencentcloud/chat' ? [['after-expiry', 'fail']] : [],
    );
    for (const m of failed) await ctx.store.dispatch(resendMessage(m.ID)).unwrap();
    expect(h.messages('C2Calice').map((m) => m.status)).toEqual(loaded.map(() => 'success'));
    expect(ctx.emu.c2cMessages().filter((m) => serverText(m) === 'after-expiry')).toHaveLength(failed.length);
  });
});

describe.each(kinds)('second login under the kick-older policy on %s', (kind: SdkKind) => {
  const h = useFaultContext(kind, { multiInstance: 'kickOlder', multiInstanceKickType: 2 });
  const { ctx } = h;
  const session = () => selectSession(ctx.store.getState());

  it('bob logs in on another device: this store is kicked (multipleDevice) and emptied; the new device works', async () => {
    const marks = await fillBobStore(h);
    const other = h.secondDevice();
    await loginReady(kind, other, 'bob', { emulator: ctx.emu });
    await until(() => session().status === 'kickedOut', 2000, 'kickedOut');
    expect(session().kickedOutReason).toBe(ctx.TYPES.KICKED_OUT_MULT_DEVICE);
    await sleep(100);
    expectEmptied(h, marks);
    // Pushes go to the new device only.
    ctx.emu.injectC2CMessage({ from: 'alice', to: 'bob', text: 'for-the-new-device' });
    await sleep(150);
    expectEmptied(h, [...marks, 'for-the-new-device']);
  });
});
