/**
 * @jest-environment jsdom
 *
 * ALL_RECEIVE_MESSAGE_OPT_UPDATED through the real SDKs: the global do-not-disturb setting changed on
 * another device (its `setAllReceiveMessageOpt`, servcmd `im_msg_db_logic.ws_set_do_not_disturb`) or
 * by the emulator's control `setAllReceiveMessageOpt` reaches bob's SDK as msg_push `Event: 24`;
 * @tencentcloud/chat 3.6.6 emits it (MsgRemindHandler `onAllRcvMsgOptNotify`), and the store keeps
 * what the SDK's own `getAllReceiveMessageOpt` answers. tim-js-sdk 2.27.6 has neither the API nor the event.
 */
import { kinds, useBindingOnEmulator } from '../helpers/emulatorStore';
import { loginReady, sleep, until } from '../emulator/sdk';

type OptSdk = {
  setAllReceiveMessageOpt?(o: { messageRemindType: string; startHour?: number; duration?: number }): Promise<unknown>;
  getAllReceiveMessageOpt?(): Promise<{ data: Record<string, unknown> }>;
};

describe.each(kinds)('the global do-not-disturb setting on %s', (kind) => {
  const binding = useBindingOnEmulator(kind);
  const { ctx, loginBob } = binding;
  const stored = () => ctx.store.getState().tim.extras.allReceiveMessageOpt;

  it("another device's change and the server's reach the store as the SDK reads them", async () => {
    await loginBob();
    const other = binding.secondDevice() as unknown as OptSdk;
    await loginReady(kind, other as unknown as Parameters<typeof loginReady>[1], 'bob', { emulator: ctx.emu });
    const own = ctx.bob as unknown as OptSdk;
    if (kind === 'tim-js-sdk') {
      expect(own.setAllReceiveMessageOpt).toBeUndefined();
      expect(ctx.emu.setAllReceiveMessageOpt('bob', { messageRemindType: 2 })).toBe(2);
      await sleep(300);
      expect(stored()).toBeNull();
      expect(ctx.store.getState().tim.errors.events).toEqual([]);
      return;
    }
    await other.setAllReceiveMessageOpt!({ messageRemindType: ctx.TYPES.MSG_REMIND_ACPT_NOT_NOTE });
    await until(() => stored() !== null, 2000, 'the setting of the other device');
    const sdkView = (await own.getAllReceiveMessageOpt!()).data;
    expect(sdkView).toMatchObject({ messageRemindType: 'AcceptNotNotify', isRepeated: true });
    expect(stored()).toEqual(sdkView);

    ctx.emu.setAllReceiveMessageOpt('bob', { messageRemindType: 1, startTime: 3600, endTime: 7200, isRepeated: true });
    await until(() => stored()?.messageRemindType === 'Discard', 2000, 'the server-side setting');
    expect(stored()).toEqual({ messageRemindType: 'Discard', startTime: 3600, endTime: 7200, isRepeated: true });
    expect(stored()).toEqual((await own.getAllReceiveMessageOpt!()).data);
    expect(ctx.store.getState().tim.errors.events).toEqual([]);
  });
});
