/**
 * Real SDK overhead: `tim-js-sdk` 2.x in jsdom, in a child process, logged in to the IM emulator
 * (`src/emulator`, run in this process), receives a flood of one-to-one messages. The child's CPU
 * time (user + system, from the first injected message to 1.2 s after the last one arrived, so the
 * SDK's throttled conversation-list event is included) is compared between a bare listener on
 * MESSAGE_RECEIVED, a no-op listener on every event (what subscribing alone costs the SDK) and
 * tim-redux attached; each in a fresh child, cold (first messages after login) and warm (after a
 * warm-up flood), the order of the three rotated per repetition.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { Config } from '../harness';
import { median } from '../harness';
import type { Row } from '../report';
import type { Measurement, Scenario } from './types';

interface ChildResult {
  cpuMs: number;
  wallMs: number;
  received: number;
  /** tim-redux mode: time spent inside the binding's handlers during the flood. */
  bindingMs?: number;
  /** Main-thread GC pauses during the flood. */
  gcMs: number;
  stored: number;
}

type Emu = {
  url: string;
  stop(): Promise<void>;
  injectC2CMessage(input: { from: string; to: string; text: string }): unknown;
};

type Mode = 'bare' | 'listeners' | 'tim-redux';

const SUBJECT: Record<Mode, string> = {
  bare: 'bare listener',
  listeners: 'no-op listener on every event',
  'tim-redux': 'tim-redux',
};
const MODES: Mode[] = ['bare', 'listeners', 'tim-redux'];

function runChild(emu: Emu, mode: Mode, n: number, userID: string, warm: number): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, '..', 'sdkChild.ts'), [], {
      // With BENCH_CHILD_PROF=dir the child writes a CPU profile of the flood window there.
      execArgv: [...(process.env.BENCH_CHILD_FLAGS?.split(' ').filter(Boolean) ?? []), '--import', 'tsx'],
      stdio: ['ignore', process.env.BENCH_CHILD_FLAGS ? 'inherit' : 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (d) => (stderr += String(d)));
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${mode}: timed out (${stderr.slice(0, 300)})`));
    }, 120_000);
    let i = 0;
    child.on('message', (m: { flood?: number; error?: string } & Partial<ChildResult>) => {
      if (m.error) {
        clearTimeout(timer);
        reject(new Error(`${mode}: ${m.error}`));
      } else if (m.flood) {
        // A flood from one peer, injected in bursts so the socket is not one giant write.
        const end = i + m.flood;
        const burst = () => {
          for (let k = 0; k < 200 && i < end; k++, i++)
            emu.injectC2CMessage({ from: `${userID}-peer`, to: userID, text: `flood ${i}` });
          if (i < end) setImmediate(burst);
        };
        burst();
      } else if (m.cpuMs !== undefined) {
        clearTimeout(timer);
        resolve(m as ChildResult);
      }
    });
    child.on('exit', (code) => {
      if (code) {
        clearTimeout(timer);
        reject(new Error(`${mode}: child exited ${code} ${stderr.slice(0, 300)}`));
      }
    });
    child.send({ url: emu.url, mode, expect: n, userID, warm });
  });
}

/** The binding's own handler time, and its share of the rest of the child's CPU (median over runs). */
function bindingShare(runs: ChildResult[]): Record<string, number> {
  const binding = median(runs.map((x) => x.bindingMs ?? NaN));
  const rest = median(runs.map((x) => x.cpuMs - (x.bindingMs ?? 0)));
  return {
    stored: runs[runs.length - 1].stored,
    bindingMs: Math.round(binding),
    bindingSharePct: Math.round((binding / rest) * 1000) / 10,
  };
}

export const sdkOverhead = {
  id: 'sdk-overhead',
  asScenario: {
    id: 'sdk-overhead',
    title: 'Real SDK overhead: tim-js-sdk in jsdom + IM emulator, 10,000-message flood (child CPU time per message)',
    throughputUnit: 'msg/s',
    target: { text: 'tim-redux adds <= 10% CPU over a bare listener' },
    notApplicable: () => null,
    run: () => {
      throw new Error('run through sdkOverhead.run');
    },
  } as Scenario,
  async run(cfg: Config): Promise<Row[]> {
    const n = cfg.quick ? 2_000 : 10_000;
    // Two child processes' CPU times differ by up to ±15% on a shared machine: five repetitions.
    const reps = cfg.quick ? 1 : 5;
    let emu: Emu;
    try {
      const { startEmulator } = await import('../../src/emulator');
      emu = await startEmulator();
    } catch (e) {
      const reason = `emulator unavailable: ${e instanceof Error ? e.message : String(e)}`;
      return MODES.map((m) => SUBJECT[m]).map((subject) => ({
        scenario: 'sdk-overhead',
        subject,
        status: 'error' as const,
        reason,
        reps: [],
      }));
    }
    // Cold: the first n messages after login, so the JIT compiles the binding during the flood.
    // Warm: n messages after a warm-up flood, the steady state of an app that has been receiving.
    const warmUp = cfg.quick ? 1_000 : 3_000;
    const runs = {
      cold: { bare: [], listeners: [], 'tim-redux': [] },
      warm: { bare: [], listeners: [], 'tim-redux': [] },
    } as Record<'cold' | 'warm', Record<Mode, ChildResult[]>>;
    const rows: Row[] = [];
    try {
      for (let r = 0; r < reps; r++) {
        for (const phase of ['cold', 'warm'] as const) {
          // Rotated per repetition, so no mode always runs first.
          for (const mode of [...MODES.slice(r % 3), ...MODES.slice(0, r % 3)]) {
            const userID = `u${r}${phase[0]}${mode[0]}`;
            runs[phase][mode].push(await runChild(emu, mode, n, userID, phase === 'warm' ? warmUp : 0));
          }
        }
      }
    } catch (e) {
      await emu.stop();
      const reason = e instanceof Error ? e.message : String(e);
      return MODES.map((m) => SUBJECT[m]).map((subject) => ({
        scenario: 'sdk-overhead',
        subject,
        status: 'error' as const,
        reason,
        reps: [],
      }));
    }
    await emu.stop();
    for (const phase of ['cold', 'warm'] as const) rows.push(...phaseRows(runs[phase], phase, n));
    return rows;
  },
};

function phaseRows(results: Record<Mode, ChildResult[]>, phase: 'cold' | 'warm', n: number): Row[] {
  const rows: Row[] = [];
  for (const mode of MODES) {
    // Per repetition against the bare run of the same repetition (they ran seconds apart), then the
    // median: steadier than comparing two medians when the machine drifts.
    const overheads = results[mode].map((x, r) => (x.cpuMs - results.bare[r].cpuMs) / results.bare[r].cpuMs);
    const reps = results[mode].map((x): Measurement => ({
      medianMs: x.cpuMs / n,
      p95Ms: NaN,
      throughput: n / (x.cpuMs / 1000),
      events: x.received,
      planned: n,
    }));
    const cpu = median(results[mode].map((x) => x.cpuMs));
    rows.push({
      scenario: 'sdk-overhead',
      subject: `${SUBJECT[mode]} (${phase})`,
      status: 'ok',
      reps,
      medianMs: cpu / n,
      throughput: n / (cpu / 1000),
      events: `${median(results[mode].map((x) => x.received))}/${n}`,
      extra: {
        childCpuMs: Math.round(cpu),
        gcMs: Math.round(median(results[mode].map((x) => x.gcMs))),
        overheadPct: Math.round(median(overheads) * 1000) / 10,
        ...(mode === 'tim-redux' ? bindingShare(results[mode]) : {}),
      },
    });
  }
  return rows;
}
