/**
 * Tencent's AtomicX (`tuikit-atomicx-react` 6.3.7, whose state core `@atomicxcore/core` ships bundled
 * in its `dist/index-*.mjs` chunk), driven without a login as TUIChatEngine is: the core finds its chat
 * through `TUILogin.getContext().chat` (`LoginStore.getChat`), so a stand-in emitter set there gets its
 * `on`/`off` calls and plays the SDK's events to it.
 * - Message list: `MessageListStore.create(conversationID)`, `loadMessages()` (which subscribes to
 *   MESSAGE_RECEIVED); each received message is adapted, deduped against `new Set(current IDs)` and the
 *   whole list re-sorted (`sortMessageList([...current, ...deduped])`). Its handler is async (it awaits
 *   the quote resolver), so one event is timed from the emit until the list holds the message.
 * - Conversation list: `ConversationListStore.create()`, `loadConversations()`, then CONVERSATION_LIST_UPDATED
 *   (synchronous: every conversation adapted into a new object per event).
 *
 * It is not a devDependency: `npm install tuikit-atomicx-react@6.3.7` fails (ETARGET: its peer
 * dependencies `@tencentcloud/lite-chat@^1.6.15` and `@tencentcloud/tui-core-lite@^1.0.1` do not exist
 * on npm). The bench loads it from `BENCH_ATOMICX_DIR`, a folder prepared with
 * `npm install --prefix DIR --legacy-peer-deps --ignore-scripts tuikit-atomicx-react@6.3.7
 * @tencentcloud/lite-chat@1.6.13 @tencentcloud/tui-core-lite@1.0.0` (the newest that exist); without it
 * its rows say why. It runs after the interleaved subjects of each scenario (its handler is async).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spread, type Config } from '../harness';
import { aggregate, type Row } from '../report';
import type { Scenario } from '../scenarios/types';
import { measured } from '../scenarios/types';
import { BenchConversation, MessageFactory, conversationIDs } from '../shapes';

export const ATOMICX = 'AtomicX';

type Handler = (e: unknown) => void;
interface Store {
  getState(): { messageList?: unknown[]; conversationList?: Array<{ conversationID: string }> };
  destroy(): void;
  loadMessages?(): Promise<unknown>;
  loadConversations?(): Promise<unknown>;
}
interface Core {
  MessageListStore: { create(conversationID: string): Store };
  ConversationListStore: { create(): Store };
  chat: FakeChat;
}

/** The SDK surface the stores call, with `emit` to play events. */
class FakeChat {
  private readonly listeners = new Map<string, Handler[]>();
  on(name: string, h: Handler): void {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), h]);
  }
  off(name: string, h: Handler): void {
    this.listeners.set(
      name,
      (this.listeners.get(name) ?? []).filter((x) => x !== h),
    );
  }
  emit(name: string, data: unknown): void {
    for (const h of this.listeners.get(name) ?? []) h({ name, data });
  }
  isReady = () => true;
  getLoginUser = () => 'me';
  getConversationProfile = () => Promise.reject(new Error('no server'));
  getMessageList = () => Promise.resolve({ data: { messageList: [], nextReqMessageID: '', isCompleted: true } });
  getConversationList = () => Promise.resolve({ data: { conversationList: [], isSyncCompleted: true } });
  callExperimentalAPI = () => Promise.resolve({});
}

let loaded: Promise<Core | string> | null = null;

