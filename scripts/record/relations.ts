/** Recording scenarios: profiles (mine and a peer's) and the blacklist. */
import type { Scenario } from './recorder';

/** Profile and blacklist scenarios. */
export const relationScenarios: Scenario[] = [
  {
    name: 'profile-update-mine',
    run: async ({ login }) => {
      const bob = await login('bob');
      await bob.updateMyProfile({ nick: 'Bobby', avatar: 'https://example.invalid/bob.png' });
    },
  },
  {
    // A change made on the server (as a REST call would): alice's own instance hears of it through
    // onProfileModified. bob, not her friend, gets no PROFILE_UPDATED (the SDK emits it only for
    // the user and their friends), which is what this scenario records for him.
    name: 'profile-update-peer',
    run: async ({ login, emulator, settle }) => {
      emulator.injectC2CMessage({ from: 'alice', to: 'bob', text: 'hi' });
      await login('alice');
      const bob = await login('bob');
      await bob.getUserProfile({ userIDList: ['alice'] });
      await settle();
      emulator.updateProfile('alice', { nick: 'Alice A.' });
    },
  },
  {
    name: 'blacklist-add-remove',
    run: async ({ login, settle }) => {
      const bob = await login('bob');
      await bob.addToBlacklist({ userIDList: ['carol', 'dave'] });
      await settle();
      await bob.removeFromBlacklist({ userIDList: ['dave'] });
    },
  },
];
