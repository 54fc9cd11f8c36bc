/** The shape of a scenario and of what it measures. */
import type { Config } from '../harness';
import type { SubjectKind } from '../subjects/types';

export interface Measurement {
  /** Median time of one event, in ms. */
  medianMs: number;
  /** 95th percentile of one event, in ms. */
  p95Ms: number;
  /** Events (or units of `throughputUnit`) per second over the timed part. */
  throughput: number;
  /** Events timed, and events planned (fewer when a slow subject ran out of budget). */
  events: number;
  planned: number;
  /** Scenario-specific figures (heap, identity counts, checks). */
  extra?: Record<string, number | string | boolean>;
}

export interface Scenario {
  id: string;
  title: string;
  /** What `throughput` counts. */
  throughputUnit: 'events/s' | 'msg/s' | 'syncs/s';
  /** The target of issue 4 for tim-redux, if any. */
  target?: { medianMs?: number; throughput?: number; text: string };
  /** Why a subject cannot run this scenario, or null when it can. */
  notApplicable(kind: SubjectKind): string | null;
  run(kind: SubjectKind, cfg: Config): Measurement;
  /** Repetitions (defaults to cfg.reps). */
  reps?(cfg: Config): number;
}

/** Builds a Measurement from per-event times. */
export function measured(
  t: { times: Float64Array; done: number; wallMs: number },
  planned: number,
  perEvent = 1,
  extra?: Measurement['extra'],
): Measurement {
  const sorted = Array.from(t.times).sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const medianMs = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return {
    medianMs,
    p95Ms: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))],
    throughput: (t.done * perEvent) / (t.wallMs / 1000),
    events: t.done,
    planned,
    extra,
  };
}
