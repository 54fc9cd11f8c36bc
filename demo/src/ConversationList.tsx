import { memo, type MouseEvent } from 'react';
import {
  pinConversation,
  selectConversationList,
  setMessageRemindType,
  selectGroupById,
  selectProfileByUserID,
  selectTotalUnreadCount,
  type ConversationRecord,
} from '../../src';
import { useAppDispatch, useAppSelector } from './store';

/** A row re-renders only when its record changes: unchanged records keep their identity. */
const Row = memo(function Row({
  c,
  active,
  onOpen,
}: {
  c: ConversationRecord;
  active: boolean;
  onOpen: (id: string) => void;
}) {
  const profile = useAppSelector((s) => (c.userID ? selectProfileByUserID(s, c.userID) : undefined));
  const group = useAppSelector((s) => (c.groupID ? selectGroupById(s, c.groupID) : undefined));
  const dispatch = useAppDispatch();
  const title = profile?.nick || group?.name || c.userID || c.groupID || c.conversationID;
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
  return (
    <li
      className={active ? 'active' : ''}
      data-testid={`conv-${c.conversationID}`}
      onClick={() => onOpen(c.conversationID)}
    >
      <div className="title">
        {c.isPinned && <span title="pinned">📌 </span>}
        {title}
        {muted && <span title="muted">🔕</span>}
        {c.unreadCount > 0 && (
          <span className={muted ? 'badge muted' : 'badge'} data-testid={`unread-${c.conversationID}`}>
            {c.unreadCount}
          </span>
        )}
        <span className="actions">
          <button data-testid={`pin-${c.conversationID}`} onClick={togglePin}>
            {c.isPinned ? 'Unpin' : 'Pin'}
          </button>
          <button data-testid={`mute-${c.conversationID}`} onClick={toggleMute}>
            {muted ? 'Unmute' : 'Mute'}
          </button>
        </span>
      </div>
      <div className="preview">{c.lastMessage?.isRevoked ? 'Message revoked' : c.lastMessage?.messageForShow}</div>
    </li>
  );
});

export function ConversationList({ openID, onOpen }: { openID: string | null; onOpen: (id: string) => void }) {
  const conversations = useAppSelector(selectConversationList);
  const total = useAppSelector(selectTotalUnreadCount);
  return (
    <nav>
      <h2>
        Chats{' '}
        {total > 0 && (
          <span className="badge" data-testid="total-unread">
            {total}
          </span>
        )}
      </h2>
      <ul>
        {conversations.map((c) => (
          <Row key={c.conversationID} c={c} active={c.conversationID === openID} onOpen={onOpen} />
        ))}
      </ul>
    </nav>
  );
}
