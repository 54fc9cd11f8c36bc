/**
 * Conversation thunks: list and profile loading, delete, clear history, pin, read all, mute, marks,
 * custom data, conversation groups. Each result lands in `state.tim.conversations` (and messages,
 * profiles, groups, extras where it touches them) without waiting for the SDK's list event.
 */
import type { TimContext } from '../context';
import { normalizeConversation } from '../normalize/conversation';
import { isObject } from '../normalize/plain';
import type {
  ConversationMarkType,
  ConversationRecord,
  GroupRecord,
  ProfileRecord,
  SendConversationType,
} from '../types';
import { invoke, idsOf, isId, requireId, requireIdList, requireObject, sdkTotalUnread } from './call';
import { createTimThunk, dataOf, requireArg, withSdk } from './create';

/** Conversations (and the profiles and groups they embed) loaded by a thunk; merged, never replacing the list. */
export interface LoadedConversations {
  /** The conversations loaded. */
  conversations: ConversationRecord[];
  /** Profiles embedded in one-to-one conversations. */
  profiles: ProfileRecord[];
  /** Groups embedded in group conversations. */
  groups: GroupRecord[];
  /** The SDK's `isSyncCompleted`, when it says (3.x). */
  isSyncCompleted: boolean | null;
}

function loaded(list: unknown[], isSyncCompleted: unknown): LoadedConversations {
  const out: LoadedConversations = {
    conversations: [],
    profiles: [],
    groups: [],
    isSyncCompleted: typeof isSyncCompleted === 'boolean' ? isSyncCompleted : null,
  };
  for (const raw of list) {
    try {
      const n = normalizeConversation(raw);
      out.conversations.push(n.conversation);
      if (n.profile) out.profiles.push(n.profile);
      if (n.group) out.groups.push(n.group);
    } catch {
      /* a malformed conversation costs itself only */
    }
  }
  return out;
}

/** Filters of `getConversationList` (3.x; 2.x takes a list of conversation IDs or nothing). */
export interface ConversationListFilter {
  /** `C2C` or `GROUP` (the SDK's `TYPES.CONV_C2C` / `CONV_GROUP`). */
  type?: SendConversationType;
  /** Conversations of one conversation group. */
  groupName?: string;
  /** Conversations with this mark (`CONV_MARK_TYPE_*`: 1 star, 2 unread, 4 fold, 8 hide). */
  markType?: ConversationMarkType;
  /** Only conversations with unread messages. */
  hasUnreadCount?: boolean;
  /** Only conversations with @-mentions. */
  hasGroupAtInfo?: boolean;
}

/**
 * Loads conversations: all of them, some by ID (`string[]`), or a filtered set (3.x). They are
 * merged into state (a filtered result never removes the others; CONVERSATION_LIST_UPDATED keeps
 * the whole list). Resolves with what was loaded.
 */
export const getConversationList = createTimThunk<LoadedConversations, ConversationListFilter | string[] | void>(
  'tim/getConversationList',
  (filter, api) =>
    withSdk(api, async ({ sdk }) => {
      requireArg(
        filter === undefined || Array.isArray(filter) ? !filter || filter.every(isId) : isObject(filter),
        'getConversationList takes a filter object or conversation IDs',
      );
      const response =
        filter === undefined
          ? await invoke(sdk, 'getConversationList')
          : await invoke(sdk, 'getConversationList', filter);
      const data = dataOf(response);
      return loaded(Array.isArray(data.conversationList) ? data.conversationList : [], data.isSyncCompleted);
    }),
);

/** Loads one conversation (and its embedded profile or group) into state. */
export const getConversationProfile = createTimThunk<LoadedConversations, string>(
  'tim/getConversationProfile',
  (conversationID, api) =>
    withSdk(api, async ({ sdk }) => {
      requireId(conversationID, 'getConversationProfile needs a conversationID');
      const data = dataOf(await invoke(sdk, 'getConversationProfile', conversationID));
      return loaded(isObject(data.conversation) ? [data.conversation] : [], null);
    }),
);

/** Forgets the SDK messages of these conversations (their history is gone from state). */
function forgetMessagesOf({ registry }: TimContext, conversationIDs: readonly string[]): void {
  const gone = new Set(conversationIDs);
  registry.removeWhere((m) => gone.has(m.conversationID));
}

/** Arguments of `deleteConversation`: one ID, several, or the SDK's options. */
export type DeleteConversationArgs =
  string | string[] | { conversationIDList: string[]; clearHistoryMessage?: boolean };

