/**
 * @jest-environment jsdom
 *
 * Message reactions through the binding on the real @tencentcloud/chat 3.x against the emulator:
 * the record's reactions agree with the SDK's own `getMessageReactions` after every change, mine and
 * a peer's (MESSAGE_REACTIONS_UPDATED). tim-js-sdk 2.x has no reactions.
 */
import {
  addMessageReaction,
  getMessageList,
  getMessageReactions,
  removeMessageReaction,
  selectMessageById,
  type MessageReaction,
} from '../../src';
import { useBindingOnEmulator } from '../helpers/emulatorStore';
import { createSdk, shutdown, sleep, until, waitForEvent, type Sdk, type SdkMessage } from '../emulator/sdk';
import { startEmulator } from '../../src/emulator';

type ReactionSdk = Sdk & {
  addMessageReaction?(message: SdkMessage, reactionID: string): Promise<unknown>;
  removeMessageReaction(message: SdkMessage, reactionID: string): Promise<unknown>;
  getMessageReactions(options: {
    messageList: SdkMessage[];
    maxUserCountPerReaction?: number;
  }): Promise<{ data: { resultList: Array<{ messageID: string; reactionList: MessageReaction[] }> } }>;
  findMessage(id: string): SdkMessage | null;
};

const PURCHASE = 'im_sdk_config_mgr.fetch_imsdk_purchase_bitsv2';

it('tim-js-sdk 2.x has no reactions: nothing to drive there', async () => {
  const emu = await startEmulator();
  const tim = createSdk('tim-js-sdk', emu.url) as ReactionSdk;
  expect(tim.addMessageReaction).toBeUndefined();
  await shutdown(tim);
  await emu.stop();
});

describe('reactions in the store on @tencentcloud/chat', () => {
  const binding = useBindingOnEmulator('@tencentcloud/chat');
  const { ctx, peer } = binding;

  /** bob's store logged in with the SDK's purchased features loaded, and alice's message to him. */
  async function setup(): Promise<{ alice: ReactionSdk; ID: string; theirs: SdkMessage }> {
    const features = ctx.emu.waitForCommand(PURCHASE, { userID: 'bob', timeoutMs: 5000 });
    const aliceFeatures = ctx.emu.waitForCommand(PURCHASE, { userID: 'alice', timeoutMs: 5000 });
    const alice = (await peer('alice')) as ReactionSdk;
    await binding.loginBob();
    const arrived = waitForEvent<SdkMessage[]>(ctx.bob, ctx.EVENT.MESSAGE_RECEIVED);
    const sent = await alice.sendMessage(
      alice.createTextMessage({ to: 'bob', conversationType: ctx.TYPES.CONV_C2C, payload: { text: 'react to me' } }),
    );
    await arrived;
    await Promise.all([features, aliceFeatures]);
    await sleep(50);
    return { alice, ID: sent.data.message.ID, theirs: sent.data.message };
  }

  const reactions = (id: string): MessageReaction[] | undefined =>
    selectMessageById(ctx.store.getState(), id)?.reactions;

  /** The SDK's own view of the message's reactions (bob's instance). */
  async function sdkReactions(id: string): Promise<MessageReaction[]> {
    const bob = ctx.bob as ReactionSdk;
    const message = bob.findMessage(id);
    if (!message) throw new Error(`bob's SDK does not know ${id}`);
    const { data } = await bob.getMessageReactions({ messageList: [message] });
    return data.resultList[0]?.reactionList ?? [];
  }

  const entry = (totalUserCount: number, userIDs: string[], reactedByMyself: boolean) => ({
    reactionID: 'like',
    totalUserCount,
    partialUserList: userIDs.map((userID) => expect.objectContaining({ userID })),
    reactedByMyself,
  });

  it('counts, my flag and an emptied reaction follow mine and a peer’s changes, as the SDK sees them', async () => {
    const { alice, ID, theirs } = await setup();

    await ctx.store.dispatch(addMessageReaction({ messageID: ID, reactionID: 'like' })).unwrap();
    expect(reactions(ID)).toEqual([entry(1, ['bob'], true)]);

    const pushed = waitForEvent(ctx.bob, ctx.EVENT.MESSAGE_REACTIONS_UPDATED);
    await (alice.addMessageReaction as NonNullable<ReactionSdk['addMessageReaction']>)(theirs, 'like');
    await pushed;
    await until(() => reactions(ID)?.[0]?.totalUserCount === 2, 2000, 'two users');
    expect(reactions(ID)).toEqual([entry(2, ['bob', 'alice'], true)]);
    expect(await sdkReactions(ID)).toEqual([entry(2, ['bob', 'alice'], true)]);

    await ctx.store.dispatch(removeMessageReaction({ messageID: ID, reactionID: 'like' })).unwrap();
    await until(() => reactions(ID)?.[0]?.reactedByMyself === false, 2000, 'not mine');
    await sleep(100);
    expect(reactions(ID)).toEqual([entry(1, ['alice'], false)]);
    expect(await sdkReactions(ID)).toEqual([entry(1, ['alice'], false)]);

    // The last holder goes: the SDK reports totalUserCount 0, and the store drops the reaction.
    const emptied = waitForEvent<{ reactionList: MessageReaction[] }>(ctx.bob, ctx.EVENT.MESSAGE_REACTIONS_UPDATED);
    await alice.removeMessageReaction(theirs, 'like');
    expect((await emptied).reactionList).toEqual([expect.objectContaining({ reactionID: 'like', totalUserCount: 0 })]);
    await until(() => reactions(ID)?.length === 0, 2000, 'reaction dropped');
    expect(await sdkReactions(ID)).toEqual([]);
  });

  it('getMessageReactions loads the SDK’s summary onto the record', async () => {
    // Reactions made while bob is away: no push reaches him, only the thunk brings them in.
    const m = ctx.emu.injectC2CMessage({ from: 'alice', to: 'bob', text: 'older news' });
    expect(ctx.emu.setReaction({ messageID: m.sdkMessageID, reactionID: 'like', userID: 'alice' })).toBe(true);
    expect(ctx.emu.setReaction({ messageID: m.sdkMessageID, reactionID: 'wow', userID: 'carol' })).toBe(true);
    expect(ctx.emu.setReaction({ messageID: m.sdkMessageID, reactionID: 'wow', userID: 'bob' })).toBe(true);
    const features = ctx.emu.waitForCommand(PURCHASE, { userID: 'bob', timeoutMs: 5000 });
    await binding.loginBob();
    await ctx.store.dispatch(getMessageList('C2Calice')).unwrap();
    await features;
    await sleep(50);
    expect(reactions(m.sdkMessageID)).toEqual([]);
    const loaded = await ctx.store.dispatch(getMessageReactions({ messageIDList: [m.sdkMessageID] })).unwrap();
    const sdk = await sdkReactions(m.sdkMessageID);
    expect(sdk).toEqual([
      { ...entry(1, ['alice'], false) },
      { ...entry(2, ['carol', 'bob'], true), reactionID: 'wow' },
    ]);
    expect(loaded).toEqual([{ messageID: m.sdkMessageID, reactionList: sdk }]);
    expect(reactions(m.sdkMessageID)).toEqual(sdk);
  });
});
