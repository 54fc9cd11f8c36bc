/** The app shell: login, the signed-in layout (list and chat side by side, or one at a time on a phone), banners. */
import { useEffect, useState } from 'react';
import { login, logout, selectRestoredView } from 'tim-redux';
import { useNetState, useProfile, useSession, useTimDispatch, useTimSelector } from 'tim-redux/react';
import { Avatar } from './Avatar';
import { Chat } from './Chat';
import { ConversationList } from './ConversationList';
import { rememberOpen, rememberedOpen, rememberedUser } from './remember';

const KICK_REASONS: Record<string, string> = {
  multipleAccount: 'you signed in in another tab or window',
  multipleDevice: 'you signed in on another device',
  userSigExpired: 'your session expired',
  REST_API_Kick: 'the server signed you out',
};

function Login() {
  const dispatch = useTimDispatch();
  const session = useSession();
  const [userID, setUserID] = useState(new URLSearchParams(location.search).get('user') ?? '');
  const busy = session.status === 'loggingIn';
  return (
    <main className="login">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          // The emulator accepts any userSig; a real app gets one from its own server for this user.
          if (userID.trim()) void dispatch(login({ userID: userID.trim(), userSig: 'demo' }));
        }}
      >
        <h1>tim-redux chat</h1>
        <p className="hint">
          A demo on the local IM emulator. Type a user ID (<b>alice</b>, <b>bob</b> or <b>carol</b> have history; any
          other name is a new user). There is no password: the emulator trusts the name.
        </p>
        {session.status === 'kickedOut' && (
          <p className="banner error" role="alert" data-testid="kicked">
            You were signed out: {KICK_REASONS[session.kickedOutReason ?? ''] ?? session.kickedOutReason}.
          </p>
        )}
        {session.error && (
          <p className="banner error" role="alert">
            Login failed: {session.error.message}
          </p>
        )}
        <label>
          User ID
          <input
            data-testid="user"
            value={userID}
            autoFocus
            autoComplete="username"
            onChange={(e) => setUserID(e.target.value)}
            placeholder="alice"
          />
        </label>
        <button data-testid="login" disabled={busy || !userID.trim()}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}

function Me({ userID }: { userID: string }) {
  const profile = useProfile(userID);
  const name = profile?.nick || userID;
  return (
    <span className="me" data-testid="me">
      <Avatar id={userID} name={name} url={profile?.avatar} size={28} />
      <span className="ellipsis">{name}</span>
    </span>
  );
}

/** The app: the login screen until the session is ready, then the chat. */
export function App() {
  const dispatch = useTimDispatch();
  const session = useSession();
  const net = useNetState();
  const restored = useTimSelector(selectRestoredView);
  const [open, setOpen] = useState<string | null>(rememberedOpen);
  useEffect(() => rememberOpen(open), [open]);
  // Signing in again after a reload, or as a user with a snapshot, shows the app at once (not the
  // login form) while the SDK logs in.
  const resuming =
    restored || (session.status === 'loggingIn' && session.userID !== null && session.userID === rememberedUser());
  if (session.status !== 'ready' && session.status !== 'notReady' && !resuming) return <Login />;
  return (
    <div className={open ? 'app chat-open' : 'app'}>
      <header className="topbar">
        <Me userID={session.userID ?? ''} />
        <button className="link" data-testid="logout" onClick={() => void dispatch(logout())}>
          Sign out
        </button>
      </header>
      {net !== 'connected' && (
        <p className="banner warn" role="status" data-testid="net">
          {net === 'connecting' ? 'Connecting…' : 'Offline.'} Messages sent now may fail; retry them when back online.
        </p>
      )}
      <div className="panes">
        <ConversationList openID={open} onOpen={setOpen} />
        {open ? (
          <Chat key={open} conversationID={open} onBack={() => setOpen(null)} />
        ) : (
          <section className="pane empty-pane">
            <p>Pick a conversation to start chatting.</p>
          </section>
        )}
      </div>
    </div>
  );
}
