/**
 * Runs generated steps through a real store (`makeStore` + FakeSdk, RTK's checks on) and through
 * the reference model, and checks the invariants of issue 5 after every step. Throws on the first
 * violation, naming the step.
 */
import { findNonSerializableValue } from '@reduxjs/toolkit';
import {
  deleteMessages,
  getMessageList,
  login,
  logout,
  resendMessage,
  revokeMessage,
  sendMessage,
  sendTextMessage,
  setMessageRead,
} from '../../src';
import { CHUNK, compareMessages, hasMessage, listRecords } from '../../src/entities/messageList';
import { pagedKeys, pagedValues } from '../../src/entities/pagedTable';
import type { MessageRecord, TimState } from '../../src/types';
import { FakeConversation, FakeMessage, FakeProfile, FakeSdk } from '../helpers/fakeSdk';
import { makeStore } from '../helpers/store';
import { CONVERSATIONS, POOL, T0, USERS, type Step } from './arbitraries';
import * as M from './model';

/** Every string in a value: keys and leaves, however deep. */
export function allStrings(value: unknown, out: string[] = [], seen = new Set<object>()): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value !== null && typeof value === 'object' && !seen.has(value)) {
    seen.add(value);
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      allStrings(v, out, seen);
    }
  }
  return out;
}

/** What the store holds, reduced to the fields the model tracks. */
export function storeView(tim: TimState, registryIDs: string[]) {
  const messages: Record<string, Array<[string, string, boolean, string, number, number]>> = {};
  const listValues = pagedValues(tim.messages.lists);
  pagedKeys(tim.messages.lists).forEach((id, i) => {
    const records = listRecords(listValues[i]);
    // One-to-one messages of one second keep their arrival order (the SDK's own list does), which
    // this model does not track: both views list them by ID within the second (M.modelOrder), and
    // check() still checks that the store keeps them in time order.
    if (records.length) messages[id] = (id.startsWith('GROUP') ? records : [...records].sort(M.c2cViewOrder)).map(row);
  });
  const history: Record<string, { nextReqMessageID: string | null; isCompleted: boolean; loading: boolean }> = {};
  const historyValues = pagedValues(tim.messages.history);
  pagedKeys(tim.messages.history).forEach((id, i) => {
    const h = historyValues[i];
    history[id] = { nextReqMessageID: h.nextReqMessageID, isCompleted: h.isCompleted, loading: h.loading };
  });
  const conversations: Record<string, number> = {};
  tim.conversations.table.keys.forEach((id, i) => (conversations[id] = tim.conversations.table.values[i].unreadCount));
  return {
    session: { status: tim.session.status, userID: tim.session.userID },
    net: tim.net.state,
    conversations,
    totalUnread: tim.conversations.totalUnreadCount,
    messages,
    history,
    registry: registryIDs.slice().sort(),
  };
}

function row(r: MessageRecord): [string, string, boolean, string, number, number] {
  return [r.ID, r.status, r.isRevoked, String(r.payload.text), r.time, r.sequence];
}

/** The model, in the same shape as `storeView`. */
export function modelView(m: M.ModelState) {
  const messages: Record<string, Array<[string, string, boolean, string, number, number]>> = {};
  for (const id of M.conversationsWithMessages(m)) {
    messages[id] = M.ordered(m, id).map((x) => [x.ID, x.status, x.isRevoked, x.text, x.time, x.sequence]);
  }
  const history: Record<string, { nextReqMessageID: string | null; isCompleted: boolean; loading: boolean }> = {};
  for (const id of Array.from(m.history.keys()).sort())
    history[id] = {
      ...(m.history.get(id) as { nextReqMessageID: string | null; isCompleted: boolean }),
      loading: false,
    };
  return {
    session: m.session,
    net: m.net,
    conversations: Object.fromEntries(Array.from(m.conversations).sort(([a], [b]) => (a < b ? -1 : 1))),
    totalUnread: m.totalUnread,
    messages,
    history,
    registry: Array.from(m.registry.keys()).sort(),
  };
}

/** Options of a run. */
export interface RunOptions {
  /** Called with a description of each step, for debugging a counterexample. */
  trace?: (line: string) => void;
}