async function loadCore(): Promise<Core | string> {
  const dir = process.env.BENCH_ATOMICX_DIR;
  if (!dir)
    return 'not installed (see bench/subjects/atomicx.ts: its peer dependencies do not exist on npm); set BENCH_ATOMICX_DIR';
  const modules = join(dir, 'node_modules');
  const dist = join(modules, 'tuikit-atomicx-react', 'dist');
  const quiet = { log: console.log, info: console.info, warn: console.warn, error: console.error };
  try {
    // The chunk that bundles @atomicxcore/core exports its stores under minified names: read them
    // from its export list (`MessageListStore as v`).
    for (const file of readdirSync(dist).filter((f) => /^index-.*\.mjs$/.test(f))) {
      const text = readFileSync(join(dist, file), 'utf8');
      const messages = /\bMessageListStore as (\w+)/.exec(text)?.[1];
      const conversations = /\bConversationListStore as (\w+)/.exec(text)?.[1];
      if (!messages || !conversations) continue;
      console.log = console.info = console.warn = () => undefined; // the SDK's and TUICore's banners
      const tuiCore = (await import(pathToFileURL(join(modules, '@tencentcloud/tui-core-lite/index.js')).href)) as {
        TUILogin: { chat?: unknown };
      };
      const mod = (await import(pathToFileURL(join(dist, file)).href)) as Record<string, unknown>;
      const chat = new FakeChat();
      tuiCore.TUILogin.chat = chat; // what LoginStore.getChat() finds through TUILogin.getContext()
      return {
        MessageListStore: mod[messages] as Core['MessageListStore'],
        ConversationListStore: mod[conversations] as Core['ConversationListStore'],
        chat,
      };
    }
    return 'the chunk bundling @atomicxcore/core was not found in tuikit-atomicx-react/dist';
  } catch (e) {
    return `could not be loaded: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
  } finally {
    Object.assign(console, quiet);
  }
}

/** Scenarios AtomicX is compared on, and what it is n/a for. */
const SUPPORTED = new Set(['flood-room', 'conv-list', 'conv-list-plain']);

function naRow(scenario: Scenario, reason: string): Row {
  return { scenario: scenario.id, subject: ATOMICX, status: 'n/a', reason, reps: [] };
}

/** AtomicX's row for a scenario (after the interleaved subjects of that scenario). */
export async function atomicxRow(scenario: Scenario, cfg: Config, reps: number): Promise<Row> {
  if (!SUPPORTED.has(scenario.id)) {
    const why =
      scenario.id === 'history'
        ? 'history pages come from its own getMessageList calls (no page can be handed to it)'
        : scenario.id === 'lookup' || scenario.id === 'dev-mode' || scenario.id === 'renders'
          ? 'no such API (not a Redux store)'
          : 'keeps the messages of the conversations whose list is mounted (one store per conversation)';
    return naRow(scenario, why);
  }
  loaded ??= loadCore();
  const core = await loaded;
  if (typeof core === 'string') return naRow(scenario, core);
  try {
    const runs = [];
    for (let r = 0; r < (scenario.id === 'flood-room' ? 1 : reps); r++) {
      runs.push(
        scenario.id === 'flood-room' ? await floodRoom(core, cfg) : await conversationList(core, cfg, scenario.id),
      );
    }
    return aggregate(scenario, ATOMICX, runs);
  } catch (e) {
    return {
      scenario: scenario.id,
      subject: ATOMICX,
      status: 'error',
      reason: e instanceof Error ? e.message.split('\n')[0] : String(e),
      reps: [],
    };
  }
}

/** One AVChatRoom, one message per event: emit, then wait until the list holds it. */
async function floodRoom(core: Core, cfg: Config) {
  const n = cfg.quick ? 20_000 : 100_000;
  const id = 'GROUProom';
  const store = core.MessageListStore.create(id);
  await store.loadMessages?.();
  const factory = new MessageFactory(() => 'AVChatRoom');
  const times = new Float64Array(n);
  const start = performance.now();
  let done = 0;
  for (let i = 0; i < n; i++) {
    const want = i + 1;
    const t0 = performance.now();
    core.chat.emit('onMessageReceived', [factory.next(id)]);
    for (let k = 0; k < 100 && (store.getState().messageList?.length ?? 0) < want; k++) await Promise.resolve();
    const t1 = performance.now();
    times[i] = t1 - t0;
    done++;
    if (t1 - start > cfg.budgetMs) break;
  }
  const held = store.getState().messageList?.length ?? 0;
  store.destroy();
  if (held !== done) throw new Error(`AtomicX flood: holds ${held} of ${done}`);
  return measured({ times: times.subarray(0, done), done, wallMs: performance.now() - start }, n, 1, {
    heldInFirstConversation: held,
  });
}

async function conversationList(core: Core, cfg: Config, id: string) {
  const { plainConversation } = await import('../scenarios/lists');
  const ids = conversationIDs(5000);
  const list = ids.map((cid, i) => new BenchConversation(cid, 1_700_000_000 + i));
  const event = (): unknown[] => (id === 'conv-list' ? list : list.map(plainConversation));
  const store = core.ConversationListStore.create();
  await store.loadConversations?.();
  core.chat.emit('onConversationListUpdated', event());
  const n = cfg.quick ? 50 : 100;
  const times: number[] = [];
  let time = 1_800_000_000;
  let spent = 0;
  for (let i = 0; i < n && spent < cfg.budgetMs; i++) {
    list[spread(i, list.length)].touch(++time, `new ${i}`);
    const data = event();
    const t0 = performance.now();
    core.chat.emit('onConversationListUpdated', data);
    times.push(performance.now() - t0);
    spent += times[times.length - 1];
  }
  const changed: number[] = [];
  let rows = store.getState().conversationList ?? [];
  for (let i = 0; i < 20; i++) {
    list[spread(i + n, list.length)].touch(++time, `check ${i}`);
    core.chat.emit('onConversationListUpdated', event());
    const next = store.getState().conversationList ?? [];
    const prev = new Map(rows.map((r) => [r.conversationID, r]));
    changed.push(next.filter((r) => prev.get(r.conversationID) !== r).length);
    rows = next;
  }
  store.destroy();
  const arr = Float64Array.from(times);
  return measured({ times: arr, done: arr.length, wallMs: spent }, n, 1, {
    rowsChangedMin: Math.min(...changed),
    rowsChangedMax: Math.max(...changed),
    rows: rows.length,
  });
}
