/**
 * Runs recording scenarios: each on a fresh emulator, with every SDK instance it creates subscribed
 * to every name in the SDK's `TIM.EVENT`, and each event's data kept as plain JSON (see `plain.ts`).
 * Used by `scripts/record-events.ts` (writes the fixtures) and by the test that checks the committed
 * fixtures still have the shape the SDKs produce.
 */
import { startEmulator, type Emulator } from '../../src/emulator';
import {
  constants,
  createSdk,
  loginReady,
  shutdown,
  sleep,
  type Sdk,
  type WebSdkKind as SdkKind,
} from '../../__tests__/emulator/sdk';
import { toRecorded, type RecordedJson } from './plain';

/** The package version of each SDK kind, as written into the recordings. */
export function sdkVersion(kind: SdkKind): string {
  return (require(`${kind}/package.json`) as { version: string }).version;
}

/** What a scenario works with. */
export interface RecordContext {
  kind: SdkKind;
  EVENT: Record<string, string>;
  TYPES: Record<string, string>;
  emulator: Emulator;
  /**
   * A new recorded SDK instance logged in as `userID`, after SDK_READY and the login sync;
   * `createOptions` are added to the SDK's create options.
   */
  login(userID: string, createOptions?: Record<string, unknown>): Promise<Sdk>;
  /** A new recorded SDK instance, not logged in. */
  create(label: string, createOptions?: Record<string, unknown>): Sdk;
  /** Waits until throttled events (one a second per name on 2.x) have been emitted. */
  settle(): Promise<void>;
}

/** One recording scenario: a short story on the emulator that makes some events. */
export interface Scenario {
  /** Unique, kebab-case; the key tests load a recording by. */
  name: string;
  run(ctx: RecordContext): Promise<void>;
  /** Options of the scenario's emulator (e.g. `purchaseBits` for features granted only on request). */
  emulatorOptions?: Parameters<typeof startEmulator>[0];
}

/** One recorded event. */
export interface Recording {
  scenario: string;
  /** The user whose SDK instance emitted it. */
  userID: string;
  data: RecordedJson | null;
}

/** A recorded event key (of `TIM.EVENT`) and what it carried. */
export interface RecordedEvent {
  event: string;
  recording: Recording;
}

/**
 * How many recordings of one event per scenario and user are kept: the first ones and the last
 * (an event repeated through a scenario is mostly the same; the last shows the end state).
 */
export const KEEP_FIRST = 2;

/** What one scenario recorded, and the error it stopped at (if any: what it recorded is still kept). */
export interface ScenarioResult {
  events: RecordedEvent[];
  error?: string;
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${(error as { code?: unknown }).code ?? ''} ${error.message}`.trim();
  return JSON.stringify(error);
}

/** Runs one scenario on `kind` and returns what it recorded, trimmed as `KEEP_FIRST` says. */
export async function runScenario(kind: SdkKind, scenario: Scenario): Promise<ScenarioResult> {
  const { EVENT, TYPES } = constants(kind);
  const emulator = await startEmulator(scenario.emulatorOptions);
  const sdks: Sdk[] = [];
  const seen: RecordedEvent[] = [];
  // Off for the teardown: every scenario would otherwise record the same logout and destroy events.
  let recording = true;
  const recordOn = (tim: Sdk, label: () => string): void => {
    for (const [key, name] of Object.entries(EVENT)) {
      tim.on(name, (e) => {
        if (!recording) return;
        const data = toRecorded(e.data);
        seen.push({ event: key, recording: { scenario: scenario.name, userID: label(), data: data ?? null } });
      });
    }
  };
  const create = (label: string, createOptions: Record<string, unknown> = {}): Sdk => {
    const tim = createSdk(kind, emulator.url, undefined, createOptions);
    sdks.push(tim);
    recordOn(tim, () => label);
    return tim;
  };
  const ctx: RecordContext = {
    kind,
    EVENT,
    TYPES,
    emulator,
    create,
    login: async (userID, createOptions) => {
      const tim = create(userID, createOptions);
      await loginReady(kind, tim, userID, { emulator });
      return tim;
    },
    settle: () => sleep(kind === 'tim-js-sdk' ? 1300 : 400),
  };
  let error: string | undefined;
  try {
    await scenario.run(ctx);
    await ctx.settle();
  } catch (e) {
    error = describeError(e);
  } finally {
    recording = false;
    await shutdown(...sdks);
    await emulator.stop();
  }
  return { events: trim(seen), error };
}

function trim(seen: RecordedEvent[]): RecordedEvent[] {
  const groups = new Map<string, RecordedEvent[]>();
  for (const e of seen) {
    const key = `${e.event}\n${e.recording.userID}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const keep = new Set<RecordedEvent>();
  for (const list of groups.values()) {
    list.slice(0, KEEP_FIRST).forEach((e) => keep.add(e));
    keep.add(list[list.length - 1]);
  }
  return seen.filter((e) => keep.has(e));
}
