/**
 * Tencent's TUIChatEngine 2.5.8 (the state layer of chat-uikit-react/vue 2.x), driven without a
 * login: `TUIChatService.updateMessageList(list, 'received' | 'unshift')` is its receive and
 * history path, `TUIConversationService.onConversationListUpdated(list)` its list-event handler.
 * It keeps the messages of the current conversation only (others are dropped), and has no cap.
 * Its store is a process-wide singleton: `create` resets it by switching conversations.
 */
import { StoreName, TUIChatService, TUIConversationService, TUIStore } from '@tencentcloud/chat-uikit-engine';
import type { BenchConversation, BenchMessage } from '../shapes';
import type { Subject, SubjectKind } from './types';

interface ChatService {
  updateMessageList(messages: unknown[], how: 'received' | 'unshift' | 'edit'): void;
}
interface ConversationService {
  onConversationListUpdated(list: unknown[]): void;
}

let resetSeq = 0;

export const tuiEngine: SubjectKind = {
  name: 'TUIChatEngine',
  oneConversationOnly: true,
  supportsCap: false,
  create(options = {}): Subject {
    const chat = TUIChatService as unknown as ChatService;
    const conv = TUIConversationService as unknown as ConversationService;
    TUIStore.update(StoreName.APP, 'enableAutoMessageRead', false);
    TUIStore.update(StoreName.CONV, 'currentConversationID', `reset-${++resetSeq}`);
    TUIStore.update(StoreName.CHAT, 'messageList', []);
    TUIStore.update(StoreName.CONV, 'conversationList', []);
    const current = options.currentConversationID ?? '';
    TUIStore.update(StoreName.CONV, 'currentConversationID', current);
    const list = (): unknown[] => TUIStore.getData(StoreName.CHAT, 'messageList') ?? [];
    return {
      receive: (messages: BenchMessage[]) => chat.updateMessageList(messages, 'received'),
      conversationList: (l: BenchConversation[]) => conv.onConversationListUpdated(l),
      historyPage: (_id, page) => chat.updateMessageList(page, 'unshift'),
      count: (id) => (id === current ? list().length : 0),
      conversationRows: () => TUIStore.getData(StoreName.CONV, 'conversationList') ?? [],
      close: () => {
        TUIStore.update(StoreName.CHAT, 'messageList', []);
        TUIStore.update(StoreName.CONV, 'conversationList', []);
      },
    };
  },
};
