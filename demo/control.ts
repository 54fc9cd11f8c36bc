/**
 * For the end-to-end test only: with TIM_DEMO_CONTROL=1, `npm start` reads one JSON command per line on
 * stdin, `{"id": 1, "method": "kick", "args": ["alice"]}`, calls that method of the emulator's control
 * API, and answers on stdout with `@control {"id": 1, "result": ...}` (or `"error"`). `loadLong` seeds a
 * long conversation, `loadMany` many conversations. Never enabled by a plain `npm start`.
 */
import { createInterface } from 'node:readline';
import type { Emulator } from '../src/emulator';

/** Extra commands beyond the emulator's own methods. */
const extra: Record<string, (emulator: Emulator, ...args: never[]) => unknown> = {
  /** `count` one-to-one messages between `a` and `b`, alternating, oldest first, one second apart. */
  loadLong: (emulator, a: string, b: string, count: number) => {
    for (let i = 1; i <= count; i++)
      emulator.injectC2CMessage({ from: i % 2 ? a : b, to: i % 2 ? b : a, text: `Message ${i} of ${count}` });
    return count;
  },
  /** `conversations` one-to-one conversations of `user`, `perConversation` messages each from `<user>-peer<i>`, round by round. */
  loadMany: (emulator, user: string, conversations: number, perConversation: number) => {
    for (let r = 1; r <= perConversation; r++)
      for (let i = 0; i < conversations; i++)
        emulator.injectC2CMessage({ from: `${user}-peer${i}`, to: user, text: `Message ${r} from peer ${i}` });
    return conversations * perConversation;
  },
};

/** Starts reading commands from stdin. */
export function serveControl(emulator: Emulator): void {
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    let id: unknown = null;
    try {
      const {
        id: commandID,
        method,
        args = [],
      } = JSON.parse(line) as { id: unknown; method: string; args?: unknown[] };
      id = commandID;
      const own = extra[method];
      const fn = (emulator as unknown as Record<string, unknown>)[method];
      let result: unknown;
      if (own) result = (own as (e: Emulator, ...a: unknown[]) => unknown)(emulator, ...args);
      else if (typeof fn === 'function') result = (fn as (...a: unknown[]) => unknown).apply(emulator, args);
      else throw new Error(`no method ${method}`);
      process.stdout.write(`@control ${JSON.stringify({ id, result: result ?? null })}\n`);
    } catch (e) {
      process.stdout.write(`@control ${JSON.stringify({ id, error: String(e) })}\n`);
    }
  });
}
