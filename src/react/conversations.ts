/** Conversation, profile and group hooks. */
import {
  selectConversationById,
  selectConversationList,
  selectConversationListSynced,
  selectGroupById,
  selectProfileByUserID,
  type ConversationRecord,
  type GroupRecord,
  type ProfileRecord,
} from 'tim-redux';
import { useMemo } from 'react';
import { useTimSelector } from './store';

/** What `useConversationList` returns. */
export interface ConversationListState {
  /** Pinned first, then newest first. Unchanged rows keep their identity (===). */
  conversations: readonly ConversationRecord[];
  /**
   * False until the SDK's list has arrived since login: show a placeholder rather than "no
   * conversations", and hide unread badges, which are not final yet.
   */
  synced: boolean;
}

/** The conversation list and whether it has synced. The object is the same until one of them changes. */
export function useConversationList(): ConversationListState {
  const conversations = useTimSelector(selectConversationList);
  const synced = useTimSelector(selectConversationListSynced);
  return useMemo(() => ({ conversations, synced }), [conversations, synced]);
}

/** One conversation, or undefined. Re-renders only when that conversation changes. */
export function useConversation(conversationID: string): ConversationRecord | undefined {
  return useTimSelector((state) => selectConversationById(state, conversationID));
}

/** A user's profile (loaded with the conversation list, `getUserProfile` or `getMyProfile`), or undefined. */
export function useProfile(userID: string): ProfileRecord | undefined {
  return useTimSelector((state) => (userID ? selectProfileByUserID(state, userID) : undefined));
}

/** A joined group's profile, or undefined. */
export function useGroup(groupID: string): GroupRecord | undefined {
  return useTimSelector((state) => (groupID ? selectGroupById(state, groupID) : undefined));
}
