/**
 * Room custom data (3.x ROOM_CUSTOM_DATA_RECEIVED): a msg_push event item with `Event: 100`, which
 * 3.6.6's push dispatcher (MsgDispatcher `onMessage`: `100!==(l=(c=i[d]).event)?...:this._onRoomCustomData(c.content)`)
 * hands to `onRoomCustomDataReceived`, which emits `content` as the event's data as it is. 2.27.6 has
 * no such event and ignores the item.
 */
import type { EmulatorCore } from '../context';
import type { Json } from '../json';

/** Pushes room custom data to every socket of `userID`; returns how many sockets got it. */
export function pushRoomCustomData(core: EmulatorCore, userID: string, content: Json): number {
  return core.push.toUser(userID, [{ Event: 100, Content: content }]);
}
