/**
 * The demo in a child process and headless Chromium, without jest: `npm start`'s server with its
 * test-only control channel on stdin (`demo/control.ts`), and playwright-core on Debian's chromium.
 * Used by the end-to-end suites (through `./demo`) and by measurement scripts (`bench/firstRow.ts`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Where Chromium is. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ROOT = path.join(__dirname, '..', '..');

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

/** What `recordFirstRow` notes in the page, times from navigation start (`performance.now()`). */
export interface FirstRowMarks {
  /** When the first conversation row was in the DOM. */
  firstRow: number | null;
  /** The store's session status at that moment. */
  statusAtFirstRow: string | null;
  /** When the first message bubble was in the DOM, and the session status then. */
  firstMessage: number | null;
  statusAtFirstMessage: string | null;
  /** When the store's session turned `ready`. */
  ready: number | null;
}

/**
 * Records, in every document `page` loads from now on, when the first conversation row and the first
 * message are on screen and the session status at those moments, and when the session turns ready
 * (read with `readFirstRowMarks`). Installed before the page's own scripts run.
 */
export async function recordFirstRow(page: Page): Promise<void> {
  // A string, not a function: a transpiler's helpers (tsx's `__name`) do not exist in the page.
  await page.addInitScript({
    content: `(() => {
      const marks = { firstRow: null, statusAtFirstRow: null, firstMessage: null, statusAtFirstMessage: null, ready: null };
      window.__marks = marks;
      let subscribed = false;
      new MutationObserver(() => {
        const store = window.__timDemo && window.__timDemo.store;
        if (store && !subscribed) {
          subscribed = true;
          const check = () => {
            if (marks.ready === null && store.getState().tim.session.status === 'ready') marks.ready = performance.now();
          };
          store.subscribe(check);
          check();
        }
        const status = store ? store.getState().tim.session.status : null;
        if (marks.firstRow === null && document.querySelector('[data-testid^="conv-"]')) {
          marks.firstRow = performance.now();
          marks.statusAtFirstRow = status;
        }
        if (marks.firstMessage === null && document.querySelector('[data-testid^="msg-"]')) {
          marks.firstMessage = performance.now();
          marks.statusAtFirstMessage = status;
        }
      }).observe(document, { subtree: true, childList: true });
    })();`,
  });
}

/** The marks `recordFirstRow` took in the page's current document. */
export function readFirstRowMarks(page: Page): Promise<FirstRowMarks> {
  return page.evaluate(() => (window as unknown as { __marks: FirstRowMarks }).__marks);
}
