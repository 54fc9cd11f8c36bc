/**
 * @jest-environment jsdom
 *
 * The recorded payloads (`npm run record`, `__tests__/fixtures/recorded/`) are sound and still what
 * the SDKs produce: every file parses and names its SDK, version and event; every recording replays
 * through the middleware without an event error (a handler rejecting a real payload is a bug); a few
 * scenarios are re-run live on both SDKs and must give recordings of the same shape; and the table
 * in docs/events.md says exactly which events the recordings show the emulator producing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TIM_EVENTS, type TimEventKey } from '../../src/events';
import { shapeOf } from '../../scripts/record/plain';
import { readRecordings, SDK_DIRS } from '../../scripts/record/files';
import { scenarios } from '../../scripts/record/index';
import { runScenario, sdkVersion } from '../../scripts/record/recorder';
import { kinds } from '../emulator/sdk';
import { FakeSdk } from '../helpers/fakeSdk';
import { failOnConsoleWarnings, makeStore } from '../helpers/store';

failOnConsoleWarnings();

/** Scenarios re-run live by this test (a few seconds each on 2.x). */
const LIVE = ['login-ready', 'c2c-receive', 'c2c-revoke'];

describe.each(kinds)('recordings of %s', (kind) => {
  const files = readRecordings(kind);

  it('parse, name their SDK, version and event, and come from known scenarios', () => {
    expect(files.size).toBeGreaterThan(0);
    const names = new Set(scenarios.map((s) => s.name));
    for (const [event, file] of files) {
      expect(event in TIM_EVENTS).toBe(true);
      expect(file).toMatchObject({ sdk: kind, version: sdkVersion(kind), event });
      expect(file.recordings.length).toBeGreaterThan(0);
      for (const r of file.recordings) expect(names.has(r.scenario)).toBe(true);
    }
  });

  it('replay through the middleware without an event error', () => {
    for (const [event, file] of files) {
      for (const r of file.recordings) {
        const sdk = new FakeSdk();
        const onError = jest.fn();
        const { store } = makeStore(sdk, { onError });
        sdk.emit(event as TimEventKey, JSON.parse(JSON.stringify(r.data)));
        const errors = store.getState().tim.errors.events.map((e) => `${event} (${r.scenario}): ${e.message}`);
        expect(errors).toEqual([]);
        expect(onError).not.toHaveBeenCalled();
      }
    }
  });

  it.each(LIVE)(
    'scenario %s still gives payloads of the recorded shape',
    async (name) => {
      const scenario = scenarios.find((s) => s.name === name);
      if (!scenario) throw new Error(`no scenario ${name}`);
      const { events, error } = await runScenario(kind, scenario);
      expect(error).toBeUndefined();
      // Per event and user: the union of the key paths of every recording, live and committed.
      const union = (list: unknown[]): string[] => [...new Set(list.flatMap((d) => [...shapeOf(d)]))].sort();
      const compared: string[] = [];
      for (const key of new Set(events.map((e) => `${e.event}/${e.recording.userID}`))) {
        const [event, userID] = key.split('/');
        const committed = (files.get(event)?.recordings ?? []).filter(
          (r) => r.scenario === name && r.userID === userID,
        );
        if (committed.length === 0) continue;
        compared.push(key);
        const live = events
          .filter((e) => e.event === event && e.recording.userID === userID)
          .map((e) => e.recording.data);
        expect({ key, shape: union(live) }).toEqual({ key, shape: union(committed.map((r) => r.data)) });
      }
      expect(compared.length).toBeGreaterThan(0);
    },
    30_000,
  );
});

describe('docs/events.md', () => {
  it('says which events the emulator produces on each SDK, as the recordings show', () => {
    const whole = readFileSync(join(__dirname, '..', '..', 'docs', 'events.md'), 'utf8');
    const from = whole.indexOf('## Which events the emulator produces');
    const next = whole.indexOf('\n## ', from + 1);
    const doc = whole.slice(from, next === -1 ? undefined : next); // the master table's section only
    const rows = new Map<string, { v2: string; v3: string }>();
    for (const line of doc.split('\n')) {
      const m = /^\| `?([A-Z_]+)`? \| ([^|]*) \| ([^|]*) \|/.exec(line);
      if (m && m[1] in TIM_EVENTS) rows.set(m[1], { v2: m[2].trim(), v3: m[3].trim() });
    }
    expect([...rows.keys()].sort()).toEqual(Object.keys(TIM_EVENTS).sort());
    const recorded = {
      v2: readRecordings('tim-js-sdk'),
      v3: readRecordings('@tencentcloud/chat'),
    };
    const mark = (has: boolean): string => (has ? 'yes' : 'no');
    for (const [event, row] of rows) {
      expect({ event, v2: row.v2.split(' ')[0], v3: row.v3.split(' ')[0] }).toEqual({
        event,
        v2: mark(recorded.v2.has(event)),
        v3: mark(recorded.v3.has(event)),
      });
    }
    expect(SDK_DIRS).toBeDefined();
  });

  it('names, for every event the emulator produces, test files that exist and cause it', () => {
    const tests = join(__dirname, '..');
    const lacking: string[] = [];
    for (const row of masterRows()) {
      const produced = row.v2.startsWith('yes') || row.v3.startsWith('yes');
      const files = [...row.driven.matchAll(/`((?:integration|faults)\/[\w.]+\.test\.ts)`/g)].map((m) => m[1]);
      // The client-caused events need no emulator test: they say so.
      if (/only a client causes it|never emitted/.test(row.driven)) {
        expect({ event: row.event, files }).toEqual({ event: row.event, files: [] });
        continue;
      }
      if (produced && files.length === 0) lacking.push(`${row.event}: no test file named`);
      const causes = [...row.how.matchAll(/`(?:emu\.)?([A-Za-z]+)/g)].map((m) => m[1]);
      for (const file of files) {
        const path = join(tests, file);
        if (!existsSync(path)) {
          lacking.push(`${row.event}: ${file} does not exist`);
          continue;
        }
        const text = readFileSync(path, 'utf8');
        if (!text.includes(row.event) && !causes.some((c) => text.includes(c)))
          lacking.push(`${row.event}: ${file} mentions neither the event nor ${causes.join(', ')}`);
      }
    }
    expect(lacking).toEqual([]);
  });
});

/** The rows of docs/events.md's master table: event, the two emulator columns, driven, how. */
function masterRows(): Array<{ event: string; v2: string; v3: string; driven: string; how: string }> {
  const whole = readFileSync(join(__dirname, '..', '..', 'docs', 'events.md'), 'utf8');
  const from = whole.indexOf('## Which events the emulator produces');
  const next = whole.indexOf('\n## ', from + 1);
  const rows = [];
  for (const line of whole.slice(from, next === -1 ? undefined : next).split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 7 || !(cells[1] in TIM_EVENTS)) continue;
    rows.push({ event: cells[1], v2: cells[2], v3: cells[3], driven: cells[4], how: cells[5] });
  }
  expect(rows.map((r) => r.event).sort()).toEqual(Object.keys(TIM_EVENTS).sort());
  return rows;
}
