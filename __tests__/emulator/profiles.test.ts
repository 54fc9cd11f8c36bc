/** @jest-environment jsdom */
import { startEmulator, type Emulator } from '../../src/emulator';
import { parseArgs } from '../../src/emulator/cli';
import { constants, kinds, loginReady, useEmulator, waitForEvent, type Sdk } from './sdk';

describe.each(kinds)('profiles and blacklist on %s', (kind) => {
  const { EVENT } = constants(kind);
  const env = useEmulator(kind, {
    options: { users: [{ userID: 'alice', nick: 'Alice', avatar: 'https://a/1.png' }] },
  });
  const sdk = (): Sdk => env.sdk();
  let emu: Emulator;
  beforeEach(() => {
    emu = env.emulator();
  });

  it("serves profiles; an update reaches the user's other instance as PROFILE_UPDATED and a new peer's fetch", async () => {
    const alice1 = sdk();
    const alice2 = sdk();
    const bob = sdk();
    await loginReady(kind, alice1, 'alice', { emulator: emu });
    await loginReady(kind, alice2, 'alice', { emulator: emu });
    await loginReady(kind, bob, 'bob', { emulator: emu });
    expect((await bob.getUserProfile({ userIDList: ['alice'] })).data.map((p) => [p.userID, p.nick])).toEqual([
      ['alice', 'Alice'],
    ]);
    // The SDK emits PROFILE_UPDATED only for the user and their friends: another instance of alice hears of it.
    const seen = waitForEvent<Array<{ userID: string; nick: string }>>(alice2, EVENT.PROFILE_UPDATED);
    await alice1.updateMyProfile({ nick: 'Alice B.' });
    expect((await seen).map((p) => [p.userID, p.nick])).toEqual([['alice', 'Alice B.']]);
    expect(emu.users().find((u) => u.userID === 'alice')?.profile.Tag_Profile_IM_Nick).toBe('Alice B.');
    // (A peer's SDK caches profiles it fetched: 3.x returns the old nick from its cache for a while.)
    const carol = sdk();
    await loginReady(kind, carol, 'carol', { emulator: emu });
    expect((await carol.getUserProfile({ userIDList: ['alice'] })).data[0].nick).toBe('Alice B.');
  });

  it('adds to, lists and removes from the blacklist (BLACKLIST_UPDATED), and keeps it across logins', async () => {
    const bob = sdk();
    await loginReady(kind, bob, 'bob', { emulator: emu });
    const updated = waitForEvent<string[]>(bob, EVENT.BLACKLIST_UPDATED, (l) => l.length === 2);
    await bob.addToBlacklist({ userIDList: ['mallory', 'trudy'] });
    expect((await updated).sort()).toEqual(['mallory', 'trudy']);
    expect(Object.keys(emu.users().find((u) => u.userID === 'bob')?.blacklist ?? {}).sort()).toEqual([
      'mallory',
      'trudy',
    ]);
    await bob.removeFromBlacklist({ userIDList: ['trudy'] });
    expect((await bob.getBlacklist()).data).toEqual(['mallory']);
    await bob.logout();
    const fresh = waitForEvent<string[]>(bob, EVENT.BLACKLIST_UPDATED);
    await loginReady(kind, bob, 'bob', { emulator: emu });
    expect(await fresh).toEqual(['mallory']);
  });
});

describe('control API without an SDK', () => {
  let emu: Emulator;
  beforeEach(async () => {
    emu = await startEmulator();
  });
  afterEach(async () => {
    await emu.stop();
  });

  it('listens on 127.0.0.1 on a free port', () => {
    expect(emu.url).toBe(`ws://127.0.0.1:${emu.port}`);
    expect(emu.port).toBeGreaterThan(0);
  });

  it("holds injected messages and computes each side's conversations", () => {
    const m = emu.injectC2CMessage({ from: 'alice', to: 'bob', text: 'x' });
    expect(m.sdkMessageID).toBe(`${emu.users().find((u) => u.userID === 'alice')?.tinyID}-${m.clientTime}-${m.random}`);
    expect(emu.conversations('bob')).toMatchObject([{ conversationID: 'C2Calice', unreadCount: 1 }]);
    expect(emu.conversations('alice')).toMatchObject([{ conversationID: 'C2Cbob', unreadCount: 0 }]);
    expect(emu.revokeC2CMessage(m.sdkMessageID)).toBe(true);
    expect(emu.conversations('bob')[0].unreadCount).toBe(0);
  });

  it('rejects waitForCommand when stopped, and stop() twice is fine', async () => {
    const waiting = emu.waitForCommand('openim.sendmsg', { timeoutMs: 10000 });
    await emu.stop();
    await expect(waiting).rejects.toThrow(/stopped/);
    await emu.stop();
  });

  it('parses the command line', () => {
    expect(parseArgs(['--port', '9000', '--kick-older'])).toEqual({ port: 9000, kickOlder: true, verbose: false });
    expect(parseArgs([])).toEqual({ port: 8080, kickOlder: false, verbose: false });
    expect(() => parseArgs(['--port', 'x'])).toThrow(/bad port/);
    expect(() => parseArgs(['--nope'])).toThrow(/unknown option/);
  });
});
