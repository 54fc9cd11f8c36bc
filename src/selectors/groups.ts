/** Group member, attribute, counter and topic selectors. */
import { tableGet } from '../entities/table';
import type {
  GroupMemberRecord,
  GroupMembersState,
  PinnedGroupMessageRecord,
  PlainObject,
  RootStateWithTim,
} from '../types';

const NO_MEMBERS: readonly GroupMemberRecord[] = Object.freeze([]);
const NO_STRINGS: Readonly<Record<string, string>> = Object.freeze({});
const NO_NUMBERS: Readonly<Record<string, number>> = Object.freeze({});
const NO_TOPICS: Readonly<Record<string, PlainObject>> = Object.freeze({});

/** Members of a group loaded so far (by `getGroupMemberList`), ordered by userID. The same array until they change. */
export const selectGroupMembers = (state: RootStateWithTim, groupID: string): readonly GroupMemberRecord[] =>
  tableGet(state.tim.groups.members, groupID)?.members.values ?? NO_MEMBERS;

/** One loaded member of a group, or undefined. */
export const selectGroupMember = (
  state: RootStateWithTim,
  groupID: string,
  userID: string,
): GroupMemberRecord | undefined => {
  const page = tableGet(state.tim.groups.members, groupID);
  return page ? tableGet(page.members, userID) : undefined;
};

/** Paging state of a group's member list (`nextOffset`, `isCompleted`, `loading`, `error`), or undefined before the first page. */
export const selectGroupMemberListState = (state: RootStateWithTim, groupID: string): GroupMembersState | undefined =>
  tableGet(state.tim.groups.members, groupID);

/** A group's attributes (key → value). */
export const selectGroupAttributes = (state: RootStateWithTim, groupID: string): Readonly<Record<string, string>> =>
  Object.prototype.hasOwnProperty.call(state.tim.extras.groupAttributes, groupID)
    ? state.tim.extras.groupAttributes[groupID]
    : NO_STRINGS;

/** A group's counters (key → value). */
export const selectGroupCounters = (state: RootStateWithTim, groupID: string): Readonly<Record<string, number>> =>
  Object.prototype.hasOwnProperty.call(state.tim.extras.groupCounters, groupID)
    ? state.tim.extras.groupCounters[groupID]
    : NO_NUMBERS;

/** Topics of a community, by topicID. */
export const selectTopics = (state: RootStateWithTim, groupID: string): Readonly<Record<string, PlainObject>> =>
  Object.prototype.hasOwnProperty.call(state.tim.extras.topics, groupID) ? state.tim.extras.topics[groupID] : NO_TOPICS;

const NO_PINNED: readonly PinnedGroupMessageRecord[] = Object.freeze([]);

/** A group's pinned messages (3.x), by sequence: as `getPinnedGroupMessageList` loaded them and PINNED_GROUP_MESSAGE_UPDATED changed them. */
export const selectPinnedGroupMessages = (
  state: RootStateWithTim,
  groupID: string,
): readonly PinnedGroupMessageRecord[] =>
  Object.prototype.hasOwnProperty.call(state.tim.extras.pinnedGroupMessages, groupID)
    ? state.tim.extras.pinnedGroupMessages[groupID]
    : NO_PINNED;
