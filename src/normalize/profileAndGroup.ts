/** SDK `Profile` and `Group` objects → `ProfileRecord` and `GroupRecord`. */
import type { GroupRecord, PlainObject, ProfileRecord } from '../types';
import { MalformedPayloadError } from '../errors';
import { isObject, num, str, toPlainObject } from './plain';

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
