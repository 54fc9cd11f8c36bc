/** `state.tim.extras`: group attributes and counters, topics, conversation groups, pinned messages, ... */
import { createSlice } from '@reduxjs/toolkit';
import * as A from '../actions';
import type { ExtrasState } from '../types';
import { isUserDataReset } from './reset';

/** Group system notices kept (newest). */
const NOTICE_MEMORY = 100;

const initialState: ExtrasState = {
  groupAttributes: {},
  groupCounters: {},
  topics: {},
  conversationGroups: [],
  conversationsInGroup: {},
  pinnedGroupMessages: {},
  groupSystemNotices: [],
  allReceiveMessageOpt: null,
  serverConfig: null,
  roomCustomData: {},
};

const extrasSlice = createSlice({
  name: 'tim/extras',
  initialState,
  reducers: {},
  extraReducers: (builder) => {
    builder
      .addCase(A.groupAttributesUpdated, (state, { payload }) => {
        state.groupAttributes[payload.groupID] = payload.groupAttributes;
      })
      .addCase(A.groupCounterUpdated, (state, { payload }) => {
        (state.groupCounters[payload.groupID] ??= {})[payload.key] = payload.value;
      })
      .addCase(A.topicUpserted, (state, { payload }) => {
        (state.topics[payload.groupID] ??= {})[payload.topic.topicID] = payload.topic;
      })
      .addCase(A.topicsDeleted, (state, { payload }) => {
        const topics = state.topics[payload.groupID];
        if (topics) for (const id of payload.topicIDList) delete topics[id];
      })
      .addCase(A.conversationGroupListUpdated, (state, { payload }) => {
        // An incomplete list (malformed names left out) only adds: a bad item must not delete.
        state.conversationGroups = payload.complete
          ? payload.names
          : Array.from(new Set([...state.conversationGroups, ...payload.names]));
      })
      .addCase(A.conversationInGroupUpdated, (state, { payload }) => {
        state.conversationsInGroup[payload.groupName] = payload.conversationIDs;
      })
      .addCase(A.pinnedGroupMessageUpdated, (state, { payload }) => {
        state.pinnedGroupMessages[payload.groupID] = payload.pinnedMessageList;
      })
      .addCase(A.groupSystemNoticeReceived, (state, { payload }) => {
        state.groupSystemNotices = [...state.groupSystemNotices, payload].slice(-NOTICE_MEMORY);
      })
      .addCase(A.allReceiveMessageOptUpdated, (state, { payload }) => {
        state.allReceiveMessageOpt = payload;
      })
      .addCase(A.serverConfigUpdated, (state, { payload }) => {
        state.serverConfig = payload;
      })
      .addCase(A.roomCustomDataReceived, (state, { payload }) => {
        state.roomCustomData[payload.groupID] = payload.customData;
      })
      .addMatcher(isUserDataReset, () => initialState);
  },
});

/** The extras reducer. */
export const extrasReducer = extrasSlice.reducer;
