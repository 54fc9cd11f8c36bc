/** Conversation list update (5,000, one changed) and renders (selector identity per event). */
import { BenchConversation, MessageFactory, conversationIDs, roundRobin } from '../shapes';
import { median, spread, timeEvents } from '../harness';
import { measured, type Scenario } from './types';
import { createTimReduxStore } from '../subjects/timRedux';
import { createNaiveStore } from '../naive';
import { lib } from '../lib';

const { selectConversationList, selectMessagesByConversationID, TIM_EVENTS } = lib;

type Row = { conversationID: string };

/** Rows whose object changed between two results, matched by conversationID. */
function changedRows(before: readonly Row[], after: readonly Row[]): number {
  const prev = new Map(before.map((r) => [r.conversationID, r]));
  let changed = 0;
  for (const r of after) if (prev.get(r.conversationID) !== r) changed++;
  return changed;
}

/** The list event of one repetition: the SDK's class instances mutated in place, or fresh plain objects. */
type ListMode = 'sdk' | 'plain';

/**
 * A conversation as a plain object, as a fresh copy per event (what an app gets when it relays the
 * SDK's list through a worker, a bridge or its own JSON): every object new, the profile full.
 */
export function plainConversation(c: BenchConversation): Record<string, unknown> {
  const userID = c.conversationID.slice(3);
  return {
    conversationID: c.conversationID,
    type: c.type,
    unreadCount: c.unreadCount,
    isPinned: c.isPinned,
    messageRemindType: c.messageRemindType,
    remark: c.remark,
    peerReadTime: c.peerReadTime,
    markList: [],
    customData: c.customData,
    conversationGroupList: [],
    groupAtInfoList: [],
    draftText: '',
    lastMessage: {
      ...c.lastMessage,
      payload: { text: c.lastMessage.payload.text },
      isRevoked: false,
      isPeerRead: false,
      nick: '',
      nameCard: '',
      cloudCustomData: '',
    },
    userProfile: {
      userID,
      nick: `nick ${c.conversationID}`,
      avatar: `https://example.invalid/a/${userID}.png`,
      gender: 'Gender_Type_Unknown',
      birthday: 19900101,
      location: '',
      selfSignature: `signature of ${userID}`,
      allowType: 'AllowType_Type_NeedConfirm',
      language: 0,
      messageSettings: 0,
      adminForbidType: 'AdminForbid_Type_None',
      level: 0,
      role: 0,
      lastUpdatedTime: 0,
      profileCustomField: [{ key: 'Tag_Profile_Custom_Team', value: `team ${Number(userID.slice(1)) % 17}` }],
    },
  };
}

function conversationListScenario(mode: ListMode): Scenario {
  return {
    id: mode === 'sdk' ? 'conv-list' : 'conv-list-plain',
    title:
      mode === 'sdk'
        ? 'Conversation list of 5,000, whole list re-sent, one changed'
        : 'Conversation list of 5,000 as fresh plain objects with full profiles, one changed',
    throughputUnit: 'events/s',
    target: { medianMs: 1, text: '<= 1 ms median, <= 3x the floor, exactly 1 row changes identity' },
    notApplicable: (kind) =>
      kind.name === 'stream-chat' ? 'no store fed by whole-list events (channel lists come from queries)' : null,
    run(kind, cfg) {
      const ids = conversationIDs(5000);
      const list = ids.map((id, i) => new BenchConversation(id, 1_700_000_000 + i));
      const subject = kind.create();
      const apply = subject.conversationList;
      if (!apply) throw new Error('no conversation list');
      // What one event hands over: the SDK's own array again, or a fresh plain copy made outside the timing.
      const event = (): unknown[] => (mode === 'sdk' ? list : list.map(plainConversation));
      apply(event() as BenchConversation[]);
      apply(event() as BenchConversation[]);
      const n = cfg.quick ? 50 : 100;
      const changed: number[] = [];
      const selectMs: number[] = [];
      let rows = subject.conversationRows?.() ?? [];
      let time = 1_800_000_000;
      const fast = kind.name === 'tim-redux' || kind.name.startsWith('floor');
      const times = new Float64Array(n);
      const start = performance.now();
      let done = 0;
      let spent = 0;
      for (let i = 0; i < n; i++) {
        list[spread(i, list.length)].touch(++time, `new ${i}`);
        const data = event() as BenchConversation[];
        const t0 = performance.now();
        apply(data);
        times[i] = performance.now() - t0;
        spent += times[i];
        done++;
        if (!fast && spent > cfg.budgetMs) break;
      }
      const t = { times: times.subarray(0, done), done, wallMs: spent };
      void start;
      // Identity checks replay the same kind of events, outside the timed loop.
      rows = subject.conversationRows?.() ?? [];
      for (let i = 0; i < Math.min(20, n); i++) {
        list[spread(i + n, list.length)].touch(++time, `check ${i}`);
        apply(event() as BenchConversation[]);
        const s0 = performance.now();
        const next = subject.conversationRows?.() ?? [];
        selectMs.push(performance.now() - s0);
        changed.push(changedRows(rows, next));
        rows = next;
      }
      subject.close();
      return measured(t, n, 1, {
        rowsChangedMin: Math.min(...changed),
        rowsChangedMax: Math.max(...changed),
        selectListMedianMs: Math.round(median(selectMs) * 1000) / 1000,
      });
    },
  };
}

