/**
 * The operations a differential run is made of: each a name, a fast-check arbitrary of its plain
 * arguments (so a failing run shrinks to a short, readable list), and what it does to the world.
 * Bob's operations go through the binding's thunks; alice's, carol's and the server's through their
 * own SDKs and the emulator's control API. A new emulator capability adds a row here.
 *
 * Modify, member roles and mutes, friends, drafts, reactions and pinned messages are in
 * `operationsMore.ts`. Not generated yet: group read receipts, conversation marks and groups.
 */
import fc from 'fast-check';
import {
  addToBlacklist,
  deleteConversation,
  getGroupMemberList,
  getMessageList,
  joinGroup,
  pinConversation,
  quitGroup,
  removeFromBlacklist,
  revokeMessage,
  sendTextMessage,
  setMessageRead,
  setMessageRemindType,
  updateMyProfile,
} from '../../src';
import { sleep, until, waitForEvent } from '../emulator/sdk';
import { MORE_OPERATIONS } from './operationsMore';
import { ensureBobReady, GROUPS, loginBob, USERS, type User, type World } from './world';

/** One step of a run: plain data, printed on failure and pasted into `regressions`. */
export type Command =
  | { op: 'send'; from: User; to: User; text: string }
  | { op: 'groupSend'; from: User; text: string }
  | { op: 'read'; conversationID: string }
  | { op: 'pin'; conversationID: string; isPinned: boolean }
  | { op: 'delete'; conversationID: string }
  | { op: 'revoke'; who: User }
  | { op: 'history'; conversationID: string }
  | { op: 'profile'; who: User; nick: string }
  | { op: 'joinQuit'; join: boolean }
  | { op: 'members'; groupID: string }
  | { op: 'blacklist'; userID: User; add: boolean }
  | { op: 'mute'; target: 'alice' | 'carol' | 'team'; messageRemindType: 'AcceptAndNotify' | 'AcceptNotNotify' }
  | { op: 'memberChange'; add: boolean }
  | { op: 'kick'; kickType: 1 | 2 | 3 }
  | { op: 'drop' }
  | { op: 'modify'; who: User; text: string }
  | { op: 'memberRole'; role: 'Admin' | 'Member' }
  | { op: 'memberMute'; seconds: 0 | 600 }
  | { op: 'friend'; who: 'alice' | 'carol'; action: 'apply' | 'accept' | 'delete' }
  | { op: 'draft'; conversationID: string; draftText: string }
  | { op: 'reaction'; who: 'alice' | 'carol'; add: boolean }
  | { op: 'pinMessage'; who: 'alice' | 'carol'; isPinned: boolean };

/** An operation: how to generate its commands and how to run one. */
export interface Operation<C extends Command = Command> {
  op: C['op'];
  arbitrary: fc.Arbitrary<C>;
  run(world: World, command: C): Promise<void>;
}

const user = fc.constantFrom(...USERS);
const peer = fc.constantFrom<User>('alice', 'carol');
/** Conversations bob may have. */
const conversationID = fc.constantFrom('C2Calice', 'C2Ccarol', `GROUP${GROUPS.team}`, `GROUP${GROUPS.club}`);
const text = fc.constantFrom('hi', 'ok', 'see you', '你好', '<b>x</b>');

/** Runs a thunk and ignores its rejection: the SDK refusing (e.g. nothing to revoke) is a fine outcome to compare. */
async function settled(promise: Promise<unknown>): Promise<void> {
  await promise.then(
    () => undefined,
    () => undefined,
  );
}

function op<C extends Command>(o: Operation<C>): Operation {
  return o as unknown as Operation;
}

