/**
 * @jest-environment jsdom
 *
 * Unread counts at login on the real SDKs: in every frame after the list synced, the total equals the
 * sum of the rows. A frame is what the store holds once a task's microtasks have run (the browser
 * paints only then), so the store is read in a macrotask after each change. tim-js-sdk emits the total as soon as the login sync's counts land but
 * holds the matching list event back up to a second (its event throttle); a store that applied the
 * total alone showed, for that second, a total no row accounted for (the demo's "Chats 20" with no
 * row badge).
 */
import { selectConversationList, selectTotalUnreadCount } from '../../src';
import { kinds, useBindingOnEmulator } from '../helpers/emulatorStore';
import { sleep } from '../emulator/sdk';

describe.each(kinds)('unread at login on %s', (kind) => {
  jest.setTimeout(30_000);
  const binding = useBindingOnEmulator(kind);

  it('every state after the list synced has total = sum of the (unmuted) rows', async () => {
    const { emu, store } = binding.ctx;
    for (let i = 1; i <= 3; i++) emu.injectC2CMessage({ from: 'alice', to: 'bob', text: `unread ${i}` });
    for (let i = 1; i <= 2; i++) emu.injectC2CMessage({ from: 'carol', to: 'bob', text: `unread ${i}` });
    const seen: Array<{ total: number; rows: number }> = [];
    const frame = () => {
      const state = store.getState();
      if (!state.tim.conversations.synced) return;
      const rows = selectConversationList(state)
        .filter((c) => c.messageRemindType !== 'AcceptNotNotify' && c.messageRemindType !== 'Discard')
        .reduce((sum, c) => sum + c.unreadCount, 0);
      const total = selectTotalUnreadCount(state);
      const last = seen[seen.length - 1];
      if (!last || last.total !== total || last.rows !== rows) seen.push({ total, rows });
    };
    const unsubscribe = store.subscribe(() => void setTimeout(frame, 0));
    await binding.loginBob();
    await sleep(1500); // past the SDK's throttled list event
    unsubscribe();
    frame();
    expect(seen[seen.length - 1]).toEqual({ total: 5, rows: 5 });
    for (const s of seen) expect(s).toEqual({ total: s.rows, rows: s.rows });
  });
});
