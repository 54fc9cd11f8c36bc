/**
 * The end-to-end harness: `npm start`'s server in a child process (with its test-only control channel
 * on stdin, `demo/control.ts`), headless Chromium through playwright-core, and helpers to log in and
 * read the page. Needs Debian's chromium; without it the suites are skipped, except in CI.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Where Chromium is. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`CI needs Chromium at ${CHROMIUM}: .ci/run installs it with apt`);
/** `describe`, or `describe.skip` without Chromium. */
export const suite = available ? describe : describe.skip;

const ROOT = path.join(__dirname, '..', '..');
/** Screenshots taken on failure. */
export const ARTIFACTS = path.join(ROOT, 'e2e-artifacts');
/** Screenshots of the main screens, committed and shown in the docs. */
export const SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots');

/** Phone and desktop viewports. */
export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };

/** A running demo with its control channel. */
export interface DemoProcess {
  child: ChildProcess;
  urlFor(user: string): string;
  /** Calls a method of the emulator's control API (or `loadLong`) in the demo process. */
  control(method: string, ...args: unknown[]): Promise<unknown>;
}

/** Starts `npm start`'s server on free ports with the control channel on. */
export function startDemo(): Promise<DemoProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('demo', 'start.ts')], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', TIM_DEMO_CONTROL: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let nextID = 1;
    const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
    let buffered = '';
    const timer = setTimeout(() => reject(new Error(`demo did not start:\n${out}`)), 60_000);
    const control = (method: string, ...args: unknown[]) =>
      new Promise<unknown>((res, rej) => {
        const id = nextID++;
        pending.set(id, { resolve: res, reject: rej });
        child.stdin?.write(`${JSON.stringify({ id, method, args })}\n`);
      });
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        if (line.startsWith('@control ')) {
          const answer = JSON.parse(line.slice(9)) as { id: number; result?: unknown; error?: string };
          const waiter = pending.get(answer.id);
          pending.delete(answer.id);
          if (answer.error) waiter?.reject(new Error(answer.error));
          else waiter?.resolve(answer.result);
          continue;
        }
        out += `${line}\n`;
        const match = /open as Alice: (http:\/\/\S+)\?user=alice/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve({ child, urlFor: (user) => `${match[1]}?user=${user}`, control });
        }
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`demo exited with ${code}:\n${out}`)));
  });
}

/** Launches headless Chromium with the flags the CI machine needs. */
export function launch(): Promise<Browser> {
  return chromium.launch({
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
}

/** A page in a fresh context (its own storage: another browser, as far as the SDK can tell). */
export async function newPage(browser: Browser, viewport = DESKTOP): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  return { page, context };
}

/** Signs in as `user` on the login screen and waits for the chat. */
export async function signIn(page: Page, demo: DemoProcess, user: string): Promise<void> {
  await page.goto(demo.urlFor(user));
  await page.getByTestId('login').click();
  await page.getByTestId('me').waitFor({ timeout: 30_000 });
}

/** Saves a screenshot of `page` as docs/screenshots/NAME.png. */
export async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** Runs `run`; on failure saves every page's screenshot to e2e-artifacts/ and rethrows. */
export async function screenshotsOnFailure(pages: Record<string, Page>, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (e) {
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const [name, page] of Object.entries(pages)) {
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true }).catch(() => undefined);
    }
    throw e;
  }
}

/** The number each conversation row shows as unread (0 when no badge), and the total badge. */
export async function unreadCounts(page: Page): Promise<{ rows: Record<string, number>; total: number }> {
  return page.evaluate(() => {
    const rows: Record<string, number> = {};
    document.querySelectorAll('[data-testid^="conv-"]').forEach((row) => {
      const id = row.getAttribute('data-testid')!.slice(5);
      rows[id] = Number(row.querySelector('[data-testid^="unread-"]')?.textContent ?? 0);
    });
    return { rows, total: Number(document.querySelector('[data-testid="total-unread"]')?.textContent ?? 0) };
  });
}

/**
 * What the page's SDK itself says: `getTotalUnreadMessageCount()` and each conversation's unreadCount
 * from `getConversationList()`, keyed like `unreadCounts`. Reads the SDK the
 * demo exposes on `window.__timDemo` in the e2e run only (TIM_DEMO_CONTROL=1).
 */
export async function sdkUnread(page: Page): Promise<{ rows: Record<string, number>; total: number }> {
  return page.evaluate(async () => {
    const { tim } = (window as unknown as { __timDemo: { tim: DemoSdk } }).__timDemo;
    const { data } = await tim.getConversationList();
    const rows: Record<string, number> = {};
    for (const c of data.conversationList) rows[c.conversationID] = c.unreadCount;
    return { rows, total: tim.getTotalUnreadMessageCount() };
  });
}

/** The part of the SDK that `sdkUnread` reads. */
interface DemoSdk {
  getTotalUnreadMessageCount(): number;
  getConversationList(): Promise<{
    data: { conversationList: Array<{ conversationID: string; unreadCount: number }> };
  }>;
}
