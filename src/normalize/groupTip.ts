/**
 * Group tips (messages of type `TIMGroupTipElem`) → the member changes they announce, as both SDKs
 * apply them to their own caches: 2.27.6 tim-js.js `handleMessageList` and 3.6.6 index.js
 * `_handleTips` switch on `payload.operationType` (1 join, 2 quit, 3 kicked, 4 set admin, 5 cancel
 * admin, 6 group profile, 7 member info), read `payload.memberNum` into the group's `memberCount`
 * and `payload.memberList[].muteTime` into `updateMuteUntil`.
 */
import { isObject, isSafeKey, num, str, strArray } from './plain';
import type { MessageRecord } from '../types';

/** One member change a group tip (or a group system notice) announces. */
export interface GroupTipRecord {
  /**
   * `tip` (TIMGroupTipElem, to every member) or `systemNotice` (TIMGroupSystemNoticeElem, to me: 4
   * kicked, 5 dismissed, 8 quit make both SDKs drop the group and its member list in
   * `deleteLocalGroupAndConversation` → `_deleteLocalGroup`).
   */
  source: 'tip' | 'systemNotice';
  /** The group (a topic's tip names its community). */
  groupID: string;
  /** The SDK's `TIM.TYPES.GRP_TIP_*`: 1 join, 2 quit, 3 kicked, 4 set admin, 5 cancel admin, 6 profile, 7 member info. */
  operationType: number;
  /** The members the tip is about. */
  userIDList: string[];
  /** The group's member count after the change, when the tip carries it. */
  memberNum: number | null;
  /** Mutes (operationType 7): member → muted until (unix seconds, 0 = not muted). */
  muteUntil: Record<string, number>;
  /** Joined members' nick and avatar, when the tip carries them (`memberList` of a join). */
  profiles: Record<string, { nick: string; avatar: string }>;
  /** A new owner (operationType 6 with `newGroupProfile.ownerID`), else null. */
  newOwnerID: string | null;
  /** The tip's time (unix seconds): a joined member's join time. */
  time: number;
}

/** The SDK's tip element type. */
export const GROUP_TIP_TYPE = 'TIMGroupTipElem';
/** The SDK's group system notice element type. */
export const GROUP_SYSTEM_NOTICE_TYPE = 'TIMGroupSystemNoticeElem';

/** The member changes of the group tips among `records` (none for other messages). */
export function groupTipsOf(records: readonly MessageRecord[], nowSeconds: number): GroupTipRecord[] {
  let tips: GroupTipRecord[] | null = null;
  for (const m of records) {
    if (m.type !== GROUP_TIP_TYPE && m.type !== GROUP_SYSTEM_NOTICE_TYPE) continue;
    const p = m.payload;
    const profile = isObject(p.groupProfile) ? p.groupProfile : {};
    const groupID = str(profile.groupID) || (m.conversationID.startsWith('GROUP') ? m.conversationID.slice(5) : '');
    const operationType = num(p.operationType);
    if (groupID === '' || operationType === 0) continue;
    const muteUntil: Record<string, number> = {};
    const profiles: Record<string, { nick: string; avatar: string }> = {};
    for (const member of Array.isArray(p.memberList) ? p.memberList : []) {
      if (!isObject(member) || !isSafeKey(member.userID)) continue;
      // The SDK's updateMuteUntil: now + muteTime. An unmute (0) is 0 here, as the server's ShutUpUntil says.
      if (typeof member.muteTime === 'number')
        muteUntil[member.userID] = member.muteTime > 0 ? nowSeconds + member.muteTime : 0;
      if (typeof member.nick === 'string' || typeof member.avatar === 'string')
        profiles[member.userID] = { nick: str(member.nick), avatar: str(member.avatar) };
    }
    const newProfile = isObject(p.newGroupProfile) ? p.newGroupProfile : {};
    (tips ??= []).push({
      source: m.type === GROUP_TIP_TYPE ? 'tip' : 'systemNotice',
      groupID,
      operationType,
      userIDList: strArray(p.userIDList),
      memberNum: typeof p.memberNum === 'number' ? p.memberNum : null,
      muteUntil,
      profiles,
      newOwnerID: typeof newProfile.ownerID === 'string' && newProfile.ownerID !== '' ? newProfile.ownerID : null,
      time: m.time,
    });
  }
  return tips ?? [];
}
