/**
 * @jest-environment jsdom
 *
 * Retry of a message restored as failed, when the new message sent in its place fails too: the
 * failure is where the failed row is (the new message's ID), not under the ID of the row that went.
 */
import {
  getMessageList,
  memoryStorage,
  resendMessage,
  selectMessagesByConversationID,
  sendTextMessage,
  type TimPersistOptions,
} from '../../src';
import { kinds, until } from '../emulator/sdk';
import { failOnConsoleWarnings } from '../helpers/store';
import { usePersistPages } from '../helpers/persistPages';

const APP = 1400000779;

describe.each(kinds)('Retry of a restored failed message on %s', (kind) => {
  const { ctx, page, unload, loginAs } = usePersistPages(kind, {
    seed: (emu) => emu.injectC2CMessage({ from: 'carol', to: 'bob', text: 'carol 1' }),
  });
  failOnConsoleWarnings();

  it('a failed Retry leaves its error under the new failed row; a second Retry of that row sends it', async () => {
    const storage = memoryStorage();
    const options: TimPersistOptions = { storage, SDKAppID: APP, debounceMs: 20 };
    const savedKey = `tim-redux:${APP}:bob`;
    const first = page(options);
    await loginAs(first);
    await first.store.dispatch(getMessageList('C2Ccarol')).unwrap();
    await first.store.dispatch(sendTextMessage({ to: 'carol', conversationType: 'C2C', text: 'bob 1' })).unwrap();
    await until(() => (storage.data.get(savedKey) ?? '').includes('bob 1'), 4000, 'the save');
    await unload(first);
    // The page went while 'bob 2' was being sent.
    type Stored = { conversationID: string; messages: Array<Record<string, unknown>> };
    const snapshot = JSON.parse(storage.data.get(savedKey) ?? '{}') as { messages: Stored[] };
    const list = snapshot.messages.find((l) => l.conversationID === 'C2Ccarol');
    const last = list?.messages.at(-1) ?? {};
    list?.messages.push({
      ...last,
      ID: 'unsent-1',
      status: 'unSend',
      payload: { text: 'bob 2' },
      time: Number(last.time) + 1,
    });
    storage.data.set(savedKey, JSON.stringify(snapshot));

    const second = page(options);
    await loginAs(second);
    ctx.emu.failCommand('openim.sendmsg', { code: 20007, message: 'blocked' });
    const retry = await second.store.dispatch(resendMessage('unsent-1'));
    expect(resendMessage.rejected.match(retry)).toBe(true);
    const rows = () => selectMessagesByConversationID(second.store.getState(), 'C2Ccarol');
    const failed = rows().filter((m) => m.payload.text === 'bob 2');
    expect(failed.map((m) => m.status)).toEqual(['fail']);
    const newID = failed[0].ID;
    expect(newID).not.toBe('unsent-1');
    expect(retry.payload).toMatchObject({ code: 20007, messageID: newID });
    const { errors } = second.store.getState().tim.messages;
    expect(Object.keys(errors)).toEqual([newID]);
    expect(errors[newID]).toMatchObject({ code: 20007 });

    ctx.emu.clearFaults();
    const sent = await second.store.dispatch(resendMessage(newID)).unwrap();
    expect(sent).toMatchObject({ ID: newID, status: 'success' });
    expect(second.store.getState().tim.messages.errors).toEqual({});
    expect(
      rows()
        .filter((m) => m.payload.text === 'bob 2')
        .map((m) => m.ID),
    ).toEqual([newID]);
  });
});
