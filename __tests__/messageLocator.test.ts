/**
 * The message locator (src/entities/messageLocator.ts): `selectMessageById` and the reducer's
 * locate step answer exactly what a scan of every stored list answers, through receives, history
 * pages, caps, deletions, removed conversations, resets, older states and two stores at once.
 * Identity and counts only: the speed is measured in the bench (`--only=lookup`).
 */
import {
  deleteConversation,
  deleteMessages,
  messageExtensionsUpdated,
  messagesReceived,
  normalizeMessage,
  resetTim,
  selectMessageById,
  selectMessagesByConversationID,
  setMessageCap,
  timReducer,
  conversationListUpdated,
  type MessageRecord,
  type RootStateWithTim,
} from '../src';
import { pagedKeys } from '../src/entities/pagedTable';
import { FakeMessage } from './helpers/fakeSdk';

type Tim = ReturnType<typeof timReducer>;
const root = (tim: Tim): RootStateWithTim => ({ tim }) as RootStateWithTim;

/** The answer of a scan of every list: what the locator must agree with. */
function scan(state: RootStateWithTim, id: string): MessageRecord | undefined {
  for (const conversationID of pagedKeys(state.tim.messages.lists)) {
    const found = selectMessagesByConversationID(state, conversationID).find((m) => m.ID === id);
    if (found) return found;
  }
  return undefined;
}

let n = 0;
function message(conversation: number, room = false): MessageRecord {
  n++;
  return normalizeMessage(
    new FakeMessage(
      room
        ? {
            from: `u${n % 7}`,
            to: `room${conversation}`,
            conversationType: 'GROUP',
            conversationSubType: 'AVChatRoom',
            ID: `m${n}`,
          }
        : { from: `peer${conversation}`, to: 'me', ID: `m${n}` },
    ),
  );
}

/** A tiny deterministic generator, so a failure replays. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x80000000;
  };
}

describe('message locator', () => {
  it('finds every stored message and no other, through every kind of change (model against a scan)', () => {
    const rnd = random(7);
    let tim = timReducer(undefined, { type: '@@init' });
    tim = timReducer(tim, setMessageCap({ subType: 'AVChatRoom', cap: 20 }));
    const seen: string[] = [];
    const old: Tim[] = [];
    for (let step = 0; step < 400; step++) {
      const r = rnd();
      if (r < 0.55) {
        const batch = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () =>
          message(Math.floor(rnd() * 6), rnd() < 0.3),
        );
        if (seen.length > 0 && rnd() < 0.2)
          batch.push({ ...(selectMessageById(root(tim), seen[Math.floor(rnd() * seen.length)]) ?? batch[0]) });
        seen.push(...batch.map((m) => m.ID));
        tim = timReducer(tim, messagesReceived(batch));
      } else if (r < 0.7 && seen.length > 0) {
        const gone = Array.from({ length: 3 }, () => seen[Math.floor(rnd() * seen.length)])
          .map((id) => selectMessageById(root(tim), id))
          .filter((m): m is MessageRecord => m !== undefined)
          .map(({ ID, conversationID }) => ({ ID, conversationID }));
        tim = timReducer(
          tim,
          deleteMessages.fulfilled(
            gone,
            'r',
            gone.map((g) => g.ID),
          ),
        );
      } else if (r < 0.78) {
        const conversationID = `C2Cpeer${Math.floor(rnd() * 6)}`;
        tim = timReducer(
          tim,
          deleteConversation.fulfilled(
            { conversationIDs: [conversationID], clearHistoryMessage: true, totalUnreadCount: null },
            'r',
            conversationID,
          ),
        );
      } else if (r < 0.83) {
        tim = timReducer(
          tim,
          conversationListUpdated({
            conversations: [],
            removed: [`GROUProom${Math.floor(rnd() * 6)}`],
            profiles: [],
            groups: [],
            complete: true,
            partial: false,
            totalUnreadCount: null,
          }),
        );
      } else if (r < 0.85) {
        tim = timReducer(tim, resetTim({ reason: 'manual' }));
      } else if (seen.length > 0) {
        const id = seen[Math.floor(rnd() * seen.length)];
        tim = timReducer(tim, messageExtensionsUpdated({ messageID: id, extensions: { step: String(step) } }));
        const stored = scan(root(tim), id);
        if (stored) expect(stored.extensions.step).toBe(String(step));
      }
      if (step % 10 === 0) old.push(tim);
      // Every ID ever made, and one never made: the same record (===) as the scan, or both absent.
      for (const id of [...seen.slice(-40), 'never'])
        expect(selectMessageById(root(tim), id)).toBe(scan(root(tim), id));
    }
    // Older states (time travel, a selector run on a previous state) get answers of their own.
    for (const state of old) {
      for (const id of seen.slice(0, 60)) expect(selectMessageById(root(state), id)).toBe(scan(root(state), id));
    }
    expect(seen.filter((id) => scan(root(tim), id)).length).toBeGreaterThan(0);
  });

  it('two stores reduced in turn each find their own messages', () => {
    let a = timReducer(undefined, { type: '@@init' });
    let b = timReducer(undefined, { type: '@@init' });
    const inA: MessageRecord[] = [];
    const inB: MessageRecord[] = [];
    for (let i = 0; i < 50; i++) {
      const ma = message(i % 3);
      const mb = message(i % 4);
      inA.push(ma);
      inB.push(mb);
      a = timReducer(a, messagesReceived([ma]));
      expect(selectMessageById(root(a), ma.ID)).toBe(ma);
      b = timReducer(b, messagesReceived([mb]));
      expect(selectMessageById(root(b), mb.ID)).toBe(mb);
      expect(selectMessageById(root(a), mb.ID)).toBeUndefined();
      expect(selectMessageById(root(b), ma.ID)).toBeUndefined();
    }
    for (const m of inA) expect(selectMessageById(root(a), m.ID)).toBe(m);
    for (const m of inB) expect(selectMessageById(root(b), m.ID)).toBe(m);
  });

  it('a capped room forgets the IDs it trims', () => {
    let tim = timReducer(undefined, { type: '@@init' });
    tim = timReducer(tim, setMessageCap({ subType: 'AVChatRoom', cap: 10 }));
    const sent: MessageRecord[] = [];
    for (let i = 0; i < 100; i++) {
      const m = message(1, true);
      sent.push(m);
      tim = timReducer(tim, messagesReceived([m]));
      if (i === 0) expect(selectMessageById(root(tim), m.ID)).toBe(m); // the locator exists from here on
    }
    const held = selectMessagesByConversationID(root(tim), 'GROUProom1');
    expect(sent.filter((m) => selectMessageById(root(tim), m.ID) === m)).toEqual(held);
  });
});
