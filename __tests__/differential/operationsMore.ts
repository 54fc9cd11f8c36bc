/**
 * The operations a differential run gained once the emulator could make them: message modification,
 * group member roles and mutes, friends and friend applications, drafts (3.x), reactions (3.x),
 * pinned group messages (3.x).
 * Bob's operations go through the binding's thunks, the others through the emulator's control API
 * (as the server, or another user, would). Their comparisons are in `comparisons.ts`.
 */
import fc from 'fast-check';
import { acceptFriendApplication, getPinnedGroupMessageList, modifyMessage, setConversationDraft } from '../../src';
import type { Command, Operation } from './operations';
import { GROUPS, USERS, type User, type World } from './world';

/** Runs a promise or a server call and ignores its failure: a refusal is a fine outcome to compare. */
async function settled(run: () => unknown): Promise<void> {
  try {
    await run();
  } catch {
    /* refused: compared as it is */
  }
}

function op<C extends Command>(o: Operation<C>): Operation {
  return o as unknown as Operation;
}

const peer = fc.constantFrom<'alice' | 'carol'>('alice', 'carol');
const conversationID = fc.constantFrom('C2Calice', 'C2Ccarol', `GROUP${GROUPS.team}`);

/** The newest message `who` sent that is still in the run (not revoked by the run). */
const lastSent = (world: World, who: User): string | undefined => world.sent[who][world.sent[who].length - 1]?.ID;

/** The operations added to `OPERATIONS`. */
export const MORE_OPERATIONS: Operation[] = [
  op({
    // the sender edits their newest message: bob through the thunk, a peer as the server would
    op: 'modify',
    arbitrary: fc.record({
      op: fc.constant('modify' as const),
      who: fc.constantFrom(...USERS),
      text: fc.constantFrom('edited', 'fixed typo'),
    }),
    run: async (world, { who, text }) => {
      const messageID = lastSent(world, who);
      if (!messageID) return;
      if (who === 'bob') await settled(() => world.store.dispatch(modifyMessage({ messageID, text })).unwrap());
      else world.emu.modifyMessage(messageID, { text });
    },
  }),
  op({
    // the owner makes carol an admin or a member again (set/cancel-admin tips; refused when she left)
    op: 'memberRole',
    arbitrary: fc.record({
      op: fc.constant('memberRole' as const),
      role: fc.constantFrom<'Admin' | 'Member'>('Admin', 'Member'),
    }),
    run: (world, { role }) => settled(() => world.emu.setGroupMemberRole(GROUPS.team, 'carol', role)),
  }),
  op({
    op: 'memberMute',
    arbitrary: fc.record({ op: fc.constant('memberMute' as const), seconds: fc.constantFrom<0 | 600>(0, 600) }),
    run: (world, { seconds }) => settled(() => world.emu.muteGroupMember(GROUPS.team, 'carol', seconds)),
  }),
  op({
    // a peer asks bob to be friends, bob accepts through the thunk, or the peer unfriends bob
    op: 'friend',
    arbitrary: fc.record({
      op: fc.constant('friend' as const),
      who: peer,
      action: fc.constantFrom<'apply' | 'accept' | 'delete'>('apply', 'accept', 'delete'),
    }),
    run: async (world, { who, action }) => {
      if (action === 'apply') await settled(() => world.emu.addFriend({ from: who, to: 'bob', wording: 'hi' }));
      else if (action === 'delete') await settled(() => world.emu.deleteFriends(who, ['bob']));
      else
        await settled(() =>
          world.store.dispatch(acceptFriendApplication({ userID: who, type: 'Response_Action_AgreeAndAdd' })).unwrap(),
        );
    },
  }),
  op({
    // 3.x keeps drafts locally; 2.x has no setConversationDraft and refuses
    op: 'draft',
    arbitrary: fc.record({
      op: fc.constant('draft' as const),
      conversationID,
      draftText: fc.constantFrom('', 'later'),
    }),
    run: (world, { conversationID, draftText }) =>
      settled(() => world.store.dispatch(setConversationDraft({ conversationID, draftText })).unwrap()),
  }),
  op({
    // a peer reacts to (or takes back a reaction on) the newest message it sent; 2.x ignores the push
    op: 'reaction',
    arbitrary: fc.record({ op: fc.constant('reaction' as const), who: peer, add: fc.boolean() }),
    run: async (world, { who, add }) => {
      const messageID = lastSent(world, who);
      if (!messageID) return;
      if (world.emu.setReaction({ messageID, reactionID: 'like', userID: who, add })) world.reacted.add(messageID);
    },
  }),
  op({
    // 3.x: the owner pins or unpins a peer's newest team message (2.x has no pinned messages and
    // ignores the push). The store's list is loaded through the thunk first, as an app would.
    op: 'pinMessage',
    arbitrary: fc.record({ op: fc.constant('pinMessage' as const), who: peer, isPinned: fc.boolean() }),
    run: async (world, { who, isPinned }) => {
      const message = [...world.sent[who]].reverse().find((m) => m.conversationID === `GROUP${GROUPS.team}`);
      if (!message || world.kind !== '@tencentcloud/chat') return;
      if (!world.pinsLoaded) {
        await settled(() => world.store.dispatch(getPinnedGroupMessageList(GROUPS.team)).unwrap());
        world.pinsLoaded = true;
      }
      await settled(() => world.emu.pinGroupMessage(GROUPS.team, message.sequence, isPinned, 'alice'));
    },
  }),
];