/** Every operation. */
export const OPERATIONS: Operation[] = [
  op({
    op: 'send',
    arbitrary: fc
      .record({ op: fc.constant('send' as const), from: user, to: user, text })
      .filter((c) => c.from !== c.to),
    run: async (world, { from, to, text }) => {
      if (from === 'bob') {
        const message = await world.store
          .dispatch(sendTextMessage({ to, conversationType: world.TYPES.CONV_C2C, text }))
          .unwrap()
          .catch(() => null);
        if (message) world.sent.bob.push({ ID: message.ID } as World['sent']['bob'][number]);
        return;
      }
      const tim = world.sdks[from];
      // a peer's send may be refused (blacklisted); that is an outcome to compare too
      const sent = await tim
        .sendMessage(tim.createTextMessage({ to, conversationType: world.TYPES.CONV_C2C, payload: { text } }))
        .catch(() => null);
      if (sent) world.sent[from].push(sent.data.message);
    },
  }),
  op({
    op: 'groupSend',
    arbitrary: fc.record({ op: fc.constant('groupSend' as const), from: user, text }),
    run: async (world, { from, text }) => {
      if (from === 'bob') {
        const message = await world.store
          .dispatch(sendTextMessage({ to: GROUPS.team, conversationType: world.TYPES.CONV_GROUP, text }))
          .unwrap()
          .catch(() => null);
        if (message) world.sent.bob.push({ ID: message.ID } as World['sent']['bob'][number]);
        return;
      }
      const tim = world.sdks[from];
      // carol may have been taken out of the team: her send is refused
      const sent = await tim
        .sendMessage(
          tim.createTextMessage({ to: GROUPS.team, conversationType: world.TYPES.CONV_GROUP, payload: { text } }),
        )
        .catch(() => null);
      if (sent) world.sent[from].push(sent.data.message);
    },
  }),
  op({
    op: 'read',
    arbitrary: fc.record({ op: fc.constant('read' as const), conversationID }),
    run: (world, { conversationID }) => settled(world.store.dispatch(setMessageRead(conversationID)).unwrap()),
  }),
  op({
    op: 'pin',
    arbitrary: fc.record({ op: fc.constant('pin' as const), conversationID, isPinned: fc.boolean() }),
    run: (world, { conversationID, isPinned }) =>
      settled(world.store.dispatch(pinConversation({ conversationID, isPinned })).unwrap()),
  }),
  op({
    op: 'delete',
    arbitrary: fc.record({ op: fc.constant('delete' as const), conversationID }),
    run: (world, { conversationID }) => settled(world.store.dispatch(deleteConversation(conversationID)).unwrap()),
  }),
  op({
    op: 'revoke',
    arbitrary: fc.record({ op: fc.constant('revoke' as const), who: user }),
    run: async (world, { who }) => {
      const message = world.sent[who].pop();
      if (!message) return;
      if (who === 'bob') await settled(world.store.dispatch(revokeMessage(message.ID)).unwrap());
      else await settled(world.sdks[who].revokeMessage(message));
    },
  }),
  op({
    op: 'history',
    arbitrary: fc.record({ op: fc.constant('history' as const), conversationID }),
    run: (world, { conversationID }) => settled(world.store.dispatch(getMessageList(conversationID)).unwrap()),
  }),
  op({
    op: 'profile',
    arbitrary: fc.record({ op: fc.constant('profile' as const), who: user, nick: fc.constantFrom('A', 'B', 'Zed') }),
    run: async (world, { who, nick }) => {
      if (who === 'bob') await settled(world.store.dispatch(updateMyProfile({ nick })).unwrap());
      else await settled(world.sdks[who].updateMyProfile({ nick }));
    },
  }),
  op({
    op: 'joinQuit',
    arbitrary: fc.record({ op: fc.constant('joinQuit' as const), join: fc.boolean() }),
    run: (world, { join }) =>
      settled(
        join
          ? world.store.dispatch(joinGroup({ groupID: GROUPS.club })).unwrap()
          : world.store.dispatch(quitGroup(GROUPS.club)).unwrap(),
      ),
  }),
  op({
    op: 'members',
    arbitrary: fc.record({ op: fc.constant('members' as const), groupID: fc.constantFrom(GROUPS.team, GROUPS.club) }),
    run: async (world, { groupID }) => {
      const loaded = await world.store
        .dispatch(getGroupMemberList({ groupID, count: 100 }))
        .unwrap()
        .then(
          () => true,
          () => false,
        );
      if (loaded) world.loadedMembers.add(groupID);
    },
  }),
  op({
    op: 'blacklist',
    arbitrary: fc.record({ op: fc.constant('blacklist' as const), userID: peer, add: fc.boolean() }),
    run: (world, { userID, add }) =>
      settled(
        world.store
          .dispatch(add ? addToBlacklist({ userIDList: [userID] }) : removeFromBlacklist({ userIDList: [userID] }))
          .unwrap(),
      ),
  }),
  op({
    op: 'mute',
    arbitrary: fc.record({
      op: fc.constant('mute' as const),
      target: fc.constantFrom<'alice' | 'carol' | 'team'>('alice', 'carol', 'team'),
      messageRemindType: fc.constantFrom<'AcceptAndNotify' | 'AcceptNotNotify'>('AcceptAndNotify', 'AcceptNotNotify'),
    }),
    run: (world, { target, messageRemindType }) =>
      settled(
        world.store
          .dispatch(
            setMessageRemindType(
              target === 'team'
                ? { groupID: GROUPS.team, messageRemindType }
                : { userIDList: [target], messageRemindType },
            ),
          )
          .unwrap(),
      ),
  }),
  op({
    // the owner takes carol out of the team or brings her back (group tips to every member)
    op: 'memberChange',
    arbitrary: fc.record({ op: fc.constant('memberChange' as const), add: fc.boolean() }),
    run: async (world, { add }) => {
      const alice = world.sdks.alice as unknown as {
        addGroupMember(o: { groupID: string; userIDList: string[] }): Promise<unknown>;
        deleteGroupMember(o: { groupID: string; userIDList: string[] }): Promise<unknown>;
      };
      const change = { groupID: GROUPS.team, userIDList: ['carol'] };
      await settled(add ? alice.addGroupMember(change) : alice.deleteGroupMember(change));
    },
  }),
  op({
    op: 'kick',
    arbitrary: fc.record({ op: fc.constant('kick' as const), kickType: fc.constantFrom<1 | 2 | 3>(1, 2, 3) }),
    run: async (world, { kickType }) => {
      const kicked = waitForEvent(world.sdks.bob, world.EVENT.KICKED_OUT, () => true, 4000).then(
        () => true,
        () => false,
      );
      const sockets = world.emu.kick('bob', kickType);
      if (sockets > 0 && (await kicked)) {
        // the SDK was kicked: the store must say so
        await until(
          () => world.store.getState().tim.session.status === 'kickedOut',
          2000,
          'the store to follow KICKED_OUT',
        );
        // a kick clears the store: the member lists are gone until loaded again
        world.loadedMembers.clear();
        world.pinsLoaded = false;
        await loginBob(world);
      } else {
        world.log.push(`(kick ${kickType}: ${sockets} sockets, no KICKED_OUT from the SDK)`);
        await ensureBobReady(world);
      }
    },
  }),
  op({
    op: 'drop',
    arbitrary: fc.record({ op: fc.constant('drop' as const) }),
    run: async (world) => {
      world.emu.dropSockets('bob');
      await sleep(200);
      await ensureBobReady(world);
    },
  }),
  ...MORE_OPERATIONS,
];

/** The arbitrary of one step. */
export const commandArb: fc.Arbitrary<Command> = fc.oneof(...OPERATIONS.map((o) => o.arbitrary));

/** Runs one command. */
export async function runCommand(world: World, command: Command): Promise<void> {
  const operation = OPERATIONS.find((o) => o.op === command.op);
  if (!operation) throw new Error(`no operation ${command.op}`);
  world.log.push(JSON.stringify(command));
  await operation.run(world, command);
}
