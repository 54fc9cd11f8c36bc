/**
 * @jest-environment jsdom
 *
 * Faults during a send and a history fetch, through the IM emulator with the real SDKs: the socket
 * drops mid-send, the server answers past the SDK's timeout, a command fails with an error code.
 * The store is what is asserted: the message once, `success` or `fail` with its error, and a `fail`
 * resent to `success` without a second copy anywhere (store, server, recipient).
 */
import {
  getMessageList,
  resendMessage,
  selectHistoryState,
  selectMessageError,
  selectNetState,
  sendTextMessage,
  type MessageRecord,
} from '../../src';
import { collect, type SdkMessage } from '../emulator/sdk';
import { expectNoDuplicateIDs, kinds, serverText, sleep, until, useFaultContext } from './harness';

/** NETWORK_TIMEOUT of both SDKs: a request without an answer after 15 s. */
const SDK_TIMEOUT_CODE = 2801;
/** The SDKs time out every request but login (90 s) and the heartbeat (3 s) after 15 s. */
const SDK_REQUEST_TIMEOUT_MS = 15_000;

/**
 * Moves the clock the SDK reads past its request timeout. Both SDKs stamp each request with
 * `Date.now()` and check the stamps once a second (`_checkPromiseMap`); the 15 s are hard-coded,
 * with no option. Shifting `Date.now` (not the timers) makes the next check, within a second,
 * time the request out, as 15 real seconds would. Returns the restore function.
 */
function jumpPastSdkTimeout(): () => void {
  const realNow = Date.now.bind(Date);
  const spy = jest.spyOn(Date, 'now').mockImplementation(() => realNow() + SDK_REQUEST_TIMEOUT_MS + 1_000);
  return () => spy.mockRestore();
}

