/**
 * Issue 15, item 3: the real SDK in a plain Node script (outside Jest's environment), with
 * `installNodeGlobals` and `disposeSdk` from tim-redux/emulator: it logs in to the emulator, sends a
 * message, and the process exits by itself with code 0.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const script = path.join(__dirname, 'scripts/sdkInNode.ts');

function run(args: string[], timeoutMs: number): Promise<{ code: number | null; output: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output, timedOut });
    });
  });
}

describe.each(['tim-js-sdk', '@tencentcloud/chat'])('the real %s in a Node script', (kind) => {
  it.each(['', 'logout-first'])(
    'logs in, sends, disposes and exits by itself (%s)',
    async (mode) => {
      const result = await run([kind, mode], 25_000);
      expect(result.timedOut).toBe(false);
      expect(result.output).toContain('sent: 1');
      expect(result.output).toContain('disposed');
      expect(result.output).not.toContain('failed');
      expect(result.code).toBe(0);
    },
    30_000,
  );
});
