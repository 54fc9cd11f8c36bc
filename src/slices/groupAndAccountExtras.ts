/**
 * `state.tim.extras`: what each group has beyond its record (attributes, counters, topics, pinned
 * messages, system notices, room custom data) and what the account has (conversation groups, the
 * global receive option, server config).
 */
import { createSlice, isAnyOf } from '@reduxjs/toolkit';
import { isSafeKey } from '../normalize/plain';
import * as A from '../actions';
import * as C from '../thunks/conversations';
import * as G from '../thunks/groups';
import * as P from '../thunks/pinned';
import * as T from '../thunks/topics';
import type { ExtrasState } from '../types';
import { isUserDataReset } from './reset';

/** Group system notices kept (newest). */
const NOTICE_MEMORY = 100;
/** Room custom data kept (newest). */
const ROOM_DATA_MEMORY = 100;

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
  roomCustomData: [],
};

function applyConversationGroupChange(state: ExtrasState, change: C.ConversationGroupChange): void {
  const { op, groupName, newName, conversationIDs } = change;
  if (!isSafeKey(groupName)) return;
  const members = state.conversationsInGroup[groupName] ?? [];
  if (op === 'create' || op === 'add') {
    if (!state.conversationGroups.includes(groupName))
      state.conversationGroups = [...state.conversationGroups, groupName];
    state.conversationsInGroup[groupName] = Array.from(new Set([...members, ...conversationIDs]));
  } else if (op === 'remove') {
    const gone = new Set(conversationIDs);
    state.conversationsInGroup[groupName] = members.filter((id) => !gone.has(id));
  } else if (op === 'delete') {
    state.conversationGroups = state.conversationGroups.filter((g) => g !== groupName);
    delete state.conversationsInGroup[groupName];
  } else if (op === 'rename' && isSafeKey(newName)) {
    state.conversationGroups = state.conversationGroups.map((g) => (g === groupName ? newName : g));
    delete state.conversationsInGroup[groupName];
    state.conversationsInGroup[newName] = members;
  }
}

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
      .addCase(A.topicCreatedOrUpdated, (state, { payload }) => {
        // Merged: TOPIC_CREATED brings only the ID, and must not blank a topic already loaded.
        const topics = (state.topics[payload.groupID] ??= {});
        topics[payload.topic.topicID] = { ...topics[payload.topic.topicID], ...payload.topic };
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
        const { groupID, isPinned, ID, sequence, message } = payload;
        const kept = (state.pinnedGroupMessages[groupID] ?? []).filter(
          (m) => m.sequence !== sequence && (ID === '' || m.ID !== ID),
        );
        if (isPinned && message) {
          kept.push(message);
          kept.sort((a, b) => a.sequence - b.sequence);
        }
        state.pinnedGroupMessages[groupID] = kept;
      })
      .addCase(P.getPinnedGroupMessageList.fulfilled, (state, { payload }) => {
        if (isSafeKey(payload.groupID)) state.pinnedGroupMessages[payload.groupID] = payload.messages;
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
        // A list, not the last one only: several may come in one tick, and subscribers are told once a tick.
        state.roomCustomData = [...state.roomCustomData, payload].slice(-ROOM_DATA_MEMORY);
      })
      .addCase(T.createTopicInCommunity.fulfilled, (state, { payload }) => {
        // Merged, like TOPIC_UPDATED: the event may already have brought the full topic.
        const topics = (state.topics[payload.groupID] ??= {});
        topics[payload.topic.topicID] = { ...topics[payload.topic.topicID], ...payload.topic };
      })
      .addCase(T.updateTopicProfile.fulfilled, (state, { payload }) => {
        const topics = state.topics[payload.groupID];
        if (topics?.[payload.topic.topicID]) Object.assign(topics[payload.topic.topicID], payload.topic);
      })
      .addCase(T.deleteTopicFromCommunity.fulfilled, (state, { payload }) => {
        const topics = state.topics[payload.groupID];
        if (topics) for (const id of payload.topicIDList) delete topics[id];
      })
      .addCase(T.getTopicList.fulfilled, (state, { payload }) => {
        if (!isSafeKey(payload.groupID)) return;
        const topics = (state.topics[payload.groupID] ??= {});
        for (const topic of payload.topics) topics[topic.topicID] = topic;
      })
      .addCase(C.getConversationGroupList.fulfilled, (state, { payload }) => {
        state.conversationGroups = payload;
      })
      .addMatcher(
        isAnyOf(
          C.createConversationGroup.fulfilled,
          C.deleteConversationGroup.fulfilled,
          C.renameConversationGroup.fulfilled,
          C.addConversationsToGroup.fulfilled,
          C.deleteConversationsFromGroup.fulfilled,
        ),
        (state, { payload }) => applyConversationGroupChange(state, payload),
      )
      .addMatcher(isAnyOf(C.deleteConversation.fulfilled), (state, { payload }) => {
        const gone = new Set(payload.conversationIDs);
        for (const name of Object.keys(state.conversationsInGroup)) {
          const ids = state.conversationsInGroup[name];
          if (ids.some((id) => gone.has(id))) state.conversationsInGroup[name] = ids.filter((id) => !gone.has(id));
        }
      })
      .addMatcher(
        isAnyOf(
          G.initGroupAttributes.fulfilled,
          G.setGroupAttributes.fulfilled,
          G.deleteGroupAttributes.fulfilled,
          G.getGroupAttributes.fulfilled,
        ),
        (state, { payload }) => {
          const { groupID, attributes, deletedKeys, replace } = payload;
          if (!isSafeKey(groupID)) return;
          const next = replace ? { ...attributes } : { ...state.groupAttributes[groupID], ...attributes };
          for (const key of deletedKeys) delete next[key];
          state.groupAttributes[groupID] = next;
        },
      )
      .addMatcher(
        isAnyOf(
          G.setGroupCounters.fulfilled,
          G.increaseGroupCounter.fulfilled,
          G.decreaseGroupCounter.fulfilled,
          G.getGroupCounters.fulfilled,
        ),
        (state, { payload }) => {
          if (isSafeKey(payload.groupID))
            Object.assign((state.groupCounters[payload.groupID] ??= {}), payload.counters);
        },
      )
      .addMatcher(isAnyOf(G.quitGroup.fulfilled, G.dismissGroup.fulfilled), (state, { payload }) => {
        // Nothing of a group I left stays.
        const { groupID } = payload;
        delete state.groupAttributes[groupID];
        delete state.groupCounters[groupID];
        delete state.topics[groupID];
        delete state.pinnedGroupMessages[groupID];
        const conversationID = `GROUP${groupID}`;
        for (const name of Object.keys(state.conversationsInGroup)) {
          const ids = state.conversationsInGroup[name];
          if (ids.includes(conversationID))
            state.conversationsInGroup[name] = ids.filter((id) => id !== conversationID);
        }
      })
      .addMatcher(isUserDataReset, () => initialState);
  },
});

/** The extras reducer. */
export const extrasReducer = extrasSlice.reducer;
