/** Conversation selectors. */
import { createSelector } from '@reduxjs/toolkit';
import { tableGet } from '../entities/table';
import type { ConversationRecord, RootStateWithTim } from '../types';

/** Pinned first, then the newest last message first; ties by ID so the order is stable. */
export function compareConversations(a: ConversationRecord, b: ConversationRecord): number {
  if (a.isPinned !== b.isPinned) return a.isPinned ? -1 : 1;
  const ta = a.lastMessage?.lastTime ?? 0;
  const tb = b.lastMessage?.lastTime ?? 0;
  if (ta !== tb) return tb - ta;
  return a.conversationID < b.conversationID ? -1 : a.conversationID > b.conversationID ? 1 : 0;
}

/**
 * Every conversation, pinned first, then newest last message first. The rows are the stored
 * records, so a row that did not change is the same object (===) as in the previous result.
 */
export const selectConversationList = createSelector(
  [(state: RootStateWithTim) => state.tim.conversations.table.values],
  (values): readonly ConversationRecord[] => values.slice().sort(compareConversations),
);

/** One conversation, or undefined. */
export const selectConversationById = (state: RootStateWithTim, conversationID: string): ConversationRecord | undefined =>
  tableGet(state.tim.conversations.table, conversationID);

/** Total unread messages, as the SDK reports it. */
export const selectTotalUnreadCount = (state: RootStateWithTim): number => state.tim.conversations.totalUnreadCount;
