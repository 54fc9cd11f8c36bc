/**
 * What a differential run compares at each quiet point: bob's store against bob's SDK's own view
 * (its getters and promise APIs, called directly, not through the binding). A comparison returns
 * the divergences it found; a new area adds a row here.
 */
import {
  selectBlacklist,
  selectConversationList,
  selectFriendApplications,
  selectFriendList,
  selectGroupList,
  selectGroupMemberListState,
  selectGroupMembers,
  selectMessageById,
  selectMessagesByConversationID,
  selectMyProfile,
  selectPinnedGroupMessages,
  selectProfileByUserID,
  selectTotalUnreadCount,
} from '../../src';
import { GROUPS, type World } from './world';

/** One disagreement between the store and the SDK. */
export interface Divergence {
  /** The comparison's name. */
  comparison: string;
  /** The conversation, group or user it is about ('' when global). */
  subject: string;
  /** What differs: `field: store <value> ≠ sdk <value>`. */
  detail: string;
}

/** A comparison: its name and how to find divergences. */
export interface Comparison {
  name: string;
  compare(world: World): Promise<Divergence[]>;
}

type Loose = Record<string, unknown>;
const asLoose = (v: unknown): Loose => (v !== null && typeof v === 'object' ? (v as Loose) : {});
const show = (v: unknown): string => JSON.stringify(v) ?? 'undefined';

/** The bob SDK's calls used here, typed loosely: the two SDKs' results differ in detail. */
interface LooseSdk {
  getConversationList(): Promise<{ data: { conversationList: Loose[] } }>;
  getTotalUnreadMessageCount(): number;
  getGroupList(): Promise<{ data: { groupList: Loose[] } }>;
  getGroupMemberList(o: { groupID: string; count: number; offset: number }): Promise<{ data: { memberList: Loose[] } }>;
  getMessageList(o: { conversationID: string; count?: number }): Promise<{ data: { messageList: Loose[] } }>;
  getMyProfile(): Promise<{ data: Loose }>;
  getUserProfile(o: { userIDList: string[] }): Promise<{ data: Loose[] }>;
  getBlacklist(): Promise<{ data: unknown[] }>;
  getFriendList?(): Promise<{ data: Loose[] }>;
  getFriendApplicationList?(): Promise<{ data: { friendApplicationList: Loose[] } }>;
  findMessage(messageID: string): Loose | null;
  getPinnedGroupMessageList?(groupID: string): Promise<{ data: { messageList: Loose[] } }>;
  getMessageReactions?(o: {
    messageList: Loose[];
  }): Promise<{ data: { resultList: Array<{ reactionList: Loose[] }> } }>;
}
const sdkOf = (world: World): LooseSdk => world.sdks.bob as unknown as LooseSdk;

function field(comparison: string, subject: string, name: string, store: unknown, sdk: unknown): Divergence[] {
  return show(store) === show(sdk)
    ? []
    : [{ comparison, subject, detail: `${name}: store ${show(store)} ≠ sdk ${show(sdk)}` }];
}

/** The text of a last message as both sides keep it (payload text, else the preview). */
function lastText(last: unknown): unknown {
  const l = asLoose(last);
  const payload = asLoose(l.payload);
  return typeof payload.text === 'string' ? payload.text : null;
}

