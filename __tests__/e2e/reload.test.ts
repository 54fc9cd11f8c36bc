/**
 * End to end: reloading the demo (persistence on by default, `indexedDBStorage()`) in headless
 * Chromium. The emulator holds each reload's login (`wslogin`) for a few seconds, so that "before the
 * SDK is ready" lasts long enough to be looked at rather than raced: the restored list and the open
 * chat must be on screen during it, then the live data arrives without a message twice. With
 * `?persist=0` the same reload shows nothing until the SDK has the list. Sign out deletes the
 * snapshot. The time to the first row is measured by `bench/firstRow.ts`, not asserted here.
 */
import type { Browser, Page } from 'playwright-core';
import {
  DESKTOP,
  PHONE,
  launch,
  newPage,
  screenshotsOnFailure,
  shoot,
  signIn,
  startDemo,
  suite,
  type DemoProcess,
} from './demo';
import { readFirstRowMarks, recordFirstRow } from './demoProcess';

jest.setTimeout(120_000);

/** The snapshot's key: the default prefix, the demo's SDKAppID, the user. */
const KEY = 'tim-redux:1400000001:alice';
/** How long the emulator holds a reload's login: "before ready" lasts at least this long. */
const LOGIN_HELD_MS = 6000;

interface DemoWindow {
  __timDemo: {
    store: { getState(): { tim: { session: { status: string } } } };
    storage: { getItem(key: string): Promise<string | null> | string | null } | null;
  };
}

