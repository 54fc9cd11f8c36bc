/**
 * Runs a list of commands on a fresh world and compares the store with the SDK after each step,
 * at a quiet point. Divergences listed in `KNOWN_DIVERGENCES` are left out (and counted), so the
 * test is green while their fixes are on other branches; remove an entry once its fix is merged.
 */
import { appendFileSync } from 'node:fs';
import { sleep } from '../emulator/sdk';
import { COMPARISONS, type Divergence } from './comparisons';
import { runCommand, type Command } from './operations';
import { GROUPS, startWorld, stopWorld, type World } from './world';
import type { SdkKind } from '../emulator/sdk';

/**
 * TIM_DIFF_COLLECT=<file>: a survey, not a test: every divergence is appended to the file and the
 * run goes on (to find many divergences in one go while developing).
 */
const COLLECT = process.env.TIM_DIFF_COLLECT;

/** TIM_DIFF_STRICT=1: known divergences are not excused (to see them, e.g. after merging a fix). */
const STRICT = process.env.TIM_DIFF_STRICT === '1';

/** A divergence known and owned by an item of issue 11 that another branch fixes. */
export interface KnownDivergence {
  /** `what (issue 11 item N)`. */
  id: string;
  matches(d: Divergence, world: World): boolean;
}

/**
 * Divergences found by this test that belong to items of issue 11 fixed elsewhere. Each entry is
 * removed when its fix is merged; the test then checks that comparison again.
 */
export const KNOWN_DIVERGENCES: KnownDivergence[] = [
  {
    id: 'totalUnread after read or delete is lowered twice / counts muted conversations (#11 item 1)',
    matches: (d) => d.comparison === 'totalUnread',
  },
  {
    id: 'a group embedded in a conversation (pinned, or kept after quitting) is upserted into the group list (#11 item 6)',
    matches: (d) => d.comparison === 'groups' && d.detail.startsWith('groupIDs:'),
  },
  {
    // Seen on 3.x (2.x re-adds it with the next whole list): related to item 6, reported.
    id: 'the store drops the conversation of a group bob quit; the SDK keeps it (#11 item 6)',
    matches: (d) =>
      d.comparison === 'conversations' &&
      d.detail.startsWith('conversationIDs:') &&
      onlyMissingInStore(d).length > 0 &&
      onlyMissingInStore(d).every((id) => id === `GROUP${GROUPS.club}`),
  },
  {
    id: 'one-to-one messages of the same second are not in the SDK order (#11 item 15)',
    matches: (d) =>
      d.comparison === 'messages' &&
      d.subject.startsWith('C2C') &&
      (d.detail.startsWith('order:') || d.detail.startsWith('newest:')) &&
      sameSecondSwap(d),
  },
  {
    id: 'group members do not follow joins and quits; a completed member list is not reloaded (#11 item 5)',
    matches: (d) => d.comparison === 'members',
  },
  {
    // Not in issue 11's list; reported (the relations helper's area). Reproduced on 3.x only by
    // [{"op":"drop"},{"op":"blacklist","userID":"carol","add":true}]: an addToBlacklist while the SDK
    // reconnects leaves getBlacklist() answering [] (the server and the store have carol).
    // Only this direction is excused: a user the SDK lists and the store lacks still fails.
    id: 'blacklist: on 3.x an add during a reconnect is in the store and on the server, not in getBlacklist (new, relations)',
    matches: (d, world) => {
      if (d.comparison !== 'blacklist' || world.kind !== '@tencentcloud/chat') return false;
      const { store, sdk } = sides(d);
      return Array.isArray(store) && Array.isArray(sdk) && sdk.every((id) => store.includes(id));
    },
  },
];

/** The two values of a `field: store <json> ≠ sdk <json>` detail. */
function sides(d: Divergence): { store: unknown; sdk: unknown } {
  const m = /: store (.*) ≠ sdk (.*)$/.exec(d.detail);
  try {
    return m ? { store: JSON.parse(m[1]), sdk: JSON.parse(m[2]) } : { store: undefined, sdk: undefined };
  } catch {
    return { store: undefined, sdk: undefined };
  }
}

