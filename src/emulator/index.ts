/**
 * `tim-redux/emulator`: a local, in-memory Tencent Cloud IM server for tests and demos.
 * The real Web SDK logs in to it with `TIM.create({ SDKAppID, proxyServer: emulator.url })`.
 * Node only; never imported by the browser bundle.
 * @module tim-redux/emulator
 */
export { startEmulator, type Emulator } from './server';
export type { EmulatorOptions, MultiInstancePolicy } from './context';
export type { EmulatorControl, InjectContent, ConnectionInfo } from './control';
export type { CommandLogEntry } from './router';
export type { UploadControl, UploadedFile } from './uploads';
export type { FriendRecord, PendencyRecord } from './handlers/friends';
export { GROUP_COUNTER_PURCHASE_BITS } from './handlers/groupCounters';
export type { Json, JsonObject } from './json';
export type {
  C2CMessageRecord,
  ConversationRecord,
  ExtensionState,
  GroupMemberRecord,
  GroupMessageRecord,
  GroupRecord,
  GroupRole,
  GroupType,
  MessageElement,
  ProfileRecord,
  ReactionRecord,
  UserRecord,
} from './types';
export type { TopicState } from './handlers/topics';
export type { GroupProfileChange } from './handlers/groupTips';
export { installNodeGlobals, disposeSdk, type DisposeNodeGlobals, type DisposableSdk } from './node';
export { installWxShim, type WxShim, type WxShimOptions } from './wxShim';