export const conversationList = conversationListScenario('sdk');
export const conversationListPlain = conversationListScenario('plain');

/**
 * Renders: after each event, every per-conversation message selector of 200 conversations and the
 * conversation list selector are evaluated; the figure is how many results changed identity.
 * Only the Redux subjects have selectors (the floor and TUIChatEngine hand out mutable objects).
 */
export const renders: Scenario = {
  id: 'renders',
  title: 'Renders: selector results changing identity per one-message event (200 conversations)',
  throughputUnit: 'events/s',
  notApplicable: (kind) =>
    kind.name === 'tim-redux' || kind.name === 'naive RTK' ? null : 'no selectors (mutable state)',
  reps: () => 1,
  run(kind, cfg) {
    const ids = conversationIDs(200);
    const factory = new MessageFactory();
    const list = ids.map((id, i) => new BenchConversation(id, 1_700_000_000 + i));
    const n = cfg.quick ? 20 : 50;
    let evaluate: () => unknown[];
    let emit: (name: string, data: unknown) => void;
    if (kind.name === 'tim-redux') {
      const { sdk, store } = createTimReduxStore();
      emit = (name, data) => sdk.emit(name, data);
      evaluate = () => [
        selectConversationList(store.getState()),
        ...ids.map((id) => selectMessagesByConversationID(store.getState(), id)),
      ];
    } else {
      const naiveStore = createNaiveStore();
      emit = (name, data) => naiveStore.sdk.emit(name, data);
      const selectors = ids.map(naiveStore.makeSelectMessages);
      evaluate = () => [
        naiveStore.selectConversationList(naiveStore.store.getState()),
        ...selectors.map((s) => s(naiveStore.store.getState())),
      ];
    }
    emit(TIM_EVENTS.MESSAGE_RECEIVED, roundRobin(factory, ids, 10));
    emit(TIM_EVENTS.CONVERSATION_LIST_UPDATED, list);
    let prev = evaluate();
    const changedPerMessage: number[] = [];
    const changedPerList: number[] = [];
    let time = 1_800_000_000;
    const t = timeEvents(n, 1e9, (i) => {
      const id = ids[spread(i, ids.length)];
      emit(TIM_EVENTS.MESSAGE_RECEIVED, [factory.next(id)]);
      let next = evaluate();
      changedPerMessage.push(next.filter((r, k) => r !== prev[k]).length);
      prev = next;
      list[spread(i, ids.length)].touch(++time, `r${i}`);
      emit(TIM_EVENTS.CONVERSATION_LIST_UPDATED, list);
      next = evaluate();
      changedPerList.push(next.filter((r, k) => r !== prev[k]).length);
      prev = next;
    });
    return measured(t, n, 1, {
      resultsChangedPerMessageEvent: median(changedPerMessage),
      resultsChangedPerListEvent: median(changedPerList),
      selectorsEvaluated: ids.length + 1,
    });
  },
};
