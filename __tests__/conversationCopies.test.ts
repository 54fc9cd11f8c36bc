/**
 * Conversation lists made of fresh objects (a copy of the SDK's list per event): an unchanged
 * conversation keeps its records (===) and its embedded profile or group is not sent again; any
 * change the normalizer would see gives a new record equal to a fresh normalization. Identity and
 * values only; the speed is in the bench (`--only=conv-list-plain`).
 */
import { createConversationNormalizer, normalizeConversation } from '../src/normalize/conversation';

type Raw = Record<string, unknown>;

function conversation(i: number, group = false): Raw {
  const base: Raw = {
    conversationID: group ? `GROUPg${i}` : `C2Cu${i}`,
    type: group ? 'GROUP' : 'C2C',
    unreadCount: i % 3,
    isPinned: false,
    messageRemindType: 'AcceptAndNotify',
    remark: '',
    peerReadTime: 0,
    markList: [],
    customData: '',
    conversationGroupList: ['work'],
    groupAtInfoList: group ? [{ messageSequence: 3, atTypeArray: [1] }] : [],
    draftText: '',
    lastMessage: {
      lastTime: 1_700_000_000 + i,
      lastSequence: i,
      fromAccount: 'x',
      type: 'TIMTextElem',
      payload: { text: `hi ${i}` },
      messageForShow: `hi ${i}`,
      isRevoked: false,
      isPeerRead: false,
      nick: '',
      nameCard: '',
      cloudCustomData: '',
    },
  };
  if (group) {
    base.groupProfile = {
      groupID: `g${i}`,
      name: `group ${i}`,
      avatar: '',
      type: 'Public',
      memberCount: 3,
      selfInfo: { role: 'Member', messageRemindType: 'AcceptAndNotify' },
      muteAllMembers: false,
    };
  } else {
    base.userProfile = {
      userID: `u${i}`,
      nick: `nick ${i}`,
      avatar: '',
      gender: 'Gender_Type_Unknown',
      profileCustomField: [{ key: 'Tag_Profile_Custom_Team', value: 'a' }],
    };
  }
  return base;
}

const list = (): Raw[] => Array.from({ length: 20 }, (_, i) => conversation(i, i % 4 === 0));

describe('conversation lists of fresh copies', () => {
  it('keeps the records of unchanged copies (===) and sends no embed for them', () => {
    const normalizer = createConversationNormalizer();
    const first = normalizer.normalizeList(list());
    expect(first.profiles.length + first.groups.length).toBe(20);
    const copy = list();
    (copy[7].lastMessage as Raw).messageForShow = 'new';
    const second = normalizer.normalizeList(copy);
    const changed = second.conversations.filter((c, i) => c !== first.conversations[i]).map((c) => c.conversationID);
    expect(changed).toEqual(['C2Cu7']);
    // Only the changed conversation's embed goes again.
    expect(second.profiles.map((p) => p.userID)).toEqual(['u7']);
    expect(second.groups).toEqual([]);
    expect(second.removed).toEqual([]);
    // Moved to the top, as the SDK sorts a conversation with a new message: still found, still ===.
    const moved = list();
    moved.unshift(...moved.splice(12, 1));
    const third = normalizer.normalizeList(moved);
    expect(third.conversations.filter((c) => !first.conversations.includes(c)).map((c) => c.conversationID)).toEqual([
      'C2Cu7',
    ]);
  });

  const mutations: Array<[string, (c: Raw) => void]> = [
    ['unread count', (c) => (c.unreadCount = 9)],
    ['a mark', (c) => (c.markList = [1])],
    ['a conversation group', (c) => (c.conversationGroupList = ['work', 'home'])],
    ['the draft', (c) => (c.draftText = 'draft')],
    ['the payload, deep', (c) => ((c.lastMessage as Raw).payload = { text: 'hi', extra: { a: [1] } })],
    ['a revoke', (c) => ((c.lastMessage as Raw).isRevoked = true)],
    ['no last message', (c) => (c.lastMessage = null)],
    ['a profile field the record keeps in extra', (c) => (((c.userProfile ?? c.groupProfile) as Raw).gender = 'x')],
    [
      'a custom profile field',
      (c) => {
        const p = (c.userProfile ?? c.groupProfile) as Raw;
        p.profileCustomField = [{ key: 'Tag_Profile_Custom_Team', value: 'b' }];
      },
    ],
    ['a private field (dropped by the normalizer: no change)', (c) => (c._private = 1)],
    ['an @ list', (c) => (c.groupAtInfoList = [{ messageSequence: 4, atTypeArray: [2] }])],
    ['a group member count', (c) => c.groupProfile && ((c.groupProfile as Raw).memberCount = 4)],
    ['a self info', (c) => c.groupProfile && ((c.groupProfile as Raw).selfInfo = { role: 'Admin' })],
  ];

  it.each(mutations)('a copy with a change of %s gives what a fresh normalization gives', (_name, mutate) => {
    const normalizer = createConversationNormalizer();
    normalizer.normalizeList(list());
    const copy = list();
    for (const c of copy) mutate(c);
    const result = normalizer.normalizeList(copy);
    expect(result.conversations).toEqual(copy.map((c) => normalizeConversation(c).conversation));
  });
});
