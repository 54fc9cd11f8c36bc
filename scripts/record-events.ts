/**
 * `npm run record`: drives the real tim-js-sdk 2.x and @tencentcloud/chat 3.x against the IM
 * emulator through every scenario in `scripts/record/`, and writes what each event carried as plain
 * JSON to `__tests__/fixtures/recorded/<sdk>/<EVENT_KEY>.json`. The unit tests replay these files
 * through the fake SDK, so the payloads they test with are the real SDKs' own.
 *
 *   npm run record                        every scenario on both SDKs (rewrites the folder)
 *   npm run record -- --only c2c-read     just these scenarios (comma-separated); other recordings kept
 *   npm run record -- --sdk tim-js-sdk    just one SDK
 */
import './record/dom';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kinds, type WebSdkKind as SdkKind } from '../__tests__/emulator/sdk';
import { closeDom } from './record/dom';
import { RECORDED_DIR, SDK_DIRS, readRecordings, type RecordingFile } from './record/files';
import { scenarios } from './record/index';
import { runScenario, sdkVersion, type Recording } from './record/recorder';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Scenarios that threw: reported at the end, and the exit code is 1. */
const failed: string[] = [];

async function recordSdk(kind: SdkKind, only: Set<string> | undefined): Promise<void> {
  const chosen = scenarios.filter((s) => !only || only.has(s.name));
  const byEvent = new Map<string, Recording[]>();
  if (only) {
    // keep what other scenarios recorded
    for (const [event, file] of readRecordings(kind))
      byEvent.set(
        event,
        file.recordings.filter((r) => !only.has(r.scenario)),
      );
  }
  for (const scenario of chosen) {
    const started = Date.now();
    const { events, error } = await runScenario(kind, scenario);
    for (const { event, recording } of events) byEvent.set(event, [...(byEvent.get(event) ?? []), recording]);
    const took = `${events.length} events in ${Date.now() - started} ms`;
    process.stdout.write(`${kind} ${scenario.name}: ${took}${error ? `; stopped: ${error}` : ''}\n`);
    if (error) failed.push(`${kind} ${scenario.name}: ${error}`);
  }
  const order = new Map(scenarios.map((s, i) => [s.name, i]));
  const dir = join(RECORDED_DIR, SDK_DIRS[kind]);
  if (!only) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [event, recordings] of [...byEvent].sort(([a], [b]) => a.localeCompare(b))) {
    if (recordings.length === 0) continue;
    // An event repeated with the same data within a scenario (empty lists, ...) is kept once.
    const kept = new Set<string>();
    const sorted = recordings
      .map((r, i) => ({ r, i }))
      .sort((a, b) => (order.get(a.r.scenario) ?? 0) - (order.get(b.r.scenario) ?? 0) || a.i - b.i)
      .map(({ r }) => r)
      .filter((r) => {
        const json = `${r.scenario}\n${r.userID}\n${JSON.stringify(r.data)}`;
        if (kept.has(json)) return false;
        kept.add(json);
        return true;
      });
    const file: RecordingFile = { sdk: kind, version: sdkVersion(kind), event, recordings: sorted };
    writeFileSync(join(dir, `${event}.json`), `${JSON.stringify(file, null, 1)}\n`);
  }
}

async function main(): Promise<void> {
  const onlyArg = arg('only');
  const only = onlyArg ? new Set(onlyArg.split(',')) : undefined;
  const sdkArg = arg('sdk');
  for (const kind of kinds.filter((k) => !sdkArg || k === sdkArg)) await recordSdk(kind, only);
  closeDom();
  if (failed.length) throw new Error(`scenarios that stopped early:\n${failed.join('\n')}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