/** Result of `deleteConversation` and `clearHistoryMessage`. */
export interface ConversationsRemoved {
  /** Conversations affected. */
  conversationIDs: string[];
  /** True when the history was cleared too (the SDK's default). */
  clearHistoryMessage: boolean;
  /** The SDK's total unread count after the call (null when it cannot say). */
  totalUnreadCount: number | null;
}

/**
 * Deletes one or many conversations, with their history (`clearHistoryMessage`, the SDK's default)
 * or without. The conversations leave the list at once, and their messages and history cursor leave
 * state in both cases: kept history is paged in again from the server when the conversation returns.
 */
export const deleteConversation = createTimThunk<ConversationsRemoved, DeleteConversationArgs>(
  'tim/deleteConversation',
  (args, api) =>
    withSdk(api, async (context) => {
      const ids =
        typeof args === 'string'
          ? [args]
          : Array.isArray(args)
            ? args
            : isObject(args)
              ? args.conversationIDList
              : undefined;
      requireIdList(ids, 'deleteConversation needs a conversationID or a non-empty list of them');
      const clear = !(isObject(args) && !Array.isArray(args) && args.clearHistoryMessage === false);
      // A single ID with the default is the one form every SDK version takes.
      const response =
        ids.length === 1 && clear
          ? await invoke(context.sdk, 'deleteConversation', ids[0])
          : await invoke(context.sdk, 'deleteConversation', { conversationIDList: ids, clearHistoryMessage: clear });
      const data = dataOf(response);
      const done = Array.isArray(data.conversationIDList)
        ? idsOf(data.conversationIDList)
        : isId(data.conversationID)
          ? [data.conversationID]
          : ids;
      forgetMessagesOf(context, done);
      return { conversationIDs: done, clearHistoryMessage: clear, totalUnreadCount: sdkTotalUnread(context.sdk) };
    }),
);

/** Clears the history of a conversation (local and cloud); its messages and cursor leave state. */
export const clearHistoryMessage = createTimThunk<ConversationsRemoved, string>(
  'tim/clearHistoryMessage',
  (conversationID, api) =>
    withSdk(api, async (context) => {
      requireId(conversationID, 'clearHistoryMessage needs a conversationID');
      await invoke(context.sdk, 'clearHistoryMessage', conversationID);
      forgetMessagesOf(context, [conversationID]);
      return {
        conversationIDs: [conversationID],
        clearHistoryMessage: true,
        totalUnreadCount: sdkTotalUnread(context.sdk),
      };
    }),
);

/** Pins a conversation to the top of the list, or unpins it. */
export const pinConversation = createTimThunk<
  { conversationID: string; isPinned: boolean },
  { conversationID: string; isPinned: boolean }
>('tim/pinConversation', (args, api) =>
  withSdk(api, async ({ sdk }) => {
    requireObject(args, 'pinConversation needs { conversationID, isPinned }');
    requireId(args.conversationID, 'pinConversation needs a conversationID');
    requireArg(typeof args.isPinned === 'boolean', 'pinConversation needs isPinned: boolean');
    await invoke(sdk, 'pinConversation', { conversationID: args.conversationID, isPinned: args.isPinned });
    return { conversationID: args.conversationID, isPinned: args.isPinned };
  }),
);

/** Arguments and result of `setConversationDraft`. */
export interface ConversationDraft {
  /** The conversation. */
  conversationID: string;
  /** The draft; '' clears it. */
  draftText: string;
}

/**
 * Sets or clears the draft of a conversation (3.x only; kept by the SDK on this device, not on the
 * server). `draftText` on the record changes at once; the SDK's list event follows.
 */
export const setConversationDraft = createTimThunk<ConversationDraft, ConversationDraft>(
  'tim/setConversationDraft',
  (args, api) =>
    withSdk(api, async ({ sdk }) => {
      requireObject(args, 'setConversationDraft needs { conversationID, draftText }');
      requireId(args.conversationID, 'setConversationDraft needs a conversationID');
      requireArg(typeof args.draftText === 'string', 'setConversationDraft needs draftText: string');
      await invoke(sdk, 'setConversationDraft', { conversationID: args.conversationID, draftText: args.draftText });
      return { conversationID: args.conversationID, draftText: args.draftText };
    }),
);

/** Scope of `setAllMessageRead`: the SDK's `TYPES.READ_ALL_*`. */
export type ReadAllScope = 'readAllC2CMessage' | 'readAllGroupMessage' | 'readAllMessage';
const SCOPES: readonly string[] = ['readAllC2CMessage', 'readAllGroupMessage', 'readAllMessage'];

/** Marks every conversation of a scope (default: all) read; their unread counts drop to 0 at once. */
export const setAllMessageRead = createTimThunk<
  { scope: ReadAllScope; totalUnreadCount: number | null },
  ReadAllScope | void
