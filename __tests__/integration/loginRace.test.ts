/**
 * @jest-environment jsdom
 *
 * Login races on the real SDKs against the IM emulator. Both SDKs refuse a second `login()` while
 * one is in flight with 2025 (REPEAT_LOGIN) and go on with the first; a login may also outlast its
 * timeout and come through later. The session must never say `ready` without a user, never keep an
 * old error after a success, and never disagree with the SDK on who is logged in.
 */
import { login, logout, selectConversationList, selectSession, sendTextMessage, TIM_REDUX_ERROR } from '../../src';
import { kinds, useBindingOnEmulator } from '../helpers/emulatorStore';
import { sleep, until } from '../emulator/sdk';

const WSLOGIN = 'im_open_status.wslogin';

// Two real SDK logins and a logout per test, on a CI machine shared by two jest workers and the
// differential test: the 5 s default once cut a user switch short there (never seen locally in 70
// loaded runs). A switch that is stuck, not slow (a login never ready, whenSettled's 16 s cap) still fails.
jest.setTimeout(15_000);

describe.each(kinds)('login races on %s', (kind) => {
  // Only `sig-<userID>` is a good userSig here, so a login can be made to fail.
  const { ctx } = useBindingOnEmulator(kind, { checkUserSig: (i) => i.userSig === `sig-${i.userID}` });
  const session = () => selectSession(ctx.store.getState());
  const wslogins = () => ctx.emu.commandLog().filter((c) => c.servcmd === WSLOGIN).length;
  const loggedInOnServer = () =>
    ctx.emu
      .connections()
      .filter((c) => c.loggedIn)
      .map((c) => c.userID);

  it('a second login of the same user in flight (StrictMode) joins the first: one SDK login, both resolve, ready', async () => {
    ctx.emu.delayCommand(WSLOGIN, 200);
    const first = ctx.store.dispatch(login({ userID: 'bob', userSig: 'sig-bob' }));
    const second = ctx.store.dispatch(login({ userID: 'bob', userSig: 'sig-bob' }));
    const [a, b] = [await first, await second];
    expect([a.type, b.type]).toEqual([login.fulfilled.type, login.fulfilled.type]);
    expect(b.payload).toEqual(a.payload);
    await sleep(300);
    expect(session()).toEqual(expect.objectContaining({ status: 'ready', userID: 'bob', error: null }));
    expect(wslogins()).toBe(1);
    // The store works: nothing was reset under the running login.
    await ctx.store.dispatch(sendTextMessage({ to: 'alice', conversationType: 'C2C', text: 'hi' })).unwrap();
  });

  it('a login that times out while the server is slow, then comes through: ready with the user, error cleared', async () => {
    ctx.emu.injectC2CMessage({ from: 'alice', to: 'bob', text: 'waiting' });
    ctx.emu.delayCommand(WSLOGIN, 600);
    const result = await ctx.store.dispatch(login({ userID: 'bob', userSig: 'sig-bob', readyTimeoutMs: 150 }));
    expect(result.payload).toMatchObject({ code: TIM_REDUX_ERROR.NOT_READY });
    // The SDK's login goes on: so does the session, for bob.
    expect(session()).toEqual(
      expect.objectContaining({ status: 'loggingIn', userID: 'bob', error: expect.objectContaining({ code: 9007 }) }),
    );
    await until(() => session().status === 'ready', 3000, 'ready');
    expect(session()).toEqual(expect.objectContaining({ status: 'ready', userID: 'bob', error: null }));
    await until(() => selectConversationList(ctx.store.getState()).length === 1, 3000, 'conversation list');
  });

  it('a retry after a timeout, while the first login is still on the wire, waits for it: one wslogin, ready', async () => {
    ctx.emu.delayCommand(WSLOGIN, 500);
    const first = await ctx.store.dispatch(login({ userID: 'bob', userSig: 'sig-bob', readyTimeoutMs: 100 }));
    expect(first.payload).toMatchObject({ code: TIM_REDUX_ERROR.NOT_READY });
    const retry = await ctx.store.dispatch(login({ userID: 'bob', userSig: 'sig-bob' }));
    expect(retry.type).toBe(login.fulfilled.type);
    expect(session()).toEqual(expect.objectContaining({ status: 'ready', userID: 'bob', error: null }));
    expect(wslogins()).toBe(1);
  });

  it('a login that times out and is then refused by the server: idle, with the SDK error', async () => {
    ctx.emu.delayCommand(WSLOGIN, 400);
    const result = await ctx.store.dispatch(login({ userID: 'bob', userSig: 'bad', readyTimeoutMs: 100 }));
    expect(result.payload).toMatchObject({ code: TIM_REDUX_ERROR.NOT_READY });
    await until(() => session().status === 'idle', 3000, 'idle');
    expect(session()).toEqual(
      expect.objectContaining({ status: 'idle', userID: null, error: expect.objectContaining({ code: 70003 }) }),
    );
    await ctx.store.dispatch(login({ userID: 'bob', userSig: 'sig-bob' })).unwrap();
    expect(session()).toEqual(expect.objectContaining({ status: 'ready', userID: 'bob', error: null }));
  });

  it('a login of another user while one is in flight waits for it, then switches', async () => {
    ctx.emu.delayCommand(WSLOGIN, 200, { times: 1 });
    const asAlice = ctx.store.dispatch(login({ userID: 'alice', userSig: 'sig-alice' }));
    const asCarol = ctx.store.dispatch(login({ userID: 'carol', userSig: 'sig-carol' }));
    const carol = await asCarol;
    expect(carol.type).toBe(login.fulfilled.type);
    expect((await asAlice).type).toBe(login.fulfilled.type); // alice's login landed (and was ready) first
    await sleep(300);
    expect(session()).toEqual(expect.objectContaining({ status: 'ready', userID: 'carol', error: null }));
    expect(loggedInOnServer()).toEqual(['carol']);
  });

  it('a logout while a login is in flight lets it land, then logs out: the SDK ends logged out too', async () => {
    ctx.emu.delayCommand(WSLOGIN, 200);
    const loggingIn = ctx.store.dispatch(login({ userID: 'bob', userSig: 'sig-bob' }));
    const loggingOut = ctx.store.dispatch(logout());
    await loggingIn;
    expect((await loggingOut).type).toBe(logout.fulfilled.type);
    await sleep(300);
    expect(session()).toEqual(expect.objectContaining({ status: 'loggedOut', userID: null }));
    expect(loggedInOnServer()).toEqual([]);
    expect(selectConversationList(ctx.store.getState())).toEqual([]);
  });
});