describe.each(kinds)('send and history faults on %s', (kind) => {
  const { ctx, loginBob, peer, messages } = useFaultContext(kind);
  const state = () => ctx.store.getState();
  const onServer = (text: string) =>
    ctx.emu.c2cMessages({ between: ['bob', 'alice'] }).filter((m) => serverText(m) === text);
  const mine = (text: string): MessageRecord[] => messages('C2Calice').filter((m) => m.payload.text === text);
  const send = (text: string) => ctx.store.dispatch(sendTextMessage({ to: 'alice', conversationType: 'C2C', text }));
  /** Alice online, counting what she receives. */
  const aliceReceiving = async () => {
    const alice = await peer('alice');
    return collect<SdkMessage[]>(alice, ctx.EVENT.MESSAGE_RECEIVED);
  };
  const receivedTexts = (batches: SdkMessage[][]) => batches.flat().map((m) => m.payload.text);

  /** The message is in the store once; if it failed, resending makes it `success`, still once. */
  async function expectOnceAndResendable(text: string): Promise<MessageRecord> {
    expect(mine(text)).toHaveLength(1);
    let record = mine(text)[0];
    expect(['success', 'fail']).toContain(record.status);
    if (record.status === 'fail') {
      expect(selectMessageError(state(), record.ID)).toEqual(expect.objectContaining({ code: expect.any(Number) }));
      await ctx.store.dispatch(resendMessage(record.ID)).unwrap();
      record = mine(text)[0];
    }
    expect(mine(text)).toHaveLength(1);
    expect(record.status).toBe('success');
    expect(selectMessageError(state(), record.ID)).toBeUndefined();
    expectNoDuplicateIDs(messages('C2Calice'));
    return record;
  }

  it('socket dropped after the server stored the message (reply lost): the SDK re-sends on the new socket; once everywhere', async () => {
    const received = await aliceReceiving();
    await loginBob();
    const netStates: string[] = [];
    const unsubscribe = ctx.store.subscribe(() => {
      const s = selectNetState(state());
      if (netStates[netStates.length - 1] !== s) netStates.push(s);
    });
    ctx.emu.delayCommand('openim.sendmsg', 300); // stored at 300 ms; the reply goes to a closed socket
    const arrived = ctx.emu.waitForCommand('openim.sendmsg', { userID: 'bob' });
    const sending = send('reply lost');
    await arrived;
    expect(mine('reply lost')[0]?.status).toBe('unSend');
    ctx.emu.dropSockets('bob');
    await sending;
    unsubscribe();
    await expectOnceAndResendable('reply lost');
    expect(netStates).toContain('disconnected');
    expect(selectNetState(state())).toBe('connected');
    // The SDK did send it twice; the server keeps one (it keys messages by MsgRandom), alice gets one.
    expect(
      ctx.emu.commandLog().filter((c) => c.servcmd === 'openim.sendmsg' && c.userID === 'bob').length,
    ).toBeGreaterThanOrEqual(2);
    expect(onServer('reply lost')).toHaveLength(1);
    await until(() => receivedTexts(received.items).includes('reply lost'), 2000, 'alice receives it');
    await sleep(100);
    expect(receivedTexts(received.items).filter((t) => t === 'reply lost')).toHaveLength(1);
    received.stop();
  });

  it('socket dropped before the request reached the server (request lost): the SDK re-sends; once everywhere', async () => {
    await loginBob();
    ctx.emu.swallowCommand('openim.sendmsg', { userID: 'bob' });
    const arrived = ctx.emu.waitForCommand('openim.sendmsg', { userID: 'bob' });
    const sending = send('request lost');
    await arrived;
    ctx.emu.dropSockets('bob');
    await sending;
    await expectOnceAndResendable('request lost');
    expect(onServer('request lost')).toHaveLength(1);
  });

  it('the server answers past the SDK timeout: fail with NETWORK_TIMEOUT, the late answer changes nothing, resend → success once', async () => {
    const received = await aliceReceiving();
    await loginBob();
    ctx.emu.delayCommand('openim.sendmsg', 2000); // stored and answered at 2 s, after the SDK gave up
    const arrived = ctx.emu.waitForCommand('openim.sendmsg', { userID: 'bob' });
    const sending = send('late');
    await arrived;
    const restore = jumpPastSdkTimeout();
    let result: Awaited<typeof sending>;
    try {
      result = await sending;
    } finally {
      restore();
    }
    expect(result.payload).toEqual({ code: SDK_TIMEOUT_CODE, message: expect.any(String) });
    const failed = mine('late');
    expect(failed).toHaveLength(1);
    expect(failed[0].status).toBe('fail');
    expect(selectMessageError(state(), failed[0].ID)).toEqual({ code: SDK_TIMEOUT_CODE, message: expect.any(String) });
    // The late answer arrives (the server stored the message then) and is ignored by the SDK.
    await until(() => onServer('late').length === 1, 3000, 'the delayed send is handled');
    await sleep(100);
    expect(mine('late').map((m) => m.status)).toEqual(['fail']);
    await expectOnceAndResendable('late');
    expect(onServer('late')).toHaveLength(1);
    await until(() => receivedTexts(received.items).includes('late'), 2000, 'alice receives it');
    await sleep(100);
    expect(receivedTexts(received.items).filter((t) => t === 'late')).toHaveLength(1);
    received.stop();
  });

  it('the server answers late but within the timeout: unSend while waiting, then success', async () => {
    await loginBob();
    ctx.emu.delayCommand('openim.sendmsg', 600);
    const sending = send('slow');
    await sleep(300);
    expect(mine('slow').map((m) => m.status)).toEqual(['unSend']);
    await sending;
    expect(mine('slow').map((m) => m.status)).toEqual(['success']);
    expect(onServer('slow')).toHaveLength(1);
  });

  it('sendmsg fails with 20007 (blocked): fail + selectMessageError, nothing on the server; resend → success once', async () => {
    await loginBob();
    ctx.emu.failCommand('openim.sendmsg', { code: 20007, message: 'blocked' });
    const result = await send('refused');
    expect(result.payload).toEqual({ code: 20007, message: expect.any(String) });
    const [record] = mine('refused');
    expect(record.status).toBe('fail');
    expect(selectMessageError(state(), record.ID)).toEqual({ code: 20007, message: expect.any(String) });
    expect(onServer('refused')).toHaveLength(0);
    await expectOnceAndResendable('refused');
    expect(onServer('refused')).toHaveLength(1);
  });

  it('a resend that fails again stays fail with the new error, and a third try succeeds', async () => {
    await loginBob();
    ctx.emu.failCommand('openim.sendmsg', { code: 20007 });
    await send('twice refused');
    const [record] = mine('twice refused');
    ctx.emu.failCommand('openim.sendmsg', { code: 10016 });
    const again = await ctx.store.dispatch(resendMessage(record.ID));
    expect(again.payload).toEqual({ code: 10016, message: expect.any(String) });
    expect(mine('twice refused').map((m) => m.status)).toEqual(['fail']);
    expect(selectMessageError(state(), record.ID)?.code).toBe(10016);
    await expectOnceAndResendable('twice refused');
    expect(onServer('twice refused')).toHaveLength(1);
  });

  it('getroammsg fails: history error set, loading off, nothing loaded; the retry loads the page and clears the error', async () => {
    for (let i = 0; i < 5; i++)
      ctx.emu.injectC2CMessage({ from: i % 2 ? 'alice' : 'bob', to: i % 2 ? 'bob' : 'alice', text: `h${i}` });
    await loginBob();
    ctx.emu.failCommand('openim.getroammsg', { code: 10002, message: 'internal error' }, { userID: 'bob' });
    const failed = await ctx.store.dispatch(getMessageList('C2Calice'));
    expect(failed.payload).toEqual({ code: 10002, message: expect.any(String) });
    expect(selectHistoryState(state(), 'C2Calice')).toEqual(
      expect.objectContaining({
        loading: false,
        isCompleted: false,
        error: { code: 10002, message: expect.any(String) },
      }),
    );
    const before = messages('C2Calice').map((m) => m.payload.text);
    expect(before.filter((t) => /^h[024]$/.test(String(t)))).toEqual([]); // bob's own history not loaded
    await ctx.store.dispatch(getMessageList('C2Calice')).unwrap();
    expect(selectHistoryState(state(), 'C2Calice')).toEqual(
      expect.objectContaining({ loading: false, isCompleted: true, error: null }),
    );
    expect(messages('C2Calice').map((m) => m.payload.text)).toEqual(['h0', 'h1', 'h2', 'h3', 'h4']);
    expectNoDuplicateIDs(messages('C2Calice'));
  });
});