suite('reloading the chat demo in headless Chromium (persisted snapshot)', () => {
  let demo: DemoProcess;
  let browser: Browser;
  let pages: Record<string, Page> = {};

  beforeAll(async () => {
    demo = await startDemo();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    demo?.child.kill('SIGTERM');
  });
  afterEach(async () => {
    for (const page of Object.values(pages)) await page.context().close();
    pages = {};
  });
  const run = (body: () => Promise<void>) => () => screenshotsOnFailure(pages, body);
  const bubble = (page: Page, text: string) => page.locator('[data-testid^="msg-"]', { hasText: text });

  const saved = (page: Page): Promise<string | null> =>
    page.evaluate(
      async (key) => (await (window as unknown as DemoWindow).__timDemo.storage?.getItem(key)) ?? null,
      KEY,
    );
  /**
   * Waits until the saved snapshot holds `text` `times` times (saves are debounced; a message's text
   * is there once in the message and again in its conversation's last message, which the SDK's
   * throttled list event brings up to a second later).
   */
  async function savedWith(page: Page, text: string, times = 1): Promise<void> {
    const deadline = Date.now() + 15_000;
    while (((await saved(page)) ?? '').split(text).length - 1 < times) {
      if (Date.now() > deadline) throw new Error(`the snapshot never held "${text}"`);
      await page.waitForTimeout(100);
    }
  }
  /** What the page and its SDK say right now. */
  const now = (page: Page) =>
    page.evaluate(() => {
      const { store } = (window as unknown as DemoWindow).__timDemo;
      return {
        status: store.getState().tim.session.status,
        rows: [...document.querySelectorAll('[data-testid^="conv-"]')].map((r) => r.getAttribute('data-testid')),
        messages: [...document.querySelectorAll('[data-testid^="msg-"]')].map((m) => m.getAttribute('data-testid')),
      };
    });
  /** Whether the server has a socket logged in as alice. */
  const aliceLoggedIn = async () =>
    ((await demo.control('connections')) as Array<{ userID: string; loggedIn: boolean }>).some(
      (c) => c.userID === 'alice' && c.loggedIn,
    );
  /** Holds the next login on the emulator (the socket has no user before its login: no user filter). */
  const holdLogin = () => demo.control('delayCommand', 'im_open_status.wslogin', LOGIN_HELD_MS, { times: 1 });

  /** Records every name · preview · time each conversation row shows, from the first frame (badges aside). */
  const recordRowTexts = (page: Page) =>
    page.addInitScript({
      content: `(() => {
        const seen = (window.__rowTexts = {});
        new MutationObserver(() => {
          document.querySelectorAll('[data-testid^="conv-"]').forEach((row) => {
            const part = (sel) => (row.querySelector(sel) || {}).textContent || '';
            const text = [part('.row-name'), part('.row-preview'), part('.row-time')].join(' · ');
            const values = (seen[row.getAttribute('data-testid')] ||= []);
            if (values[values.length - 1] !== text) values.push(text);
          });
        }).observe(document, { subtree: true, childList: true, characterData: true });
      })();`,
    });
  /** Alice signs in, opens her chat with Bob, sends one message and receives one; the snapshot has both. */
  async function aliceChats(tag: string, viewport = DESKTOP): Promise<Page> {
    const { page } = await newPage(browser, viewport);
    pages.alice = page;
    await signIn(page, demo, 'alice');
    await page.getByTestId('conv-C2Cbob').click();
    await page.getByTestId('compose').fill(`Alice, before the reload (${tag})`);
    await page.getByTestId('send').click();
    await bubble(page, `Alice, before the reload (${tag})`)
      .getByText(/^(Sent|Read)$/)
      .waitFor({ timeout: 15_000 });
    await demo.control('injectC2CMessage', { from: 'bob', to: 'alice', text: `Bob, before the reload (${tag})` });
    await bubble(page, `Bob, before the reload (${tag})`).waitFor({ timeout: 15_000 });
    await savedWith(page, `Bob, before the reload (${tag})`, 2);
    return page;
  }

  it(
    'reload: the list and the open chat are on screen before the SDK is ready, then the live data arrives, no message twice',
    run(async () => {
      const page = await aliceChats('1');
      // The page closes; Bob writes meanwhile; then it opens again (same tab: it signs in by itself).
      await page.goto('about:blank');
      await demo.control('injectC2CMessage', { from: 'bob', to: 'alice', text: 'Bob, while Alice was away' });
      await recordFirstRow(page);
      await recordRowTexts(page);
      await holdLogin();
      await page.goto(demo.urlFor('alice'));

      await bubble(page, 'Bob, before the reload (1)').waitFor({ timeout: LOGIN_HELD_MS / 2 });
      await bubble(page, 'Alice, before the reload (1)').waitFor();
      const before = await now(page);
      expect(before.status).toBe('loggingIn');
      // The server has not logged the page's SDK in yet (the instance TIM.create returns has no isReady()).
      expect(await aliceLoggedIn()).toBe(false);
      expect(before.rows).toEqual(expect.arrayContaining(['conv-C2Cbob', 'conv-C2Ccarol']));
      expect(before.rows.some((r) => r?.startsWith('conv-GROUP'))).toBe(true);
      await expect(page.getByTestId('chat-title').textContent()).resolves.toBe('Bob');
      await page.getByTestId('restoring').waitFor();
      expect(await page.getByTestId('syncing').count()).toBe(0); // no "Loading…" over restored data
      const marks = await readFirstRowMarks(page);
      expect(marks.statusAtFirstRow).toBe('loggingIn');
      expect(marks.statusAtFirstMessage).toBe('loggingIn');
      await shoot(page, 'restored-desktop');

      // The SDK logs in and syncs: its data wins, the note goes, what Bob sent meanwhile shows, once.
      await page.getByTestId('restoring').waitFor({ state: 'detached', timeout: 30_000 });
      await bubble(page, 'Bob, while Alice was away').waitFor({ timeout: 15_000 });
      await page.waitForTimeout(2500); // the SDK throttles its list and message events
      const after = await now(page);
      expect(after.status).toBe('ready');
      expect(await aliceLoggedIn()).toBe(true);
      expect(new Set(after.messages).size).toBe(after.messages.length);
      expect(new Set(after.rows).size).toBe(after.rows.length);
      for (const text of ['Alice, before the reload (1)', 'Bob, before the reload (1)', 'Bob, while Alice was away'])
        expect({ text, count: await bubble(page, text).count() }).toEqual({ text, count: 1 });
      // No flicker: the rows nothing happened to (Carol's, the group's) showed one name, preview and
      // time from the first frame, through the reconciliation; Bob's changed once, to the new message.
      const texts = await page.evaluate(
        () => (window as unknown as { __rowTexts: Record<string, string[]> }).__rowTexts,
      );
      const group = Object.keys(texts).find((id) => id.startsWith('conv-GROUP'));
      for (const id of ['conv-C2Ccarol', group ?? 'conv-GROUP'])
        expect({ id, values: texts[id] }).toEqual({ id, values: [expect.any(String)] });
      expect(texts['conv-C2Cbob']).toEqual([
        expect.stringContaining('Bob, before the reload (1)'),
        expect.stringContaining('Bob, while Alice was away'),
      ]);
    }),
  );

  it(
    'with ?persist=0 the same reload shows nothing until the SDK has the list',
    run(async () => {
      const page = await aliceChats('2');
      await recordFirstRow(page);
      await holdLogin();
      await page.goto(`${demo.urlFor('alice')}&persist=0`);
      await page.getByTestId('syncing').waitFor({ timeout: LOGIN_HELD_MS / 2 });
      await page.waitForTimeout(LOGIN_HELD_MS / 2);
      const held = await now(page);
      expect(held.status).toBe('loggingIn');
      expect(held.rows).toEqual([]);
      expect(held.messages).toEqual([]);
      expect(await page.getByTestId('restoring').count()).toBe(0);
      await page.getByTestId('conv-C2Cbob').waitFor({ timeout: 30_000 });
      await bubble(page, 'Bob, before the reload (2)').waitFor({ timeout: 15_000 });
      const marks = await readFirstRowMarks(page);
      expect(marks.firstRow).toBeGreaterThan(LOGIN_HELD_MS);
    }),
  );

  it(
    'a message still sending when the page went away comes back Failed with Retry, which sends it once',
    run(async () => {
      const page = await aliceChats('3', PHONE);
      // The server never answers this send: the bubble says Sending… when the snapshot is saved.
      await demo.control('swallowCommand', 'openim.sendmsg', { userID: 'alice', times: 1 });
      await page.getByTestId('compose').fill('Lost in the reload');
      await page.getByTestId('send').click();
      await bubble(page, 'Lost in the reload').getByText('Sending…').waitFor();
      await savedWith(page, 'Lost in the reload');
      await holdLogin();
      await page.reload();
      const restored = bubble(page, 'Lost in the reload');
      await restored.getByText('Failed').waitFor({ timeout: LOGIN_HELD_MS / 2 });
      await restored.getByTestId('retry').waitFor();
      // On a phone the list is behind the chat: the chat's header says it is updating.
      await page.locator('.chat-header .updating').waitFor();
      expect((await now(page)).status).toBe('loggingIn');
      await shoot(page, 'restored-failed-phone');
      // Nothing is sent by itself: the server still has no such message until Retry.
      await page.getByTestId('restoring').waitFor({ state: 'detached', timeout: 30_000 });
      const texts = async () =>
        ((await demo.control('c2cMessages', { between: ['alice', 'bob'] })) as Array<{ text?: string }>).filter((m) =>
          JSON.stringify(m).includes('Lost in the reload'),
        ).length;
      expect(await texts()).toBe(0);
      await restored.getByTestId('retry').click();
      await restored.getByText(/^(Sent|Read)$/).waitFor({ timeout: 15_000 });
      expect(await bubble(page, 'Lost in the reload').count()).toBe(1);
      expect(await texts()).toBe(1);
    }),
  );

  it(
    'sign out deletes the snapshot and forgets the user: a reload shows the login screen',
    run(async () => {
      const page = await aliceChats('4');
      await page.getByTestId('logout').click();
      await page.getByTestId('login').waitFor();
      const deadline = Date.now() + 10_000;
      while ((await saved(page)) !== null) {
        if (Date.now() > deadline) throw new Error('the snapshot is still there after sign out');
        await page.waitForTimeout(100);
      }
      await page.reload();
      await page.getByTestId('login').waitFor();
      expect(await saved(page)).toBeNull();
      expect(await page.locator('[data-testid^="conv-"]').count()).toBe(0);
    }),
  );
  it(
    'kicked out: the snapshot is deleted and the user forgotten, a reload shows the login screen',
    run(async () => {
      const page = await aliceChats('5');
      await demo.control('kick', 'alice', 2);
      await page.getByTestId('kicked').waitFor({ timeout: 15_000 });
      const deadline = Date.now() + 10_000;
      while ((await saved(page)) !== null) {
        if (Date.now() > deadline) throw new Error('the snapshot is still there after the kick');
        await page.waitForTimeout(100);
      }
      await page.reload();
      await page.getByTestId('login').waitFor();
      expect(await page.getByTestId('user').inputValue()).toBe('alice'); // only the URL's hint
      expect(await page.locator('[data-testid^="conv-"]').count()).toBe(0);
    }),
  );
});
