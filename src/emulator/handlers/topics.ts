/**
 * Communities (group type `Community`, IDs `@TGS#_...`) and their topics (IDs `<groupID>@TOPIC#_...`).
 * Both SDKs send every group request about a community to `million_group_open_http_svc` instead of
 * `group_open_http_svc` (3.6.6 index.js: `Ut({type, groupID})` then `servcmd = NAME.GRP_COMMUNITY`),
 * so the group commands are served under that name too, with the topic commands beside them.
 * Topic pushes: created (17) and deleted (18) are group system notices (Event 5) whose GroupInfo says
 * `MillionGroupFlag: 2` (3.6.6 index.js `_handleTopicSystemNotice` → onTopicCreated / onTopicDeleted);
 * a profile change is a group tip (Event 4) of OpType 8 sent to the topic (`_onTopicProfileUpdated`).
 */
import { CommandError, type CommandContext, type CommandTable, type EmulatorCore } from '../context';
import { str, strings, type JsonObject } from '../json';
import { nowSeconds, randomUint32, type GroupState } from '../store';
import { groupInfoOf, groupProfileItem } from '../wire';
import { pushToMembers } from './groupTips';

const ERR_GROUP_NOT_FOUND = 10010;
const ERR_NOT_MEMBER = 10007;
const ERR_PERMISSION = 10004;
const ERR_TOPIC_NOT_FOUND = 10010;
const NOTICE_TOPIC_CREATED = 17;
const NOTICE_TOPICS_DELETED = 18;
const TIP_TOPIC_PROFILE = 8;
/** `groupProfile.communityType` of a community with topics. */
const COMMUNITY_WITH_TOPICS = 2;

/** The separator of a topic ID (the SDKs' `@TOPIC#_`). */
export const TOPIC_MARK = '@TOPIC#_';
/** The prefix of a community's group ID (the SDKs' `@TGS#_`). */
export const COMMUNITY_PREFIX = '@TGS#_';

/** A topic held by the emulator. */
export interface TopicState {
  topicID: string;
  topicName: string;
  avatar: string;
  introduction: string;
  notification: string;
  customData: string;
  muteAllMembers: boolean;
  createTime: number;
}

const topicsOf = new WeakMap<GroupState, Map<string, TopicState>>();
let nextTopic = 1;

/** The topics of a community (created on first use). */
export function topics(group: GroupState): Map<string, TopicState> {
  let map = topicsOf.get(group);
  if (!map) topicsOf.set(group, (map = new Map()));
  return map;
}

function communityInfo(group: GroupState, topicID?: string): JsonObject {
  return { ...groupInfoOf(group), MillionGroupFlag: COMMUNITY_WITH_TOPICS, ...(topicID ? { TopicId: topicID } : {}) };
}

function notice(core: EmulatorCore, group: GroupState, operator: string, body: JsonObject, topicID?: string): void {
  const item: JsonObject = {
    From_Account: operator,
    ToGroupId: group.groupID,
    GroupInfo: communityInfo(group, topicID),
    MsgSeq: randomUint32(),
    MsgRandom: randomUint32(),
    MsgTimeStamp: nowSeconds(),
    MsgBody: { Operator_Account: operator, ...body },
  };
  pushToMembers(core, group, [{ Event: 5, GroupTips: [item] }]);
}

/** Creates a topic as `operator` and pushes the created notice (TOPIC_CREATED `{groupID, topicID}`). */
export function createTopic(
  core: EmulatorCore,
  group: GroupState,
  input: Partial<Omit<TopicState, 'createTime'>> & { topicName: string },
  operator: string,
): string {
  if (group.type !== 'Community') throw new CommandError(ERR_PERMISSION, 'not a community');
  const map = topics(group);
  const topicID = input.topicID || `${group.groupID}${TOPIC_MARK}emu${nextTopic++}`;
  if (!topicID.startsWith(`${group.groupID}${TOPIC_MARK}`) || map.has(topicID))
    throw new CommandError(10021, 'bad or used topic ID');
  map.set(topicID, {
    topicID,
    topicName: input.topicName,
    avatar: input.avatar ?? '',
    introduction: input.introduction ?? '',
    notification: input.notification ?? '',
    customData: input.customData ?? '',
    muteAllMembers: input.muteAllMembers ?? false,
    createTime: nowSeconds(),
  });
  notice(core, group, operator, { ReportType: NOTICE_TOPIC_CREATED }, topicID);
  return topicID;
}

/** Deletes topics and pushes the deleted notice (TOPIC_DELETED `{groupID, topicIDList}`). Returns those deleted. */
export function deleteTopics(core: EmulatorCore, group: GroupState, topicIDs: string[], operator: string): string[] {
  const map = topics(group);
  const deleted = topicIDs.filter((id) => map.delete(id));
  if (deleted.length > 0) notice(core, group, operator, { ReportType: NOTICE_TOPICS_DELETED, TopicIdArray: deleted });
  return deleted;
}

