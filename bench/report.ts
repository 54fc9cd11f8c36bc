/** Aggregation over repetitions, the stdout table and the JSON file. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { canMeasureHeap, median, type Config } from './harness';
import type { Measurement, Scenario } from './scenarios/types';

export interface Row {
  scenario: string;
  subject: string;
  status: 'ok' | 'n/a' | 'error';
  reason?: string;
  reps: Measurement[];
  medianMs?: number;
  p95Ms?: number;
  throughput?: number;
  events?: string;
  /** Median time per event of this subject divided by tim-redux's (> 1: tim-redux is faster). */
  vsTimRedux?: number;
  extra?: Measurement['extra'];
}

export function aggregate(scenario: Scenario, subject: string, reps: Measurement[]): Row {
  const last = reps[reps.length - 1];
  const done = reps.map((r) => r.events);
  return {
    scenario: scenario.id,
    subject,
    status: 'ok',
    reps,
    medianMs: median(reps.map((r) => r.medianMs)),
    p95Ms: median(reps.map((r) => r.p95Ms)),
    throughput: median(reps.map((r) => r.throughput)),
    events: `${median(done)}/${last.planned}`,
    extra: last.extra,
  };
}

export function addRatios(rows: Row[]): void {
  const base = new Map(
    rows.filter((r) => r.subject === 'tim-redux' && r.status === 'ok').map((r) => [r.scenario, r.medianMs ?? NaN]),
  );
  for (const r of rows)
    if (r.status === 'ok' && base.has(r.scenario))
      r.vsTimRedux = (r.medianMs ?? NaN) / (base.get(r.scenario) as number);
}

function ms(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return '-';
  if (x < 0.01) return `${(x * 1000).toFixed(2)} µs`;
  if (x < 1) return `${(x * 1000).toFixed(1)} µs`;
  return `${x.toFixed(x < 100 ? 2 : 0)} ms`;
}

function rate(x: number | undefined, unit: string): string {
  if (x === undefined || !Number.isFinite(x)) return '-';
  const n = x >= 1e6 ? `${(x / 1e6).toFixed(2)}M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)}k` : x.toFixed(x < 10 ? 2 : 0);
  return `${n} ${unit}`;
}

function ratio(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return '-';
  return x >= 10 ? `${Math.round(x)}×` : `${x.toFixed(2)}×`;
}

function extraText(extra: Measurement['extra']): string {
  if (!extra) return '';
  return Object.entries(extra)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
}

/** Markdown table (also readable on stdout). */
export function table(rows: Row[], scenarios: Scenario[]): string {
  const out: string[] = [];
  for (const s of scenarios) {
    const mine = rows.filter((r) => r.scenario === s.id);
    if (mine.length === 0) continue;
    out.push(`\n### ${s.title}${s.target ? ` (target: ${s.target.text})` : ''}\n`);
    out.push('| subject | median / event | p95 | throughput | events timed | time vs tim-redux | notes |');
    out.push('|---|---|---|---|---|---|---|');
    for (const r of mine) {
      if (r.status !== 'ok') {
        out.push(`| ${r.subject} | ${r.status} | | | | | ${r.reason ?? ''} |`);
        continue;
      }
      out.push(
        `| ${r.subject} | ${ms(r.medianMs)} | ${ms(r.p95Ms)} | ${rate(r.throughput, s.throughputUnit)} | ${r.events} | ${ratio(r.vsTimRedux)} | ${extraText(r.extra)} |`,
      );
    }
  }
  return out.join('\n');
}

export function machine(cfg: Config) {
  return {
    node: process.version,
    nproc: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    exposeGc: canMeasureHeap,
    nodeEnv: process.env.NODE_ENV ?? 'unset',
    quick: cfg.quick,
    reps: cfg.reps,
    budgetMs: cfg.budgetMs,
    date: new Date().toISOString(),
  };
}

export function writeJson(rows: Row[], cfg: Config, targets: unknown): string {
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'latest.json');
  writeFileSync(file, JSON.stringify({ machine: machine(cfg), targets, rows }, null, 2));
  return file;
}
