import { useEffect, useRef, useState } from 'react';
import {
  getMessageList,
  resendMessage,
  revokeMessage,
  selectConversationById,
  selectHistoryState,
  selectMessagesByConversationID,
  selectProfileByUserID,
  selectSession,
  sendMediaMessage,
  sendTextMessage,
  setMessageRead,
  type MessageRecord,
} from '../../src';
import { AttachButton, MediaBody } from './Media';
import { useAppDispatch, useAppSelector } from './store';

function statusOf(m: MessageRecord): string {
  if (m.status === 'unSend') return 'Sending…';
  if (m.status === 'fail') return 'Failed';
  if (m.conversationType === 'C2C') return m.isPeerRead ? 'Read' : 'Sent';
  return 'Sent';
}

function Bubble({ m, mine }: { m: MessageRecord; mine: boolean }) {
  const dispatch = useAppDispatch();
  const sender = useAppSelector((s) => selectProfileByUserID(s, m.from));
  const text = m.isRevoked ? 'Message revoked' : typeof m.payload.text === 'string' ? m.payload.text : `[${m.type}]`;
  return (
    <li className={mine ? 'mine' : 'theirs'} data-testid={`msg-${m.ID}`}>
      {!mine && <div className="sender">{m.nick || sender?.nick || m.from}</div>}
      {!m.isRevoked && (m.type === 'TIMImageElem' || m.type === 'TIMFileElem') ? (
        <MediaBody m={m} />
      ) : (
        <div className={m.isRevoked ? 'text revoked' : 'text'}>{text}</div>
      )}
      {mine && !m.isRevoked && (
        <div className="meta">
          <span data-testid="status">{statusOf(m)}</span>
          {m.status === 'fail' && <button onClick={() => void dispatch(resendMessage(m.ID))}>Retry</button>}
          {m.status === 'success' && <button onClick={() => void dispatch(revokeMessage(m.ID))}>Revoke</button>}
        </div>
      )}
    </li>
  );
}

export function Chat({ conversationID }: { conversationID: string }) {
  const dispatch = useAppDispatch();
  const me = useAppSelector(selectSession).userID;
  const conversation = useAppSelector((s) => selectConversationById(s, conversationID));
  const messages = useAppSelector((s) => selectMessagesByConversationID(s, conversationID));
  const history = useAppSelector((s) => selectHistoryState(s, conversationID));
  const [text, setText] = useState('');
  const list = useRef<HTMLUListElement>(null);

  // First page when the conversation opens; older pages when scrolled to the top. (A second call
  // while one is loading is ignored by the thunk itself.)
  const needsFirstPage = history.nextReqMessageID === null && !history.isCompleted;
  useEffect(() => {
    if (needsFirstPage) void dispatch(getMessageList(conversationID));
  }, [conversationID, needsFirstPage, dispatch]);
  // Reading what is on screen.
  useEffect(() => {
    if ((conversation?.unreadCount ?? 0) > 0) void dispatch(setMessageRead(conversationID));
  }, [conversationID, conversation?.unreadCount, dispatch]);
  // Stay at the bottom when a new message arrives.
  const newest = messages[messages.length - 1]?.ID;
  useEffect(() => {
    list.current?.scrollTo({ top: list.current.scrollHeight });
  }, [newest]);

  const to = conversation?.userID || conversation?.groupID || conversationID.replace(/^(C2C|GROUP)/, '');
  const conversationType = conversationID.startsWith('GROUP') ? 'GROUP' : 'C2C';
  const sendFiles = (files: File[]): void => {
    for (const file of files) {
      const kind = file.type.startsWith('image/') ? 'image' : 'file';
      void dispatch(sendMediaMessage({ kind, to, conversationType, file }));
    }
  };
  return (
    <section
      className="chat"
      data-testid="chat"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDrop={(e) => {
        e.preventDefault();
        sendFiles([...e.dataTransfer.files]);
      }}
    >
      <ul
        ref={list}
        data-testid="messages"
        onScroll={(e) => {
          if (e.currentTarget.scrollTop === 0 && !history.isCompleted) void dispatch(getMessageList(conversationID));
        }}
      >
        {history.loading && <li className="loading">Loading older messages…</li>}
        {history.isCompleted && <li className="loading">Beginning of the conversation</li>}
        {messages.map((m) => (
          <Bubble key={m.ID} m={m} mine={m.from === me} />
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!text.trim()) return;
          void dispatch(sendTextMessage({ to, conversationType, text }));
          setText('');
        }}
      >
        <input
          data-testid="compose"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Write a message"
        />
        <AttachButton onFiles={sendFiles} />
        <button data-testid="send">Send</button>
      </form>
    </section>
  );
}
