/**
 * The world of one differential run: one emulator, alice and carol on their own real SDK instances,
 * bob on a real SDK instance bound to a store (RTK's checks on). Operations act on it; comparisons
 * read bob's store and bob's SDK.
 */
import { login, selectIsReady } from '../../src';
import { startEmulator, type Emulator } from '../../src/emulator';
import {
  constants,
  createSdk,
  loginReady,
  shutdown,
  sleep,
  until,
  type Sdk,
  type SdkKind,
  type SdkMessage,
} from '../emulator/sdk';
import { makeStore } from '../helpers/store';

/** The users of a run; bob is the one with the store. */
export const USERS = ['alice', 'bob', 'carol'] as const;
/** A user of a run. */
export type User = (typeof USERS)[number];

/** A Work group of all three (alice owns it) and a Public group alice owns that bob may join and quit. */
export const GROUPS = { team: 'team', club: 'club' } as const;

/** What operations and comparisons work with. */
export interface World {
  kind: SdkKind;
  EVENT: Record<string, string>;
  /** The SDK's `TYPES`; the conversation types narrowed to what `sendTextMessage` takes. */
  TYPES: Record<string, string> & { CONV_C2C: 'C2C'; CONV_GROUP: 'GROUP' };
  emu: Emulator;
  sdks: Record<User, Sdk>;
  store: ReturnType<typeof makeStore>['store'];
  middleware: ReturnType<typeof makeStore>['middleware'];
  /** Messages each user sent, newest last (their own SDK's objects; bob's are store IDs too). */
  sent: Record<User, SdkMessage[]>;
  /** Whether bob's store loaded the team's pinned messages (then compared with the SDK's, 3.x); a kick clears it. */
  pinsLoaded: boolean;
  /** Messages a peer reacted to (their reactions are compared, 3.x). */
  reacted: Set<string>;
  /** Groups whose members bob's store loaded (compared with the SDK's member list). */
  loadedMembers: Set<string>;
  /** Things the run did, for the failure report. */
  log: string[];
  /** The `TIM.EVENT` keys bob's SDK emitted during the run (so, that reached the binding). */
  seen: Set<string>;
}

/** Logs bob in through the binding and waits out the login's message sync (see `loginReady`). */
export async function loginBob(world: World): Promise<void> {
  const synced = world.emu.waitForCommand('openim.getmsg', { userID: 'bob', timeoutMs: 8000 });
  await world.store.dispatch(login({ userID: 'bob', userSig: 'sig-bob' })).unwrap();
  await synced;
  await sleep(20);
}

/** Starts a world: emulator, groups, three logged-in users, bob's store. */
export async function startWorld(kind: SdkKind): Promise<World> {
  const { EVENT, TYPES } = constants(kind);
  const emu = await startEmulator();
  emu.createGroup({
    type: 'Private',
    name: 'team',
    ownerID: 'alice',
    memberIDs: ['bob', 'carol'],
    groupID: GROUPS.team,
  });
  emu.createGroup({ type: 'Public', name: 'club', ownerID: 'alice', memberIDs: ['carol'], groupID: GROUPS.club });
  // 2.x: the friendship build (tim-js-friendship.js), which alone has friends; 3.x ignores the flag.
  const make = (): Sdk => createSdk(kind, emu.url, undefined, { friendship: true });
  const sdks = { alice: make(), bob: make(), carol: make() };
  const made = makeStore(sdks.bob, { events: EVENT });
  const world: World = {
    kind,
    EVENT,
    TYPES: TYPES as World['TYPES'],
    emu,
    sdks,
    store: made.store,
    middleware: made.middleware,
    sent: { alice: [], bob: [], carol: [] },
    loadedMembers: new Set(),
    reacted: new Set(),
    pinsLoaded: false,
    log: [],
    seen: new Set(),
  };
  for (const [key, name] of Object.entries(EVENT)) sdks.bob.on(name, () => world.seen.add(key));
  await loginReady(kind, sdks.alice, 'alice', { emulator: emu });
  await loginReady(kind, sdks.carol, 'carol', { emulator: emu });
  await loginBob(world);
  return world;
}

/** Stops everything a world started. */
export async function stopWorld(world: World): Promise<void> {
  world.emu.clearFaults();
  world.middleware.close();
  await shutdown(world.sdks.alice, world.sdks.carol, world.sdks.bob);
  await world.emu.stop();
}

/** Makes sure bob is logged in and ready again (after a kick or a dropped socket). */
export async function ensureBobReady(world: World): Promise<void> {
  const ready = async (): Promise<boolean> => selectIsReady(world.store.getState());
  try {
    await until(ready, 6000, 'bob ready again');
  } catch {
    await loginBob(world);
  }
}
