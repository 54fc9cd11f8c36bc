/**
 * The history, virtualized with @tanstack/react-virtual: only the rows on screen (and a few around)
 * are in the DOM, so 10,000 messages scroll like 50. What a chat list needs on top:
 * - older pages load when the top comes near (loadOlder is safe to call on every scroll event);
 * - when they arrive, the message that was at the top stays where it was on screen, and new messages
 *   keep the view at the bottom if it was there (the virtualizer's `anchorTo: 'end'`);
 * - my own new message brings the view down wherever it was.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { MessageRecord } from 'tim-redux';
import { MessageItem } from './MessageItem';

/** Height of the line above the oldest message ("Loading older messages…", "This is the beginning…"). */
const EDGE = 34;
/** Load the next older page when the view is this close to the top (px). */
const NEAR_TOP = 400;
/** Within this distance of the bottom (px) the view follows new messages. */
const NEAR_BOTTOM = 80;

/** Props of the list. */
export interface MessageListProps {
  messages: readonly MessageRecord[];
  hasMore: boolean;
  loading: boolean;
  error: string | null;
  loadOlder(): void;
  me: string;
  isGroup: boolean;
  /** Set by the list: scrolls to the newest message (after a send). */
  scrollToBottomRef: { current: (() => void) | null };
}

/** The virtualized message list. */
export function MessageList({
  messages,
  hasMore,
  loading,
  error,
  loadOlder,
  me,
  isGroup,
  scrollToBottomRef,
}: MessageListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 46,
    getItemKey: (index) => messages[index].ID,
    overscan: 10,
    paddingStart: EDGE,
    paddingEnd: 8,
    // Chat mode (virtual-core 3.14): when rows are added or removed at either end, the row at the
    // top of the view keeps its place on screen (older pages arrive without a jump), and the view
    // follows appended rows while it is at the end.
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: NEAR_BOTTOM,
  });

  // My own new message brings the view down even when I had scrolled up.
  const last = messages[messages.length - 1];
  const pendingBottom = useRef(false);
  useLayoutEffect(() => {
    if (!last || !(pendingBottom.current || last.from === me)) return;
    pendingBottom.current = false;
    virtualizer.scrollToIndex(messages.length - 1, { align: 'end' });
  }, [last?.ID]);
  scrollToBottomRef.current = () => {
    pendingBottom.current = true;
  };

  // A page that leaves the view still near the top (short pages, a tall screen) asks for the next one.
  useEffect(() => {
    const el = scroller.current;
    if (el && hasMore && !loading && !error && el.scrollTop < NEAR_TOP) loadOlder();
  }, [hasMore, loading, error, loadOlder, messages.length]);

  const items = virtualizer.getVirtualItems();
  return (
    <div
      ref={scroller}
      className="scroller"
      data-testid="scroller"
      onScroll={(e) => {
        const el = e.currentTarget;
        if (el.scrollTop < NEAR_TOP && hasMore) loadOlder();
      }}
    >
      <div className="virtual" style={{ height: virtualizer.getTotalSize() }}>
        <div className="history-edge" data-testid="history-edge">
          {loading
            ? 'Loading older messages…'
            : error
              ? `Could not load older messages: ${error}`
              : hasMore
                ? ''
                : 'This is the beginning of the conversation.'}
        </div>
        {items.map((row) => {
          const m = messages[row.index];
          const prev = messages[row.index - 1];
          // Above the oldest loaded message the day is unknown until the next page: no separator yet,
          // so that none disappears (and shifts the view) when older messages arrive.
          const prevTime = prev?.time ?? (hasMore ? m.time : 0);
          return (
            <div
              key={row.key}
              data-index={row.index}
              ref={virtualizer.measureElement}
              className="row-slot"
              style={{ transform: `translateY(${row.start}px)` }}
            >
              <MessageItem
                m={m}
                mine={m.from === me}
                prevFrom={prev && prev.type !== 'TIMGroupTipElem' ? prev.from : ''}
                prevTime={prevTime}
                isGroup={isGroup}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
