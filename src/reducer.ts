/** `timReducer`: every slice, mounted by the user at `state.tim`. */
import { combineReducers } from '@reduxjs/toolkit';
import { conversationsReducer } from './slices/conversations';
import { errorsReducer, unhandledReducer } from './slices/errors';
import { extrasReducer } from './slices/extras';
import { messagesReducer } from './slices/messages';
import { netReducer } from './slices/net';
import { groupsReducer, profilesReducer } from './slices/profiles';
import { relationsReducer } from './slices/relations';
import { sessionReducer } from './slices/session';

/** The tim-redux reducer. Mount it at `tim`: `configureStore({ reducer: { tim: timReducer } })`. */
export const timReducer = combineReducers({
  session: sessionReducer,
  net: netReducer,
  conversations: conversationsReducer,
  messages: messagesReducer,
  groups: groupsReducer,
  profiles: profilesReducer,
  relations: relationsReducer,
  extras: extrasReducer,
  errors: errorsReducer,
  unhandled: unhandledReducer,
});
