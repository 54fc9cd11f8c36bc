/**
 * @jest-environment jsdom
 */
/**
 * tim-redux/react on the real SDKs against the emulator, rendered with React Testing Library in
 * jsdom, under StrictMode (double effects, double renders).
 */
import { memo, StrictMode, useEffect, useRef, type ReactNode } from 'react';
import { Provider } from 'react-redux';
import { act, render, screen, waitFor } from '@testing-library/react';
import { login, selectConversationListSynced, selectHasMoreHistory, type MessageRecord } from '../../src';
import {
  useConversation,
  useConversationList,
  useMessage,
  useMessages,
  useNetState,
  useSendMessage,
  useSenderName,
  useSession,
  useTotalUnreadCount,
  useTimDispatch,
} from '../../src/react';
import { kinds, useBindingOnEmulator } from '../helpers/emulatorStore';
import { sleep } from '../emulator/sdk';

jest.setTimeout(30_000);

// The updates here come from the SDK's socket, as in an app, not from test code: React's "not wrapped
// in act" check does not apply (RTL's own act and waitFor still switch it on while they run).
beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
});

describe.each(kinds)('tim-redux/react on %s', (kind) => {
  const { ctx, loginBob, peer } = useBindingOnEmulator(kind);
  const wrap = (children: ReactNode) => (
    <StrictMode>
      <Provider store={ctx.store}>{children}</Provider>
    </StrictMode>
  );
  const count = (servcmd: string, userID = 'bob') =>
    ctx.emu.commandLog().filter((c) => c.servcmd === servcmd && c.userID === userID).length;

  it('a login dispatched from an effect under StrictMode logs in once; session, net, list and synced follow', async () => {
    ctx.emu.injectC2CMessage({ from: 'alice', to: 'bob', text: 'hello bob' });
    const seen: boolean[] = [];
    function App() {
      const dispatch = useTimDispatch();
      const session = useSession();
      const net = useNetState();
      const total = useTotalUnreadCount();
      const { conversations, synced } = useConversationList();
      seen.push(synced);
      // The usual StrictMode trap: an effect that runs twice. The session status guards it.
      const started = useRef(false);
      useEffect(() => {
        if (started.current) return;
        started.current = true;
        void dispatch(login({ userID: 'bob', userSig: 'sig-bob' }));
      }, [dispatch]);
      return (
        <div>
          <p data-testid="status">{session.status}</p>
          <p data-testid="net">{net}</p>
          <p data-testid="total">{synced ? total : '-'}</p>
          <p data-testid="rows">
            {synced ? conversations.map((c) => `${c.conversationID}:${c.unreadCount}`).join(',') : 'syncing'}
          </p>
        </div>
      );
    }
    render(wrap(<App />));
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('ready'), { timeout: 10_000 });
    await waitFor(() => expect(screen.getByTestId('rows').textContent).toBe('C2Calice:1'), { timeout: 10_000 });
    expect(screen.getByTestId('total').textContent).toBe('1');
    expect(screen.getByTestId('net').textContent).toBe('connected');
    expect(selectConversationListSynced(ctx.store.getState())).toBe(true);
    // Not synced first, synced after; never back.
    expect(seen[0]).toBe(false);
    expect(seen.slice(seen.indexOf(true)).every(Boolean)).toBe(true);
    expect(ctx.emu.commandLog().filter((c) => c.servcmd === 'im_open_status.wslogin')).toHaveLength(1);
  });

  it('synced turns true for a new user with no conversations at all', async () => {
    await loginBob();
    await waitFor(() => expect(selectConversationListSynced(ctx.store.getState())).toBe(true), { timeout: 5000 });
  });

  it('useMessages under StrictMode: one first page, loadOlder from a scroll handler sends one request at a time, to the beginning', async () => {
    for (let i = 1; i <= 35; i++)
      ctx.emu.injectC2CMessage({ from: i % 2 ? 'alice' : 'bob', to: i % 2 ? 'bob' : 'alice', text: `m${i}` });
    await loginBob();
    const before = count('openim.getroammsg');
    const renders: Array<readonly MessageRecord[]> = [];
    let api: ReturnType<typeof useMessages> | null = null;
    function History() {
      api = useMessages('C2Calice');
      renders.push(api.messages);
      return (
        <p data-testid="history">
          {api.messages.length} {api.hasMore ? 'more' : 'all'} {api.loading ? 'loading' : 'idle'}
        </p>
      );
    }
    render(wrap(<History />));
    await waitFor(() => expect(screen.getByTestId('history').textContent).toBe('15 more idle'), { timeout: 5000 });
    expect(count('openim.getroammsg') - before).toBe(1);
    // A scroll handler fires many times while the page loads: one request.
    act(() => {
      for (let i = 0; i < 20; i++) api!.loadOlder();
    });
    await waitFor(() => expect(screen.getByTestId('history').textContent).toBe('30 more idle'), { timeout: 5000 });
    expect(count('openim.getroammsg') - before).toBe(2);
    act(() => api!.loadOlder());
    await waitFor(() => expect(screen.getByTestId('history').textContent).toBe('35 all idle'), { timeout: 5000 });
    expect(selectHasMoreHistory(ctx.store.getState(), 'C2Calice')).toBe(false);
    const requests = count('openim.getroammsg') - before;
    act(() => api!.loadOlder());
    await sleep(50);
    expect(count('openim.getroammsg') - before).toBe(requests);
    // Messages are each once, in order.
    const texts = api!.messages.map((m) => m.payload.text);
    expect(texts).toEqual(Array.from({ length: 35 }, (_, i) => `m${i + 1}`));
  });

  it('a row keyed by message re-renders alone when its message changes; a send under StrictMode sends once', async () => {
    const alice = await peer('alice');
    await loginBob();
    const rowRenders = new Map<string, number>();
    const Row = memo(function Row({ id }: { id: string }) {
      const m = useMessage(id, 'C2Calice');
      const name = useSenderName(m ?? { from: '' });
      rowRenders.set(m?.payload.text as string, (rowRenders.get(m?.payload.text as string) ?? 0) + 1);
      return (
        <li>
          {name}: {String(m?.payload.text)} ({m?.status})
        </li>
      );
    });
    function Chat() {
      const { messages } = useMessages('C2Calice');
      const conversation = useConversation('C2Calice');
      const { sendText } = useSendMessage();
      const sent = useRef(false);
      useEffect(() => {
        // StrictMode runs this twice; the ref keeps it one send, as an app would.
        if (!sent.current && conversation) {
          sent.current = true;
          void sendText('C2Calice', 'hi alice');
        }
      }, [conversation, sendText]);
      return (
        <ul data-testid="chat">
          {messages.map((m) => (
            <Row key={m.ID} id={m.ID} />
          ))}
        </ul>
      );
    }
    ctx.emu.injectC2CMessage({ from: 'alice', to: 'bob', text: 'first' });
    render(wrap(<Chat />));
    await waitFor(() => expect(screen.getByTestId('chat').textContent).toContain('hi alice (success)'), {
      timeout: 8000,
    });
    expect(screen.getByTestId('chat').textContent).toContain('first');
    expect(count('openim.sendmsg')).toBe(1);
    const firstRenders = rowRenders.get('first') ?? 0;
    await alice.sendMessage(
      alice.createTextMessage({ to: 'bob', conversationType: 'C2C', payload: { text: 'second' } }),
    );
    await waitFor(() => expect(screen.getByTestId('chat').textContent).toContain('second'), { timeout: 5000 });
    await sleep(1200);
    // "first" did not change: its row did not render again for the new message.
    expect(rowRenders.get('first')).toBe(firstRenders);
    const texts = Array.from(screen.getByTestId('chat').querySelectorAll('li')).map((li) => li.textContent);
    expect(texts.filter((t) => t?.includes('hi alice'))).toHaveLength(1);
    expect(texts.filter((t) => t?.includes('second'))).toHaveLength(1);
  });
});
