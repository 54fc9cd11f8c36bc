/** @jest-environment jsdom */
import { collect, constants, loginReady, sleep, until, waitForEvent, type SdkMessage, kinds, useEmulator } from './sdk';

describe.each(kinds)('sessions on %s', (kind) => {
  const { EVENT, TYPES } = constants(kind);
  const { start, sdk } = useEmulator(kind, { startEach: false });

  it('logs in (SDK_READY, own profile from the server) and out (the server forgets the login)', async () => {
    const server = await start({ users: [{ userID: 'alice', nick: 'Alice' }] });
    const alice = sdk(server);
    await loginReady(kind, alice, 'alice', { emulator: server });
    expect((await alice.getMyProfile()).data).toMatchObject({ userID: 'alice', nick: 'Alice' });
    expect(server.connections()).toMatchObject([{ userID: 'alice', loggedIn: true }]);
    await alice.logout();
    expect(server.connections().filter((c) => c.loggedIn)).toEqual([]);
  });

  it('rejects a wrong userSig with 70003 and accepts the right one', async () => {
    const server = await start({ checkUserSig: ({ userID, userSig }) => userSig === `good-${userID}` });
    const alice = sdk(server);
    await expect(alice.login({ userID: 'alice', userSig: 'bad' })).rejects.toMatchObject({ code: 70003 });
    await loginReady(kind, alice, 'alice', { userSig: 'good-alice', emulator: server });
  });

  it('re-logs in after a dropped socket; nothing is lost or doubled', async () => {
    const server = await start();
    const bob = sdk(server);
    await loginReady(kind, bob, 'bob', { emulator: server });
    const received = collect<SdkMessage[]>(bob, EVENT.MESSAGE_RECEIVED);
    const live = server.injectC2CMessage({ from: 'alice', to: 'bob', text: 'before drop' });
    await until(() => received.items.length === 1);
    const relogin = server.waitForCommand('im_open_status.wslogin', { timeoutMs: 4000 });
    expect(server.dropSockets('bob')).toBe(1);
    const missed = server.injectC2CMessage({ from: 'alice', to: 'bob', text: 'while away' });
    expect((await relogin).userID).toBe('bob');
    await until(() => received.items.flat().length >= 2, 4000, 'missed message');
    const after = server.injectC2CMessage({ from: 'alice', to: 'bob', text: 'after' });
    await until(() => received.items.flat().length >= 3, 4000, 'live message after reconnect');
    await sleep(200);
    expect(received.items.flat().map((m) => m.ID)).toEqual([
      live.sdkMessageID,
      missed.sdkMessageID,
      after.sdkMessageID,
    ]);
    const history = await bob.getMessageList({ conversationID: 'C2Calice' });
    expect(history.data.messageList.map((m) => m.payload.text)).toEqual(['before drop', 'while away', 'after']);
    expect((await bob.getConversationProfile('C2Calice')).data.conversation.unreadCount).toBe(3);
  });

  it.each([
    [1, 'KICKED_OUT_MULT_ACCOUNT'],
    [2, 'KICKED_OUT_MULT_DEVICE'],
    [3, 'KICKED_OUT_REST_API'],
  ] as const)('kicks with KickType %i → KICKED_OUT %s and SDK_NOT_READY', async (kickType, typeName) => {
    const server = await start();
    const bob = sdk(server);
    await loginReady(kind, bob, 'bob', { emulator: server });
    const kicked = waitForEvent<{ type: string }>(bob, EVENT.KICKED_OUT);
    const notReady = waitForEvent(bob, EVENT.SDK_NOT_READY);
    expect(server.kick('bob', kickType)).toBe(1);
    expect((await kicked).type).toBe(TYPES[typeName]);
    await notReady;
    expect(server.users().find((u) => u.userID === 'bob')?.onlineInstances).toBe(0);
  });

  it('expires a userSig: KICKED_OUT userSigExpired, the old sig is refused, a new one works', async () => {
    const server = await start();
    const bob = sdk(server);
    await loginReady(kind, bob, 'bob', { userSig: 'sig-1', emulator: server });
    await sleep(300); // let the SDK's after-login requests finish: expiry fails every request, those too
    const kicked = waitForEvent<{ type: string }>(bob, EVENT.KICKED_OUT);
    server.expireUserSig('bob');
    const send = bob.sendMessage(
      bob.createTextMessage({ to: 'alice', conversationType: TYPES.CONV_C2C, payload: { text: 'x' } }),
    );
    await expect(send).rejects.toMatchObject({ code: 70001 });
    expect((await kicked).type).toBe(TYPES.KICKED_OUT_USERSIG_EXPIRED);
    await expect(bob.login({ userID: 'bob', userSig: 'sig-1' })).rejects.toMatchObject({ code: 70001 });
    await loginReady(kind, bob, 'bob', { userSig: 'sig-2', emulator: server });
  });

  it("syncs own messages to the same user's other instance, with the same ID", async () => {
    const server = await start();
    const bob1 = sdk(server);
    const bob2 = sdk(server);
    await loginReady(kind, bob1, 'bob', { emulator: server });
    await loginReady(kind, bob2, 'bob', { emulator: server });
    const on2 = waitForEvent<SdkMessage[]>(bob2, EVENT.MESSAGE_RECEIVED);
    const sent = await bob1.sendMessage(
      bob1.createTextMessage({ to: 'alice', conversationType: TYPES.CONV_C2C, payload: { text: 'from 1' } }),
    );
    const synced = await on2;
    expect(synced.map((m) => [m.ID, m.flow, m.to])).toEqual([[sent.data.message.ID, 'out', 'alice']]);
    const both = [
      collect<SdkMessage[]>(bob1, EVENT.MESSAGE_RECEIVED),
      collect<SdkMessage[]>(bob2, EVENT.MESSAGE_RECEIVED),
    ];
    server.injectC2CMessage({ from: 'alice', to: 'bob', text: 'to both' });
    await until(() => both.every((c) => c.items.length === 1));
    expect((await bob2.getConversationProfile('C2Calice')).data.conversation.unreadCount).toBe(1);
  });

  it('with multiInstance "kickOlder", a second login kicks the older instance (multipleAccount)', async () => {
    const server = await start({ multiInstance: 'kickOlder' });
    const older = sdk(server);
    const newer = sdk(server);
    await loginReady(kind, older, 'bob', { emulator: server });
    const kicked = waitForEvent<{ type: string }>(older, EVENT.KICKED_OUT);
    await loginReady(kind, newer, 'bob', { emulator: server });
    expect((await kicked).type).toBe(TYPES.KICKED_OUT_MULT_ACCOUNT);
    const onNewer = waitForEvent<SdkMessage[]>(newer, EVENT.MESSAGE_RECEIVED);
    const onOlder = collect(older, EVENT.MESSAGE_RECEIVED);
    server.injectC2CMessage({ from: 'alice', to: 'bob', text: 'only the newer' });
    expect((await onNewer)[0].payload.text).toBe('only the newer');
    await sleep(100);
    expect(onOlder.items).toEqual([]);
  });
});
