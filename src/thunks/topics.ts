/**
 * Community topics: load, create, delete, update. Results land in `extras.topics` through the
 * same reducer cases as the SDK's TOPIC_* events.
 */
import { isObject, isSafeKey, toPlain, toPlainObject } from '../normalize/plain';
import type { PlainObject } from '../types';
import { idsOf, invoke, requireId, requireIdList, requireObject } from './call';
import { createTimThunk, dataOf, requireArg, withSdk } from './create';

/** Topics of a community loaded by `getTopicList`. */
export interface LoadedTopics {
  /** The community. */
  groupID: string;
  /** Topics, plain, each with its `topicID`. */
  topics: Array<PlainObject & { topicID: string }>;
}

/** The plain topics of a `getTopicList` answer's data (`successTopicList`), each with its `topicID`. */
export function topicsOf(data: Record<string, unknown>): LoadedTopics['topics'] {
  const topics: LoadedTopics['topics'] = [];
  for (const item of Array.isArray(data.successTopicList) ? data.successTopicList : []) {
    const topic = toPlain(isObject(item) && isObject(item.topic) ? item.topic : item);
    if (isObject(topic) && !Array.isArray(topic) && isSafeKey(topic.topicID))
      topics.push(topic as PlainObject & { topicID: string });
  }
  return topics;
}

/** Loads the topics of a community (all, or `topicIDList`) into `extras.topics`. */
export const getTopicList = createTimThunk<LoadedTopics, { groupID: string; topicIDList?: string[] }>(
  'tim/getTopicList',
  (args, api) =>
    withSdk(api, async ({ sdk }) => {
      requireObject(args, 'getTopicList needs { groupID }');
      requireId(args.groupID, 'getTopicList needs a groupID');
      const data = dataOf(await invoke(sdk, 'getTopicList', { ...args }));
      return { groupID: args.groupID, topics: topicsOf(data) };
    }),
);

/** A topic created or updated: the community and the topic as plain data. */
export interface TopicChange {
  /** The community. */
  groupID: string;
  /** The topic, with its `topicID` and the fields set. */
  topic: PlainObject & { topicID: string };
}

/** Arguments of `createTopicInCommunity`. */
export interface CreateTopicArgs {
  /** The community (a group of type Community). */
  groupID: string;
  /** The topic's name. */
  topicName: string;
  /** Optional: a topic ID of your own (the SDK makes one otherwise). */
  topicID?: string;
  /** Optional profile fields: `avatar`, `notification`, `introduction`, `customData`. */
  avatar?: string;
  /** Announcement. */
  notification?: string;
  /** Introduction. */
  introduction?: string;
  /** Custom data. */
  customData?: string;
}

/** Creates a topic in a community; it appears in `extras.topics` with the ID the server gave it. */
export const createTopicInCommunity = createTimThunk<TopicChange, CreateTopicArgs>(
  'tim/createTopicInCommunity',
  (args, api) =>
    withSdk(api, async ({ sdk }) => {
      requireObject(args, 'createTopicInCommunity needs { groupID, topicName }');
      requireArg(isSafeKey(args.groupID), 'createTopicInCommunity needs a groupID');
      requireId(args.topicName, 'createTopicInCommunity needs a topicName');
      requireArg(args.topicID === undefined || isSafeKey(args.topicID), 'createTopicInCommunity: bad topicID');
      const data = dataOf(await invoke(sdk, 'createTopicInCommunity', { ...args }));
      const topicID = isSafeKey(data.topicID) ? data.topicID : args.topicID;
      requireArg(isSafeKey(topicID), 'the SDK gave no topicID');
      const { groupID, ...fields } = args;
      return { groupID, topic: { ...toPlainObject(fields), topicID } };
    }),
);

/** Deletes topics from a community; those the server deleted leave `extras.topics`. */
export const deleteTopicFromCommunity = createTimThunk<
  { groupID: string; topicIDList: string[] },
  { groupID: string; topicIDList: string[] }
>('tim/deleteTopicFromCommunity', (args, api) =>
  withSdk(api, async ({ sdk }) => {
    requireObject(args, 'deleteTopicFromCommunity needs { groupID, topicIDList }');
    requireArg(isSafeKey(args.groupID), 'deleteTopicFromCommunity needs a groupID');
    requireIdList(args.topicIDList, 'deleteTopicFromCommunity needs a non-empty topicIDList');
    const data = dataOf(await invoke(sdk, 'deleteTopicFromCommunity', { ...args }));
    const deleted = Array.isArray(data.successTopicList)
      ? data.successTopicList.map((t) => (isObject(t) ? t.topicID : t)).filter(isSafeKey)
      : idsOf(undefined, args.topicIDList);
    return { groupID: args.groupID, topicIDList: deleted };
  }),
);

/** Updates a topic's profile (name, avatar, notification, introduction, customData, mute all). */
export const updateTopicProfile = createTimThunk<TopicChange, { groupID: string; topicID: string } & PlainObject>(
  'tim/updateTopicProfile',
  (args, api) =>
    withSdk(api, async ({ sdk }) => {
      requireObject(args, 'updateTopicProfile needs { groupID, topicID, ... }');
      requireArg(isSafeKey(args.groupID), 'updateTopicProfile needs a groupID');
      requireArg(isSafeKey(args.topicID), 'updateTopicProfile needs a topicID');
      await invoke(sdk, 'updateTopicProfile', { ...args });
      const { groupID, ...fields } = args;
      const topic = toPlain(fields);
      return { groupID, topic: { ...(isObject(topic) && !Array.isArray(topic) ? topic : {}), topicID: args.topicID } };
    }),
);
