/**
 * The browser globals the Web SDKs need, for running them in plain Node (tsx) as the Jest suites run
 * them under `@jest-environment jsdom`: the emulator entry's own `installNodeGlobals`, so the recorder
 * runs the SDKs the way a user's Node script does. Import this module before either SDK.
 */
import { installNodeGlobals } from '../../src/emulator/node';

const dispose = installNodeGlobals();

/** Removes the globals and closes the jsdom window (its timers would keep the process alive). */
export function closeDom(): void {
  dispose();
}
