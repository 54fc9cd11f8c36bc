/** The chat pane: a header saying who you talk to, the virtualized history, the composer. */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { getGroupProfile, selectRestoredView, setMessageRead, type ConversationRecord } from 'tim-redux';
import {
  useConversation,
  useMessages,
  useSendMessage,
  useSession,
  useTimDispatch,
  useTimSelector,
} from 'tim-redux/react';
import { Avatar } from './Avatar';
import { useConversationActions, useConversationTitle } from './ConversationList';
import { AttachButton } from './Media';
import { MessageList } from './MessageList';

function Header({ conversationID, onBack }: { conversationID: string; onBack: () => void }) {
  const dispatch = useTimDispatch();
  const ready = useSession().status !== 'loggingIn';
  const restored = useTimSelector(selectRestoredView);
  const conversation = useConversation(conversationID);
  const isGroup = conversationID.startsWith('GROUP');
  const peer = isGroup ? '' : conversationID.slice(3);
  const groupID = isGroup ? conversationID.slice(5) : '';
  const { name, avatar, group } = useConversationTitle(
    conversation ?? { conversationID, userID: peer, groupID, remark: '' },
  );
  // The SDK answers once it is ready; until then the restored snapshot has the group.
  useEffect(() => {
    if (groupID && ready) void dispatch(getGroupProfile({ groupID }));
  }, [dispatch, groupID, ready]);
  return (
    <header className="chat-header">
      <button className="back" data-testid="back" onClick={onBack} aria-label="Back to the list">
        ‹
      </button>
      <Avatar id={peer || groupID} name={name} url={avatar} size={36} />
      <div className="chat-title">
        <h2 className="ellipsis" data-testid="chat-title">
          {name}
        </h2>
        <p className={restored ? 'ellipsis restoring' : 'ellipsis'} data-testid="chat-subtitle">
          <span className="subtitle">
            {isGroup ? (group?.memberCount ? `${group.memberCount} members` : 'Group') : `@${peer}`}
          </span>
          {/* On a phone the list, and its note, are behind the chat: the note takes the subtitle's place. */}
          {restored && (
            <span className="updating in-chat" role="status">
              Updating…
            </span>
          )}
        </p>
      </div>
      {conversation && <HeaderActions c={conversation} />}
    </header>
  );
}

function HeaderActions({ c }: { c: ConversationRecord }) {
  const { muted, togglePin, toggleMute } = useConversationActions(c);
  return (
    <div className="header-actions">
      <button onClick={togglePin} aria-pressed={c.isPinned}>
        {c.isPinned ? 'Unpin' : 'Pin'}
      </button>
      <button onClick={toggleMute} aria-pressed={muted}>
        {muted ? 'Unmute' : 'Mute'}
      </button>
    </div>
  );
}

/**
 * Sends files as image or file messages (by MIME type). The message is in the store at once with
 * `progress` 0, which the upload moves to 1; its bubble shows the bar.
 */
function useSendFiles(conversationID: string, onSent: () => void): (files: File[]) => void {
  const { sendMedia } = useSendMessage();
  return useCallback(
    (files: File[]) => {
      for (const file of files) void sendMedia(conversationID, file.type.startsWith('image/') ? 'image' : 'file', file);
      if (files.length > 0) onSent();
    },
    [conversationID, sendMedia, onSent],
  );
}

function Composer({
  conversationID,
  onSent,
  onFiles,
  ready,
}: {
  conversationID: string;
  onSent: () => void;
  onFiles: (files: File[]) => void;
  /** False while the SDK logs in (a restored view): typing works, sending waits. */
  ready: boolean;
}) {
  const { sendText } = useSendMessage();
  const [text, setText] = useState('');
  const send = () => {
    if (!text.trim() || !ready) return;
    void sendText(conversationID, text);
    setText('');
    onSent();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      send();
    }
  };
  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <div className="composer-tools">
        <AttachButton onFiles={onFiles} />
      </div>
      <textarea
        data-testid="compose"
        rows={1}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder="Write a message"
        aria-label="Message"
      />
      <button data-testid="send" disabled={!text.trim() || !ready} title={ready ? undefined : 'Connecting…'}>
        Send
      </button>
    </form>
  );
}

const noop = () => undefined;

/** The chat with one conversation. Keyed by conversationID by its parent, so each conversation starts fresh. */
export function Chat({ conversationID, onBack }: { conversationID: string; onBack: () => void }) {
  const dispatch = useTimDispatch();
  const session = useSession();
  const me = session.userID ?? '';
  // Before the SDK is ready (a restored view after a reload) nothing is asked of it: the first page
  // loads, and what is on screen is marked read, once it is.
  const sdkReady = session.status !== 'loggingIn';
  const conversation = useConversation(conversationID);
  const { messages, hasMore, loading, error, loadOlder } = useMessages(conversationID, { autoLoad: sdkReady });
  const isGroup = conversationID.startsWith('GROUP');

  // What is on screen is read.
  const unread = conversation?.unreadCount ?? 0;
  useEffect(() => {
    if (unread > 0 && sdkReady) void dispatch(setMessageRead(conversationID));
  }, [conversationID, unread, dispatch, sdkReady]);

  const toBottom = useRef<(() => void) | null>(null);
  const scrollDown = useCallback(() => toBottom.current?.(), []);
  const sendFiles = useSendFiles(conversationID, scrollDown);

  const ready = messages.length > 0 || !hasMore;
  return (
    <section
      className="pane chat"
      aria-label="Chat"
      data-testid="chat"
      onDragOver={(e) => {
        // Accepting the drag is what lets a file be dropped anywhere on the chat.
        if (e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDrop={(e) => {
        if (e.dataTransfer.files.length === 0) return;
        e.preventDefault();
        sendFiles([...e.dataTransfer.files]);
      }}
    >
      <Header conversationID={conversationID} onBack={onBack} />
      <div className="messages" data-testid="messages">
        {!ready ? (
          <p className="placeholder">{error ? `Could not load messages: ${error.message}` : 'Loading messages…'}</p>
        ) : messages.length === 0 ? (
          <p className="placeholder" data-testid="no-messages">
            No messages yet. Say hello!
          </p>
        ) : (
          <MessageList
            messages={messages}
            hasMore={hasMore}
            loading={loading}
            error={error?.message ?? null}
            loadOlder={sdkReady ? loadOlder : noop}
            me={me}
            isGroup={isGroup}
            scrollToBottomRef={toBottom}
          />
        )}
      </div>
      <Composer conversationID={conversationID} onSent={scrollDown} onFiles={sendFiles} ready={sdkReady} />
    </section>
  );
}
