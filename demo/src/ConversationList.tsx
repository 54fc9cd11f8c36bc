/** The conversation list: one memoized row per conversation, the total unread, the empty and syncing states. */
import { memo, type MouseEvent } from 'react';
import { pinConversation, selectRestoredView, setMessageRemindType, type ConversationRecord } from 'tim-redux';
import {
  useConversationList,
  useGroup,
  useProfile,
  useTimDispatch,
  useTimSelector,
  useTotalUnreadCount,
} from 'tim-redux/react';
import { Avatar } from './Avatar';
import { formatListTime, previewOf } from './format';

/** The name and avatar of a conversation: the peer's nick or the group's name, from the profiles that came with the list. */
export function useConversationTitle(c: Pick<ConversationRecord, 'conversationID' | 'userID' | 'groupID' | 'remark'>) {
  const profile = useProfile(c.userID);
  const group = useGroup(c.groupID);
  const name = c.remark || profile?.nick || group?.name || c.userID || c.groupID || c.conversationID;
  return { name, avatar: profile?.avatar || group?.avatar || '', group };
}

/** Pin and mute toggles for a conversation (the row's hover buttons, and the chat header's). */
export function useConversationActions(c: ConversationRecord) {
  const dispatch = useTimDispatch();
  const muted = c.messageRemindType === 'AcceptNotNotify';
  const toggleMute = (e: MouseEvent) => {
    e.stopPropagation();
    const messageRemindType = muted ? 'AcceptAndNotify' : 'AcceptNotNotify';
    void dispatch(
      setMessageRemindType(
        c.groupID ? { groupID: c.groupID, messageRemindType } : { userIDList: [c.userID], messageRemindType },
      ),
    );
  };
  const togglePin = (e: MouseEvent) => {
    e.stopPropagation();
    void dispatch(pinConversation({ conversationID: c.conversationID, isPinned: !c.isPinned }));
  };
  return { muted, togglePin, toggleMute };
}

/** A row re-renders only when its record changes: the list keeps unchanged records (===). */
const Row = memo(function Row({
  c,
  active,
  synced,
  onOpen,
}: {
  c: ConversationRecord;
  active: boolean;
  synced: boolean;
  onOpen: (id: string) => void;
}) {
  const { name, avatar } = useConversationTitle(c);
  const muted = c.messageRemindType === 'AcceptNotNotify';
  const last = c.lastMessage;
  const preview = !last
    ? ''
    : last.isRevoked
      ? 'Message recalled'
      : previewOf(last.type, last.payload, last.messageForShow);
  const { togglePin, toggleMute } = useConversationActions(c);
  return (
    <li
      className={`row${active ? ' active' : ''}${c.isPinned ? ' pinned' : ''}`}
      data-testid={`conv-${c.conversationID}`}
      data-unread={synced ? c.unreadCount : undefined}
      onClick={() => onOpen(c.conversationID)}
    >
      <Avatar id={c.userID || c.groupID || c.conversationID} name={name} url={avatar} size={44} />
      <div className="row-body">
        <div className="row-line">
          <span className="row-name ellipsis">{name}</span>
          {c.isPinned && (
            <span className="mark" title="pinned" aria-label="pinned">
              📌
            </span>
          )}
          {muted && (
            <span className="mark" title="muted" aria-label="muted">
              🔕
            </span>
          )}
          <time className="row-time">{formatListTime(last?.lastTime ?? 0)}</time>
        </div>
        <div className="row-line">
          <span className="row-preview ellipsis">{preview}</span>
          {synced && c.unreadCount > 0 && (
            <span className={muted ? 'badge muted' : 'badge'} data-testid={`unread-${c.conversationID}`}>
              {c.unreadCount > 99 ? '99+' : c.unreadCount}
            </span>
          )}
        </div>
      </div>
      <span className="row-actions">
        <button data-testid={`pin-${c.conversationID}`} onClick={togglePin}>
          {c.isPinned ? 'Unpin' : 'Pin'}
        </button>
        <button data-testid={`mute-${c.conversationID}`} onClick={toggleMute}>
          {muted ? 'Unmute' : 'Mute'}
        </button>
      </span>
    </li>
  );
});

/**
 * The list pane. Badges wait for `synced`: before it the counts are not final and would flicker (a
 * restored snapshot's counts too: the SDK's first list after login has every one-to-one count at 0).
 * While a restored snapshot is on screen, "Updating…" says the SDK has not confirmed it yet.
 */
export function ConversationList({ openID, onOpen }: { openID: string | null; onOpen: (id: string) => void }) {
  const { conversations, synced } = useConversationList();
  const total = useTotalUnreadCount();
  const restored = useTimSelector(selectRestoredView);
  return (
    <nav className="pane list-pane" aria-label="Conversations">
      <h2>
        Chats
        {synced && total > 0 && (
          <span className="badge" data-testid="total-unread">
            {total}
          </span>
        )}
        {restored && (
          <span className="updating" role="status" data-testid="restoring">
            Updating…
          </span>
        )}
      </h2>
      {!synced && conversations.length === 0 ? (
        <p className="placeholder" data-testid="syncing">
          Loading conversations…
        </p>
      ) : conversations.length === 0 ? (
        <p className="placeholder" data-testid="no-conversations">
          No conversations yet. When someone writes to you, it shows up here.
        </p>
      ) : (
        <ul>
          {conversations.map((c) => (
            <Row key={c.conversationID} c={c} active={c.conversationID === openID} synced={synced} onOpen={onOpen} />
          ))}
        </ul>
      )}
    </nav>
  );
}
