/**
 * Retry of a message restored as failed. The SDK that sent it is gone with the page, so neither the
 * registry nor the SDK's `findMessage` knows its ID: a new SDK message is made from the stored
 * payload and sent in its place. Only what can be made again from plain data: text (with its
 * @-mentions), custom, face and location messages. Images, files, sounds, videos and merged
 * messages need the original file or the SDK's own object: their Retry fails with UNSUPPORTED, and
 * the user sends them again.
 */
import { TIM_REDUX_ERROR, TimReduxError } from '../errors';
import { isObject } from '../normalize/plain';
import type { SdkMessage, TimSdk } from '../sdk';
import type { MessageRecord } from '../types';

type Creator = (options: Record<string, unknown>) => unknown;

/** The SDK method and payload that make `record` again, or null when it cannot be. */
function recipe(record: MessageRecord): { method: string; payload: Record<string, unknown> } | null {
  const p = record.payload;
  const text = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : '');
  switch (record.type) {
    case 'TIMTextElem':
      return record.atUserList.length > 0
        ? { method: 'createTextAtMessage', payload: { text: text('text'), atUserList: record.atUserList } }
        : { method: 'createTextMessage', payload: { text: text('text') } };
    case 'TIMCustomElem':
      return {
        method: 'createCustomMessage',
        payload: { data: text('data'), description: text('description'), extension: text('extension') },
      };
    case 'TIMFaceElem':
      return {
        method: 'createFaceMessage',
        payload: { index: typeof p.index === 'number' ? p.index : 0, data: text('data') },
      };
    case 'TIMLocationElem':
      return {
        method: 'createLocationMessage',
        payload: {
          description: text('description'),
          longitude: typeof p.longitude === 'number' ? p.longitude : 0,
          latitude: typeof p.latitude === 'number' ? p.latitude : 0,
        },
      };
    default:
      return null;
  }
}

/**
 * A new SDK message with the content of the restored failed `record`, to send in its place.
 * Rejects with UNSUPPORTED for the types that cannot be made again, or with the SDK's error.
 */
export async function recreateMessage(sdk: TimSdk, record: MessageRecord): Promise<SdkMessage> {
  const how = recipe(record);
  const conversationType = record.conversationType;
  if (!how || (conversationType !== 'C2C' && conversationType !== 'GROUP')) {
    throw new TimReduxError(
      TIM_REDUX_ERROR.UNSUPPORTED,
      `a restored ${record.type} message in a ${conversationType} conversation cannot be sent again: its SDK message is gone with the page; send it anew`,
    );
  }
  const create = (sdk as unknown as Record<string, unknown>)[how.method];
  if (typeof create !== 'function') {
    throw new TimReduxError(TIM_REDUX_ERROR.UNSUPPORTED, `this SDK has no ${how.method}`);
  }
  const options: Record<string, unknown> = { to: record.to, conversationType, payload: how.payload };
  if (record.priority) options.priority = record.priority;
  if (record.cloudCustomData) options.cloudCustomData = record.cloudCustomData;
  if (record.needReadReceipt) options.needReadReceipt = true;
  const created: unknown = await (create as Creator).call(sdk, options);
  if (!isObject(created) || typeof created.ID !== 'string' || created.ID === '') {
    throw new TimReduxError(TIM_REDUX_ERROR.UNKNOWN, 'the SDK did not create a message');
  }
  return created as unknown as SdkMessage;
}
