/**
 * tim-redux: the public API, and nothing else. Everything a user imports is listed here.
 */

// Wiring
export { timReducer } from './reducer';
export { createTimMiddleware, type TimMiddleware, type TimMiddlewareOptions } from './middleware';
export { TIM_EVENTS, type TimEventKey, type TimEventTable } from './events';
export { MessageRegistry } from './registry';
export { getTimContext, timContextOf, type TimContext } from './context';
export { TIM_REDUX_ERROR, toTimError } from './errors';
export type * from './sdk';
export type * from './types';

// Actions
export * from './actions';
export { EVENT_TABLE, type EventHandler, type EventResult, type EventContext } from './eventTable';
export { isUserDataReset } from './slices/reset';
export { DEFAULT_MESSAGE_CAPS } from './slices/messages';

// Thunks
export { createTimThunk } from './thunks/create';
export { login, logout, type LoginArgs, type LoginResult } from './thunks/session';
export {
  sendMessage,
  sendTextMessage,
  resendMessage,
  revokeMessage,
  deleteMessages,
  getMessageList,
  setMessageRead,
  type SendTextArgs,
  type HistoryPage,
} from './thunks/messages';
export { getMyProfile } from './thunks/profiles';

// Selectors
export * from './selectors/session';
export * from './selectors/conversations';
export * from './selectors/messages';
export * from './selectors/profiles';

// Normalizers (pure: SDK object → plain record), for custom thunks and tests
export { normalizeMessage } from './normalize/message';
export { normalizeConversation } from './normalize/conversation';
export { normalizeGroup, normalizeProfile } from './normalize/profile';
export { toPlain } from './normalize/plain';
