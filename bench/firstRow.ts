/**
 * Time to the first conversation row after a reload, with and without the persisted snapshot:
 * `node --import tsx bench/firstRow.ts [--runs=9] [--login-delay=0]`.
 *
 * The demo (`npm start`'s server, the real tim-js-sdk against the IM emulator) in headless Chromium:
 * alice signs in once, opens her chat with Bob and waits until the snapshot holds it; then the page is
 * reloaded `runs` times in each mode, the modes alternating: `snapshot` (the demo's default,
 * `indexedDBStorage()`) and `no snapshot` (`?persist=0`). Each reload signs in again by itself (the
 * tab remembers its user). Measured in the page, from navigation start (`performance.now()` is
 * relative to it): the first `conv-*` row in the DOM, the first message of the open chat, and the
 * session turning `ready` in the store.
 * `--login-delay=MS` holds each login's `wslogin` on the emulator that long, as a slow network would.
 * `--conversations=N` measures a user with N one-to-one conversations (2 messages each) instead of
 * the seeded alice (3 conversations); the first row of the list is the open chat.
 * Prints each run, the median and the range. The demo runs on Vite's dev server (modules unbundled),
 * the same for both modes; the first reload of each mode is a warm-up and not counted.
 */
import { launch, newPage, readFirstRowMarks, recordFirstRow, startDemo } from '../__tests__/e2e/demoProcess';
import { median } from './harness';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const RUNS = arg('runs', 9);
const LOGIN_DELAY = arg('login-delay', 0);
const CONVERSATIONS = arg('conversations', 0);
/** The seeded alice (3 conversations), or a user given CONVERSATIONS conversations of 2 messages. */
const USER = CONVERSATIONS > 0 ? 'many' : 'alice';
const KEY = `tim-redux:1400000001:${USER}`;

const fmt = (xs: number[]) =>
  `median ${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} ms; runs ${xs
    .map((x) => x.toFixed(0))
    .join(', ')})`;

async function main(): Promise<void> {
  const demo = await startDemo();
  const browser = await launch();
  try {
    if (CONVERSATIONS > 0) await demo.control('loadMany', USER, CONVERSATIONS, 2);
    const { page } = await newPage(browser);
    await page.goto(demo.urlFor(USER));
    await page.getByTestId('login').click();
    await page.locator('nav li').first().click({ timeout: 60_000 });
    await page.locator('.bubble').first().waitFor({ timeout: 30_000 });
    // The snapshot is saved after a debounce: wait until it holds every conversation and the open chat.
    const expected = CONVERSATIONS || 3;
    for (let tries = 0; ; tries++) {
      const saved = await page.evaluate(async (key) => {
        const { storage } = (window as unknown as { __timDemo: { storage?: { getItem(k: string): unknown } } })
          .__timDemo;
        const text = await storage?.getItem(key);
        if (typeof text !== 'string') return null;
        const snapshot = JSON.parse(text) as { conversations: unknown[]; messages: Array<{ messages: unknown[] }> };
        return { conversations: snapshot.conversations.length, messages: snapshot.messages.length };
      }, KEY);
      if (saved && saved.conversations >= expected && saved.messages > 0) break;
      if (tries > 300) throw new Error(`the snapshot was never saved whole: ${JSON.stringify(saved)}`);
      await page.waitForTimeout(100);
    }
    await recordFirstRow(page);
    const modes = [
      { name: 'snapshot', url: demo.urlFor(USER) },
      { name: 'no snapshot (?persist=0)', url: `${demo.urlFor(USER)}&persist=0` },
    ];
    const results = new Map(
      modes.map((m) => [m.name, { firstRow: [] as number[], firstMessage: [] as number[], ready: [] as number[] }]),
    );
    const statuses = new Map<string, Set<string>>(modes.map((m) => [m.name, new Set()]));
    for (let run = 0; run <= RUNS; run++) {
      for (const mode of run % 2 ? [...modes].reverse() : modes) {
        if (LOGIN_DELAY > 0) await demo.control('delayCommand', 'im_open_status.wslogin', LOGIN_DELAY);
        await page.goto(mode.url);
        await page.waitForFunction(
          () => {
            const m = (window as unknown as { __marks: Record<string, number | null> }).__marks;
            return m.firstRow !== null && m.firstMessage !== null && m.ready !== null;
          },
          undefined,
          { timeout: 30_000, polling: 50 },
        );
        // Let the login's sync and the next save settle before the next reload.
        await page.waitForTimeout(1500);
        const marks = await readFirstRowMarks(page);
        if (run === 0) continue; // warm-up
        results.get(mode.name)!.firstRow.push(marks.firstRow!);
        results.get(mode.name)!.firstMessage.push(marks.firstMessage!);
        results.get(mode.name)!.ready.push(marks.ready!);
        statuses.get(mode.name)!.add(marks.statusAtFirstRow ?? 'none');
      }
    }
    console.log(
      `time from navigation start, ${USER} (${expected} conversations), ${RUNS} reloads per mode, login delay ${LOGIN_DELAY} ms`,
    );
    for (const mode of modes) {
      const r = results.get(mode.name)!;
      console.log(`${mode.name}:`);
      console.log(`  first conversation row: ${fmt(r.firstRow)}`);
      console.log(`  first message of the open chat: ${fmt(r.firstMessage)}`);
      console.log(`  session ready:          ${fmt(r.ready)}`);
      console.log(`  session status when the first row showed: ${[...statuses.get(mode.name)!].join(', ')}`);
    }
  } finally {
    await browser.close();
    demo.child.kill('SIGTERM');
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
