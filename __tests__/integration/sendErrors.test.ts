/**
 * @jest-environment jsdom
 *
 * Send errors on the real SDKs against the IM emulator: a send before login rejects with the SDK's
 * own code (no unhandled rejection), a send whose error is later proven wrong (the server had the
 * message) loses its error, and the SDK's own `TYPES.CONV_*` constants are what the thunks take.
 */
import type TIMType from 'tim-js-sdk';
import type ChatType from '@tencentcloud/chat';
import {
  getMessageList,
  selectMessageError,
  selectMessagesByConversationID,
  sendTextMessage,
  type SendConversationType,
} from '../../src';
import { kinds, useBindingOnEmulator } from '../helpers/emulatorStore';
import { constants, sleep, until } from '../emulator/sdk';

// The SDKs' own TYPES, typed by their .d.ts (loaded quietly: they print a banner when imported).
const TIM = { TYPES: constants('tim-js-sdk').TYPES as unknown as typeof TIMType.TYPES };
const TencentCloudChat = { TYPES: constants('@tencentcloud/chat').TYPES as unknown as typeof ChatType.TYPES };

/** USER_NOT_LOGGED_IN of both SDKs: the not-ready reason before any login. */
const USER_NOT_LOGGED_IN = 2024;

// Both SDKs' enums: TypeScript takes their members for the literals (these lines are the type test).
const C2C_CONSTANTS: SendConversationType[] = [TIM.TYPES.CONV_C2C, TencentCloudChat.TYPES.CONV_C2C];
const GROUP_CONSTANTS: SendConversationType[] = [TIM.TYPES.CONV_GROUP, TencentCloudChat.TYPES.CONV_GROUP];

describe.each(kinds)('send errors on %s', (kind) => {
  const { ctx, loginBob, peer } = useBindingOnEmulator(kind);
  const state = () => ctx.store.getState();
  const texts = () => selectMessagesByConversationID(state(), 'C2Calice').map((m) => m.payload.text);

  it("sendTextMessage before login rejects with the SDK's 2024, leaves no unhandled rejection and no message", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const result = await ctx.store.dispatch(
        sendTextMessage({ to: 'alice', conversationType: 'C2C', text: 'too early' }),
      );
      expect(result.type).toBe(sendTextMessage.rejected.type);
      expect(result.payload).toEqual({ code: USER_NOT_LOGGED_IN, message: expect.any(String) });
      await sleep(50);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(texts()).toEqual([]);
    await loginBob();
    await ctx.store.dispatch(sendTextMessage({ to: 'alice', conversationType: 'C2C', text: 'in time' })).unwrap();
    expect(texts()).toEqual(['in time']);
  });

  it('a send that timed out but reached the server comes back in a history page as success: its error is gone', async () => {
    await peer('alice');
    await loginBob();
    ctx.emu.delayCommand('openim.sendmsg', 2000); // stored and answered at 2 s, after the SDK gave up
    const arrived = ctx.emu.waitForCommand('openim.sendmsg', { userID: 'bob' });
    const sending = ctx.store.dispatch(sendTextMessage({ to: 'alice', conversationType: 'C2C', text: 'late' }));
    await arrived;
    // The SDKs time a request out after 15 s by Date.now(), checked once a second.
    const realNow = Date.now.bind(Date);
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => realNow() + 16_000);
    let failed: Awaited<typeof sending>;
    try {
      failed = await sending;
    } finally {
      clock.mockRestore();
    }
    expect(failed.payload).toMatchObject({ code: 2801 });
    const [record] = selectMessagesByConversationID(state(), 'C2Calice');
    expect(selectMessageError(state(), record.ID)).toMatchObject({ code: 2801 });
    await until(() => ctx.emu.c2cMessages().length === 1, 3000, 'the late send stored');
    await ctx.store.dispatch(getMessageList('C2Calice')).unwrap();
    expect(selectMessagesByConversationID(state(), 'C2Calice').map((m) => [m.ID, m.status])).toEqual([
      [record.ID, 'success'],
    ]);
    expect(selectMessageError(state(), record.ID)).toBeUndefined();
  });

  it("the SDK's TYPES.CONV_C2C and CONV_GROUP are the literals the thunks take", async () => {
    expect(C2C_CONSTANTS).toEqual(['C2C', 'C2C']);
    expect(GROUP_CONSTANTS).toEqual(['GROUP', 'GROUP']);
    expect([ctx.TYPES.CONV_C2C, ctx.TYPES.CONV_GROUP]).toEqual(['C2C', 'GROUP']);
    await loginBob();
    const conversationType = kind === 'tim-js-sdk' ? TIM.TYPES.CONV_C2C : TencentCloudChat.TYPES.CONV_C2C;
    await ctx.store.dispatch(sendTextMessage({ to: 'alice', conversationType, text: 'typed' })).unwrap();
    expect(texts()).toEqual(['typed']);
  });

  it('selectMessageError is undefined for a message without an error, also for keys of Object.prototype', async () => {
    await loginBob();
    expect(selectMessageError(state(), 'no-such-message')).toBeUndefined();
    expect(selectMessageError(state(), 'constructor')).toBeUndefined();
    expect(selectMessageError(state(), 'toString')).toBeUndefined();
  });
});
