/**
 * The history, virtualized with @tanstack/react-virtual: only the rows on screen (and a few around)
 * are in the DOM, so 10,000 messages scroll like 50. Three things a chat list needs on top:
 * - older pages load when the top comes near (loadOlder is safe to call on every scroll event);
 * - when they arrive, the message that was at the top stays where it was on screen (anchoring);
 * - new messages keep the view at the bottom if it was there, or if they are mine.
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

/** Sets scrollTop for a few frames while the rows just rendered get measured. */
function settle(el: HTMLElement, target: () => number, frames = 10): () => void {
  let raf = 0;
  let n = 0;
  const step = () => {
    const want = target();
    if (Math.abs(el.scrollTop - want) >= 1) el.scrollTop = want;
    if (++n < frames) raf = requestAnimationFrame(step);
  };
  step();
  return () => cancelAnimationFrame(raf);
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
  const atBottom = useRef(true);
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 46,
    getItemKey: (index) => messages[index].ID,
    overscan: 10,
    paddingStart: EDGE,
    paddingEnd: 8,
  });

  // Anchoring: when the oldest message changes (a page arrived), remember how far the view was below
  // the old oldest message, and after the render put it back at the same distance.
  const firstID = messages[0]?.ID;
  const lastFirst = useRef(firstID);
  const anchor = useRef<{ id: string; offset: number } | null>(null);
  if (firstID !== lastFirst.current) {
    if (lastFirst.current && scroller.current && !atBottom.current)
      anchor.current = { id: lastFirst.current, offset: scroller.current.scrollTop - EDGE };
    lastFirst.current = firstID;
  }
  useLayoutEffect(() => {
    const a = anchor.current;
    const el = scroller.current;
    anchor.current = null;
    if (!a || !el) return;
    const index = messages.findIndex((m) => m.ID === a.id); // once per page, not per render
    if (index < 0) return;
    return settle(el, () => (virtualizer.measurementsCache[index]?.start ?? EDGE) + a.offset);
  }, [firstID]);

  // Following the newest message: at first render, and when one arrives while at the bottom or is mine.
  const last = messages[messages.length - 1];
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || !last) return;
    if (!atBottom.current && last.from !== me) return;
    return settle(el, () => el.scrollHeight - el.clientHeight);
  }, [last?.ID]);
  scrollToBottomRef.current = () => {
    const el = scroller.current;
    atBottom.current = true;
    if (el) settle(el, () => el.scrollHeight - el.clientHeight);
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
        atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM;
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
