/**
 * `npm run bench` (add `-- --quick` for a smaller run, `-- --only=live,conv-list` for some scenarios,
 * `-- --subjects=tim-redux` for some subjects, e.g. under `node --cpu-prof`).
 * Runs every scenario of issue 4 through every subject in one process, interleaved: for each
 * repetition the subjects run one after another, in an order rotated per repetition, each on a fresh
 * instance, so a noisy neighbour on the machine hits all subjects alike. Prints a table and writes
 * bench/results/latest.json.
 */
import { configFrom, heapAfterGc, settle } from './harness';
import { naive } from './naive';
import { addRatios, aggregate, machine, table, writeJson, type Row } from './report';
import { live, history, loginSync } from './scenarios/messages';
import { floodMany, floodRoom, memory } from './scenarios/flood';
import { conversationList, conversationListPlain, renders } from './scenarios/lists';
import { lookup } from './scenarios/lookup';
import { devMode } from './scenarios/devMode';
import { sdkOverhead } from './scenarios/sdkOverhead';
import { persist } from './scenarios/persist';
import type { Measurement, Scenario } from './scenarios/types';
import { floor } from './subjects/floor';
import { streamChat } from './subjects/streamChat';
import { timRedux, timReduxCoalesced } from './subjects/timRedux';
import { tuiEngine } from './subjects/tuiEngine';
import { ATOMICX, atomicxRow } from './subjects/atomicx';
import type { SubjectKind } from './subjects/types';

const allSubjects: SubjectKind[] = [timRedux, timReduxCoalesced, naive, floor, tuiEngine, streamChat];
const scenarios: Scenario[] = [
  live,
  floodRoom,
  floodMany,
  conversationList,
  conversationListPlain,
  history,
  loginSync,
  memory,
  renders,
  lookup,
  devMode,
];

async function main(): Promise<void> {
  const cfg = configFrom(process.argv.slice(2));
  const only = process.argv
    .find((a) => a.startsWith('--only='))
    ?.slice(7)
    .split(',');
  const chosen = scenarios.filter((s) => !only || only.includes(s.id));
  const names = process.argv
    .find((a) => a.startsWith('--subjects='))
    ?.slice(11)
    .split(',');
  const subjects = allSubjects.filter((k) => !names || names.includes(k.name));
  const started = performance.now();
  console.log(`tim-redux bench: ${JSON.stringify(machine(cfg))}`);
  const rows: Row[] = [];
  for (const scenario of chosen) {
    const s0 = performance.now();
    const reps = scenario.reps?.(cfg) ?? cfg.reps;
    const applies = (k: SubjectKind) => !k.floodOnly || scenario.id.startsWith('flood');
    const runnable = subjects.filter((k) => applies(k) && scenario.notApplicable(k) === null);
    const results = new Map<string, Measurement[]>(runnable.map((k) => [k.name, []]));
    const errors = new Map<string, string>();
    for (let rep = 0; rep < reps; rep++) {
      for (let j = 0; j < runnable.length; j++) {
        const kind = runnable[(j + rep) % runnable.length];
        if (errors.has(kind.name)) continue;
        // RTK's auto-batching holds the last store until its 10 ms notification timer fires: let it
        // fire, so one subject's heap is not still alive (and traced by the GC) during the next.
        await new Promise((resolve) => setTimeout(resolve, 20));
        settle();
        try {
          results.get(kind.name)?.push(scenario.run(kind, cfg));
        } catch (e) {
          errors.set(kind.name, e instanceof Error ? e.message.split('\n')[0] : String(e));
        }
      }
    }
    for (const kind of subjects.filter(applies)) {
      const reason = scenario.notApplicable(kind);
      if (reason !== null) rows.push({ scenario: scenario.id, subject: kind.name, status: 'n/a', reason, reps: [] });
      else if (errors.has(kind.name))
        rows.push({
          scenario: scenario.id,
          subject: kind.name,
          status: 'error',
          reason: errors.get(kind.name),
          reps: [],
        });
      else rows.push(aggregate(scenario, kind.name, results.get(kind.name) ?? []));
    }
    // AtomicX after the interleaved subjects: its message handler is async (see subjects/atomicx.ts).
    if (!names || names.includes(ATOMICX)) rows.push(await atomicxRow(scenario, cfg, reps));
    const heap = heapAfterGc();
    console.log(
      `  ${scenario.id}: ${((performance.now() - s0) / 1000).toFixed(1)} s${Number.isFinite(heap) ? `, heap after ${(heap / 1048576).toFixed(0)} MB` : ''}`,
    );
  }
  if (!only || only.includes(sdkOverhead.id)) {
    const s0 = performance.now();
    rows.push(...(await sdkOverhead.run(cfg)));
    console.log(`  ${sdkOverhead.id}: ${((performance.now() - s0) / 1000).toFixed(1)} s`);
  }
  if (!only || only.includes(persist.id)) {
    const s0 = performance.now();
    rows.push(...(await persist.run(cfg)));
    console.log(`  ${persist.id}: ${((performance.now() - s0) / 1000).toFixed(1)} s`);
  }
  addRatios(rows);
  console.log(table(rows, [...chosen, sdkOverhead.asScenario, persist.asScenario]));
  const targets = Object.fromEntries(chosen.filter((s) => s.target).map((s) => [s.id, s.target]));
  const file = writeJson(rows, cfg, targets);
  console.log(`\nJSON: ${file}\nTotal: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  // AtomicX's bundled SDK and TUICore leave timers running: the run is over.
  .finally(() => process.exit());
