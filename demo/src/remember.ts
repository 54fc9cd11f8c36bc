/**
 * What the tab remembers across a reload: the signed-in user and the open conversation. In
 * sessionStorage, as a session cookie would be: a reload of this tab signs in again by itself, while
 * a second tab starts at the login screen (with the emulator's `kickOlder` policy, a second tab that
 * signed in by itself would sign the first one out), and closing the tab forgets it.
 */
import type { SessionState } from 'tim-redux';

const USER = 'tim-redux-demo:user';
const OPEN = 'tim-redux-demo:open';

function read(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null; // storage disabled (privacy settings): nothing is remembered
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch {
    // storage disabled or full: the app works, it only forgets on reload
  }
}

/** The user this tab was signed in as before the reload, or null. */
export function rememberedUser(): string | null {
  return read(USER);
}

/** The conversation that was open before the reload, or null. */
export function rememberedOpen(): string | null {
  return read(OPEN);
}

/** Remembers the open conversation (null: none). */
export function rememberOpen(conversationID: string | null): void {
  write(OPEN, conversationID);
}

/**
 * Follows the session: a user signed in (ready) is remembered; signing out, being kicked out or a
 * refused login forgets them (and the open conversation), so a reload shows the login screen.
 */
export function followSession(session: SessionState): void {
  if (session.status === 'ready' && session.userID) write(USER, session.userID);
  else if (
    session.status === 'loggedOut' ||
    session.status === 'kickedOut' ||
    (session.status === 'idle' && session.error)
  ) {
    write(USER, null);
    write(OPEN, null);
  }
}
