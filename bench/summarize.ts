/**
 * Median and spread over several runs: `node --import tsx bench/summarize.ts run1.json run2.json run3.json`
 * (copies of bench/results/latest.json). Per scenario and subject: each run's median per event, their
 * median and range, the ratio to the floor of the same run (median and range), and the notes of the
 * last run. Prints a markdown table. With `--extras`, each numeric note is given for every run, with
 * the median and range, instead of the last run's alone (e.g. the persist scenario's ratio, save cost
 * and snapshot size).
 */
import { readFileSync } from 'node:fs';
import { median } from './harness';
import type { Row } from './report';

const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const extras = process.argv.includes('--extras');
const runs = files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as { rows: Row[] });
const FLOOR = 'floor (mutable)';

function fmt(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  if (ms < 0.01) return `${(ms * 1000).toFixed(2)} µs`;
  if (ms < 1) return `${(ms * 1000).toFixed(1)} µs`;
  return `${ms.toFixed(ms < 100 ? 2 : 0)} ms`;
}

const keys: Array<[string, string]> = [];
for (const r of runs[0]?.rows ?? []) if (r.status === 'ok') keys.push([r.scenario, r.subject]);
let scenario = '';
for (const [s, subject] of keys) {
  if (s !== scenario) {
    scenario = s;
    console.log(`\n#### ${s} (${runs.length} runs)\n`);
    console.log('| subject | median of runs | runs | vs floor (median, range) | notes (last run) |');
    console.log('|---|---|---|---|---|');
  }
  const each = runs.map((run) => run.rows.find((r) => r.scenario === s && r.subject === subject));
  const ms = each.map((r) => r?.medianMs ?? NaN);
  const floors = runs.map((run) => run.rows.find((r) => r.scenario === s && r.subject === FLOOR)?.medianMs ?? NaN);
  const ratios = ms.map((m, i) => m / floors[i]).filter(Number.isFinite);
  const vsFloor = ratios.length
    ? `${median(ratios).toFixed(2)}× (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`
    : '-';
  const last = each[each.length - 1];
  const notes = Object.entries(last?.extra ?? {})
    .map(([k, v]) => {
      const all = each.map((r) => r?.extra?.[k]);
      if (!extras || typeof v !== 'number' || !all.every((x) => typeof x === 'number')) return `${k}=${v}`;
      const xs = all as number[];
      return `${k}=${median(xs)} (${Math.min(...xs)}–${Math.max(...xs)}; ${xs.join(', ')})`;
    })
    .join(' ');
  console.log(`| ${subject} | ${fmt(median(ms))} | ${ms.map(fmt).join(', ')} | ${vsFloor} | ${notes} |`);
}