/** Conversation IDs the SDK lists and the store does not (and none the other way round). */
function onlyMissingInStore(d: Divergence): string[] {
  const { store, sdk } = sides(d);
  if (!Array.isArray(store) || !Array.isArray(sdk)) return [];
  if (store.some((id) => !sdk.includes(id))) return [];
  return sdk.filter((id) => !store.includes(id)) as string[];
}

/** The send second in a message ID (`tinyID-clientTime-random`). */
const secondOf = (id: unknown): string => String(id).split('-')[1] ?? '';

/** True when an order or newest divergence swaps only messages sent in the same second. */
function sameSecondSwap(d: Divergence): boolean {
  const { store, sdk } = sides(d);
  if (typeof store === 'string' && typeof sdk === 'string') return secondOf(store) === secondOf(sdk);
  if (!Array.isArray(store) || !Array.isArray(sdk) || store.length !== sdk.length) return false;
  const moved = store.filter((id, i) => id !== sdk[i]);
  return moved.length > 0 && moved.every((id) => secondOf(id) === secondOf(moved[0]));
}

/** Known divergences met so far in this process, by id (reported by the test at the end). */
export const knownHits = new Map<string, number>();

/** A step's divergences that remain after a quiet wait, as readable lines. */
async function divergences(world: World): Promise<string[]> {
  const found: Divergence[] = [];
  for (const c of COMPARISONS) found.push(...(await c.compare(world)));
  const lines: string[] = [];
  for (const d of found) {
    const known = STRICT ? undefined : KNOWN_DIVERGENCES.find((k) => k.matches(d, world));
    if (known) knownHits.set(known.id, (knownHits.get(known.id) ?? 0) + 1);
    else lines.push(`${d.comparison}${d.subject ? ` ${d.subject}` : ''}: ${d.detail}`);
  }
  return lines;
}

/**
 * Waits for a quiet point: the throttled list events (one a second per name on 2.x; 3.x runs with
 * `eventThrottling: false`) have been emitted. Then compares, and while something differs retries
 * for a little longer (a push may still be on its way) before calling it a divergence.
 */
async function quietCompare(world: World): Promise<string[]> {
  const throttled = world.kind === 'tim-js-sdk';
  await sleep(throttled ? 1150 : 150);
  const deadline = Date.now() + (throttled ? 2500 : 1500);
  let lines = await divergences(world);
  while (lines.length > 0 && Date.now() < deadline) {
    await sleep(throttled ? 500 : 200);
    lines = await divergences(world);
  }
  return lines;
}

/**
 * Runs `commands` on a fresh world of `kind`; throws with the path and the divergences on the first
 * step that diverges. Resolves with the event keys bob's SDK emitted.
 */
export async function runDifferential(kind: SdkKind, commands: readonly Command[]): Promise<Set<string>> {
  const world = await startWorld(kind);
  try {
    const errorsBefore = world.store.getState().tim.errors.events.length;
    let step = 0;
    const check = async (after: string): Promise<void> => {
      const lines = await quietCompare(world);
      const eventErrors = world.store.getState().tim.errors.events.slice(errorsBefore);
      for (const e of eventErrors) lines.push(`event error: ${e.event} ${e.message}`);
      if (lines.length > 0 && COLLECT) {
        // Survey mode: note the divergences and go on, to see many in one run.
        const path = JSON.stringify(commands.slice(0, step));
        appendFileSync(COLLECT, `${kind} ${after}\n  path: ${path}\n  ${lines.join('\n  ')}\n`);
        return;
      }
      if (lines.length > 0)
        throw new Error(
          `store ≠ SDK on ${kind} after ${after}\n  path: ${JSON.stringify(commands.slice(0, step))}\n  ${lines.join('\n  ')}`,
        );
    };
    await check('login');
    for (const command of commands) {
      step++;
      await runCommand(world, command);
      await check(`step ${step} ${JSON.stringify(command)}`);
    }
    return world.seen;
  } finally {
    await stopWorld(world);
  }
}