>('tim/setAllMessageRead', (scope, api) =>
  withSdk(api, async ({ sdk }) => {
    const s = scope ?? 'readAllMessage';
    requireArg(SCOPES.includes(s), `setAllMessageRead scope must be one of ${SCOPES.join(', ')}`);
    await invoke(sdk, 'setAllMessageRead', { scope: s });
    return { scope: s, totalUnreadCount: sdkTotalUnread(sdk) };
  }),
);

/** Mute setting: the SDK's `TYPES.MSG_REMIND_*`. */
export type MessageRemindType = 'AcceptAndNotify' | 'AcceptNotNotify' | 'Discard';
const REMIND_TYPES: readonly string[] = ['AcceptAndNotify', 'AcceptNotNotify', 'Discard'];

/** Arguments of `setMessageRemindType`: a group (or topic), or one-to-one peers. */
export interface SetMessageRemindTypeArgs {
  /** The group or topic to mute. */
  groupID?: string;
  /** One-to-one peers to mute (at most 30). */
  userIDList?: string[];
  /** `AcceptAndNotify` (unmuted), `AcceptNotNotify` (muted: received, no notice), `Discard`. */
  messageRemindType: MessageRemindType;
}

/** Result of `setMessageRemindType`: the conversations changed. */
export interface RemindTypeSet {
  /** `GROUP<groupID>` and `C2C<userID>` conversation IDs. */
  conversationIDs: string[];
  /** The group, when a group was muted. */
  groupID: string | null;
  /** The new setting. */
  messageRemindType: MessageRemindType;
  /** The SDK's total unread count after the call (a muted conversation leaves it); null when it cannot say. */
  totalUnreadCount: number | null;
}

/** Mutes or unmutes a group or one-to-one conversations (`messageRemindType` on the records). */
export const setMessageRemindType = createTimThunk<RemindTypeSet, SetMessageRemindTypeArgs>(
  'tim/setMessageRemindType',
  (args, api) =>
    withSdk(api, async ({ sdk }) => {
      requireObject(args, 'setMessageRemindType needs { groupID | userIDList, messageRemindType }');
      requireArg(
        REMIND_TYPES.includes(args.messageRemindType),
        `messageRemindType must be one of ${REMIND_TYPES.join(', ')}`,
      );
      const group = args.groupID !== undefined;
      if (group) requireId(args.groupID, 'setMessageRemindType: groupID must be a non-empty string');
      else requireIdList(args.userIDList, 'setMessageRemindType needs a groupID or a non-empty userIDList');
      await invoke(
        sdk,
        'setMessageRemindType',
        group
          ? { groupID: args.groupID, messageRemindType: args.messageRemindType }
          : { userIDList: args.userIDList, messageRemindType: args.messageRemindType },
      );
      return {
        conversationIDs: group ? [`GROUP${args.groupID}`] : (args.userIDList ?? []).map((u) => `C2C${u}`),
        groupID: group ? (args.groupID as string) : null,
        messageRemindType: args.messageRemindType,
        totalUnreadCount: sdkTotalUnread(sdk),
      };
    }),
);

/** Arguments of `markConversation`. */
export interface MarkConversationArgs {
  /** Conversations to mark. */
  conversationIDList: string[];
  /** `CONV_MARK_TYPE_*`: 1 star, 2 unread, 4 fold, 8 hide (or a custom bit). */
  markType: ConversationMarkType;
  /** True to set the mark, false to clear it. */
  enableMark: boolean;
}

/** Sets or clears a mark on conversations (`markList` on the records). */
export const markConversation = createTimThunk<MarkConversationArgs, MarkConversationArgs>(
  'tim/markConversation',
  (args, api) =>
    withSdk(api, async ({ sdk }) => {
      requireObject(args, 'markConversation needs { conversationIDList, markType, enableMark }');
      requireIdList(args.conversationIDList, 'markConversation needs a non-empty conversationIDList');
      requireArg(
        Number.isInteger(args.markType) && args.markType > 0,
        'markConversation needs a positive integer markType',
      );
      requireArg(typeof args.enableMark === 'boolean', 'markConversation needs enableMark: boolean');
      const data = dataOf(await invoke(sdk, 'markConversation', { ...args }));
      const done = Array.isArray(data.successConversationIDList)
        ? idsOf(data.successConversationIDList)
        : args.conversationIDList;
      return { conversationIDList: done, markType: args.markType, enableMark: args.enableMark };
    }),
);

