/**
 * @jest-environment jsdom
 *
 * Image, file, audio and video messages through `sendMediaMessage` on the real SDKs with the real
 * tim-upload-plugin (registered as Tencent's guide does), against the emulator's upload server:
 * the bytes reach the peer at working URLs, survive a history reload, and the upload's progress,
 * failure and resend land in the store.
 */
import { getMessageList, resendMessage, selectMessagesByConversationID, sendMediaMessage } from '../../src';
import type { MessageRecord } from '../../src';
import type { Emulator } from '../../src/emulator';
import { useBindingOnEmulator, type EmulatorStoreContext } from '../helpers/emulatorStore';
import { mediaFile, uploadPluginFor, useWxShim, type MediaKind } from '../helpers/wx';
import { httpGet, installMediaEnv, makePng } from '../helpers/mediaEnv';
import { allKinds, createSdk, loginReady, shutdown, waitForEvent, type Sdk, type SdkKind } from '../emulator/sdk';

type Store = EmulatorStoreContext['store'];
type Payload = Record<string, unknown>;

// tim-wx-sdk runs beside the web SDKs under the wx shim, installed before it is loaded.
const shim = useWxShim();

/** Registers the real upload plugin, as the guide does, before login. */
export function withUploadPlugin(tim: Sdk, kind: SdkKind): Sdk {
  (tim as unknown as { registerPlugin(p: Record<string, unknown>): void }).registerPlugin({
    'tim-upload-plugin': uploadPluginFor(kind),
  });
  return tim;
}

/** The plugin logs every request with console.log; tests keep output quiet. */
export function hushUploadPlugin(): void {
  let spy: jest.SpyInstance;
  beforeEach(() => {
    const log = console.log;
    spy = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      const first = String(args[0]);
      if (first.includes('tim-upload-plugin') || first.startsWith('TIMUploadPlugin')) return;
      log(...args);
    });
  });
  afterEach(() => spy.mockRestore());
}

/** The download URL a record carries, per type (the sender's image `url` is a local preview). */
function downloadUrl(type: string, payload: Payload, side: 'sender' | 'receiver'): string {
  if (type === 'TIMImageElem') {
    const [original] = payload.imageInfoArray as Array<{ url: string; imageUrl: string }>;
    // 2.27.6 / 3.6.6: the receiver's imageUrl is forced to https (`_autoFixUrl`), url stays as sent.
    return side === 'sender' ? original.imageUrl : original.url;
  }
  if (type === 'TIMFileElem') return String(payload.fileUrl);
  // The sender's audio url is the local recording (mini-programs) or absent (web); remoteAudioUrl is uploaded.
  if (type === 'TIMSoundElem') return String(side === 'sender' ? payload.remoteAudioUrl : payload.url);
  // The sender's videoUrl is the local preview (createObjectURL); the uploaded one is remoteVideoUrl.
  return String(side === 'sender' ? payload.remoteVideoUrl : payload.videoUrl);
}

const CASES = [
  { kind: 'image', type: 'TIMImageElem', name: 'cat.png', mime: 'image/png', bytes: () => makePng(800, 400) },
  {
    kind: 'file',
    type: 'TIMFileElem',
    name: 'notes.txt',
    mime: 'text/plain',
    bytes: () => Buffer.from('hello '.repeat(5000)),
  },
  { kind: 'audio', type: 'TIMSoundElem', name: 'voice.mp3', mime: 'audio/mpeg', bytes: () => Buffer.alloc(40_000, 7) },
  {
    kind: 'video',
    type: 'TIMVideoFileElem',
    name: 'clip.mp4',
    mime: 'video/mp4',
    bytes: () => Buffer.alloc(300_000, 3),
  },
] as const;

