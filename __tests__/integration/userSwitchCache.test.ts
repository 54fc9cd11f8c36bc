/**
 * @jest-environment jsdom
 *
 * A user switch through the SDK's own cache, on the real SDKs against the IM emulator. The SDK
 * caches history pages per conversation ID, also one answered after its user's session ended, and
 * hands it to the next user who opens the same conversation ID (bob and alice both talk to carol:
 * `C2Ccarol`). No record of the previous user may reach the next one's state or registry.
 */
import { getMessageList, login, logout, selectSession } from '../../src';
import { leftovers } from '../faults/harness';
import { kinds, useBindingOnEmulator } from '../helpers/emulatorStore';
import { sleep, until } from '../emulator/sdk';

const ROAM = 'openim.getroammsg';
const GROUP_ROAM = 'group_open_http_svc.group_msg_get';

describe.each(kinds)('a user switch through the SDK cache on %s', (kind) => {
  const binding = useBindingOnEmulator(kind);
  const { ctx, texts } = binding;
  const secrets = ['secret-carol-to-bob', 'secret-bob-to-carol', 'secret-group'];

  beforeEach(() => {
    ctx.emu.createGroup({ type: 'Public', name: 'G', ownerID: 'carol', memberIDs: ['bob'], groupID: 'G1' });
    ctx.emu.injectGroupMessage({ from: 'carol', groupID: 'G1', text: 'secret-group' });
    ctx.emu.injectC2CMessage({ from: 'carol', to: 'bob', text: 'secret-carol-to-bob' });
    ctx.emu.injectC2CMessage({ from: 'bob', to: 'carol', text: 'secret-bob-to-carol' });
    ctx.emu.injectC2CMessage({ from: 'carol', to: 'alice', text: 'carol-to-alice' });
  });

  const loginAs = async (userID: string) => {
    const synced = ctx.emu.waitForCommand('openim.getmsg', { userID });
    await ctx.store.dispatch(login({ userID, userSig: `sig-${userID}` })).unwrap();
    await synced;
    await sleep(50);
  };
  /** bob asks for history pages that the server holds back until his session has ended. */
  const bobPagesInFlight = async (conversationIDs: string[]) => {
    await loginAs('bob');
    ctx.emu.delayCommand(ROAM, 300);
    ctx.emu.delayCommand(GROUP_ROAM, 300);
    const arrived = Promise.all(
      conversationIDs.map((id) => ctx.emu.waitForCommand(id.startsWith('C2C') ? ROAM : GROUP_ROAM, { userID: 'bob' })),
    );
    const pages = conversationIDs.map((id) => ctx.store.dispatch(getMessageList(id)));
    await arrived;
    return pages;
  };
  const aliceAsked = () => ctx.emu.commandLog().filter((c) => c.servcmd === ROAM && c.userID === 'alice').length;

  it('logout with a page in flight, then alice: her history of C2Ccarol is hers, from the server', async () => {
    const pages = await bobPagesInFlight(['C2Ccarol']);
    await ctx.store.dispatch(logout());
    await Promise.all(pages);
    await loginAs('alice');
    await ctx.store.dispatch(getMessageList('C2Ccarol')).unwrap();
    expect(texts('C2Ccarol')).toEqual(['carol-to-alice']);
    expect(aliceAsked()).toBe(1);
    expect(leftovers(ctx, secrets)).toEqual([]);
  });

  it('login as alice (a switch) with a page of bob in flight: the same', async () => {
    const pages = await bobPagesInFlight(['C2Ccarol']);
    await ctx.store.dispatch(login({ userID: 'alice', userSig: 'sig-alice' })).unwrap();
    await Promise.all(pages);
    expect(selectSession(ctx.store.getState()).userID).toBe('alice');
    await ctx.store.dispatch(getMessageList('C2Ccarol')).unwrap();
    expect(texts('C2Ccarol')).toEqual(['carol-to-alice']);
    expect(aliceAsked()).toBe(1);
    expect(leftovers(ctx, secrets)).toEqual([]);
  });

  it('bob kicked with pages in flight (the SDK caches them after the kick), then alice: nothing of bob reaches her', async () => {
    const pages = await bobPagesInFlight(['C2Ccarol', 'GROUPG1']);
    ctx.emu.kick('bob', 2);
    await until(() => selectSession(ctx.store.getState()).status === 'kickedOut', 2000, 'kickedOut');
    await Promise.all(pages);
    await loginAs('alice');
    await ctx.store.dispatch(getMessageList('C2Ccarol'));
    await ctx.store.dispatch(getMessageList('GROUPG1'));
    expect(leftovers(ctx, secrets)).toEqual([]);
  });

  it('bob kicked with pages in flight, then bob again: his cached pages are his', async () => {
    const pages = await bobPagesInFlight(['C2Ccarol', 'GROUPG1']);
    ctx.emu.kick('bob', 2);
    await until(() => selectSession(ctx.store.getState()).status === 'kickedOut', 2000, 'kickedOut');
    await Promise.all(pages);
    await loginAs('bob');
    await ctx.store.dispatch(getMessageList('C2Ccarol')).unwrap();
    await ctx.store.dispatch(getMessageList('GROUPG1')).unwrap();
    expect(texts('C2Ccarol')).toEqual(['secret-carol-to-bob', 'secret-bob-to-carol']);
    expect(texts('GROUPG1')).toContain('secret-group');
  });
});
