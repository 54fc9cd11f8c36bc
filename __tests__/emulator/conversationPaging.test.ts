/** @jest-environment jsdom */
/**
 * A paged conversation list (`conversationPageSize`), as a real server answers `recentcontact.page_get`:
 * both SDKs follow the cursor to `CompleteFlag: 1` and end up with the whole list.
 */
import { constants, kinds, loginReady, until, useEmulator } from './sdk';

describe.each(kinds)('a paged conversation list on %s', (kind) => {
  const { EVENT } = constants(kind);
  const { start, sdk } = useEmulator(kind, { startEach: false });

  it('pages 250 conversations by 100: three page_get requests, the whole list in getConversationList', async () => {
    const server = await start({ conversationPageSize: 100 });
    for (let i = 0; i < 250; i++) server.injectC2CMessage({ from: `u${i}`, to: 'bob', text: `hi ${i}` });
    const bob = sdk(server);
    const updates: number[] = [];
    bob.on(EVENT.CONVERSATION_LIST_UPDATED, (e: { data: unknown }) => {
      updates.push(Array.isArray(e.data) ? e.data.length : -1);
    });
    await loginReady(kind, bob, 'bob', { emulator: server });
    const list = async () =>
      (await bob.getConversationList()) as unknown as {
        data: { conversationList: Array<{ conversationID: string }>; isSyncCompleted: boolean };
      };
    await until(async () => (await list()).data.isSyncCompleted, 4000, 'isSyncCompleted');
    const { conversationList } = (await list()).data;
    expect(new Set(conversationList.map((c) => c.conversationID))).toEqual(
      new Set(Array.from({ length: 250 }, (_, i) => `C2Cu${i}`)),
    );
    const pages = server.commandLog().filter((c) => c.servcmd === 'recentcontact.page_get' && c.userID === 'bob');
    expect(pages.map((p) => p.body.StartIndex ?? 0)).toEqual([0, 100, 200]);
    // The first event carries the first page only (each page is emitted; throttling may merge the later ones).
    expect(updates[0]).toBe(100);
  });

  it('answers the whole list in one page by default', async () => {
    const server = await start();
    for (let i = 0; i < 120; i++) server.injectC2CMessage({ from: `u${i}`, to: 'bob', text: `hi ${i}` });
    const bob = sdk(server);
    await loginReady(kind, bob, 'bob', { emulator: server });
    const pages = server.commandLog().filter((c) => c.servcmd === 'recentcontact.page_get' && c.userID === 'bob');
    expect(pages).toHaveLength(1);
  });
});
