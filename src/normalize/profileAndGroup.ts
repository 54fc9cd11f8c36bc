/** SDK `Profile` and `Group` objects → `ProfileRecord` and `GroupRecord`. */
import type { GroupRecord, PlainObject, ProfileRecord } from '../types';
import { MalformedPayloadError } from '../errors';
import { fieldsMatch, isObject, num, plainMatches, str, toPlainObject } from './plain';

const PROFILE_FIELDS = new Set(['userID', 'nick', 'avatar']);

/** A plain profile record. Throws when the profile has no userID. */
export function normalizeProfile(raw: unknown): ProfileRecord {
  if (!isObject(raw))
    throw new MalformedPayloadError(`profile is ${raw === null ? 'null' : typeof raw}, not an object`);
  const userID = raw.userID;
  if (typeof userID !== 'string' || userID === '') throw new MalformedPayloadError('profile has no userID');
  return { userID, nick: str(raw.nick), avatar: str(raw.avatar), extra: rest(raw, PROFILE_FIELDS) };
}

// lastMessage changes with every message and lives on the conversation; memberList is paged data.
const GROUP_FIELDS = new Set([
  'groupID',
  'name',
  'avatar',
  'type',
  'introduction',
  'notification',
  'ownerID',
  'memberNum',
  'memberCount',
  'selfInfo',
  'lastMessage',
  'memberList',
]);

/** A plain group record. Throws when the group has no groupID. */
export function normalizeGroup(raw: unknown): GroupRecord {
  if (!isObject(raw)) throw new MalformedPayloadError(`group is ${raw === null ? 'null' : typeof raw}, not an object`);
  const groupID = raw.groupID;
  if (typeof groupID !== 'string' || groupID === '') throw new MalformedPayloadError('group has no groupID');
  return {
    groupID,
    name: str(raw.name),
    avatar: str(raw.avatar),
    type: str(raw.type),
    introduction: str(raw.introduction),
    notification: str(raw.notification),
    ownerID: str(raw.ownerID),
    memberCount: num(raw.memberCount ?? raw.memberNum),
    selfInfo: toPlainObject(raw.selfInfo),
    extra: rest(raw, GROUP_FIELDS),
  };
}

function rest(raw: Record<string, unknown>, known: ReadonlySet<string>): PlainObject {
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(raw)) if (!known.has(key)) picked[key] = raw[key];
  return toPlainObject(picked);
}

/** True when `normalizeProfile(raw)` would equal `record` (false when unsure). */
export function profileMatches(raw: Record<string, unknown>, record: ProfileRecord): boolean {
  return (
    raw.userID === record.userID &&
    str(raw.nick) === record.nick &&
    str(raw.avatar) === record.avatar &&
    fieldsMatch(raw, record.extra, 0, PROFILE_FIELDS)
  );
}

/** True when `normalizeGroup(raw)` would equal `record` (false when unsure). */
export function groupMatches(raw: Record<string, unknown>, record: GroupRecord): boolean {
  return (
    raw.groupID === record.groupID &&
    str(raw.name) === record.name &&
    str(raw.avatar) === record.avatar &&
    str(raw.type) === record.type &&
    str(raw.introduction) === record.introduction &&
    str(raw.notification) === record.notification &&
    str(raw.ownerID) === record.ownerID &&
    num(raw.memberCount ?? raw.memberNum) === record.memberCount &&
    (isObject(raw.selfInfo) && !Array.isArray(raw.selfInfo)
      ? plainMatches(raw.selfInfo, record.selfInfo)
      : raw.selfInfo === undefined && Object.keys(record.selfInfo).length === 0) &&
    fieldsMatch(raw, record.extra, 0, GROUP_FIELDS)
  );
}
