/**
 * The floor: a hand-written mutable handler (Maps and arrays, nothing copied) doing the same
 * bookkeeping as tim-redux: the same plain records (its normalizers), dedupe by ID, display order
 * (groups by sequence, one-to-one by time, ties by ID), the per-conversation cap, and for the
 * conversation list, reuse of the records of unchanged SDK conversations. The physical limit.
 */
import type { ConversationRecord, MessageRecord } from '../../src';
import { lib } from '../lib';
import type { BenchConversation, BenchMessage } from '../shapes';
import { overCap, type Subject, type SubjectKind } from './types';

const { normalizeConversation, normalizeMessage } = lib;

function key(m: MessageRecord): number {
  return m.conversationType === 'GROUP' ? m.sequence : m.time;
}
function before(a: MessageRecord, b: MessageRecord): boolean {
  const ka = key(a);
  const kb = key(b);
  if (ka !== kb) return ka < kb;
  if (a.time !== b.time) return a.time < b.time;
  return a.ID < b.ID;
}

interface List {
  records: MessageRecord[];
  ids: Set<string>;
}

interface Seen {
  record: ConversationRecord;
  unreadCount: number;
  lastMessage: unknown;
  /** For lists of fresh objects, where the last message is a new object every time. */
  lastTime: number;
  isPinned: boolean;
  /** The list event that last contained it. */
  generation: number;
}

export const floor: SubjectKind = {
  name: 'floor (mutable)',
  supportsCap: true,
  create(options = {}): Subject {
    const lists = new Map<string, List>();
    const conversations = new Map<string, Seen>();
    const cap = options.cap;
    const listOf = (id: string): List => {
      let l = lists.get(id);
      if (!l) lists.set(id, (l = { records: [], ids: new Set() }));
      return l;
    };
    const insert = (m: MessageRecord) => {
      const l = listOf(m.conversationID);
      if (l.ids.has(m.ID)) {
        const i = l.records.findIndex((r) => r.ID === m.ID);
        l.records[i] = m;
        return l;
      }
      l.ids.add(m.ID);
      const r = l.records;
      if (r.length === 0 || !before(m, r[r.length - 1])) r.push(m);
      else {
        let lo = 0;
        let hi = r.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (before(m, r[mid])) hi = mid;
          else lo = mid + 1;
        }
        r.splice(lo, 0, m);
      }
      return l;
    };
    const receive = (messages: BenchMessage[]) => {
      for (const raw of messages) {
        const m = normalizeMessage(raw);
        const l = insert(m);
        if (cap && m.conversationSubType === cap.subType && overCap(l.records.length, cap.cap)) {
          const dropped = l.records.splice(0, l.records.length - cap.cap);
          for (const d of dropped) l.ids.delete(d.ID);
        }
      }
    };
    let generation = 0;
    const conversationList = (list: BenchConversation[]) => {
      generation++;
      let present = 0;
      for (const c of list) {
        const seen = conversations.get(c.conversationID);
        // Hand-written knowledge of what changes: the SDK replaces lastMessage and bumps counters.
        if (
          seen &&
          (seen.lastMessage === c.lastMessage || seen.lastTime === c.lastMessage.lastTime) &&
          seen.unreadCount === c.unreadCount &&
          seen.isPinned === c.isPinned
        ) {
          if (seen.generation !== generation) present++;
          seen.generation = generation;
          continue;
        }
        if (!seen || seen.generation !== generation) present++;
        conversations.set(c.conversationID, {
          record: normalizeConversation(c).conversation,
          unreadCount: c.unreadCount,
          lastMessage: c.lastMessage,
          lastTime: c.lastMessage.lastTime,
          isPinned: c.isPinned,
          generation,
        });
      }
      if (present !== conversations.size)
        for (const [id, s] of conversations) if (s.generation !== generation) conversations.delete(id);
    };
    const historyPage = (_id: string, page: BenchMessage[]) => {
      for (const raw of page) insert(normalizeMessage(raw));
    };
    return {
      receive,
      conversationList,
      historyPage,
      count: (id) => lists.get(id)?.records.length ?? 0,
      conversationRows: () => Array.from(conversations.values(), (s) => s.record),
      close: () => undefined,
    };
  },
};
