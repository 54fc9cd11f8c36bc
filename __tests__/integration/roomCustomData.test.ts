/**
 * @jest-environment jsdom
 *
 * ROOM_CUSTOM_DATA_RECEIVED through the real SDKs: the emulator pushes a msg_push item with
 * `Event: 100`; @tencentcloud/chat 3.6.6 emits its `content` as the event's data as it is (no groupID),
 * tim-js-sdk 2.27.6 has no such event and ignores the item.
 */
import { kinds, useBindingOnEmulator } from '../helpers/emulatorStore';
import { sleep, until } from '../emulator/sdk';

describe.each(kinds)('room custom data on %s', (kind) => {
  const { ctx, loginBob } = useBindingOnEmulator(kind);
  const extras = () => ctx.store.getState().tim.extras;

  it('is stored as received, in order, with no error', async () => {
    await loginBob();
    expect(ctx.emu.pushRoomCustomData('bob', 'seat 1 taken')).toBe(1);
    expect(ctx.emu.pushRoomCustomData('bob', { cmd: 'mute', seat: 2 })).toBe(1);
    if (kind === '@tencentcloud/chat') {
      await until(() => extras().roomCustomData.length === 2, 2000, 'room custom data');
      expect(extras().roomCustomData).toEqual(['seat 1 taken', { cmd: 'mute', seat: 2 }]);
    } else {
      await sleep(200);
      expect(ctx.EVENT.ROOM_CUSTOM_DATA_RECEIVED).toBeUndefined();
      expect(extras().roomCustomData).toEqual([]);
    }
    expect(ctx.store.getState().tim.errors.events).toEqual([]);
  });
});