interface Own {
  conversationID: string;
  text: string;
  clientTime: number;
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs `steps` on a fresh store and model; throws on the first broken invariant. */
export async function runSteps(steps: readonly Step[], options: RunOptions = {}): Promise<void> {
  const written: string[] = [];
  const original = { error: console.error, warn: console.warn };
  console.error = (...args: unknown[]) => void written.push(`console.error: ${args.map(String).join(' ')}`);
  console.warn = (...args: unknown[]) => void written.push(`console.warn: ${args.map(String).join(' ')}`);
  const sdk = new FakeSdk();
  sdk.autoReady = false;
  const { store, middleware } = makeStore(sdk);
  try {
    await run(sdk, store, middleware.registry, steps, options, written);
  } finally {
    middleware.close();
    console.error = original.error;
    console.warn = original.warn;
  }
}

type Store = ReturnType<typeof makeStore>['store'];

async function run(
  sdk: FakeSdk,
  store: Store,
  registry: { ids(): string[] },
  steps: readonly Step[],
  options: RunOptions,
  written: string[],
): Promise<void> {
  const model = M.emptyModel();
  /** The user whose data the store holds (null once it was cleared). */
  let owner: string | null = null;
  /** Bumped on every reset: every string made in a session carries `owner~epoch`. */
  let epoch = 0;
  /** The user being logged in or logged in, for the strings a session makes. */
  let sessionUser: string | null = null;
  const token = () => `${sessionUser ?? 'nobody'}~${epoch}`;
  let own = new Map<string, Own>();
  let ownOrder: string[] = [];
  let convObjects = new Map<string, FakeConversation>();
  let sent = 0;
  // What the mocks do on the current step.
  const plan = { fail: false, serverTime: 0, seq: 0, page: [] as FakeMessage[], more: false };

  /** FakeMessage's constructor takes only some fields; the rest are set after. */
  const withExtra = (m: FakeMessage, extra: Partial<FakeMessage>): FakeMessage => {
    if (extra.version !== undefined) m.version = extra.version;
    if (extra.revoker !== undefined) m.revoker = extra.revoker;
    return m;
  };
  const poolMessage = (k: number, extra: Partial<FakeMessage> = {}): FakeMessage => {
    const conversationID = CONVERSATIONS[k % CONVERSATIONS.length];
    const group = conversationID.startsWith('GROUP');
    const peer = conversationID.slice(group ? 5 : 3);
    return withExtra(
      new FakeMessage({
        ID: `${token()}-m${k}`,
        conversationID,
        conversationType: group ? 'GROUP' : 'C2C',
        from: group ? `member${k % 2}` : peer,
        to: group ? peer : (owner ?? 'me'),
        text: `${token()} says ${k}`,
        time: T0 + ((k >> 2) % 2),
        sequence: group ? 1 + (k >> 3) : 1 + k,
        ...extra,
      }),
      extra,
    );
  };
  const ownServerCopy = (id: string, extra: Partial<FakeMessage> = {}): FakeMessage | null => {
    const snap = model.registry.get(id);
    const o = own.get(id);
    if (!o || !snap || snap.status !== 'success') return null;
    return withExtra(
      new FakeMessage({
        ID: id,
        conversationID: o.conversationID,
        conversationType: snap.conversationType,
        from: owner ?? 'me',
        to: o.conversationID.replace(/^(C2C|GROUP)/, ''),
        flow: 'out',
        text: o.text,
        time: snap.time,
        sequence: snap.sequence,
        ...extra,
      }),
      extra,
    );
  };
  const snapshot = (m: FakeMessage): M.ModelMessage => ({
    ID: m.ID,
    conversationID: m.conversationID,
    conversationType: m.conversationType === 'GROUP' ? 'GROUP' : 'C2C',
    time: m.time,
    sequence: m.sequence,
    status: m.status as M.Status,
    isRevoked: m.isRevoked,
    text: String((m.payload as { text: string }).text),
    version: m.version,
  });
  /** The message a pick names, as the server has it (null for an own send not sent). */
  const resolve = (p: number, extra: Partial<FakeMessage> = {}): FakeMessage => {
    if (p < POOL) return poolMessage(p, extra);
    if (ownOrder.length) {
      const id = ownOrder[(p - POOL) % ownOrder.length];
      const copy = ownServerCopy(id, extra);
      if (copy) return copy;
    }
    const conversationID = CONVERSATIONS[p % CONVERSATIONS.length];
    return withExtra(
      new FakeMessage({
        ID: `${token()}-ghost${p}`,
        conversationID,
        conversationType: conversationID.startsWith('GROUP') ? 'GROUP' : 'C2C',
        from: 'peer0',
        to: 'x',
        text: `${token()} ghost ${p}`,
        time: T0,
        sequence: 3,
        ...extra,
      }),
      extra,
    );
  };
  /** The ID a pick names for a thunk (own sends in any state). */
  const resolveID = (p: number): string => {
    if (p < POOL) return `${token()}-m${p}`;
    if (ownOrder.length) return ownOrder[(p - POOL) % ownOrder.length];
    return `${token()}-ghost${p}`;
  };
  const registerAll = (list: FakeMessage[]) => list.forEach((m) => model.registry.set(m.ID, snapshot(m)));
  const reset = (status: M.SessionStatus) => {
    M.resetUserData(model, status);
    owner = null;
    sessionUser = null;
    epoch++;
    own = new Map();
    ownOrder = [];
    convObjects = new Map();
    sdk.conversations = []; // the SDK's conversation map goes with the session
  };

  // The SDK double, programmed by `plan`.
  sdk.login.mockImplementation(async ({ userID }) => {
    if (plan.fail) {
      sdk.ready = false;
      throw { code: 70001, message: 'login failed' };
    }
    const repeatLogin = sdk.ready && sdk.userID === userID;
    sdk.userID = userID;
    if (!repeatLogin) setImmediate(() => sdk.becomeReady());
    return { code: 0, data: { repeatLogin, actionStatus: 'OK' } };
  });
  sdk.logout.mockImplementation(async () => {
    sdk.ready = false;
    sdk.userID = '';
    if (plan.fail) throw { code: 2999, message: 'logout failed' };
    return { code: 0, data: {} };
  });
  sdk.getMyProfile.mockImplementation(async () => ({ code: 0, data: new FakeProfile(sdk.userID, `${token()} me`) }));
  sdk.createTextMessage.mockImplementation((o: { to: string; conversationType: string; payload: { text: string } }) => {
    const n = sent++;
    return new FakeMessage({
      ID: `${token()}-s${n}`,
      from: owner ?? 'me',
      to: o.to,
      conversationType: o.conversationType,
      text: o.payload.text,
      flow: 'out',
      status: 'unSend',
      time: T0 + (n % 3),
      sequence: 0,
    });
  });
  const deliver = async (message: FakeMessage) => {
    if (plan.fail) {
      if (message.status !== 'success') message.status = 'fail';
      throw { code: 2801, message: 'send timed out' };
    }
    if (message.status !== 'success') {
      message.status = 'success';
      message.time = T0 + plan.serverTime;
      if (message.conversationType === 'GROUP') message.sequence = plan.seq;
    }
    return { code: 0, data: { message } };
  };
  sdk.sendMessage.mockImplementation(deliver);
  sdk.resendMessage.mockImplementation(deliver);
  sdk.revokeMessage.mockImplementation(async (message: FakeMessage) => {
    if (plan.fail) throw { code: 20016, message: 'revoke refused' };
    message.isRevoked = true;
    return { code: 0, data: { message } };
  });
  sdk.deleteMessage.mockImplementation(async (messages: FakeMessage[]) => {
    if (plan.fail) throw { code: 20022, message: 'delete refused' };
    return { code: 0, data: { messageList: messages } };
  });
  sdk.getMessageList.mockImplementation(async () => {
    if (plan.fail) throw { code: 2801, message: 'history timed out' };
    return {
      code: 0,
      data: { messageList: plan.page, nextReqMessageID: plan.more ? `${token()}-cursor` : '', isCompleted: !plan.more },
    };
  });
  const read = sdk.setMessageRead.getMockImplementation();
  sdk.setMessageRead.mockImplementation(async (options) => {
    if (plan.fail) throw { code: 2801, message: 'read timed out' };
    return read ? read(options) : { code: 0, data: {} }; // the fake zeroes its conversation, as the SDK
  });

  let previous = new Map<string, { status: string; isRevoked: boolean }>();

  for (let index = 0; index < steps.length; index++) {
    const step = steps[index];
    const where = () => `step ${index} ${JSON.stringify(step)}`;
    options.trace?.(where());
    const loggedIn = owner !== null && (model.session.status === 'ready' || model.session.status === 'notReady');
    const before = { owner, epoch, token: token() };
    let resentID: string | null = null;
    plan.fail = 'fail' in step ? step.fail : false;
    plan.serverTime = 'serverTime' in step ? step.serverTime : 0;
    plan.seq = 'seq' in step ? step.seq : 0;
    sdk.getMessageList.mockClear();

    switch (step.kind) {
      case 'login': {
        const user = USERS[step.user];
        if (model.session.userID !== null && model.session.userID !== user) reset('loggingIn');
        else if (owner !== null && owner !== user) reset('loggingIn'); // data of another user must go too
        sessionUser = user;
        model.session = { status: 'loggingIn', userID: user };
        await store.dispatch(login({ userID: user, userSig: 'sig' }));
        // A login that reached the SDK and failed: nobody is logged in, nobody's data may stay.
        if (step.fail) reset('idle');
        else {
          model.session = { status: 'ready', userID: user };
          owner = user;
        }
        break;
      }
      case 'logout':
        await store.dispatch(logout());
        reset('loggedOut');
        break;
      case 'kick':
        if (!loggedIn) continue;
        sdk.ready = false;
        sdk.emit('KICKED_OUT', { type: step.reason });
        sdk.emit('SDK_NOT_READY');
        reset('kickedOut');
        break;
      case 'net':
        sdk.emit('NET_STATE_CHANGE', { state: step.state });
        model.net = step.state;
        break;
      case 'ready':
        if (!loggedIn) continue;
        sdk.ready = step.ready;
        sdk.emit(step.ready ? 'SDK_READY' : 'SDK_NOT_READY');
        model.session = { ...model.session, status: step.ready ? 'ready' : 'notReady' };
        break;
      case 'receive': {
        if (!loggedIn) continue;
        const list = step.picks.map((k) => poolMessage(k));
        sdk.emit('MESSAGE_RECEIVED', list);
        registerAll(list);
        list.forEach((m) => M.upsert(model, snapshot(m)));
        break;
      }
      case 'history': {
        if (!loggedIn) continue;
        const conversationID = CONVERSATIONS[step.conv];
        plan.page = step.picks.map((k) => poolMessage(k));
        if (step.withOwn) {
          for (const id of ownOrder) {
            const copy = own.get(id)?.conversationID === conversationID ? ownServerCopy(id) : null;
            if (copy) plan.page.push(copy);
          }
        }
        plan.more = step.more;
        const h = model.history.get(conversationID);
        await store.dispatch(getMessageList(conversationID));
        if (h?.isCompleted) {
          if (sdk.getMessageList.mock.calls.length)
            throw new Error(`${where()}: history loaded again after isCompleted`);
          break;
        }
        if (step.fail) model.history.set(conversationID, h ?? { nextReqMessageID: null, isCompleted: false });
        else {
          registerAll(plan.page);
          for (const m of plan.page) {
            if (m.conversationID === conversationID) M.upsert(model, snapshot(m));
          }
          model.history.set(conversationID, {
            nextReqMessageID: step.more ? `${token()}-cursor` : null,
            isCompleted: !step.more,
          });
        }
        break;
      }
      case 'send': {
        if (!loggedIn) continue;
        const conversationID = CONVERSATIONS[step.conv];
        const group = conversationID.startsWith('GROUP');
        const to = conversationID.slice(group ? 5 : 3);
        const text = `${token()} sent ${sent}`;
        const args = { to, conversationType: group ? ('GROUP' as const) : ('C2C' as const), payload: { text } };
        const message = step.viaSendMessage ? (sdk.createTextMessage(args) as unknown as FakeMessage) : null;
        const id = message ? message.ID : `${token()}-s${sent}`;
        own.set(id, { conversationID, text, clientTime: T0 + (sent % 3) });
        ownOrder.unshift(id);
        const created: M.ModelMessage = {
          ID: id,
          conversationID,
          conversationType: group ? 'GROUP' : 'C2C',
          time: T0 + (Number(id.split('-s').pop()) % 3),
          sequence: 0,
          status: 'unSend',
          isRevoked: false,
          text,
          version: 0,
        };
        if (message) await store.dispatch(sendMessage(message as never));
        else await store.dispatch(sendTextMessage({ to, conversationType: args.conversationType, text }));
        M.upsert(model, created);
        if (step.fail) {
          model.registry.set(id, { ...created, status: 'fail' });
          M.update(model, id, (p) => (p.status === 'unSend' ? { ...p, status: 'fail' } : p));
        } else {
          const done: M.ModelMessage = {
            ...created,
            status: 'success',
            time: T0 + step.serverTime,
            sequence: group ? step.seq : 0,
          };
          model.registry.set(id, done);
          M.upsert(model, done);
        }
        break;
      }
      case 'resend': {
        if (!loggedIn) continue;
        const id = resolveID(step.pick);
        resentID = id;
        await store.dispatch(resendMessage(id));
        const snap = model.registry.get(id);
        if (!snap) break; // UNKNOWN_MESSAGE: fail → unSend → fail, no change
        if (step.fail) {
          if (snap.status !== 'success') model.registry.set(id, { ...snap, status: 'fail' });
          M.update(model, id, (p) => (p.status === 'unSend' ? { ...p, status: 'fail' } : p));
        } else {
          const done: M.ModelMessage =
            snap.status === 'success'
              ? snap
              : {
                  ...snap,
                  status: 'success',
                  time: T0 + step.serverTime,
                  sequence: snap.conversationType === 'GROUP' ? step.seq : snap.sequence,
                };
          model.registry.set(id, done);
          M.upsert(model, done);
        }
        break;
      }
      case 'revokeEvent': {
        if (!loggedIn) continue;
        const copy = resolve(step.pick, { isRevoked: true, revoker: 'peer0' });
        sdk.emit('MESSAGE_REVOKED', [copy]);
        registerAll([copy]);
        M.revoke(model, copy.ID);
        break;
      }
      case 'revoke': {
        if (!loggedIn) continue;
        const id = resolveID(step.pick);
        await store.dispatch(revokeMessage(id));
        const snap = model.registry.get(id);
        if (snap && !step.fail) {
          model.registry.set(id, { ...snap, isRevoked: true });
          M.revoke(model, id);
        }
        break;
      }
      case 'modify': {
        if (!loggedIn) continue;
        const base = resolve(step.pick);
        const copy = resolve(step.pick, { version: step.version });
        copy._elements = [
          {
            type: 'TIMTextElem',
            content: { text: `${String((base.payload as { text: string }).text)} (edit v${step.version})` },
          },
        ];
        sdk.emit('MESSAGE_MODIFIED', [copy]);
        registerAll([copy]);
        M.modify(model, snapshot(copy));
        break;
      }
      case 'delete': {
        if (!loggedIn) continue;
        const ids = Array.from(new Set(step.picks.map(resolveID)));
        await store.dispatch(deleteMessages(ids));
        if (ids.every((id) => model.registry.has(id)) && !step.fail) M.remove(model, ids);
        break;
      }
      case 'conversations': {
        if (!loggedIn) continue;
        const list = step.list.map(({ conv, unread, pinned }) => {
          const id = CONVERSATIONS[conv];
          let c = convObjects.get(id);
          if (!c) {
            c = new FakeConversation(id, T0, { nick: `${token()} nick ${id}` });
            if (c.groupProfile) c.groupProfile.name = `${token()} group ${id}`;
            convObjects.set(id, c);
          }
          c.unreadCount = unread; // the SDK updates its objects in place
          c.isPinned = pinned;
          return c;
        });
        // The real SDK's getConversationList answers with the list it last emitted (its local map).
        sdk.conversations = list;
        sdk.emit('CONVERSATION_LIST_UPDATED', list);
        const next = new Map<string, number>(step.list.map(({ conv, unread }) => [CONVERSATIONS[conv], unread]));
        M.forgetConversations(
          model,
          [...model.conversations.keys()].filter((id) => !next.has(id)),
        );
        model.conversations = next;
        break;
      }
      case 'totalUnread':
        if (!loggedIn) continue;
        sdk.emit('TOTAL_UNREAD_MESSAGE_COUNT_UPDATED', step.count);
        model.totalUnread = Math.max(0, step.count);
        break;
      case 'read': {
        if (!loggedIn) continue;
        const conversationID = CONVERSATIONS[step.conv];
        await store.dispatch(setMessageRead(conversationID));
        const unread = model.conversations.get(conversationID);
        if (!step.fail && unread !== undefined && unread > 0) {
          model.conversations.set(conversationID, 0);
          // The total is the SDK's (its getter, absent here, or its event): never the rows' sum.
        }
        break;
      }
    }
    await flush();
    previous = check(store.getState().tim, registry.ids(), model, previous, resentID, where, written);
    if (before.epoch !== epoch) isolation(store.getState().tim, registry.ids(), before, owner, where);
  }
}

function fail(where: () => string, what: string): never {
  throw new Error(`${where()}: ${what}`);
}

/** The invariants of issue 5, after one step. */
function check(
  tim: TimState,
  registryIDs: string[],
  model: M.ModelState,
  previous: Map<string, { status: string; isRevoked: boolean }>,
  resentID: string | null,
  where: () => string,
  written: string[],
): Map<string, { status: string; isRevoked: boolean }> {
  if (written.length) fail(where, `console written: ${written.join(' | ')}`);
  const nonSerializable = findNonSerializableValue(tim);
  if (nonSerializable !== false) fail(where, `non-serializable value at ${nonSerializable.keyPath}`);

  const now = new Map<string, { status: string; isRevoked: boolean }>();
  const lists = pagedValues(tim.messages.lists);
  pagedKeys(tim.messages.lists).forEach((conversationID, i) => {
    const list = lists[i];
    const records = listRecords(list);
    const ids = records.map((r) => r.ID);
    if (new Set(ids).size !== ids.length) fail(where, `duplicate message ID in ${conversationID}: ${ids.join(',')}`);
    // The chunked layout: no empty chunk, none over twice the chunk size, and a count that adds up.
    if (list.chunks.some((c) => c.length === 0 || c.length > 2 * CHUNK)) {
      fail(where, `bad chunk sizes in ${conversationID}: [${list.chunks.map((c) => c.length)}]`);
    }
    if (list.count !== records.length) fail(where, `count ${list.count} != ${records.length} in ${conversationID}`);
    // The ID index kept outside the state agrees with the records.
    for (const id of ids)
      if (!hasMessage(list, id)) fail(where, `${id} missing from the ID index of ${conversationID}`);
    for (let k = 1; k < records.length; k++) {
      if (compareMessages(records[k - 1], records[k]) > 0)
        fail(where, `order broken in ${conversationID} at ${records[k].ID}`);
    }
    for (const r of records) {
      if (r.conversationID !== conversationID) fail(where, `${r.ID} filed under ${conversationID}`);
      if (now.has(r.ID)) fail(where, `${r.ID} held in two conversations`);
      now.set(r.ID, { status: r.status, isRevoked: r.isRevoked });
      const was = previous.get(r.ID);
      if (!was) continue;
      if (was.status === 'success' && r.status !== 'success') fail(where, `${r.ID} went from success to ${r.status}`);
      if (was.status === 'fail' && r.status === 'unSend' && resentID !== r.ID)
        fail(where, `${r.ID} went fail → unSend without a resend`);
      if (was.isRevoked && !r.isRevoked) fail(where, `${r.ID} is no longer revoked`);
    }
  });
  // A message that is gone is gone from every list's ID index too.
  for (const id of previous.keys()) {
    if (!now.has(id) && lists.some((list) => hasMessage(list, id)))
      fail(where, `${id} is gone but still in an ID index`);
  }
  for (const c of tim.conversations.table.values)
    if (c.unreadCount < 0) fail(where, `negative unread in ${c.conversationID}`);
  if (tim.conversations.totalUnreadCount < 0) fail(where, 'negative total unread');

  const actual = storeView(tim, registryIDs);
  const expected = modelView(model);
  for (const key of Object.keys(expected) as Array<keyof typeof expected>) {
    const a = JSON.stringify(actual[key]);
    const e = JSON.stringify(expected[key]);
    if (a !== e) fail(where, `store.${key} differs from the model\n  store: ${a}\n  model: ${e}`);
  }
  return now;
}

/** After a reset: nothing of the previous session is anywhere in the store or the registry. */
function isolation(
  tim: TimState,
  registryIDs: string[],
  before: { owner: string | null; token: string },
  owner: string | null,
  where: () => string,
): void {
  const strings = allStrings(tim).concat(registryIDs);
  const leak = strings.find((s) => s.includes(before.token));
  if (leak !== undefined) fail(where, `after the reset, "${leak}" of the previous session is still readable`);
  if (before.owner !== null && before.owner !== owner && tim.session.userID !== before.owner) {
    const name = strings.find((s) => s.includes(before.owner as string));
    if (name !== undefined) fail(where, `after the reset, "${name}" of user ${before.owner} is still readable`);
  }
}