/** Changes a topic's profile and pushes the topic tip (TOPIC_UPDATED, for SDKs that hold the topic). */
export function updateTopic(
  core: EmulatorCore,
  group: GroupState,
  topicID: string,
  change: Partial<Omit<TopicState, 'topicID' | 'createTime'>>,
  operator: string,
): void {
  const topic = topics(group).get(topicID);
  if (!topic) throw new CommandError(ERR_TOPIC_NOT_FOUND, `no topic ${topicID}`);
  const info: JsonObject = {};
  if (change.topicName !== undefined) info.TopicName = topic.topicName = change.topicName;
  if (change.avatar !== undefined) info.TopicFaceUrl = topic.avatar = change.avatar;
  if (change.introduction !== undefined) info.TopicIntroduction = topic.introduction = change.introduction;
  if (change.notification !== undefined) info.TopicNotification = topic.notification = change.notification;
  if (change.customData !== undefined) info.CustomString = topic.customData = change.customData;
  if (change.muteAllMembers !== undefined) {
    topic.muteAllMembers = change.muteAllMembers;
    info.ShutupAll = change.muteAllMembers ? 1 : 0;
  }
  const tip: JsonObject = {
    From_Account: operator,
    ToGroupId: group.groupID,
    GroupInfo: communityInfo(group, topicID),
    MsgSeq: 0,
    MsgRandom: randomUint32(),
    MsgTimeStamp: nowSeconds(),
    MsgBody: { OpType: TIP_TOPIC_PROFILE, Operator_Account: operator, MsgTopicNewInfo: info },
  };
  pushToMembers(core, group, [{ Event: 4, GroupTips: [tip] }]);
}

function topicItem(group: GroupState, topic: TopicState): JsonObject {
  return {
    // The SDKs file a loaded topic under its `groupID` (3.6.6 index.js `_updateTopicMap`): get_topic's key map has `GroupID`.
    GroupID: group.groupID,
    TopicId: topic.topicID,
    TopicName: topic.topicName,
    FaceUrl: topic.avatar,
    Introduction: topic.introduction,
    Notification: topic.notification,
    CustomString: topic.customData,
    ShutUpAllFlag: topic.muteAllMembers ? 1 : 0,
    CreateTime: topic.createTime,
    LastMsgTime: 0,
    LastMsgSeq: 0,
  };
}

function community(ctx: CommandContext): GroupState {
  const group = ctx.core.store.groups.get(str(ctx.body.GroupId));
  if (!group || group.dismissed) throw new CommandError(ERR_GROUP_NOT_FOUND, 'group not found');
  if (!group.members.has(ctx.userID)) throw new CommandError(ERR_NOT_MEMBER, 'not a member');
  return group;
}

function getTopics(ctx: CommandContext): JsonObject {
  const group = community(ctx);
  const map = topics(group);
  const wanted = strings(ctx.body.TopicIdList);
  const ids = wanted.length > 0 ? wanted : [...map.keys()];
  return {
    TopicAndSelfInfo: ids.map((id) => {
      const topic = map.get(id);
      if (!topic) return { TopicInfo: { TopicId: id }, ErrorCode: ERR_TOPIC_NOT_FOUND, ErrorInfo: 'no such topic' };
      return { TopicInfo: topicItem(group, topic), SelfInfo: { MsgFlag: 'AcceptAndNotify', MsgSeq: 0 }, ErrorCode: 0 };
    }),
  };
}

/**
 * The community commands: every group command of `groupCommands` again under
 * `million_group_open_http_svc`, the joined communities, and the topic commands.
 */
export function communityCommands(groupCommands: CommandTable): CommandTable {
  const table: CommandTable = {};
  for (const [servcmd, spec] of Object.entries(groupCommands)) {
    if (servcmd.startsWith('group_open_http_svc.'))
      table[servcmd.replace('group_open_http_svc.', 'million_group_open_http_svc.')] = spec;
  }
  return {
    ...table,
    'million_group_open_http_svc.get_joined_group_list': {
      handle: (ctx) => {
        const groups = ctx.core.store.groupsOf(ctx.userID).filter((g) => g.type === 'Community');
        return { GroupIdList: groups.map((g) => groupProfileItem(g, ctx.userID)), TotalCount: groups.length };
      },
    },
    'million_group_open_http_svc.create_topic': {
      handle: (ctx) => {
        const group = community(ctx);
        const topicID = createTopic(
          ctx.core,
          group,
          {
            topicID: str(ctx.body.TopicId) || undefined,
            topicName: str(ctx.body.TopicName),
            avatar: str(ctx.body.FaceUrl),
            introduction: str(ctx.body.Introduction),
            notification: str(ctx.body.Notification),
            customData: str(ctx.body.CustomString),
          },
          ctx.userID,
        );
        return { TopicId: topicID };
      },
    },
    'million_group_open_http_svc.destroy_topic': {
      handle: (ctx) => {
        const group = community(ctx);
        const wanted = strings(ctx.body.TopicIdList);
        const deleted = deleteTopics(ctx.core, group, wanted, ctx.userID);
        return {
          DestroyResultItem: wanted.map((id) => ({
            TopicId: id,
            ErrorCode: deleted.includes(id) ? 0 : ERR_TOPIC_NOT_FOUND,
            ErrorInfo: deleted.includes(id) ? '' : 'no such topic',
          })),
        };
      },
    },
    'million_group_open_http_svc.modify_topic': {
      handle: (ctx) => {
        const b = ctx.body;
        const text = (key: string): string | undefined => (b[key] === undefined ? undefined : str(b[key]));
        updateTopic(
          ctx.core,
          community(ctx),
          str(b.TopicId),
          {
            topicName: text('TopicName'),
            avatar: text('FaceUrl'),
            introduction: text('Introduction'),
            notification: text('Notification'),
            customData: text('CustomString'),
            muteAllMembers: b.ShutUpAllMember === undefined ? undefined : str(b.ShutUpAllMember) === 'On',
          },
          ctx.userID,
        );
        return {};
      },
    },
    'million_group_open_http_svc.get_topic': { handle: getTopics },
  };
}
