/**
 * stream-chat 9.x channel state, without a server: a client with a user id builds channels
 * locally; `addMessagesSorted` is its insert path (binary search, append fast path, dedupe by id)
 * and `pruneOldest` its trim. One channel per conversation. It has no conversation-list store
 * fed by whole-list events (its channel list comes from queries), so that scenario is n/a.
 */
import { StreamChat, type Channel, type MessageResponse } from 'stream-chat';
import type { BenchMessage } from '../shapes';
import { overCap, type Subject, type SubjectKind } from './types';

function toStream(m: BenchMessage): MessageResponse {
  return {
    id: m.ID,
    text: m.payload.text,
    type: 'regular',
    created_at: new Date(m.time * 1000).toISOString(),
    updated_at: new Date(m.time * 1000).toISOString(),
    user: { id: m.from },
  } as MessageResponse;
}

export const streamChat: SubjectKind = {
  name: 'stream-chat',
  supportsCap: true,
  create(options = {}): Subject {
    const client = new StreamChat('bench-key');
    (client as unknown as { userID: string }).userID = 'me';
    const channels = new Map<string, Channel>();
    const cap = options.cap;
    const channelOf = (id: string) => {
      let ch = channels.get(id);
      if (!ch) channels.set(id, (ch = client.channel('messaging', id)));
      return ch;
    };
    const byConversation = (messages: BenchMessage[]) => {
      const groups = new Map<string, BenchMessage[]>();
      for (const m of messages) {
        const g = groups.get(m.conversationID);
        if (g) g.push(m);
        else groups.set(m.conversationID, [m]);
      }
      return groups;
    };
    return {
      receive: (messages) => {
        for (const [id, group] of byConversation(messages)) {
          const ch = channelOf(id);
          if (group.length === 1) ch.state.addMessageSorted(toStream(group[0]));
          else ch.state.addMessagesSorted(group.map(toStream));
          if (cap && group[0].conversationSubType === cap.subType && overCap(ch.state.messages.length, cap.cap)) {
            ch.state.pruneOldest(cap.cap);
          }
        }
      },
      conversationList: null,
      historyPage: (id, page) => void channelOf(id).state.addMessagesSorted(page.map(toStream)),
      count: (id) => channels.get(id)?.state.messages.length ?? 0,
      close: () => undefined,
    };
  },
};
