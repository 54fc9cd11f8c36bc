/**
 * @jest-environment jsdom
 *
 * AVChatRoom live rooms on the real SDKs against the emulator: joined through the store, a flood of
 * live messages is capped in state, though no received message says it is from a live room.
 */
import { joinGroup, selectMessagesByConversationID, setMessageCap } from '../../src';
import { until } from '../emulator/sdk';
import { kinds, useBindingOnEmulator } from '../helpers/emulatorStore';

describe.each(kinds)('an AVChatRoom on %s', (kind) => {
  const binding = useBindingOnEmulator(kind);

  it('a flood of live messages is capped in state by the group type', async () => {
    const { emu, store, bob } = binding.ctx;
    const { groupID } = emu.createGroup({ type: 'AVChatRoom', name: 'live', ownerID: 'alice' });
    await binding.loginBob();
    store.dispatch(setMessageCap({ subType: 'AVChatRoom', cap: 20 }));
    const joined = await store.dispatch(joinGroup({ groupID })).unwrap();
    expect(joined.status).toBe('JoinedSuccess');
    expect(emu.groups()[0].members.map((m) => m.userID)).toContain('bob');
    const conversationID = `GROUP${groupID}`;
    const texts = (): string[] =>
      selectMessagesByConversationID(store.getState(), conversationID).map((m) => String(m.payload.text ?? ''));
    for (let i = 0; i < 60; i++) emu.injectGroupMessage({ from: 'alice', groupID, text: `live ${i}` });
    await until(() => texts().includes('live 59'), 5000, 'the last live message');
    // The SDK itself knows the room by its type; the messages do not say it.
    const group = (await bob.getGroupList()).data.groupList.find((g) => g.groupID === groupID);
    expect(group?.type).toBe('AVChatRoom');
    const list = selectMessagesByConversationID(store.getState(), conversationID);
    expect(list.every((m) => m.conversationSubType === '')).toBe(true);
    expect(list.length).toBeLessThanOrEqual(22);
    expect(texts().slice(-3)).toEqual(['live 57', 'live 58', 'live 59']);
  });
});
