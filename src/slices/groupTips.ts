/**
 * Group tips applied to `state.tim.groups`: the loaded member list of a group follows joins, quits,
 * kicks, role changes and mutes, and the group's `memberCount` follows the tip's `memberNum`, as
 * each SDK updates its own member cache and group profile from the same tips. A system notice that
 * I was kicked, or that the group was dismissed or quit, drops the group's member list.
 */
import { tableGet, tableRemove, tableSet } from '../entities/table';
import type { GroupTipRecord } from '../normalize/groupTip';
import type { GroupMemberRecord, Table, TimState } from '../types';

type GroupsState = TimState['groups'];

/** Group system notices after which I am no longer in the group: 4 kicked, 5 dismissed, 8 quit. */
const LEFT_NOTICES: ReadonlySet<number> = new Set([4, 5, 8]);

function withRole(members: Table<GroupMemberRecord>, userID: string, role: string): Table<GroupMemberRecord> {
  const prev = tableGet(members, userID);
  return prev && prev.role !== role ? tableSet(members, userID, { ...prev, role }) : members;
}

function applyToMembers(members: Table<GroupMemberRecord>, tip: GroupTipRecord): Table<GroupMemberRecord> {
  let next = members;
  switch (tip.operationType) {
    case 1:
      for (const userID of tip.userIDList) {
        if (tableGet(next, userID)) continue;
        const profile = Object.prototype.hasOwnProperty.call(tip.profiles, userID) ? tip.profiles[userID] : undefined;
        next = tableSet(next, userID, {
          userID,
          nick: profile?.nick ?? '',
          avatar: profile?.avatar ?? '',
          nameCard: '',
          role: 'Member',
          joinTime: tip.time,
          muteUntil: 0,
          memberCustomField: {},
        });
      }
      return next;
    case 2:
    case 3:
      for (const userID of tip.userIDList) next = tableRemove(next, userID);
      return next;
    case 4:
    case 5:
      for (const userID of tip.userIDList) next = withRole(next, userID, tip.operationType === 4 ? 'Admin' : 'Member');
      return next;
    case 6:
      if (tip.newOwnerID === null) return next;
      for (const m of members.values)
        if (m.role === 'Owner' && m.userID !== tip.newOwnerID) next = withRole(next, m.userID, 'Member');
      return withRole(next, tip.newOwnerID, 'Owner');
    case 7:
      for (const [userID, muteUntil] of Object.entries(tip.muteUntil)) {
        const prev = tableGet(next, userID);
        if (prev && prev.muteUntil !== muteUntil) next = tableSet(next, userID, { ...prev, muteUntil });
      }
      return next;
    default:
      return next;
  }
}

/** The groups state after `tips`; the same object when nothing changed. */
export function applyGroupTips(state: GroupsState, tips: readonly GroupTipRecord[]): GroupsState {
  let { table, members } = state;
  for (const tip of tips) {
    if (tip.source === 'systemNotice') {
      // Kicked, dismissed, quit: the SDK drops the group's member list with the group.
      if (LEFT_NOTICES.has(tip.operationType)) members = tableRemove(members, tip.groupID);
      continue;
    }
    const group = tableGet(table, tip.groupID);
    if (group && tip.memberNum !== null && group.memberCount !== tip.memberNum)
      table = tableSet(table, tip.groupID, { ...group, memberCount: tip.memberNum });
    const page = tableGet(members, tip.groupID);
    if (!page) continue; // members never loaded: nothing to keep in step
    const next = applyToMembers(page.members, tip);
    if (next !== page.members) members = tableSet(members, tip.groupID, { ...page, members: next });
  }
  return table === state.table && members === state.members ? state : { ...state, table, members };
}
