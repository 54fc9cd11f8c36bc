/**
 * @jest-environment jsdom
 *
 * Communities and topics on the real SDKs against the emulator: topics created, renamed and deleted
 * by another member (TOPIC_CREATED with only an ID, TOPIC_UPDATED, TOPIC_DELETED) and by the store's
 * own thunks: the store's topics equal the SDK's own `getTopicList` after each.
 */
import { createTopicInCommunity, getTopicList, selectTopics } from '../../src';
import { until } from '../emulator/sdk';
import { kinds, useBindingOnEmulator } from '../helpers/emulatorStore';

type Row = [topicID: string, topicName: string];

describe.each(kinds)('community topics on %s', (kind) => {
  const binding = useBindingOnEmulator(kind);

  it('created, renamed and deleted topics: the store equals getTopicList after each', async () => {
    const { emu, store, bob } = binding.ctx;
    const { groupID } = emu.createGroup({ type: 'Community', name: 'com', ownerID: 'alice', memberIDs: ['bob'] });
    expect(groupID.startsWith('@TGS#_')).toBe(true);
    await binding.loginBob();
    const sdk = bob as unknown as {
      getTopicList(options: { groupID: string }): Promise<{
        data: { successTopicList: Array<{ topicID: string; topicName: string }> };
      }>;
    };
    await until(
      async () => (await bob.getGroupList()).data.groupList.some((g) => g.groupID === groupID),
      4000,
      'the community in the SDK',
    );
    const storeRows = (): Row[] =>
      Object.values(selectTopics(store.getState(), groupID))
        .map((t): Row => [String(t.topicID), String(t.topicName ?? '')])
        .sort((a, b) => a[0].localeCompare(b[0]));
    const sdkRows = async (): Promise<Row[]> =>
      (await sdk.getTopicList({ groupID })).data.successTopicList
        .map((t): Row => [t.topicID, t.topicName])
        .sort((a, b) => a[0].localeCompare(b[0]));
    const agree = async (what: string, names: string[]): Promise<void> => {
      const ok = (): boolean =>
        JSON.stringify(
          storeRows()
            .map((r) => r[1])
            .sort(),
        ) === JSON.stringify(names);
      await until(ok, 3000, what).catch(() => expect([what, storeRows()]).toEqual([what, names]));
      expect([what, storeRows()]).toEqual([what, await sdkRows()]);
    };

    await store.dispatch(getTopicList({ groupID })).unwrap();
    await agree('none yet', []);
    const news = emu.createTopic(groupID, { topicName: 'news' });
    await agree('alice created news', ['news']);
    const mine = await store.dispatch(createTopicInCommunity({ groupID, topicName: 'bobs' })).unwrap();
    expect(emu.topics(groupID).map((t) => t.topicID)).toContain(mine.topic.topicID);
    await agree('bob created bobs', ['bobs', 'news']);
    emu.updateTopic(groupID, news, { topicName: 'headlines' });
    await agree('alice renamed news', ['bobs', 'headlines']);
    emu.deleteTopics(groupID, [news]);
    await agree('alice deleted it', ['bobs']);
  });
});
