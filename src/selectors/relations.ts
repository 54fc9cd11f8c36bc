/** Friend, application, user status and display-name selectors. */
import { tableGet } from '../entities/table';
import type { MessageRecord, PlainObject, RootStateWithTim } from '../types';

const NO_STRINGS: readonly string[] = Object.freeze([]);

/** Friends (plain rows from the SDK, each with `userID`, `remark`, `profile`, ...), ordered by userID. */
export const selectFriendList = (state: RootStateWithTim): readonly PlainObject[] => state.tim.relations.friends.values;

/** One friend, or undefined. */
export const selectFriendByUserID = (state: RootStateWithTim, userID: string): PlainObject | undefined =>
  tableGet(state.tim.relations.friends, userID);

/** Friend applications and their unread count. */
export const selectFriendApplications = (
  state: RootStateWithTim,
): { applicationList: readonly PlainObject[]; unreadCount: number } => {
  const { friendApplications, friendApplicationUnreadCount } = state.tim.relations;
  if (lastApplications?.list !== friendApplications || lastApplications.unread !== friendApplicationUnreadCount) {
    lastApplications = {
      list: friendApplications,
      unread: friendApplicationUnreadCount,
      value: { applicationList: friendApplications, unreadCount: friendApplicationUnreadCount },
    };
  }
  return lastApplications.value;
};
let lastApplications: {
  list: readonly PlainObject[];
  unread: number;
  value: { applicationList: readonly PlainObject[]; unreadCount: number };
} | null = null;

/** Friend groups (plain: `name`, `userIDList`, `count`). */
export const selectFriendGroups = (state: RootStateWithTim): readonly PlainObject[] => state.tim.relations.friendGroups;

/** One follow list (3.x): `followers`, `following` or `mutual`; rows carry `userID` and profile fields. */
export const selectFollowList = (
  state: RootStateWithTim,
  list: 'followers' | 'following' | 'mutual',
): readonly PlainObject[] => state.tim.relations.follow[list];

/** A user's status (`statusType`, `customStatus`), once loaded or pushed. */
export const selectUserStatus = (state: RootStateWithTim, userID: string): PlainObject | undefined =>
  tableGet(state.tim.relations.userStatus, userID);

/** Conversation group names. */
export const selectConversationGroups = (state: RootStateWithTim): readonly string[] =>
  state.tim.extras.conversationGroups;

/** Conversation IDs of one conversation group. */
export const selectConversationIDsInGroup = (state: RootStateWithTim, groupName: string): readonly string[] =>
  Object.prototype.hasOwnProperty.call(state.tim.extras.conversationsInGroup, groupName)
    ? state.tim.extras.conversationsInGroup[groupName]
    : NO_STRINGS;

const nonEmpty = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The name to show for a message's sender: my friend remark for them, else their name card in the
 * group (from the loaded members, else carried by the message), else their nick (profile, member,
 * then message), else their userID. Load profiles with `getUserProfile` for one-to-one messages,
 * which carry no nick.
 */
export function selectSenderDisplayName(
  state: RootStateWithTim,
  message: Pick<MessageRecord, 'from'> &
    Partial<Pick<MessageRecord, 'conversationID' | 'conversationType' | 'to' | 'nameCard' | 'nick'>>,
): string {
  const userID = message.from;
  const remark = nonEmpty(tableGet(state.tim.relations.friends, userID)?.remark);
  if (remark) return remark;
  const groupID =
    message.conversationType === 'GROUP'
      ? (message.to ?? '')
      : message.conversationID?.startsWith('GROUP')
        ? message.conversationID.slice(5)
        : '';
  const page = groupID ? tableGet(state.tim.groups.members, groupID) : undefined;
  const member = page ? tableGet(page.members, userID) : undefined;
  if (groupID) {
    const card = member?.nameCard || nonEmpty(message.nameCard);
    if (card) return card;
  }
  return tableGet(state.tim.profiles.table, userID)?.nick || member?.nick || nonEmpty(message.nick) || userID;
}
