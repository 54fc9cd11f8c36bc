/** Recording scenarios: login and SDK_READY, kicks, an expired userSig, a dropped network, logout and destroy. */
import { sleep, waitForEvent } from '../../__tests__/emulator/sdk';
import type { Scenario } from './recorder';

/** Session scenarios. */
export const sessionScenarios: Scenario[] = [
  {
    // alice already wrote to bob, so the login's lists are not empty.
    name: 'login-ready',
    run: async ({ emulator, login }) => {
      emulator.injectC2CMessage({ from: 'alice', to: 'bob', text: 'before login' });
      await login('bob');
    },
  },
  ...([1, 2, 3] as const).map((kickType): Scenario => ({
    name: `kicked-${['', 'multiple-account', 'multiple-device', 'rest-api'][kickType]}`,
    run: async ({ emulator, login, EVENT }) => {
      const bob = await login('bob');
      const kicked = waitForEvent(bob, EVENT.KICKED_OUT);
      emulator.kick('bob', kickType);
      await kicked;
    },
  })),
  {
    name: 'kicked-usersig-expired',
    run: async ({ emulator, login, EVENT }) => {
      const bob = await login('bob');
      const kicked = waitForEvent(bob, EVENT.KICKED_OUT);
      emulator.expireUserSig('bob');
      // the next request meets the expiry
      await bob.getUserProfile({ userIDList: ['alice'] }).catch(() => undefined);
      await kicked;
    },
  },
  {
    name: 'network-dropped',
    run: async ({ emulator, login, EVENT }) => {
      const bob = await login('bob');
      const back = waitForEvent<{ state: string }>(
        bob,
        EVENT.NET_STATE_CHANGE,
        (d) => /connected$/i.test(d.state) && !/dis/i.test(d.state),
        8000,
      );
      emulator.dropSockets('bob');
      await back.catch(() => sleep(3000));
    },
  },
  {
    name: 'logout-destroy',
    run: async ({ login }) => {
      const bob = await login('bob');
      await bob.logout();
      // 2024 USER_NOT_LOGGED_IN after the logout, but SDK_DESTROY is still emitted
      await bob.destroy().catch(() => undefined);
    },
  },
];
