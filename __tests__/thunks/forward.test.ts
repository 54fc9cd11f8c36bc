import {
  createTopicInCommunity,
  deleteTopicFromCommunity,
  downloadMergerMessage,
  forwardMessage,
  login,
  selectMessagesByConversationID,
  sendMergerMessage,
  TIM_REDUX_ERROR,
  updateTopicProfile,
} from '../../src';
import { FakeMessage, FakeSdk } from '../helpers/fakeSdk';
import { failOnConsoleWarnings, flush, makeStore } from '../helpers/store';

failOnConsoleWarnings();

/** The double, with the SDK's forward, merger and topic methods. */
function sdkWithExtras() {
  const sdk = new FakeSdk();
  const made = (kind: string) =>
    jest.fn((options: { to: string; conversationType: string }) =>
      Object.assign(
        new FakeMessage({
          from: 'me',
          to: options.to,
          conversationType: options.conversationType,
          flow: 'out',
          status: 'unSend',
          sequence: 0,
          text: kind,
        }),
        { _options: options },
      ),
    );
  const extras = {
    createForwardMessage: made('forwarded'),
    createMergerMessage: made('merged'),
    downloadMergerMessage: jest.fn(async (message: FakeMessage) => ({
      code: 0,
      data: Object.assign(message, {
        _elements: [
          {
            type: 'TIMRelayElem',
            content: {
              messageList: [
                { from: 'bob', time: 1, messageBody: [{ type: 'TIMTextElem', payload: { text: 'inner' } }] },
              ],
            },
          },
        ],
      }),
    })),
    createTopicInCommunity: jest.fn(async () => ({ code: 0, data: { topicID: '@TGS#_c1@TOPIC#_t9' } })),
    deleteTopicFromCommunity: jest.fn(async ({ topicIDList }: { topicIDList: string[] }) => ({
      code: 0,
      data: { successTopicList: topicIDList.slice(0, 1).map((topicID) => ({ topicID })), failureTopicList: [] },
    })),
    updateTopicProfile: jest.fn(async () => ({ code: 0, data: {} })),
  };
  return Object.assign(sdk, extras);
}

async function setup() {
  const sdk = sdkWithExtras();
  const { store } = makeStore(sdk);
  await store.dispatch(login({ userID: 'me', userSig: 's' })).unwrap();
  await flush();
  sdk.emit('MESSAGE_RECEIVED', [new FakeMessage({ from: 'bob', to: 'me', ID: 'b1', text: 'worth forwarding' })]);
  return { sdk, store };
}

