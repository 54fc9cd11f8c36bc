/**
 * End to end: the demo (React app on tim-redux/react and the real tim-js-sdk, against the IM emulator)
 * in headless Chromium, two users in two browser contexts. Each test drives one behaviour of the app
 * as a user would; the main screens are saved to docs/screenshots/. Screenshots go to e2e-artifacts/
 * on failure.
 */
import type { Browser, Locator, Page } from 'playwright-core';
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
  sdkUnread,
  unreadCounts,
  type DemoProcess,
} from './demo';

jest.setTimeout(120_000);

suite('the chat demo in headless Chromium', () => {
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

  async function open(name: string, user: string, viewport = DESKTOP): Promise<Page> {
    const { page } = await newPage(browser, viewport);
    pages[name] = page;
    await signIn(page, demo, user);
    return page;
  }
  const run = (body: () => Promise<void>) => () => screenshotsOnFailure(pages, body);
  /** Waits for a message to end sent, pressing Retry while it shows (the SDK may deliver it by itself meanwhile). */
  async function endsSent(message: Locator): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (!(await message.getByText(/^(Sent|Read)$/).count())) {
      if (Date.now() > deadline) throw new Error(`not sent: ${await message.textContent()}`);
      await message
        .getByTestId('retry')
        .click({ timeout: 500 })
        .catch(() => undefined);
      await message.page().waitForTimeout(200);
    }
  }
  /** The total badge equals the sum of the row badges and the SDK's getTotalUnreadMessageCount(). */
  async function expectTotalIsSumOfRows(page: Page): Promise<void> {
    const [{ rows, total }, sdk] = await Promise.all([unreadCounts(page), sdkUnread(page)]);
    expect(total).toBe(Object.values(rows).reduce((a, b) => a + b, 0));
    expect({ total, rows }).toEqual({ total: sdk.total, rows: sdk.rows });
  }
  const bubble = (page: Page, text: string) => page.locator('[data-testid^="msg-"]', { hasText: text });

  it(
    'the login screen says what to type and claims no password; a new user sees the empty state; sign out',
    run(async () => {
      const { page } = await newPage(browser, PHONE);
      pages.login = page;
      await page.goto(demo.urlFor(''));
      await expect(page.locator('form').textContent()).resolves.toContain('There is no password');
      expect(await page.locator('input[type="password"]').count()).toBe(0);
      await page.getByTestId('user').fill('alice');
      await shoot(page, 'login-phone');

      const dave = await open('dave', 'dave');
      await dave.getByTestId('no-conversations').waitFor({ timeout: 15_000 });
      expect(await dave.getByTestId('total-unread').count()).toBe(0);
      await shoot(dave, 'empty-desktop');
      await dave.getByTestId('logout').click();
      await dave.getByTestId('login').waitFor();
    }),
  );

  it(
    'unread badges do not flicker at login: each shows one value, only once the list has synced',
    run(async () => {
      const { page } = await newPage(browser, DESKTOP);
      pages.bob = page;
      // Record every value each badge ever shows, from the first frame.
      await page.addInitScript(() => {
        const seen: Record<string, string[]> = {};
        (window as unknown as { __badges: typeof seen }).__badges = seen;
        new MutationObserver(() => {
          document.querySelectorAll('[data-testid^="unread-"], [data-testid="total-unread"]').forEach((b) => {
            const id = b.getAttribute('data-testid')!;
            const values = (seen[id] ??= []);
            if (values[values.length - 1] !== b.textContent) values.push(b.textContent ?? '');
          });
        }).observe(document, { subtree: true, childList: true, characterData: true });
      });
      await signIn(page, demo, 'bob');
      await page.getByTestId('unread-C2Calice').waitFor({ timeout: 15_000 });
      await page.waitForTimeout(2500); // the SDK throttles list events to one a second
      const seen = await page.evaluate(() => (window as unknown as { __badges: Record<string, string[]> }).__badges);
      for (const [id, values] of Object.entries(seen)) expect({ id, values }).toEqual({ id, values: [values[0]] });
      const { rows, total } = await unreadCounts(page);
      expect(total).toBe(Object.values(rows).reduce((a, b) => a + b, 0));
    }),
  );

  it(
    'one sends, the other sees it with an unread badge (the total is the sum of the rows), reads it, the sender sees Read',
    run(async () => {
      const alice = await open('alice', 'alice');
      const bob = await open('bob', 'bob');
      const bobBadge = bob.getByTestId('unread-C2Calice');
      await bobBadge.waitFor();
      const before = Number(await bobBadge.textContent());

      await alice.getByTestId('conv-C2Cbob').click();
      await expect(alice.getByTestId('chat-title').textContent()).resolves.toBe('Bob');
      await alice.getByTestId('compose').fill('Hello from the end-to-end test');
      await alice.getByTestId('send').click();
      const sent = bubble(alice, 'Hello from the end-to-end test');
      await sent.getByText('Sent').waitFor();

      await bob.waitForFunction(
        ([id, n]) => Number(document.querySelector(`[data-testid="${id}"]`)?.textContent) === n,
        ['unread-C2Calice', before + 1] as const,
        { timeout: 15_000 },
      );
      const { rows, total } = await unreadCounts(bob);
      expect(total).toBe(Object.values(rows).reduce((a, b) => a + b, 0));
      await shoot(bob, 'list-desktop');

      await bob.getByTestId('conv-C2Calice').click();
      await expect(bob.getByTestId('chat-title').textContent()).resolves.toBe('Alice');
      await bubble(bob, 'Hello from the end-to-end test').waitFor();
      await bobBadge.waitFor({ state: 'detached', timeout: 15_000 });
      await sent.getByText('Read').waitFor({ timeout: 15_000 });
      await shoot(alice, 'chat-desktop');
    }),
  );

  it(
    'a group: header with name and member count, the tip as a centred line in words, sender names',
    run(async () => {
      const alice = await open('alice', 'alice');
      await alice.locator('[data-testid^="conv-GROUP"]', { hasText: 'Team' }).click();
      await expect(alice.getByTestId('chat-title').textContent()).resolves.toBe('Team');
      await alice.getByTestId('chat-subtitle').getByText('3 members').waitFor({ timeout: 10_000 });
      const tip = alice.getByTestId('tip').filter({ hasText: 'Carol joined the group' });
      await tip.waitFor();
      expect(await tip.evaluate((el) => getComputedStyle(el).textAlign)).toBe('center');
      expect(await tip.evaluate((el) => el.closest('.bubble'))).toBeNull();
      expect(
        await alice
          .locator('.item', { has: alice.getByTestId('tip') })
          .getByTestId('revoke')
          .count(),
      ).toBe(0);
      await alice.locator('.sender', { hasText: 'Carol' }).first().waitFor();
      await expectTotalIsSumOfRows(alice);
      await shoot(alice, 'group-desktop');
    }),
  );

  it(
    'recall: only on own messages, only within the revoke window; recalled shown as such on both sides',
    run(async () => {
      const bob = await open('bob', 'bob');
      const { page: alice } = await newPage(browser, DESKTOP);
      pages.alice = alice;
      await alice.clock.install(); // time flows, and can be jumped past the window
      await signIn(alice, demo, 'alice');
      await alice.getByTestId('conv-C2Cbob').click();
      // Peer messages never offer Recall.
      await bubble(alice, 'release notes').waitFor();
      expect(await alice.locator('.item:not([data-from="alice"]) [data-testid="revoke"]').count()).toBe(0);

      for (const text of ['recall me', 'too late to recall']) {
        await alice.getByTestId('compose').fill(text);
        await alice.getByTestId('send').click();
        await bubble(alice, text).getByText('Sent').waitFor();
      }
      const recallID = await bubble(alice, 'recall me').getAttribute('data-testid');
      const recallMe = alice.getByTestId(recallID!);
      await recallMe.hover();
      await recallMe.getByTestId('revoke').click();
      await recallMe.getByText('You recalled a message').waitFor({ timeout: 10_000 });
      await bob.getByTestId('conv-C2Calice').click();
      await bob.getByText('Message recalled').first().waitFor({ timeout: 10_000 });

      const late = bubble(alice, 'too late to recall');
      expect(await late.getByTestId('revoke').count()).toBe(1);
      await alice.clock.fastForward('02:01');
      await late.getByTestId('revoke').waitFor({ state: 'detached', timeout: 5000 });
    }),
  );

  it(
    'history: the message at the top stays in place when older ones arrive; wheel scrolling loads page after page to the beginning',
    run(async () => {
      await demo.control('loadLong', 'hana', 'ivan', 100);
      const hana = await open('hana', 'hana');
      await hana.getByTestId('conv-C2Civan').click();
      await bubble(hana, 'Message 100 of 100').waitFor();
      const scroller = hana.locator('.scroller');
      await scroller.hover();
      let pagesLoaded = 0;
      while (!(await hana.getByText('This is the beginning of the conversation.').count())) {
        // A wheel turn up to the top; then, every frame until the page has loaded and settled, where the
        // message that was at the top is on screen. It must not move.
        await hana.mouse.wheel(0, -5000);
        const drift = await hana.evaluate(async () => {
          const first = () => document.querySelector('.scroller [data-testid^="msg-"]');
          const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
          let top = first();
          for (let i = 0; i < 30 && (!top || top.getBoundingClientRect().top < 0); i++) {
            await frame();
            top = first();
          }
          const id = top!.getAttribute('data-testid');
          const y0 = top!.getBoundingClientRect().top;
          let worst = 0;
          const log: number[] = [];
          const settleUntil = () => !document.body.textContent?.includes('Loading older messages');
          for (let i = 0, quiet = 0; i < 300 && quiet < 20; i++) {
            await frame();
            const el = document.querySelector(`[data-testid="${id}"]`);
            if (el) worst = Math.max(worst, Math.abs(el.getBoundingClientRect().top - y0));
            log.push(el ? Math.round(el.getBoundingClientRect().top - y0) : 999);
            quiet = settleUntil() ? quiet + 1 : 0;
          }
          return { worst, log: log.join(',') };
        });
        expect(drift).toEqual({ worst: 0, log: expect.any(String) });
        if (++pagesLoaded > 20) throw new Error('history did not reach its beginning');
      }
      await bubble(hana, 'Message 1 of 100').waitFor();
      expect(pagesLoaded).toBeGreaterThan(1);
      const oldest = await hana.evaluate(() =>
        Array.from(document.querySelectorAll('.bubble'))
          .map((b) => b.firstChild?.textContent)
          .filter((t) => t === 'Message 1 of 100'),
      );
      expect(oldest).toEqual(['Message 1 of 100']);
    }),
  );

  it(
    'offline: a banner; a message sent offline ends delivered after reconnect, or failed with Retry, never endless',
    run(async () => {
      const alice = await open('alice', 'alice');
      const bob = await open('bob', 'bob', PHONE);
      await bob.getByTestId('conv-C2Calice').click();
      await bob.context().setOffline(true);
      await bob.getByTestId('net').waitFor({ timeout: 10_000 });
      // Back online while sending: delivered, or failed and then retried.
      await bob.getByTestId('compose').fill('sent while the network blinked');
      await bob.getByTestId('send').click();
      await bubble(bob, 'network blinked').getByText('Sending…').waitFor();
      await shoot(bob, 'offline-phone');
      await bob.context().setOffline(false);
      const blinked = bubble(bob, 'network blinked');
      await blinked.getByText(/^(Sent|Read|Failed)$/).waitFor({ timeout: 40_000 });
      await endsSent(blinked);
      await bob.getByTestId('net').waitFor({ state: 'detached', timeout: 20_000 });

      // Offline for good: the SDK gives up, the message shows Failed with Retry; Retry once online delivers it.
      await bob.context().setOffline(true);
      await bob.getByTestId('net').waitFor({ timeout: 10_000 });
      await bob.getByTestId('compose').fill('sent offline for good');
      await bob.getByTestId('send').click();
      const stuck = bubble(bob, 'offline for good');
      await stuck.getByText('Failed').waitFor({ timeout: 40_000 });
      await bob.context().setOffline(false);
      await bob.getByTestId('net').waitFor({ state: 'detached', timeout: 20_000 });
      // The SDK may still deliver it once the socket is back (its sync then reports it sent): either way
      // it ends sent, by itself or through Retry.
      await endsSent(stuck);
      await alice.getByTestId('conv-C2Cbob').click();
      await bubble(alice, 'offline for good').waitFor({ timeout: 15_000 });
      expect(await bubble(alice, 'offline for good').count()).toBe(1);
      expect(await bubble(alice, 'network blinked').count()).toBe(1);
    }),
  );

  it(
    'sends a picked image and a dropped file; the peer sees the thumbnail linking to the full image, and the file with its name, size and link',
    run(async () => {
      const alice = await open('alice', 'alice');
      const bob = await open('bob', 'bob');
      await alice.getByTestId('conv-C2Cbob').click();
      await bob.getByTestId('conv-C2Calice').click();
      // A 300 x 200 PNG drawn by the page itself, picked through the file input.
      const png = await alice.evaluate(async () => {
        const canvas = document.createElement('canvas');
        canvas.width = 300;
        canvas.height = 200;
        const g = canvas.getContext('2d')!;
        g.fillStyle = '#2a9d8f';
        g.fillRect(0, 0, 300, 200);
        g.fillStyle = '#e9c46a';
        g.fillRect(60, 40, 180, 120);
        const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), 'image/png'));
        return [...new Uint8Array(await blob.arrayBuffer())];
      });
      // Whether the progress bar was ever on screen (the loopback upload can be over within a frame).
      await alice.evaluate(() => {
        const w = window as unknown as { __sawProgress: boolean };
        w.__sawProgress = false;
        new MutationObserver(() => {
          if (document.querySelector('[data-testid="progress"]')) w.__sawProgress = true;
        }).observe(document.body, { subtree: true, childList: true });
      });
      await alice.getByTestId('attach-input').setInputFiles({
        name: 'square.png',
        mimeType: 'image/png',
        buffer: Buffer.from(png),
      });
      const mine = alice.locator('.msg.mine', { has: alice.getByTestId('image') }).last();
      await mine.getByText(/^(Sent|Read)$/).waitFor({ timeout: 30_000 });
      expect(await alice.evaluate(() => (window as unknown as { __sawProgress: boolean }).__sawProgress)).toBe(true);

      const theirs = bob.locator('.msg.theirs', { has: bob.getByTestId('image') }).last();
      await theirs.waitFor({ timeout: 30_000 });
      const img = theirs.getByTestId('image');
      await bob.waitForFunction(
        (el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0,
        await img.elementHandle(),
        { timeout: 15_000 },
      );
      expect(await img.getAttribute('src')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\//);
      const href = await theirs.getByTestId('image-link').getAttribute('href');
      expect(href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\//);
      const full = await bob.request.get(href!);
      expect(full.headers()['content-type']).toBe('image/png');
      expect((await full.body()).length).toBe(png.length);

      // A file dropped on the chat arrives as a file message with name, size and a download link.
      await alice.evaluate(() => {
        const data = new DataTransfer();
        data.items.add(new File(['hello '.repeat(400)], 'notes.txt', { type: 'text/plain' }));
        document
          .querySelector('[data-testid="chat"]')!
          .dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      });
      const fileLink = bob.locator('.msg.theirs').getByTestId('file-link').last();
      await fileLink.waitFor({ timeout: 30_000 });
      expect(await fileLink.textContent()).toBe('notes.txt');
      expect(await fileLink.locator('xpath=..').textContent()).toContain('2.3 KB');
      const fileUrl = await fileLink.getAttribute('href');
      expect(fileUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\//);
      expect((await (await bob.request.get(fileUrl!)).body()).toString()).toBe('hello '.repeat(400));
      await alice
        .locator('.msg.mine', { hasText: 'notes.txt' })
        .getByText(/^(Sent|Read)$/)
        .waitFor();
      expect(await alice.getByTestId('progress').count()).toBe(0); // no bar left once uploaded
      await fileLink.scrollIntoViewIfNeeded();
      await shoot(bob, 'media-desktop');
      await bob.setViewportSize(PHONE);
      await fileLink.scrollIntoViewIfNeeded();
      await shoot(bob, 'media-phone');
    }),
  );

  it(
    'kicked out: signing in as the same user in a second tab shows the first the kicked-out banner',
    run(async () => {
      const first = await open('first', 'carol');
      await open('second', 'carol', PHONE);
      await first.getByTestId('kicked').waitFor({ timeout: 15_000 });
      await expect(first.getByTestId('kicked').textContent()).resolves.toContain('another tab');
      await shoot(first, 'kicked-desktop');
    }),
  );

  it(
    'pin moves a conversation to the top; mute marks it; the phone shows one pane at a time',
    run(async () => {
      const alice = await open('alice', 'alice');
      const firstRow = () => alice.locator('nav li').first().getAttribute('data-testid');
      await alice.getByTestId('conv-C2Ccarol').hover();
      await alice.getByTestId('pin-C2Ccarol').click();
      await alice.waitForFunction(
        () => document.querySelector('nav li')?.getAttribute('data-testid') === 'conv-C2Ccarol',
      );
      expect(await firstRow()).toBe('conv-C2Ccarol');
      await alice.getByTestId('conv-C2Cbob').hover();
      await alice.getByTestId('mute-C2Cbob').click();
      await alice.getByTestId('conv-C2Cbob').getByTitle('muted').waitFor();
      await alice.getByTestId('conv-C2Cbob').hover();
      await alice.getByTestId('mute-C2Cbob').click();
      await alice.getByTestId('conv-C2Cbob').getByTitle('muted').waitFor({ state: 'detached' });
      await alice.getByTestId('conv-C2Ccarol').hover();
      await alice.getByTestId('pin-C2Ccarol').click(); // unpin
      await alice.getByTestId('pin-C2Ccarol').getByText('Pin').waitFor();

      // Alice's list right as its counts land (carol's 20 are unread): the total is the sum of the rows
      // and the SDK's own total (the SDK holds its list event back a second after the total).
      const phone = await open('phone', 'alice', PHONE);
      await phone.getByTestId('total-unread').waitFor({ timeout: 15_000 });
      await expectTotalIsSumOfRows(phone);
      await shoot(phone, 'list-phone');
      await phone.locator('[data-testid^="conv-GROUP"]', { hasText: 'Team' }).click();
      await phone.getByTestId('tip').first().waitFor();
      expect(await phone.locator('.list-pane').isVisible()).toBe(false);
      await shoot(phone, 'chat-phone');
      // Touch screens have no hover: the header has pin and mute.
      await phone.locator('.header-actions button', { hasText: /^Mute$/ }).click();
      await phone.locator('.header-actions button', { hasText: 'Unmute' }).click();
      await phone.locator('.header-actions button', { hasText: /^Mute$/ }).waitFor();
      await phone.getByTestId('back').click();
      await phone.locator('.list-pane').waitFor();
    }),
  );
  it(
    'long words wrap: one unbroken 600-character URL keeps the layout, on a phone and on a desktop',
    run(async () => {
      const alice = await open('alice', 'alice');
      const bob = await open('bob', 'bob', PHONE);
      const url = `https://example.com/${'a'.repeat(580)}`;
      await alice.getByTestId('conv-C2Cbob').click();
      await alice.getByTestId('compose').fill(url);
      await alice.getByTestId('send').click();
      await bob.getByTestId('conv-C2Calice').click();
      await bubble(bob, 'example.com').waitFor();
      for (const [page, viewport] of [
        [alice, DESKTOP],
        [bob, PHONE],
      ] as const) {
        const layout = await page.evaluate(() => {
          const box = (sel: string) => document.querySelector(sel)?.getBoundingClientRect();
          const bubbles = Array.from(document.querySelectorAll('.bubble')).map((b) => b.getBoundingClientRect().right);
          return {
            scrollWidth: document.documentElement.scrollWidth,
            send: box('[data-testid="send"]')?.right ?? 0,
            list: box('.list-pane')?.width ?? 0,
            widestBubble: Math.max(...bubbles),
            link: Array.from(document.querySelectorAll('.bubble a'))
              .map((a) => a.getAttribute('href'))
              .find((href) => href?.includes('example.com')),
          };
        });
        expect(layout.scrollWidth).toBeLessThanOrEqual(viewport.width);
        expect(layout.send).toBeLessThanOrEqual(viewport.width);
        expect(layout.widestBubble).toBeLessThanOrEqual(viewport.width);
        expect(layout.link).toBe(url);
        if (viewport === DESKTOP) expect(layout.list).toBe(340);
      }
      await shoot(bob, 'long-url-phone');
      await shoot(alice, 'long-url-desktop');
    }),
  );
});
