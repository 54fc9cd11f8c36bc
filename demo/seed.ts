/** Seeded users, conversations and a group, so the demo is alive at once. */
import type { Emulator } from '../src/emulator';

/** The demo's users. */
export const DEMO_USERS = [
  { userID: 'alice', nick: 'Alice' },
  { userID: 'bob', nick: 'Bob' },
  { userID: 'carol', nick: 'Carol' },
];

/** Fills the emulator with a little history. */
export function seed(emulator: Emulator): void {
  emulator.injectC2CMessage({ from: 'bob', to: 'alice', text: 'Hi Alice! Did you see the release notes?' });
  emulator.injectC2CMessage({ from: 'alice', to: 'bob', text: 'Not yet, sending them over?' });
  emulator.injectC2CMessage({ from: 'bob', to: 'alice', text: 'tim-redux keeps every conversation in the store now.' });
  for (let i = 1; i <= 40; i++) {
    emulator.injectC2CMessage({
      from: i % 2 ? 'carol' : 'alice',
      to: i % 2 ? 'alice' : 'carol',
      text: `Older message ${i}`,
    });
  }
  const team = emulator.createGroup({ type: 'Public', name: 'Team', ownerID: 'alice', memberIDs: ['bob'] });
  emulator.injectGroupMessage({ from: 'bob', groupID: team.groupID, text: 'Standup in 5 minutes' });
  emulator.addGroupMembers(team.groupID, ['carol']); // a group tip: "Carol joined the group"
  emulator.injectGroupMessage({ from: 'carol', groupID: team.groupID, text: 'Hi all, glad to be here' });
  emulator.injectGroupMessage({ from: 'bob', groupID: team.groupID, text: 'On my way' });
}
