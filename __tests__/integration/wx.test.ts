/**
 * The binding on the real, unmodified tim-wx-sdk 2.27.6 in plain Node (no jsdom), under the wx shim
 * from `tim-redux/emulator`: login, chat both ways, a dropped socket and a network change, an image
 * through `wx.uploadFile`, logout. The text-frame path (`/info`, WeChat on Windows) is covered too.
 */
import { logout, selectMessagesByConversationID, selectNetState, sendMediaMessage, sendTextMessage } from '../../src';
import { useBindingOnEmulator } from '../helpers/emulatorStore';
import { httpGet, makePng } from '../helpers/mediaEnv';
import { mediaFile, uploadPluginFor, useWxShim } from '../helpers/wx';
import { sleep, until, waitForEvent } from '../emulator/sdk';

const shim = useWxShim();

describe('tim-wx-sdk under the wx shim', () => {
  const binding = useBindingOnEmulator('tim-wx-sdk');
  const { loginBob, peer, texts } = binding;

  it('runs without a window: the SDK took the mini-program path', () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    expect(typeof (globalThis as { wx?: unknown }).wx).toBe('object');
  });

  it('logs in over wx.connectSocket, chats both ways with another mini-program, and logs out', async () => {
    await loginBob();
    expect(binding.ctx.emu.connections().some((c) => c.userID === 'bob' && c.loggedIn)).toBe(true);
    const alice = await peer('alice');
    const got = waitForEvent<Array<{ payload: { text: string } }>>(alice, binding.ctx.EVENT.MESSAGE_RECEIVED);
    await binding.ctx.store
      .dispatch(sendTextMessage({ to: 'alice', conversationType: 'C2C', text: 'hi from wx' }))
      .unwrap();
    expect((await got)[0].payload.text).toBe('hi from wx');
    const message = alice.createTextMessage({ to: 'bob', conversationType: 'C2C', payload: { text: 'hello back' } });
    await alice.sendMessage(message);
    await until(() => texts('C2Calice').includes('hello back'), 4000, 'the reply in the store');
    expect(texts('C2Calice')).toEqual(['hi from wx', 'hello back']);
    // The SDK keeps its caches in wx storage, keyed by app and user.
    await binding.ctx.store.dispatch(logout()).unwrap();
    expect([...shim.storage.keys()].some((k) => /^TIM_\d+_bob_/.test(k))).toBe(true);
  });

  it('reconnects after a dropped socket and after a network change, and gets what it missed', async () => {
    await loginBob();
    await sleep(1100); // a socket closed within 1 s of opening counts as a failed reconnect (see UPLOAD-AND-WX.md)
    const relogin = binding.ctx.emu.waitForCommand('openim.getmsg', { userID: 'bob', timeoutMs: 15_000 });
    expect(binding.ctx.emu.dropSockets('bob')).toBe(1);
    binding.ctx.emu.injectC2CMessage({ from: 'carol', to: 'bob', text: 'while you were away' });
    await relogin;
    await until(() => texts('C2Ccarol').includes('while you were away'), 8000, 'the missed message');
    expect(selectNetState(binding.ctx.store.getState())).toBe('connected');

    await sleep(1100);
    const before = binding.ctx.emu
      .connections()
      .filter((c) => c.userID === 'bob')
      .map((c) => c.id);
    shim.setNetwork('4g'); // another network type: the SDK closes its socket (4001) and opens a new one
    await until(
      () => binding.ctx.emu.connections().some((c) => c.userID === 'bob' && c.loggedIn && !before.includes(c.id)),
      8000,
      'a new socket',
    );
    binding.ctx.emu.injectC2CMessage({ from: 'carol', to: 'bob', text: 'on 4g' });
    await until(() => texts('C2Ccarol').includes('on 4g'), 4000, 'a message on the new socket');
    shim.setNetwork('wifi');
  }, 30_000);

  it('sends an image through wx.uploadFile with the upload plugin; the URL serves the bytes', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined); // the plugin logs each request
    try {
      (binding.ctx.bob as unknown as { registerPlugin(p: Record<string, unknown>): void }).registerPlugin({
        'tim-upload-plugin': uploadPluginFor('tim-wx-sdk'),
      });
      await loginBob();
      await peer('alice');
      const png = makePng(40, 30);
      const sent = await binding.ctx.store
        .dispatch(
          sendMediaMessage({
            kind: 'image',
            to: 'alice',
            conversationType: 'C2C',
            file: mediaFile('tim-wx-sdk', shim, 'image', png, 'photo.png', 'image/png'),
          }),
        )
        .unwrap();
      const [original] = sent.payload.imageInfoArray as Array<{ imageUrl: string; width: number; height: number }>;
      expect([original.width, original.height]).toEqual([40, 30]); // from wx.getImageInfo
      expect((await httpGet(original.imageUrl)).bytes.equals(png)).toBe(true);
      expect(binding.ctx.emu.uploads()[0].method).toBe('POST');
      expect(selectMessagesByConversationID(binding.ctx.store.getState(), 'C2Calice')[0].status).toBe('success');
    } finally {
      log.mockRestore();
    }
  });

  it("speaks text frames on /info when the platform is 'windows' (WeChat for Windows)", async () => {
    const wx = shim.wx as { connectSocket: (o: { url: string }) => unknown };
    const connect = wx.connectSocket;
    const urls: string[] = [];
    wx.connectSocket = (o) => {
      urls.push(o.url);
      return connect(o);
    };
    shim.setPlatform('windows');
    try {
      await loginBob();
      const alice = await peer('alice');
      const got = waitForEvent<Array<{ payload: { text: string } }>>(alice, binding.ctx.EVENT.MESSAGE_RECEIVED);
      await binding.ctx.store
        .dispatch(sendTextMessage({ to: 'alice', conversationType: 'C2C', text: 'from windows' }))
        .unwrap();
      expect((await got)[0].payload.text).toBe('from windows');
      expect(urls.length).toBeGreaterThan(0);
      expect(urls.every((u) => new URL(u).pathname.endsWith('/info'))).toBe(true);
    } finally {
      wx.connectSocket = connect;
      shim.setPlatform('android');
    }
  });
});