/** Every comparison. */
export const COMPARISONS: Comparison[] = [
  {
    name: 'conversations',
    compare: async (world) => {
      const sdkList = (await sdkOf(world).getConversationList()).data.conversationList;
      const storeList = selectConversationList(world.store.getState());
      const out: Divergence[] = [];
      const ids = (l: ReadonlyArray<{ conversationID?: unknown }>): string[] =>
        l.map((c) => String(c.conversationID)).sort();
      out.push(...field('conversations', '', 'conversationIDs', ids(storeList), ids(sdkList)));
      for (const s of sdkList) {
        const id = String(s.conversationID);
        const r = storeList.find((c) => c.conversationID === id);
        if (!r) continue;
        const d = (name: string, a: unknown, b: unknown): void =>
          void out.push(...field('conversations', id, name, a, b));
        d('unreadCount', r.unreadCount, s.unreadCount);
        d('isPinned', r.isPinned, s.isPinned);
        d('messageRemindType', r.messageRemindType, s.messageRemindType ?? '');
        d('lastMessage.text', lastText(r.lastMessage), lastText(s.lastMessage));
        d('lastMessage.isRevoked', r.lastMessage?.isRevoked ?? false, asLoose(s.lastMessage).isRevoked ?? false);
        d('draftText', asLoose(r).draftText ?? '', s.draftText ?? '');
      }
      return out;
    },
  },
  {
    name: 'totalUnread',
    compare: async (world) =>
      field(
        'totalUnread',
        '',
        'total',
        selectTotalUnreadCount(world.store.getState()),
        sdkOf(world).getTotalUnreadMessageCount(),
      ),
  },
  {
    name: 'groups',
    compare: async (world) => {
      const sdkGroups = (await sdkOf(world).getGroupList()).data.groupList;
      const storeGroups = selectGroupList(world.store.getState());
      const out = field(
        'groups',
        '',
        'groupIDs',
        storeGroups.map((g) => g.groupID).sort(),
        sdkGroups.map((g) => String(g.groupID)).sort(),
      );
      for (const g of sdkGroups) {
        const r = storeGroups.find((x) => x.groupID === g.groupID);
        if (r) out.push(...field('groups', String(g.groupID), 'name', r.name, g.name));
      }
      return out;
    },
  },
  {
    name: 'members',
    compare: async (world) => {
      const out: Divergence[] = [];
      for (const groupID of world.loadedMembers) {
        // a list the store dropped (joined since: it must be reloaded) is not a list to compare
        if (!selectGroupMemberListState(world.store.getState(), groupID)) continue;
        const stored = selectGroupMembers(world.store.getState(), groupID);
        const sdk = await sdkOf(world)
          .getGroupMemberList({ groupID, count: 100, offset: 0 })
          .then((r) => r.data.memberList)
          .catch(() => [] as Loose[]);
        // Role and whether muted now. Not the raw muteUntil: on an unmute tip (muteTime 0) both SDKs'
        // updateMuteUntil set it to now (Math.floor((Date.now()+1e3*e)/1e3), 2.27.6 and 3.6.6), the
        // store to 0 as the server's ShutUpUntil says; both mean "not muted". A mute's own value is
        // now + muteTime taken at slightly different moments on each side.
        const now = Date.now() / 1000;
        const rows = (l: ReadonlyArray<{ userID?: unknown; role?: unknown; muteUntil?: unknown }>): string[] =>
          l.map((m) => `${String(m.userID)}:${String(m.role)}${Number(m.muteUntil) > now ? ':muted' : ''}`).sort();
        out.push(...field('members', groupID, 'members', rows(stored), rows(sdk)));
      }
      return out;
    },
  },
  {
    name: 'messages',
    compare: async (world) => {
      const out: Divergence[] = [];
      for (const c of selectConversationList(world.store.getState())) {
        const stored = selectMessagesByConversationID(world.store.getState(), c.conversationID);
        if (stored.length === 0) continue;
        const page = await sdkOf(world)
          .getMessageList({ conversationID: c.conversationID })
          .then((r) => r.data.messageList)
          .catch(() => [] as Loose[]);
        const sdkIDs = page.map((m) => String(m.ID));
        const storeIDs = stored.map((m) => m.ID);
        const d = (name: string, a: unknown, b: unknown): void =>
          void out.push(...field('messages', c.conversationID, name, a, b));
        const inSdk = new Set(sdkIDs);
        const inStore = new Set(storeIDs);
        d(
          'order',
          storeIDs.filter((id) => inSdk.has(id)),
          sdkIDs.filter((id) => inStore.has(id)),
        );
        // From the first message both hold, the store has every newer one the SDK has.
        const first = sdkIDs.findIndex((id) => inStore.has(id));
        if (first >= 0)
          d(
            'missing',
            [],
            sdkIDs.slice(first).filter((id) => !inStore.has(id)),
          );
        d('newest', storeIDs[storeIDs.length - 1], sdkIDs[sdkIDs.length - 1] ?? storeIDs[storeIDs.length - 1]);
        for (const m of page) {
          const r = stored.find((x) => x.ID === m.ID);
          if (!r) continue;
          d(`${r.ID}.isRevoked`, r.isRevoked, m.isRevoked === true);
          d(`${r.ID}.isPeerRead`, r.isPeerRead, m.isPeerRead === true);
          d(`${r.ID}.status`, r.status, m.status);
          // modified messages: the text of the newest version
          d(`${r.ID}.text`, r.payload.text, asLoose(m.payload).text);
        }
      }
      return out;
    },
  },
  {
    name: 'myProfile',
    compare: async (world) => {
      const sdk = (await sdkOf(world).getMyProfile()).data;
      const mine = selectMyProfile(world.store.getState());
      return [
        ...field('myProfile', 'bob', 'nick', mine?.nick, sdk.nick),
        ...field('myProfile', 'bob', 'avatar', mine?.avatar, sdk.avatar),
      ];
    },
  },
  {
    // Peers' profiles as bob's SDK holds them: the profile embedded in each one-to-one conversation
    // (a fresh getUserProfile would ask the server, which pushes no peer change to non-friends).
    name: 'profiles',
    compare: async (world) => {
      const state = world.store.getState();
      const sdkList = (await sdkOf(world).getConversationList()).data.conversationList;
      return sdkList.flatMap((c) => {
        const profile = asLoose(c.userProfile);
        const userID = typeof profile.userID === 'string' ? profile.userID : '';
        if (!userID || c.type !== 'C2C') return [];
        return field('profiles', userID, 'nick', selectProfileByUserID(state, userID)?.nick ?? '', profile.nick ?? '');
      });
    },
  },
  {
    // friends and applications; 2.x has them only in the friendship build the world uses
    name: 'friends',
    compare: async (world) => {
      const sdk = sdkOf(world);
      if (!sdk.getFriendList || !sdk.getFriendApplicationList) return [];
      const state = world.store.getState();
      const friends = (await sdk.getFriendList()).data.map((f) => String(f.userID)).sort();
      const applications = (await sdk.getFriendApplicationList()).data.friendApplicationList
        .map((a) => `${String(a.userID)}:${String(a.type)}`)
        .sort();
      return [
        ...field(
          'friends',
          '',
          'userIDs',
          selectFriendList(state)
            .map((f) => String(f.userID))
            .sort(),
          friends,
        ),
        ...field(
          'friends',
          '',
          'applications',
          selectFriendApplications(state)
            .applicationList.map((a) => `${String(a.userID)}:${String(a.type)}`)
            .sort(),
          applications,
        ),
      ];
    },
  },
  {
    // 3.x: reactions of the messages peers reacted to, as the SDK's getMessageReactions has them
    name: 'reactions',
    compare: async (world) => {
      const sdk = sdkOf(world);
      if (!sdk.getMessageReactions) return [];
      const out: Divergence[] = [];
      for (const messageID of world.reacted) {
        const message = sdk.findMessage(messageID);
        const record = selectMessageById(world.store.getState(), messageID);
        if (!message || !record) continue;
        const sdkList = await sdk
          .getMessageReactions({ messageList: [message] })
          .then((r) => r.data.resultList[0]?.reactionList ?? [])
          .catch(() => null); // refused before the SDK has its purchased features: nothing to compare
        if (!sdkList) continue;
        const rows = (l: ReadonlyArray<Loose>): string[] =>
          l.map((x) => `${String(x.reactionID)}:${String(x.totalUserCount)}:${String(x.reactedByMyself)}`).sort();
        out.push(
          ...field('reactions', messageID, 'reactions', rows(record.reactions as unknown as Loose[]), rows(sdkList)),
        );
      }
      return out;
    },
  },
  {
    // 3.x: the team's pinned messages once the store loaded them (deltas after that)
    name: 'pinned',
    compare: async (world) => {
      const sdk = sdkOf(world);
      if (!world.pinsLoaded || !sdk.getPinnedGroupMessageList) return [];
      const sdkIDs = (await sdk.getPinnedGroupMessageList(GROUPS.team)).data.messageList.map((m) => String(m.ID));
      const storeIDs = selectPinnedGroupMessages(world.store.getState(), GROUPS.team).map((m) => m.ID);
      return field('pinned', GROUPS.team, 'messageIDs', storeIDs, sdkIDs);
    },
  },
  {
    name: 'blacklist',
    compare: async (world) => {
      const sdk = (await sdkOf(world).getBlacklist()).data.map((u) =>
        typeof u === 'string' ? u : String(asLoose(u).userID),
      );
      return field('blacklist', '', 'userIDs', [...selectBlacklist(world.store.getState())].sort(), sdk.sort());
    },
  },
];
