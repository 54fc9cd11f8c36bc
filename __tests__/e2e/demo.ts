/**
 * The end-to-end harness: `npm start`'s server in a child process (with its test-only control channel
 * on stdin, `demo/control.ts`), headless Chromium through playwright-core, and helpers to log in and
 * read the page. Needs Debian's chromium; without it the suites are skipped, except in CI.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { CHROMIUM, type DemoProcess } from './demoProcess';

export { CHROMIUM, DESKTOP, PHONE, launch, newPage, startDemo, type DemoProcess } from './demoProcess';

const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`CI needs Chromium at ${CHROMIUM}: .ci/run installs it with apt`);
/** `describe`, or `describe.skip` without Chromium. */
export const suite = available ? describe : describe.skip;

const ROOT = path.join(__dirname, '..', '..');
/** Screenshots taken on failure. */
export const ARTIFACTS = path.join(ROOT, 'e2e-artifacts');
/** Screenshots of the main screens, committed and shown in the docs. */
export const SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots');

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
