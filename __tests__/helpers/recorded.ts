/**
 * Payloads the real SDKs emitted against the IM emulator, recorded by `npm run record`
 * (`scripts/record-events.ts`) into `__tests__/fixtures/recorded/`. Unit tests feed these to the fake
 * SDK instead of invented shapes: where the picture of a payload is wrong, a test can then fail.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The SDK a recording came from. */
export type RecordedSdk = 'tim-js-sdk' | '@tencentcloud/chat';

const DIRS: Record<RecordedSdk, string> = { 'tim-js-sdk': 'tim-js-sdk', '@tencentcloud/chat': 'tencentcloud-chat' };
const ROOT = join(__dirname, '..', 'fixtures', 'recorded');

interface RecordingFile {
  sdk: string;
  version: string;
  event: string;
  recordings: Array<{ scenario: string; userID: string; data: unknown }>;
}

const cache = new Map<string, RecordingFile | null>();

function load(sdk: RecordedSdk, event: string): RecordingFile | null {
  const path = join(ROOT, DIRS[sdk], `${event}.json`);
  if (!cache.has(path))
    cache.set(path, existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as RecordingFile) : null);
  return cache.get(path) ?? null;
}

/** Which recording to pick. */
export interface RecordedChoice {
  /** Default `tim-js-sdk`. */
  sdk?: RecordedSdk;
  /** The user whose SDK emitted it; default: the first recording of the scenario, whoever emitted it. */
  userID?: string;
  /** Among the matching recordings, which one (default 0; negative counts from the end). */
  index?: number;
}

/**
 * A fresh copy of the data `event` (its `TIM.EVENT` key) carried in `scenario` (a scenario name from
 * `scripts/record/`). Throws when there is no such recording: run `npm run record`.
 */
export function recorded<T = unknown>(event: string, scenario: string, choice: RecordedChoice = {}): T {
  const sdk = choice.sdk ?? 'tim-js-sdk';
  const matching = (load(sdk, event)?.recordings ?? []).filter(
    (r) => r.scenario === scenario && (choice.userID === undefined || r.userID === choice.userID),
  );
  const index = choice.index ?? 0;
  const hit = matching[index < 0 ? matching.length + index : index];
  if (!hit)
    throw new Error(
      `no recording of ${event} in scenario ${scenario} on ${sdk}` +
        `${choice.userID ? ` for ${choice.userID}` : ''} #${index}; run npm run record`,
    );
  return JSON.parse(JSON.stringify(hit.data)) as T;
}

/** Every recording of every event of one SDK (for replay tests). */
export function allRecordings(
  sdk: RecordedSdk,
  events: readonly string[],
): Array<{ event: string } & RecordingFile['recordings'][number]> {
  const out: Array<{ event: string } & RecordingFile['recordings'][number]> = [];
  for (const event of events) for (const r of load(sdk, event)?.recordings ?? []) out.push({ event, ...r });
  return out;
}
