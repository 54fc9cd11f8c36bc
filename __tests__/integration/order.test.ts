/**
 * @jest-environment jsdom
 *
 * One-to-one order within one second, on the real SDKs against the emulator: the store lists a
 * conversation in the order of the SDK's own list (`getMessageList`), live and after a reload. The
 * server's time is fixed, so every message shares one second; the peer's sequences are far above
 * bob's, so ordering by sequence (each sender's own counter) would put every reply above its question.
 */
import { getMessageList, login, logout, sendTextMessage } from '../../src';
import { kinds, useBindingOnEmulator } from '../helpers/emulatorStore';
import { sleep, until } from '../emulator/sdk';

describe.each(kinds)('same-second one-to-one order on %s', (kind) => {
  const binding = useBindingOnEmulator(kind);
  const { ctx, loginBob, texts } = binding;

  /** The texts of bob's SDK's own list of a conversation. */
  async function sdkTexts(conversationID: string): Promise<string[]> {
    const { data } = await ctx.bob.getMessageList({ conversationID });
    return data.messageList.map((m) => String(m.payload.text ?? ''));
  }

  async function exchange(): Promise<void> {
    ctx.emu.setServerTime(Math.floor(Date.now() / 1000));
    for (let i = 0; i < 3; i++) {
      ctx.emu.injectC2CMessage({ from: 'alice', to: 'bob', text: `question ${i}`, sequence: 90_000 + i });
      await until(() => texts('C2Calice').includes(`question ${i}`), 2000, `question ${i}`);
      await ctx.store.dispatch(sendTextMessage({ to: 'alice', conversationType: 'C2C', text: `answer ${i}` })).unwrap();
    }
  }

  const expected = ['question 0', 'answer 0', 'question 1', 'answer 1', 'question 2', 'answer 2'];

  it('live: questions and answers in one second show in the order they came, as in the SDK', async () => {
    await loginBob();
    await exchange();
    expect(new Set(ctx.emu.c2cMessages().map((m) => m.time)).size).toBe(1);
    expect(await sdkTexts('C2Calice')).toEqual(expected);
    expect(texts('C2Calice')).toEqual(expected);
  });

  it('after a reload, the history page keeps the server order, as in the SDK', async () => {
    await loginBob();
    await exchange();
    await ctx.store.dispatch(logout()).unwrap();
    await ctx.store.dispatch(login({ userID: 'bob', userSig: 'sig-bob' })).unwrap();
    await sleep(50);
    await ctx.store.dispatch(getMessageList('C2Calice')).unwrap();
    expect(await sdkTexts('C2Calice')).toEqual(expected);
    expect(texts('C2Calice')).toEqual(expected);
  });

  it('a history page put before live messages of the same second goes before them', async () => {
    ctx.emu.setServerTime(Math.floor(Date.now() / 1000));
    for (let i = 0; i < 20; i++)
      ctx.emu.injectC2CMessage({
        from: i % 2 ? 'bob' : 'alice',
        to: i % 2 ? 'alice' : 'bob',
        text: `old ${i}`,
        sequence: 90_000 - i,
      });
    await loginBob();
    // Two live messages before any history is loaded: the page that follows is older than both.
    for (const text of ['live 0', 'live 1']) {
      ctx.emu.injectC2CMessage({ from: 'alice', to: 'bob', text, sequence: 1 });
      await until(() => texts('C2Calice').includes(text), 2000, text);
    }
    await ctx.store.dispatch(getMessageList('C2Calice')).unwrap();
    await ctx.store.dispatch(getMessageList('C2Calice')).unwrap();
    const all = [...Array.from({ length: 20 }, (_, i) => `old ${i}`), 'live 0', 'live 1'];
    expect(texts('C2Calice')).toEqual(all);
    const sdk = await sdkTexts('C2Calice');
    // The SDK's first page is the newest 15; the store holds what it was given, in the same order.
    expect(all.slice(-sdk.length)).toEqual(sdk);
  });
});
