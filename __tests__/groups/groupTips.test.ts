/**
 * Group tips on the binding alone: malformed tips cost only themselves, a tip for a group whose
 * members were never loaded loads nothing, and the shapes are the real SDKs' (3.6.6 index.js tip
 * element `fo._initContent`: `operationType`, `userIDList`, `memberNum`, `memberList`, `groupProfile`).
 */
import { getGroupMemberList, selectGroupMemberListState, selectGroupMembers } from '../../src';
import { FakeSdk } from '../helpers/fakeSdk';
import { failOnConsoleWarnings, makeStore } from '../helpers/store';

failOnConsoleWarnings();

const tip = (ID: string, groupID: string, payload: Record<string, unknown>) => ({
  ID,
  conversationID: `GROUP${groupID}`,
  conversationType: 'GROUP',
  type: 'TIMGroupTipElem',
  from: '@TIM#SYSTEM',
  to: groupID,
  time: 1700000000,
  sequence: 1,
  payload: { groupProfile: { groupID, groupName: 'g' }, ...payload },
});

describe('group tips on the binding', () => {
  it('apply to loaded members only, and malformed tips change nothing else', async () => {
    const sdk = new FakeSdk();
    const { store } = makeStore(sdk);
    sdk.getGroupMemberList.mockResolvedValueOnce({
      code: 0,
      data: {
        memberList: [
          { userID: 'alice', role: 'Owner' },
          { userID: 'bob', role: 'Member' },
        ],
      },
    });
    await store.dispatch(getGroupMemberList({ groupID: 'g1', count: 100 }));
    const before = selectGroupMembers(store.getState(), 'g1');
    sdk.emit('MESSAGE_RECEIVED', [
      tip('t1', 'g1', { operationType: 1, userIDList: 'carol' }),
      tip('t2', 'g1', { operationType: 7, memberList: [null, { userID: 5, muteTime: 60 }, { userID: 'bob' }] }),
      tip('t3', 'g1', { operationType: 'x' }),
      tip('t4', 'g2', { operationType: 1, userIDList: ['dave'], memberNum: 9 }),
    ]);
    expect(selectGroupMembers(store.getState(), 'g1')).toBe(before);
    expect(selectGroupMemberListState(store.getState(), 'g2')).toBeUndefined();
    sdk.emit('MESSAGE_RECEIVED', [
      tip('t5', 'g1', { operationType: 1, userIDList: ['carol'], memberList: [{ userID: 'carol', nick: 'Carol' }] }),
      tip('t6', 'g1', { operationType: 4, userIDList: ['bob'] }),
      tip('t7', 'g1', { operationType: 7, userIDList: ['carol'], memberList: [{ userID: 'carol', muteTime: 60 }] }),
    ]);
    const rows = selectGroupMembers(store.getState(), 'g1').map((m) => [m.userID, m.role, m.nick, m.muteUntil > 0]);
    expect(rows).toEqual([
      ['alice', 'Owner', '', false],
      ['bob', 'Admin', '', false],
      ['carol', 'Member', 'Carol', true],
    ]);
    sdk.emit('MESSAGE_RECEIVED', [tip('t8', 'g1', { operationType: 3, userIDList: ['carol'] })]);
    expect(selectGroupMembers(store.getState(), 'g1').map((m) => m.userID)).toEqual(['alice', 'bob']);
  });
});
