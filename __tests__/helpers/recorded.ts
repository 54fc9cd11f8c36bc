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

/** A real SDK object of one kind, as 2.27.6 emitted it in a recording. */
export type TemplateKind =
  'c2cMessage' | 'groupMessage' | 'c2cConversation' | 'groupConversation' | 'group' | 'profile';

const TEMPLATE_SOURCES: Record<
  TemplateKind,
  { event: string; scenario: string; pick: (item: Record<string, unknown>) => boolean }
> = {
  c2cMessage: { event: 'MESSAGE_RECEIVED', scenario: 'c2c-receive', pick: (m) => m.type === 'TIMTextElem' },
  groupMessage: { event: 'MESSAGE_RECEIVED', scenario: 'group-message-receive', pick: (m) => m.type === 'TIMTextElem' },
  c2cConversation: { event: 'CONVERSATION_LIST_UPDATED', scenario: 'c2c-receive', pick: (c) => c.type === 'C2C' },
  groupConversation: {
    event: 'CONVERSATION_LIST_UPDATED',
    scenario: 'group-message-receive',
    pick: (c) => c.type === 'GROUP',
  },
  group: { event: 'GROUP_LIST_UPDATED', scenario: 'group-message-receive', pick: (g) => typeof g.groupID === 'string' },
  profile: { event: 'PROFILE_UPDATED', scenario: 'profile-update-mine', pick: (p) => typeof p.userID === 'string' },
};

/**
 * A fresh copy of a real SDK object (message, conversation, group, profile) from the 2.27.6
 * recordings, for the fake SDK's classes to start from, so the fields they carry are the SDK's own.
 */
export function recordedTemplate(kind: TemplateKind): Record<string, unknown> {
  const { event, scenario, pick } = TEMPLATE_SOURCES[kind];
  for (const r of load('tim-js-sdk', event)?.recordings ?? []) {
    if (r.scenario !== scenario || !Array.isArray(r.data)) continue;
    const hit = (r.data as Array<Record<string, unknown>>).find((item) => item !== null && pick(item));
    if (hit) return JSON.parse(JSON.stringify(hit)) as Record<string, unknown>;
  }
  throw new Error(`no recorded ${kind} (${event} in ${scenario}); run npm run record`);
}
