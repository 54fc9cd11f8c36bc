/**
 * End to end: the demo (React app on the real tim-js-sdk, against the IM emulator) in headless
 * Chromium. Two browser contexts log in as two users; one sends, the other sees it with its unread
 * badge and reads it, and the sender sees the read receipt. Screenshots go to e2e-artifacts/ on
 * failure. Needs Debian's chromium (.ci/run installs it); without it the suite is skipped, except
 * in CI, where that is an error.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`CI needs Chromium at ${CHROMIUM}: .ci/run installs it with apt`);
const suite = available ? describe : describe.skip;
const ARTIFACTS = path.join(__dirname, '..', '..', 'e2e-artifacts');

jest.setTimeout(90_000);

/** Starts `npm start`'s server on free ports and resolves with the URL to open as a user. */
function startDemo(): Promise<{ child: ChildProcess; urlFor: (user: string) => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('demo', 'start.ts')], {
      cwd: path.join(__dirname, '..', '..'),
      env: { ...process.env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`demo did not start:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /open as Alice: (http:\/\/\S+)\?user=alice/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, urlFor: (user) => `${match[1]}?user=${user}` });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`demo exited with ${code}:\n${out}`)));
  });
}

suite('the chat demo in headless Chromium', () => {
  let demo: Awaited<ReturnType<typeof startDemo>>;
  let browser: Browser;
  const pages: Record<string, Page> = {};

  beforeAll(async () => {
    demo = await startDemo();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    demo?.child.kill('SIGTERM');
  });

  async function logIn(user: string): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    pages[user] = page;
    await page.goto(demo.urlFor(user));
    await page.getByTestId('login').click();
    await page.getByTestId('me').waitFor({ timeout: 30_000 });
    return page;
  }

  async function screenshotsOnFailure(run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (e) {
      mkdirSync(ARTIFACTS, { recursive: true });
      for (const [user, page] of Object.entries(pages)) {
        await page.screenshot({ path: path.join(ARTIFACTS, `${user}.png`), fullPage: true }).catch(() => undefined);
      }
      throw e;
    }
  }

  it('one sends, the other sees it with an unread badge and reads it, the sender sees the receipt', () =>
    screenshotsOnFailure(async () => {
      const alice = await logIn('alice');
      const bob = await logIn('bob');
      // The seed left Bob one unread message from Alice.
      const bobBadge = bob.getByTestId('unread-C2Calice');
      await bobBadge.waitFor();
      const before = Number(await bobBadge.textContent());

      await alice.getByTestId('conv-C2Cbob').click();
      await alice.getByTestId('compose').fill('Hello from the end-to-end test');
      await alice.getByTestId('send').click();
      const sent = alice.locator('li.mine', { hasText: 'Hello from the end-to-end test' });
      await sent.getByText('Sent').waitFor();

      // Bob: the badge counts it (the SDK throttles list events to one a second).
      await bob.waitForFunction(
        ([id, n]) => Number(document.querySelector(`[data-testid="${id}"]`)?.textContent) === n,
        ['unread-C2Calice', before + 1] as const,
        { timeout: 15_000 },
      );
      await bob.getByTestId('conv-C2Calice').click();
      await bob.locator('li.theirs', { hasText: 'Hello from the end-to-end test' }).waitFor();
      await bobBadge.waitFor({ state: 'detached', timeout: 15_000 });

      // Alice: the read receipt.
      await sent.getByText('Read').waitFor({ timeout: 15_000 });
    }));

  it('sends a picked image and a dropped file; the peer sees the thumbnail linking to the full image, and the file with its name, size and link', () =>
    screenshotsOnFailure(async () => {
      const alice = await logIn('alice');
      const bob = await logIn('bob');
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
      await alice.getByTestId('attach-input').setInputFiles({
        name: 'square.png',
        mimeType: 'image/png',
        buffer: Buffer.from(png),
      });
      const mine = alice
        .locator('li.mine')
        .filter({ has: alice.getByTestId('image') })
        .last();
      await mine.getByText('Sent').waitFor({ timeout: 30_000 });

      const theirs = bob
        .locator('li.theirs')
        .filter({ has: bob.getByTestId('image') })
        .last();
      await theirs.waitFor({ timeout: 30_000 });
      const img = theirs.getByTestId('image');
      await bob.waitForFunction(
        (el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0,
        await img.elementHandle(),
        { timeout: 15_000 },
      );
      const src = await img.getAttribute('src');
      expect(src).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\//);
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
      const fileLink = bob.locator('li.theirs').getByTestId('file-link').last();
      await fileLink.waitFor({ timeout: 30_000 });
      expect(await fileLink.textContent()).toBe('notes.txt');
      expect(await fileLink.locator('xpath=..').textContent()).toContain('2.3 KB');
      const fileUrl = await fileLink.getAttribute('href');
      expect(fileUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\//);
      expect((await (await bob.request.get(fileUrl!)).body()).toString()).toBe('hello '.repeat(400));
      mkdirSync(ARTIFACTS, { recursive: true });
      await bob.screenshot({ path: path.join(ARTIFACTS, 'image-bob.png') });
    }));

  it('pin moves a conversation to the top; mute marks it', () =>
    screenshotsOnFailure(async () => {
      const alice = pages.alice ?? (await logIn('alice'));
      const firstRow = () => alice.locator('nav li').first().getAttribute('data-testid');
      await alice.getByTestId('pin-C2Ccarol').click();
      await alice.waitForFunction(
        () => document.querySelector('nav li')?.getAttribute('data-testid') === 'conv-C2Ccarol',
      );
      expect(await firstRow()).toBe('conv-C2Ccarol');
      await alice.getByTestId('mute-C2Cbob').click();
      await alice.getByTestId('conv-C2Cbob').getByTitle('muted').waitFor();
      await alice.getByTestId('pin-C2Ccarol').click(); // unpin
      await alice.getByTestId('pin-C2Ccarol').getByText('Pin').waitFor();
    }));
});