describe('forwardMessage and merged messages', () => {
  it('forwards a stored message: the SDK gets the original, the copy is sent optimistically', async () => {
    const { sdk, store } = await setup();
    const sent = await store
      .dispatch(forwardMessage({ messageID: 'b1', to: 'carol', conversationType: 'C2C' }))
      .unwrap();
    const original = sdk.createForwardMessage.mock.calls[0][0] as unknown as { payload: FakeMessage };
    expect(original.payload.ID).toBe('b1');
    expect(sdk.sendMessage).toHaveBeenCalledTimes(1);
    expect(selectMessagesByConversationID(store.getState(), 'C2Ccarol').map((m) => [m.ID, m.status])).toEqual([
      [sent.ID, 'success'],
    ]);
  });

  it('merges messages into one sent message, and reads a merged message back as plain data', async () => {
    const { sdk, store } = await setup();
    const sent = await store
      .dispatch(
        sendMergerMessage({
          messageIDs: ['b1'],
          to: 'carol',
          conversationType: 'C2C',
          title: 'Chat with Bob',
          abstractList: ['bob: worth forwarding'],
          compatibleText: 'upgrade',
        }),
      )
      .unwrap();
    const options = sdk.createMergerMessage.mock.calls[0][0] as unknown as {
      payload: { messageList: FakeMessage[]; title: string };
    };
    expect(options.payload.messageList.map((m) => m.ID)).toEqual(['b1']);
    expect(options.payload.title).toBe('Chat with Bob');
    const inner = await store.dispatch(downloadMergerMessage(sent.ID)).unwrap();
    expect(inner).toEqual([
      { from: 'bob', time: 1, messageBody: [{ type: 'TIMTextElem', payload: { text: 'inner' } }] },
    ]);
  });

  it('refuses bad arguments and unknown messages before calling the SDK', async () => {
    const { sdk, store } = await setup();
    const bad = await store.dispatch(forwardMessage({ messageID: 'b1', to: '', conversationType: 'C2C' }));
    expect(bad.payload).toMatchObject({ code: TIM_REDUX_ERROR.INVALID_ARGUMENT });
    const unknown = await store.dispatch(
      sendMergerMessage({
        messageIDs: ['nope'],
        to: 'carol',
        conversationType: 'C2C',
        title: '',
        abstractList: [],
        compatibleText: '',
      }),
    );
    expect(unknown.payload).toMatchObject({ code: TIM_REDUX_ERROR.UNKNOWN_MESSAGE });
    expect(sdk.createForwardMessage).not.toHaveBeenCalled();
    expect(sdk.createMergerMessage).not.toHaveBeenCalled();
  });

  it('a failed forward is marked fail', async () => {
    const { sdk, store } = await setup();
    sdk.sendMessage.mockRejectedValueOnce({ code: 20007, message: 'blocked' });
    await expect(
      store.dispatch(forwardMessage({ messageID: 'b1', to: 'carol', conversationType: 'C2C' })).unwrap(),
    ).rejects.toEqual({ code: 20007, message: 'blocked' });
    expect(selectMessagesByConversationID(store.getState(), 'C2Ccarol').map((m) => m.status)).toEqual(['fail']);
  });
});

describe('community topics', () => {
  it('create, update and delete land in extras.topics', async () => {
    const { sdk, store } = await setup();
    const topics = () => store.getState().tim.extras.topics['@TGS#_c1'];
    await store.dispatch(createTopicInCommunity({ groupID: '@TGS#_c1', topicName: 'news' })).unwrap();
    expect(topics()).toEqual({ '@TGS#_c1@TOPIC#_t9': { topicID: '@TGS#_c1@TOPIC#_t9', topicName: 'news' } });
    await store
      .dispatch(updateTopicProfile({ groupID: '@TGS#_c1', topicID: '@TGS#_c1@TOPIC#_t9', topicName: 'News' }))
      .unwrap();
    expect(topics()['@TGS#_c1@TOPIC#_t9']).toEqual({ topicID: '@TGS#_c1@TOPIC#_t9', topicName: 'News' });
    await store
      .dispatch(deleteTopicFromCommunity({ groupID: '@TGS#_c1', topicIDList: ['@TGS#_c1@TOPIC#_t9', 'other'] }))
      .unwrap();
    expect(topics()).toEqual({});
    expect(sdk.deleteTopicFromCommunity).toHaveBeenCalledWith({
      groupID: '@TGS#_c1',
      topicIDList: ['@TGS#_c1@TOPIC#_t9', 'other'],
    });
  });

  it('a rejected create changes nothing; bad arguments never reach the SDK', async () => {
    const { sdk, store } = await setup();
    sdk.createTopicInCommunity.mockRejectedValueOnce({ code: 10007, message: 'no permission' });
    await expect(
      store.dispatch(createTopicInCommunity({ groupID: '@TGS#_c1', topicName: 'x' })).unwrap(),
    ).rejects.toEqual({ code: 10007, message: 'no permission' });
    expect(store.getState().tim.extras.topics).toEqual({});
    const bad = await store.dispatch(createTopicInCommunity({ groupID: '__proto__', topicName: 'x' }));
    expect(bad.payload).toMatchObject({ code: TIM_REDUX_ERROR.INVALID_ARGUMENT });
    expect(sdk.createTopicInCommunity).toHaveBeenCalledTimes(1);
  });
});
