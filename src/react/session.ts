/** Session, network and unread hooks. */
import { selectNetState, selectSession, selectTotalUnreadCount, type NetState, type SessionState } from 'tim-redux';
import { useTimSelector } from './store';

/** The session: `{ status, userID, kickedOutReason, error, repeatLogin }`. Re-renders when it changes. */
export function useSession(): SessionState {
  return useTimSelector(selectSession);
}

/** The SDK's network state: `connected`, `connecting` or `disconnected`. */
export function useNetState(): NetState {
  return useTimSelector(selectNetState);
}

/** Total unread messages, as the SDK reports it (the sum of the rows' `unreadCount`). */
export function useTotalUnreadCount(): number {
  return useTimSelector(selectTotalUnreadCount);
}
