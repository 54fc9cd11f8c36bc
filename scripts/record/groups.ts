/** Recording scenarios: groups created, joined, quit, dismissed, members added and removed, messages, revokes, profile changes. */
import { waitForEvent, type Sdk, type SdkMessage } from '../../__tests__/emulator/sdk';
import type { Scenario } from './recorder';

/** The group APIs used here beyond the shared test surface. */
type GroupSdk = Sdk & {
  updateGroupProfile(options: { groupID: string; name?: string; notification?: string }): Promise<unknown>;
  addGroupMember(options: { groupID: string; userIDList: string[] }): Promise<unknown>;
  deleteGroupMember(options: { groupID: string; userIDList: string[] }): Promise<unknown>;
};

/** Group scenarios. */
export const groupScenarios: Scenario[] = [
  {
    name: 'group-create',
    run: async ({ login, TYPES }) => {
      const bob = await login('bob');
      await bob.createGroup({ type: TYPES.GRP_WORK, name: 'team', memberList: [{ userID: 'alice' }] });
    },
  },
  {
    name: 'group-message-receive',
    run: async ({ login, emulator, EVENT }) => {
      emulator.createGroup({ type: 'Public', name: 'club', ownerID: 'alice', memberIDs: ['bob'], groupID: 'club' });
      const bob = await login('bob');
      const received = waitForEvent(bob, EVENT.MESSAGE_RECEIVED);
      emulator.injectGroupMessage({ from: 'alice', groupID: 'club', text: 'hello club' });
      await received;
    },
  },
  {
    name: 'group-message-send-read',
    run: async ({ login, emulator, TYPES, settle }) => {
      emulator.createGroup({ type: 'Private', name: 'team', ownerID: 'alice', memberIDs: ['bob'], groupID: 'team' });
      emulator.injectGroupMessage({ from: 'alice', groupID: 'team', text: 'unread' });
      const bob = await login('bob');
      await settle();
      await bob.setMessageRead({ conversationID: 'GROUPteam' });
      await bob.sendMessage(
        bob.createTextMessage({ to: 'team', conversationType: TYPES.CONV_GROUP, payload: { text: 'hi team' } }),
      );
    },
  },
  {
    name: 'group-join-quit',
    run: async ({ login, emulator, TYPES, settle }) => {
      emulator.createGroup({ type: 'Public', name: 'club', ownerID: 'alice', memberIDs: [], groupID: 'club' });
      await login('alice');
      const bob = await login('bob');
      await bob.joinGroup({ groupID: 'club', type: TYPES.GRP_PUBLIC });
      await settle();
      await bob.quitGroup('club');
    },
  },
  {
    // the owner adds and then removes bob: bob and the owner see tips (and 2.x group system notices)
    name: 'group-member-added-removed',
    run: async ({ login, emulator, settle }) => {
      emulator.createGroup({ type: 'Public', name: 'club', ownerID: 'alice', memberIDs: ['carol'], groupID: 'club' });
      const alice = (await login('alice')) as GroupSdk;
      await login('bob');
      await login('carol');
      await alice.addGroupMember({ groupID: 'club', userIDList: ['bob'] });
      await settle();
      await alice.deleteGroupMember({ groupID: 'club', userIDList: ['bob'] });
    },
  },
  {
    name: 'group-member-added-by-server',
    run: async ({ login, emulator, settle }) => {
      emulator.createGroup({ type: 'Public', name: 'club', ownerID: 'alice', memberIDs: ['bob'], groupID: 'club' });
      await login('bob');
      emulator.addGroupMembers('club', ['carol']);
      await settle();
      emulator.removeGroupMember('club', 'carol');
    },
  },
  {
    name: 'group-profile-updated',
    run: async ({ login, emulator }) => {
      emulator.createGroup({ type: 'Public', name: 'club', ownerID: 'alice', memberIDs: ['bob'], groupID: 'club' });
      const alice = (await login('alice')) as GroupSdk;
      await login('bob');
      await alice.updateGroupProfile({ groupID: 'club', name: 'the club', notification: 'be nice' });
    },
  },
  {
    name: 'group-dismissed',
    run: async ({ login, emulator }) => {
      emulator.createGroup({ type: 'Public', name: 'team', ownerID: 'alice', memberIDs: ['bob'], groupID: 'team' });
      const alice = await login('alice');
      await login('bob');
      await alice.dismissGroup('team');
    },
  },
  {
    name: 'group-revoke',
    run: async ({ login, emulator, EVENT, TYPES }) => {
      emulator.createGroup({ type: 'Private', name: 'team', ownerID: 'alice', memberIDs: ['bob'], groupID: 'team' });
      const alice = await login('alice');
      const bob = await login('bob');
      const received = waitForEvent<SdkMessage[]>(bob, EVENT.MESSAGE_RECEIVED);
      const sent = await alice.sendMessage(
        alice.createTextMessage({ to: 'team', conversationType: TYPES.CONV_GROUP, payload: { text: 'oops' } }),
      );
      await received;
      const revoked = waitForEvent(bob, EVENT.MESSAGE_REVOKED);
      await alice.revokeMessage(sent.data.message);
      await revoked;
    },
  },
];
