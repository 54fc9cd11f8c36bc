/**
 * Real SDK overhead: `tim-js-sdk` 2.x in jsdom, in a child process, logged in to the IM emulator
 * (`src/emulator`, run in this process), receives a flood of one-to-one messages; the child's CPU
 * time (user + system, until 1 s after the last message, so the SDK's throttled conversation-list
 * event is included) is compared.
 * - Cold: the first 10,000 messages after login, in a fresh child per mode: a bare listener on
 *   MESSAGE_RECEIVED, a no-op listener on every event (what subscribing alone costs the SDK), and
 *   tim-redux; the three rotated per repetition.
 * - Warm, one process: after a warm-up flood, tim-redux attached and detached in turn, phases of
 *   5,000 messages from a new peer each (the SDK's own cost per message grows with the conversation),
 *   in the order bare, tim-redux, tim-redux, bare.
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

/** One phase of an `alternate` child. */
interface Phase {
  mode: 'bare' | 'tim-redux';
  cpuMs: number;
  gcMs: number;
  bindingMs: number;
}

function runChild(emu: Emu, mode: Mode, n: number, userID: string, warm: number): Promise<ChildResult>;
function runChild(
  emu: Emu,
  mode: 'alternate',
  n: number,
  userID: string,
  warm: number,
  pairs: number,
  coalesce?: 'frame',
): Promise<Phase[]>;
function runChild(
  emu: Emu,
  mode: Mode | 'alternate',
  n: number,
  userID: string,
  warm: number,
  pairs?: number,
  coalesce?: 'frame',
): Promise<ChildResult | Phase[]> {
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
    }, 300_000);
    let i = 0;
    child.on(
      'message',
      (m: { flood?: number; peer?: string; error?: string; phases?: Phase[] } & Partial<ChildResult>) => {
        if (m.error) {
          clearTimeout(timer);
          reject(new Error(`${mode}: ${m.error}`));
        } else if (m.flood) {
          // A flood from one peer, injected in bursts so the socket is not one giant write.
          const end = i + m.flood;
          const from = `${userID}-${m.peer ?? 'peer'}`;
          const burst = () => {
            for (let k = 0; k < 200 && i < end; k++, i++)
              emu.injectC2CMessage({ from, to: userID, text: `flood ${i}` });
            if (i < end) setImmediate(burst);
          };
          burst();
        } else if (m.cpuMs !== undefined) {
          clearTimeout(timer);
          resolve(m as ChildResult);
        } else if (m.phases) {
          clearTimeout(timer);
          resolve(m.phases);
        }
      },
    );
    child.on('exit', (code) => {
      if (code) {
        clearTimeout(timer);
        reject(new Error(`${mode}: child exited ${code} ${stderr.slice(0, 300)}`));
      }
    });
    child.send({ url: emu.url, mode, expect: n, userID, warm, pairs, coalesce });
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
      return errorRows(`emulator unavailable: ${e instanceof Error ? e.message : String(e)}`);
    }
    // Cold: the first n messages after login, each mode in a fresh child (the JIT compiles the binding
    // during the flood). Warm: one child per repetition that attaches and detaches the binding in
    // turn after a warm-up flood, so both sides of each comparison run in the same process.
    const warmUp = cfg.quick ? 1_000 : 3_000;
    const cold = { bare: [], listeners: [], 'tim-redux': [] } as Record<Mode, ChildResult[]>;
    const warm: Phase[][] = [];
    const warmFrame: Phase[][] = [];
    try {
      for (let r = 0; r < reps; r++) {
        // Rotated per repetition, so no mode always runs first.
        for (const mode of [...MODES.slice(r % 3), ...MODES.slice(0, r % 3)]) {
          cold[mode].push(await runChild(emu, mode, n, `u${r}c${mode[0]}`, 0));
        }
      }
      for (let r = 0; r < (cfg.quick ? 1 : 3); r++) {
        warm.push(await runChild(emu, 'alternate', n / 2, `u${r}w`, warmUp, cfg.quick ? 1 : 2));
        // The same with `coalesce: 'frame'`: the messages of each 16 ms applied as one action.
        warmFrame.push(await runChild(emu, 'alternate', n / 2, `u${r}f`, warmUp, cfg.quick ? 1 : 2, 'frame'));
      }
    } catch (e) {
      await emu.stop();
      return errorRows(e instanceof Error ? e.message : String(e));
    }
    await emu.stop();
    return [
      ...phaseRows(cold, 'cold', n),
      ...alternatingRows(warm, n / 2),
      ...alternatingRows(warmFrame, n / 2, " coalesce: 'frame'"),
    ];
  },
};

/** One error row per subject, when the scenario could not run. */
function errorRows(reason: string): Row[] {
  return MODES.map((m) => ({
    scenario: 'sdk-overhead',
    subject: SUBJECT[m],
    status: 'error' as const,
    reason,
    reps: [],
  }));
}

function phaseRows(results: Record<Mode, ChildResult[]>, phase: 'cold', n: number): Row[] {
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

/** Rows of the one-process runs: each tim-redux phase against the bare phase it is paired with. */
function alternatingRows(children: Phase[][], n: number, variant = ''): Row[] {
  const overheads: number[] = [];
  for (const phases of children) {
    const bare = phases.filter((p) => p.mode === 'bare');
    const bound = phases.filter((p) => p.mode === 'tim-redux');
    bound.forEach((p, k) => overheads.push((p.cpuMs - bare[k].cpuMs) / bare[k].cpuMs));
  }
  const all = children.flat();
  return (['bare', 'tim-redux'] as const).map((mode) => {
    const phases = all.filter((p) => p.mode === mode);
    const cpu = median(phases.map((p) => p.cpuMs));
    const binding = median(phases.map((p) => p.bindingMs));
    return {
      scenario: 'sdk-overhead',
      subject: `${mode === 'bare' ? 'bare listener' : 'tim-redux'} (warm, one process${variant ? `,${variant}` : ''})`,
      status: 'ok' as const,
      reps: phases.map((p): Measurement => ({
        medianMs: p.cpuMs / n,
        p95Ms: NaN,
        throughput: n / (p.cpuMs / 1000),
        events: n,
        planned: n,
      })),
      medianMs: cpu / n,
      throughput: n / (cpu / 1000),
      events: `${n}/${n}`,
      extra: {
        phases: phases.length,
        phaseCpuMs: Math.round(cpu),
        gcMs: Math.round(median(phases.map((p) => p.gcMs))),
        ...(mode === 'tim-redux'
          ? {
              overheadPct: Math.round(median(overheads) * 1000) / 10,
              overheadMinPct: Math.round(Math.min(...overheads) * 1000) / 10,
              overheadMaxPct: Math.round(Math.max(...overheads) * 1000) / 10,
              bindingMs: Math.round(binding),
              bindingSharePct: Math.round((binding / (cpu - binding)) * 1000) / 10,
            }
          : { overheadPct: 0 }),
      },
    };
  });
}