/** Sets the custom data of conversations (`customData` on the records). */
export const setConversationCustomData = createTimThunk<
  { conversationIDList: string[]; customData: string },
  { conversationIDList: string[]; customData: string }
>('tim/setConversationCustomData', (args, api) =>
  withSdk(api, async ({ sdk }) => {
    requireObject(args, 'setConversationCustomData needs { conversationIDList, customData }');
    requireIdList(args.conversationIDList, 'setConversationCustomData needs a non-empty conversationIDList');
    requireArg(typeof args.customData === 'string', 'setConversationCustomData needs customData: string');
    const data = dataOf(await invoke(sdk, 'setConversationCustomData', { ...args }));
    const done = Array.isArray(data.successConversationIDList)
      ? idsOf(data.successConversationIDList)
      : args.conversationIDList;
    return { conversationIDList: done, customData: args.customData };
  }),
);

/** A change to conversation groups, as the reducers apply it. */
export interface ConversationGroupChange {
  /** What happened. */
  op: 'create' | 'delete' | 'rename' | 'add' | 'remove';
  /** The group (its old name for a rename). */
  groupName: string;
  /** The new name, for a rename. */
  newName: string | null;
  /** Conversations added or removed (create and add: added). */
  conversationIDs: string[];
}

/** Loads the names of the conversation groups. */
export const getConversationGroupList = createTimThunk<string[], void>('tim/getConversationGroupList', (_arg, api) =>
  withSdk(api, async ({ sdk }) => {
    const response = await invoke(sdk, 'getConversationGroupList');
    const data = isObject(response) ? response.data : undefined;
    return Array.isArray(data) ? data.filter(isId) : [];
  }),
);

/** Creates a conversation group holding some conversations. */
export const createConversationGroup = createTimThunk<
  ConversationGroupChange,
  { groupName: string; conversationIDList: string[] }
>('tim/createConversationGroup', (args, api) =>
  withSdk(api, async ({ sdk }) => {
    requireObject(args, 'createConversationGroup needs { groupName, conversationIDList }');
    requireId(args.groupName, 'createConversationGroup needs a groupName');
    requireIdList(args.conversationIDList, 'createConversationGroup needs a non-empty conversationIDList');
    await invoke(sdk, 'createConversationGroup', {
      groupName: args.groupName,
      conversationIDList: args.conversationIDList,
    });
    return { op: 'create', groupName: args.groupName, newName: null, conversationIDs: args.conversationIDList };
  }),
);

/** Deletes a conversation group (the conversations stay). */
export const deleteConversationGroup = createTimThunk<ConversationGroupChange, string>(
  'tim/deleteConversationGroup',
  (groupName, api) =>
    withSdk(api, async ({ sdk }) => {
      requireId(groupName, 'deleteConversationGroup needs a groupName');
      await invoke(sdk, 'deleteConversationGroup', groupName);
      return { op: 'delete', groupName, newName: null, conversationIDs: [] };
    }),
);

/** Renames a conversation group. */
export const renameConversationGroup = createTimThunk<ConversationGroupChange, { oldName: string; newName: string }>(
  'tim/renameConversationGroup',
  (args, api) =>
    withSdk(api, async ({ sdk }) => {
      requireObject(args, 'renameConversationGroup needs { oldName, newName }');
      requireId(args.oldName, 'renameConversationGroup needs oldName');
      requireId(args.newName, 'renameConversationGroup needs newName');
      await invoke(sdk, 'renameConversationGroup', { oldName: args.oldName, newName: args.newName });
      return { op: 'rename', groupName: args.oldName, newName: args.newName, conversationIDs: [] };
    }),
);

function membershipThunk(type: string, method: string, op: 'add' | 'remove') {
  return createTimThunk<ConversationGroupChange, { groupName: string; conversationIDList: string[] }>(
    type,
    (args, api) =>
      withSdk(api, async ({ sdk }) => {
        requireObject(args, `${method} needs { groupName, conversationIDList }`);
        requireId(args.groupName, `${method} needs a groupName`);
        requireIdList(args.conversationIDList, `${method} needs a non-empty conversationIDList`);
        await invoke(sdk, method, { groupName: args.groupName, conversationIDList: args.conversationIDList });
        return { op, groupName: args.groupName, newName: null, conversationIDs: args.conversationIDList };
      }),
  );
}

/** Adds conversations to a conversation group. */
export const addConversationsToGroup = membershipThunk('tim/addConversationsToGroup', 'addConversationsToGroup', 'add');

/** Removes conversations from a conversation group. */
export const deleteConversationsFromGroup = membershipThunk(
  'tim/deleteConversationsFromGroup',
  'deleteConversationsFromGroup',
  'remove',
);
