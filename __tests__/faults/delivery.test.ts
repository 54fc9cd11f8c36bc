/**
 * @jest-environment jsdom
 *
 * Delivery faults through the IM emulator with the real SDKs: pushes sent twice, offline messages
 * that overlap history pages (network flapping is in flapping.test.ts). Every message must be in
 * the store once, in server order.
 */
import { getMessageList, selectHistoryState } from '../../src';
import { expectNoDuplicateIDs, kinds, sleep, until, useFaultContext } from './harness';

const range = (n: number, prefix: string): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe.each(kinds)('delivery faults on %s', (kind) => {
  const { ctx, loginBob, messages, texts } = useFaultContext(kind);
  const state = () => ctx.store.getState();
  const pageAll = async (conversationID: string): Promise<number> => {
    let pages = 0;
    while (!selectHistoryState(state(), conversationID).isCompleted && pages < 20) {
      await ctx.store.dispatch(getMessageList(conversationID)).unwrap();
      pages++;
    }
    return pages;
  };

  it('every push sent twice (one-to-one and group): each message once, in order', async () => {
    const group = ctx.emu.createGroup({ type: 'Public', name: 'g', ownerID: 'alice', memberIDs: ['bob'] });
    const groupConversation = `GROUP${group.groupID}`;
    await loginBob();
    await sleep(100);
    ctx.emu.duplicateNextPushes(8);
    for (let i = 0; i < 4; i++) {
      ctx.emu.injectC2CMessage({ from: 'alice', to: 'bob', text: `d${i}` });
      ctx.emu.injectGroupMessage({ from: 'alice', groupID: group.groupID, text: `g${i}` });
    }
    await until(
      () => texts('C2Calice').length >= 4 && texts(groupConversation).length >= 4,
      3000,
      'the pushed messages',
    );
    await sleep(150); // room for a late second copy
    expect(texts('C2Calice')).toEqual(range(4, 'd'));
    expect(texts(groupConversation)).toEqual(range(4, 'g'));
    expectNoDuplicateIDs(messages('C2Calice'));
    expectNoDuplicateIDs(messages(groupConversation));
  });

  it('a duplicated push of my own message from another device (multi-device sync): once', async () => {
    await loginBob();
    ctx.emu.duplicateNextPushes(2);
    // Injected as sent by bob elsewhere: bob's sockets get it as a sync message, twice.
    ctx.emu.injectC2CMessage({ from: 'bob', to: 'alice', text: 'from my phone' });
    await until(() => texts('C2Calice').includes('from my phone'), 3000, 'the synced message');
    await sleep(150);
    expect(texts('C2Calice')).toEqual(['from my phone']);
    expect(messages('C2Calice')[0].flow).toBe('out');
  });

  it('offline messages delivered at login overlap the history pages: each once, in order', async () => {
    // 10 read-before messages both ways, then 20 unread ones bob gets by the login sync.
    for (let i = 0; i < 10; i++)
      ctx.emu.injectC2CMessage({ from: i % 2 ? 'alice' : 'bob', to: i % 2 ? 'bob' : 'alice', text: `old${i}` });
    for (let i = 0; i < 20; i++) ctx.emu.injectC2CMessage({ from: 'alice', to: 'bob', text: `off${i}` });
    await loginBob();
    const expected = [...range(10, 'old'), ...range(20, 'off')];
    // A live message between the sync and the first page, and one between pages.
    ctx.emu.injectC2CMessage({ from: 'alice', to: 'bob', text: 'live0' });
    await until(() => texts('C2Calice').includes('live0'), 2000, 'live0');
    await ctx.store.dispatch(getMessageList('C2Calice')).unwrap();
    ctx.emu.injectC2CMessage({ from: 'alice', to: 'bob', text: 'live1' });
    await until(() => texts('C2Calice').includes('live1'), 2000, 'live1');
    await pageAll('C2Calice');
    expect(texts('C2Calice')).toEqual([...expected, 'live0', 'live1']);
    expectNoDuplicateIDs(messages('C2Calice'));
  });

  it('messages missed while the socket was down arrive by the re-login sync and overlap the next page: once, in order', async () => {
    for (let i = 0; i < 5; i++) ctx.emu.injectC2CMessage({ from: 'alice', to: 'bob', text: `a${i}` });
    await loginBob();
    await ctx.store.dispatch(getMessageList('C2Calice')).unwrap();
    const relogin = ctx.emu.waitForCommand('openim.getmsg', { userID: 'bob' });
    ctx.emu.dropSockets('bob');
    for (let i = 5; i < 10; i++) ctx.emu.injectC2CMessage({ from: 'alice', to: 'bob', text: `a${i}` });
    await relogin;
    await until(() => texts('C2Calice').length >= 10, 3000, 'the missed messages');
    // A fresh history walk from the SDK's cache and the server covers the synced ones again.
    await pageAll('C2Calice');
    await sleep(100);
    expect(texts('C2Calice')).toEqual(range(10, 'a'));
    expectNoDuplicateIDs(messages('C2Calice'));
  });
});
