/**
 * @jest-environment jsdom
 *
 * Pinned group messages on the real SDKs against the emulator. @tencentcloud/chat 3.x only: the
 * store's pinned list follows each PINNED_GROUP_MESSAGE_UPDATED delta and equals the SDK's own
 * `getPinnedGroupMessageList` after every pin and unpin, whoever made it.
 */
import {
  getPinnedGroupMessageList,
  pinGroupMessage,
  selectMessagesByConversationID,
  selectPinnedGroupMessages,
} from '../../src';
import { until } from '../emulator/sdk';
import { kinds, useBindingOnEmulator } from '../helpers/emulatorStore';

type Row = [ID: string, sequence: number, pinner: string, text: string];

describe.each(kinds)('pinned group messages on %s', (kind) => {
  const binding = useBindingOnEmulator(kind);

  if (kind === 'tim-js-sdk') {
    it('2.x has no pinned group messages', () => {
      expect((binding.ctx.bob as unknown as Record<string, unknown>).pinGroupMessage).toBeUndefined();
    });
    return;
  }

  it('pin, pin another, unpin one: the store equals getPinnedGroupMessageList after each', async () => {
    const { emu, store, bob } = binding.ctx;
    const { groupID } = emu.createGroup({ type: 'Public', name: 'pins', ownerID: 'alice', memberIDs: ['bob'] });
    await binding.loginBob();
    await until(async () => (await bob.getGroupList()).data.groupList.length === 1, 4000, 'the group');
    const conversationID = `GROUP${groupID}`;
    const sent = ['one', 'two', 'three'].map((text) => emu.injectGroupMessage({ from: 'alice', groupID, text }));
    const idOf = (text: string): string =>
      selectMessagesByConversationID(store.getState(), conversationID).find((m) => m.payload.text === text)?.ID ?? '';
    await until(() => idOf('three') !== '', 3000, 'the messages');

    const storeRows = (): Row[] =>
      selectPinnedGroupMessages(store.getState(), groupID).map((m) => [
        m.ID,
        m.sequence,
        m.pinnerInfo.userID,
        String(m.payload.text),
      ]);
    const sdkRows = async (): Promise<Row[]> => {
      const sdk = bob as unknown as {
        getPinnedGroupMessageList(groupID: string): Promise<{
          data: {
            messageList: Array<{
              ID: string;
              sequence: number;
              pinnerInfo: { userID: string };
              payload: { text: string };
            }>;
          };
        }>;
      };
      const { data } = await sdk.getPinnedGroupMessageList(groupID);
      return data.messageList.map((m) => [m.ID, m.sequence, m.pinnerInfo.userID, m.payload.text]);
    };
    const agree = async (what: string, texts: string[]): Promise<void> => {
      await until(
        () =>
          storeRows()
            .map((r) => r[3])
            .join() === texts.join(),
        3000,
        what,
      ).catch(() => {
        expect([what, storeRows()]).toEqual([what, texts]);
      });
      expect([what, storeRows()]).toEqual([what, await sdkRows()]);
    };

    await store.dispatch(getPinnedGroupMessageList(groupID)).unwrap();
    expect(storeRows()).toEqual([]);
    await store.dispatch(pinGroupMessage({ groupID, messageID: idOf('two'), isPinned: true })).unwrap();
    await agree('bob pinned two', ['two']);
    emu.pinGroupMessage(groupID, sent[0].sequence, true, 'alice');
    await agree('alice pinned one', ['one', 'two']);
    await store.dispatch(pinGroupMessage({ groupID, messageID: idOf('two'), isPinned: false })).unwrap();
    await agree('bob unpinned two', ['one']);
    emu.pinGroupMessage(groupID, sent[2].sequence, true, 'alice');
    await agree('alice pinned three', ['one', 'three']);
  });
});
