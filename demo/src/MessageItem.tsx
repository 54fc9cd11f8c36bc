/**
 * One row of the chat: a day separator when the day changes, then a group tip as a centred line, or a
 * bubble (own on the right, the peer's on the left; a run of messages from one sender shows their
 * name and avatar once). Memoized on the record and its neighbour's sender and time only.
 */
import { memo, useEffect, useState } from 'react';
import { revokeMessage, selectSenderDisplayName, type MessageRecord } from 'tim-redux';
import { useSenderName, useSendMessage, useTimDispatch, useTimSelector } from 'tim-redux/react';
import { Avatar } from './Avatar';
import { MediaBody } from './Media';
import { formatDay, formatTime, groupTipText, sameDay } from './format';
import { Text } from './Text';

/**
 * How long after sending a message can be recalled. The SDK has no such limit of its own (its
 * revokeMessage just sends the request): Tencent's server enforces it, 2 minutes unless the app's
 * console setting changes it. A UI that offers Revoke after that only collects errors.
 */
export const REVOKE_WINDOW_S = 120;

/** Messages closer than this (seconds) from one sender read as one run. */
const RUN_GAP_S = 5 * 60;

/** True until `deadline` (seconds), re-rendering once when it passes. */
function useBefore(deadline: number): boolean {
  const [, tick] = useState(0);
  const left = deadline * 1000 - Date.now();
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => tick((n) => n + 1), Math.min(left + 50, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [left > 0, deadline]);
  return left > 0;
}

function statusText(m: MessageRecord): string {
  if (m.status === 'unSend') return 'Sending…';
  if (m.status === 'fail') return 'Failed';
  if (m.conversationType === 'C2C' && m.isPeerRead) return 'Read';
  return 'Sent';
}

/** What the bubble holds. */
function MessageBody({ m }: { m: MessageRecord }) {
  if (m.isRevoked)
    return <span className="revoked">{m.flow === 'out' ? 'You recalled a message' : 'Message recalled'}</span>;
  switch (m.type) {
    case 'TIMTextElem':
      return <Text text={typeof m.payload.text === 'string' ? m.payload.text : ''} />;
    case 'TIMImageElem':
    case 'TIMFileElem':
      return <MediaBody m={m} />;
    default:
      return <span className="unsupported">[This message type is not shown here]</span>;
  }
}

function GroupTip({ m }: { m: MessageRecord }) {
  // A string, so the row re-renders only when a name in it changes.
  const text = useTimSelector((state) =>
    groupTipText(m, (userID) => selectSenderDisplayName(state, { from: userID, conversationID: m.conversationID })),
  );
  return (
    <div className="system" data-testid="tip">
      {text}
    </div>
  );
}

/** One row. `prevFrom`/`prevTime` are the previous message's sender and time ('' / 0 for the first). */
export const MessageItem = memo(function MessageItem({
  m,
  mine,
  prevFrom,
  prevTime,
  isGroup,
}: {
  m: MessageRecord;
  mine: boolean;
  prevFrom: string;
  prevTime: number;
  isGroup: boolean;
}) {
  const dispatch = useTimDispatch();
  const { resend } = useSendMessage();
  const name = useSenderName(m);
  const newDay = !prevTime || !sameDay(prevTime, m.time);
  const tip = m.type === 'TIMGroupTipElem' || m.type === 'TIMGroupSystemNoticeElem';
  const run = !newDay && prevFrom === m.from && m.time - prevTime < RUN_GAP_S;
  const canRevoke = useBefore(m.time + REVOKE_WINDOW_S) && mine && m.status === 'success' && !m.isRevoked;
  return (
    <div className="item" data-testid={`msg-${m.ID}`} data-from={m.from}>
      {newDay && (
        <div className="day" role="separator">
          <span>{formatDay(m.time)}</span>
        </div>
      )}
      {tip ? (
        <GroupTip m={m} />
      ) : (
        <div className={`msg ${mine ? 'mine' : 'theirs'}${run ? ' run' : ''}`}>
          {canRevoke && (
            <button className="recall" data-testid="revoke" onClick={() => void dispatch(revokeMessage(m.ID))}>
              Recall
            </button>
          )}
          {!mine &&
            (run ? <span className="avatar-gap" /> : <Avatar id={m.from} name={name} url={m.avatar} size={32} />)}
          <div className="msg-col">
            {!mine && !run && isGroup && <div className="sender">{name}</div>}
            <div className={m.isRevoked ? 'bubble recalled' : 'bubble'}>
              <MessageBody m={m} />
              <span className="meta">
                <time dateTime={new Date(m.time * 1000).toISOString()}>{formatTime(m.time)}</time>
                {mine && !m.isRevoked && (
                  <span className={`status ${m.status}`} data-testid="status">
                    {statusText(m)}
                  </span>
                )}
              </span>
            </div>
            {m.status === 'fail' && mine && (
              <div className="msg-actions">
                <button data-testid="retry" onClick={() => void resend(m.ID)}>
                  Retry
                </button>
              </div>
            )}
          </div>
        </div>
      )}
    </div>
  );
});
