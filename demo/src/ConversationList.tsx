import { memo } from 'react';
import {
  selectConversationList,
  selectGroupById,
  selectProfileByUserID,
  selectTotalUnreadCount,
  type ConversationRecord,
} from '../../src';
import { useAppSelector } from './store';

/** A row re-renders only when its record changes: unchanged records keep their identity. */
const Row = memo(function Row({ c, active, onOpen }: { c: ConversationRecord; active: boolean; onOpen: (id: string) => void }) {
  const profile = useAppSelector((s) => (c.userID ? selectProfileByUserID(s, c.userID) : undefined));
  const group = useAppSelector((s) => (c.groupID ? selectGroupById(s, c.groupID) : undefined));
  const title = profile?.nick || group?.name || c.userID || c.groupID || c.conversationID;
  return (
    <li className={active ? 'active' : ''} data-testid={`conv-${c.conversationID}`} onClick={() => onOpen(c.conversationID)}>
      <div className="title">
        {c.isPinned && <span title="pinned">📌 </span>}
        {title}
        {c.unreadCount > 0 && (
          <span className="badge" data-testid={`unread-${c.conversationID}`}>
            {c.unreadCount}
          </span>
        )}
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
        Chats {total > 0 && <span className="badge" data-testid="total-unread">{total}</span>}
      </h2>
      <ul>
        {conversations.map((c) => (
          <Row key={c.conversationID} c={c} active={c.conversationID === openID} onOpen={onOpen} />
        ))}
      </ul>
    </nav>
  );
}
