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