describe.each(allKinds)('media messages on %s with tim-upload-plugin', (kind) => {
  const fileOf = (media: MediaKind, bytes: Uint8Array, name: string, mime: string, size?: number): unknown =>
    mediaFile(kind, shim, media, bytes, name, mime, size);
  const binding = useBindingOnEmulator(kind);
  const { loginBob, peer, messages } = binding;
  let emu: Emulator;
  let store: Store;
  let uninstall: () => void;
  hushUploadPlugin();
  beforeEach(() => {
    ({ emu, store } = binding.ctx);
    uninstall = installMediaEnv();
    withUploadPlugin(binding.ctx.bob, kind);
  });
  afterEach(() => uninstall());

  /**
   * Every progress value state held for messages of `conversationID`, read every millisecond
   * (progress actions are auto-batched: subscribers hear of them late, state has them at once).
   */
  const watchProgress = (conversationID: string): { values: number[]; stop(): void } => {
    const values: number[] = [];
    const timer = setInterval(() => {
      for (const m of messages(conversationID)) {
        if (m.progress !== null && values[values.length - 1] !== m.progress) values.push(m.progress);
      }
    }, 1);
    return { values, stop: () => clearInterval(timer) };
  };

  it.each(CASES)(
    'a $kind message uploads, reaches the peer at a working URL and survives a history reload',
    async (c) => {
      await loginBob();
      const alice = await peer('alice');
      const bytes = c.bytes();
      const received = waitForEvent<Array<{ type: string; payload: Payload }>>(
        alice,
        binding.ctx.EVENT.MESSAGE_RECEIVED,
        () => true,
        8000,
      );
      const progress = watchProgress('C2Calice');
      const file = fileOf(c.kind, bytes, c.name, c.mime);
      const sent: MessageRecord = await store
        .dispatch(sendMediaMessage({ kind: c.kind, to: 'alice', conversationType: 'C2C', file }))
        .unwrap();
      progress.stop();
      expect(sent.type).toBe(c.type);
      expect(sent.status).toBe('success');
      // The bar starts at 0 before the first byte and is cleared once the send settled.
      expect(progress.values[0]).toBe(0);
      expect(messages('C2Calice').find((m) => m.ID === sent.ID)?.progress).toBeNull();

      const url = downloadUrl(c.type, sent.payload, 'sender');
      // Web: the plugin PUTs the File; mini-program: wx.uploadFile POSTs multipart from the temp path.
      expect(emu.uploads().find((f) => f.url === url)?.method).toBe(kind === 'tim-wx-sdk' ? 'POST' : 'PUT');
      expect(url.startsWith(emu.httpUrl)).toBe(true);
      const stored = await httpGet(url);
      expect(stored.status).toBe(200);
      expect(stored.bytes.equals(bytes)).toBe(true);
      if (c.kind === 'image') expect(stored.type).toBe('image/png');

      const [arrived] = await received;
      expect(arrived.type).toBe(c.type);
      expect(downloadUrl(c.type, arrived.payload, 'receiver')).toBe(url);
      if (c.kind === 'video') {
        const cover = String(arrived.payload.thumbUrl ?? arrived.payload.snapshotUrl);
        expect((await httpGet(cover)).type).toBe('image/png');
      }

      // A new instance of alice reads it from the server's history.
      const again = createSdk(kind, emu.url);
      try {
        await loginReady(kind, again, 'alice', { emulator: emu });
        const page = await again.getMessageList({ conversationID: 'C2Cbob' });
        const fromHistory = page.data.messageList.find((m) => m.type === c.type) as unknown as { payload: Payload };
        expect(downloadUrl(c.type, fromHistory.payload, 'receiver')).toBe(url);
      } finally {
        await shutdown(again);
      }
    },
  );

  it('progress in state rises from 0 to 1 with the real upload', async () => {
    await loginBob();
    await peer('alice');
    emu.slowUploads({ bytesPerSecond: 16 * 1048576 });
    const progress = watchProgress('C2Calice');
    const file = fileOf('file', new Uint8Array(8 * 1048576), 'big.bin', 'application/octet-stream');
    const sent = await store
      .dispatch(sendMediaMessage({ kind: 'file', to: 'alice', conversationType: 'C2C', file }))
      .unwrap();
    progress.stop();
    expect(sent.status).toBe('success');
    expect(progress.values[0]).toBe(0);
    expect(progress.values[progress.values.length - 1]).toBe(1);
    expect(progress.values.filter((p) => p > 0 && p < 1).length).toBeGreaterThan(2);
    expect(progress.values).toEqual([...progress.values].sort((a, b) => a - b));
    expect(messages('C2Calice')[0].progress).toBeNull();
    expect(emu.uploads()[0].size).toBe(8 * 1048576);
  });

  it('an image from a peer lands in the store with a URL that serves the bytes', async () => {
    const alice = withUploadPlugin(createSdk(kind, emu.url), kind);
    try {
      await loginReady(kind, alice, 'alice', { emulator: emu });
      await loginBob();
      const png = makePng(300, 200);
      const message = (alice as unknown as { createImageMessage(o: unknown): never }).createImageMessage({
        to: 'bob',
        conversationType: 'C2C',
        payload: { file: fileOf('image', png, 'dog.png', 'image/png') },
      });
      await alice.sendMessage(message);
      let record: MessageRecord | undefined;
      const deadline = Date.now() + 4000;
      while (!(record = messages('C2Calice').find((m) => m.type === 'TIMImageElem')) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(record).toBeDefined();
      const url = downloadUrl('TIMImageElem', record!.payload, 'receiver');
      expect((await httpGet(url)).bytes.equals(png)).toBe(true);
      const page = await store.dispatch(getMessageList('C2Calice')).unwrap();
      expect(page).toBeDefined();
      expect(
        selectMessagesByConversationID(store.getState(), 'C2Calice').filter((m) => m.type === 'TIMImageElem'),
      ).toHaveLength(1);
    } finally {
      await shutdown(alice);
    }
  });

  it('a failed upload ends as a failed message with a clear error, and resendMessage uploads it again', async () => {
    await loginBob();
    await peer('alice');
    emu.failUploads({ times: 1, status: 500 });
    const file = fileOf('image', makePng(64, 64), 'x.png', 'image/png');
    const result = await store.dispatch(
      sendMediaMessage({ kind: 'image', to: 'alice', conversationType: 'C2C', file }),
    );
    expect(sendMediaMessage.rejected.match(result)).toBe(true);
    const error = (result as { payload?: { code: number; message: string } }).payload!;
    expect(error.code).toBe(2400);
    expect(error.message).toMatch(/upload/i);
    const [failed] = messages('C2Calice');
    expect(failed.status).toBe('fail');
    expect(failed.progress).toBeNull();
    expect(store.getState().tim.messages.errors[failed.ID]).toEqual(error);
    expect(emu.uploads()).toHaveLength(0);

    const resent = await store.dispatch(resendMessage(failed.ID)).unwrap();
    expect(resent.status).toBe('success');
    expect(messages('C2Calice').map((m) => m.status)).toEqual(['success']);
    expect(emu.uploads()).toHaveLength(1);
  });

  describe('bad input: a clear error, no stuck progress, no orphan message', () => {
    type Rejection = { payload?: { code: number; message: string } };
    const send = async (kind: 'image' | 'file' | 'audio' | 'video', file: unknown): Promise<Rejection> => {
      const result = await store.dispatch(sendMediaMessage({ kind, to: 'alice', conversationType: 'C2C', file }));
      expect(sendMediaMessage.rejected.match(result)).toBe(true);
      return result as Rejection;
    };
    const noneStuck = (): void => {
      for (const m of messages('C2Calice')) {
        expect(m.status).not.toBe('unSend');
        expect(m.progress).toBeNull();
      }
    };

    it('a missing file and an empty file list are rejected before any message is made', async () => {
      await loginBob();
      const missing = await send('image', undefined);
      expect(missing.payload).toEqual({ code: 9002, message: expect.stringMatching(/needs a file/) });
      const input = document.createElement('input');
      input.type = 'file';
      const none = await send('file', kind === 'tim-wx-sdk' ? { tempFilePaths: [], tempFiles: [] } : input);
      expect(none.payload).toEqual({ code: 9002, message: expect.stringMatching(/no file was chosen/) });
      expect(messages('C2Calice')).toHaveLength(0);
    });

    it.each(['image', 'file', 'audio', 'video'] as const)(
      'an empty %s is rejected with 2108 before any message is made (the SDKs would send an empty video)',
      async (mediaKind) => {
        await loginBob();
        const empty = await send(mediaKind, fileOf(mediaKind, new Uint8Array(0), 'empty.mp4', 'video/mp4'));
        expect(empty.payload).toEqual({ code: 2108, message: 'The file is empty (0 bytes).' });
        expect(messages('C2Calice')).toHaveLength(0);
        expect(emu.uploads()).toHaveLength(0);
      },
    );

    it("an oversize image fails with the SDK's own code and an English message, before any upload", async () => {
      await loginBob();
      // A mini-program picker reports the size; the web SDK reads the File's.
      const big =
        kind === 'tim-wx-sdk'
          ? fileOf('image', makePng(2, 2), 'huge.png', 'image/png', 20 * 1048576)
          : fileOf('image', new Uint8Array(20 * 1048576), 'huge.png', 'image/png');
      const rejected = await send('image', big);
      expect(rejected.payload).toEqual({ code: 2253, message: 'The image is too large (the limit is 20 MB).' });
      const [failed] = messages('C2Calice');
      expect(failed.status).toBe('fail');
      expect(store.getState().tim.messages.errors[failed.ID]).toEqual(rejected.payload);
      noneStuck();
      expect(emu.commandLog().some((c) => c.servcmd === 'im_cos_msg.pre_sig')).toBe(false);
      expect(emu.uploads()).toHaveLength(0);
    });

    it('a file over the server limit is refused whole: 2400, nothing stored', async () => {
      await loginBob();
      emu.setUploadLimit(255, 1000);
      const rejected = await send('file', fileOf('file', new Uint8Array(5000), 'a.bin', ''));
      expect(rejected.payload).toEqual({ code: 2400, message: 'The file upload failed.' });
      noneStuck();
      expect(emu.uploads()).toHaveLength(0);
    });

    it('an upload URL that fails twice: two failed attempts with clear errors, the third succeeds', async () => {
      await loginBob();
      await peer('alice');
      emu.failUploads({ times: 2, status: 503 });
      const file = fileOf('image', makePng(10, 10), 'x.png', 'image/png');
      const first = await send('image', file);
      expect(first.payload).toEqual({ code: 2400, message: 'The file upload failed.' });
      const [failed] = messages('C2Calice');
      noneStuck();
      const second = await store.dispatch(resendMessage(failed.ID));
      expect(resendMessage.rejected.match(second)).toBe(true);
      expect((second as Rejection).payload).toEqual(first.payload);
      expect(messages('C2Calice').map((m) => m.status)).toEqual(['fail']);
      expect(store.getState().tim.messages.errors[failed.ID]).toEqual(first.payload);
      noneStuck();
      const third = await store.dispatch(resendMessage(failed.ID)).unwrap();
      expect(third.status).toBe('success');
      expect(store.getState().tim.messages.errors[failed.ID]).toBeUndefined();
      expect(messages('C2Calice').map((m) => [m.status, m.progress])).toEqual([['success', null]]);
      expect(emu.uploads()).toHaveLength(1);
    });
  });
});
