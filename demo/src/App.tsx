import { useState } from 'react';
import { login, logout, selectNetState, selectSession } from '../../src';
import { Chat } from './Chat';
import { ConversationList } from './ConversationList';
import { useAppDispatch, useAppSelector } from './store';

function Login() {
  const dispatch = useAppDispatch();
  const session = useAppSelector(selectSession);
  const [userID, setUserID] = useState(new URLSearchParams(location.search).get('user') ?? '');
  const busy = session.status === 'loggingIn';
  return (
    <form
      className="login"
      onSubmit={(e) => {
        e.preventDefault();
        void dispatch(login({ userID, userSig: 'demo' }));
      }}
    >
      <h1>tim-redux demo</h1>
      {session.status === 'kickedOut' && (
        <p className="banner error" data-testid="kicked">
          You were signed out: {session.kickedOutReason}
        </p>
      )}
      {session.error && <p className="banner error">Login failed: {session.error.message}</p>}
      <input
        data-testid="user"
        value={userID}
        onChange={(e) => setUserID(e.target.value)}
        placeholder="alice, bob or carol"
      />
      <button data-testid="login" disabled={busy || !userID}>
        {busy ? 'Logging in…' : 'Log in'}
      </button>
    </form>
  );
}

export function App() {
  const dispatch = useAppDispatch();
  const session = useAppSelector(selectSession);
  const net = useAppSelector(selectNetState);
  const [open, setOpen] = useState<string | null>(null);
  if (session.status !== 'ready' && session.status !== 'notReady') return <Login />;
  return (
    <div className="app">
      <header>
        <span data-testid="me">Signed in as {session.userID}</span>
        {net !== 'connected' && (
          <span className="banner warn" data-testid="net">
            Network: {net}
          </span>
        )}
        <button data-testid="logout" onClick={() => void dispatch(logout())}>
          Log out
        </button>
      </header>
      <main>
        <ConversationList openID={open} onOpen={setOpen} />
        {open ? <Chat key={open} conversationID={open} /> : <section className="empty">Pick a conversation</section>}
      </main>
    </div>
  );
}
