/**
 * tim-redux/react: typed hooks for a React app on tim-redux (react-redux 9). Wrap the app in
 * react-redux's `<Provider store={store}>` with `timReducer` mounted at `tim`.
 * @module tim-redux/react
 */
export { useTimSelector, useTimDispatch, type TimDispatch } from './store';
export { useSession, useNetState, useTotalUnreadCount } from './session';
export {
  useConversationList,
  useConversation,
  useProfile,
  useGroup,
  type ConversationListState,
} from './conversations';
export {
  useMessages,
  useSendMessage,
  useMessage,
  useSenderName,
  type MessagesState,
  type UseMessagesOptions,
  type SendMessageApi,
} from './messages';
