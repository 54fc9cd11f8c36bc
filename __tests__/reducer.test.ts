/**
 * `timReducer` sends the hot single-slice actions (SINGLE_SLICE_ACTIONS) to one slice only. That is
 * right only while every other slice ignores them: checked here on a state where every slice holds
 * something, so a slice that starts handling such an action makes this test fail.
 */
import type { UnknownAction } from '@reduxjs/toolkit';
import * as A from '../src/actions';
import { normalizeMessage } from '../src/normalize/message';
import { SINGLE_SLICE_ACTIONS, sliceReducers, timReducer } from '../src/reducer';
import type { TimState } from '../src/types';
import { FakeConversation, FakeGroup, FakeMessage, FakeProfile, FakeSdk } from './helpers/fakeSdk';
import { recorded } from './helpers/recorded';
import { failOnConsoleWarnings, makeStore } from './helpers/store';

failOnConsoleWarnings();

function populated(): TimState {
  const sdk = new FakeSdk();
  const { store } = makeStore(sdk);
  sdk.emit('SDK_READY', undefined);
  sdk.emit('CONVERSATION_LIST_UPDATED', [new FakeConversation('C2Cbob', 10), new FakeConversation('GROUPg', 11)]);
  sdk.emit('MESSAGE_RECEIVED', [new FakeMessage({ ID: 'm1', from: 'bob', to: 'me', text: 'hi' })]);
  sdk.emit('GROUP_LIST_UPDATED', [new FakeGroup('g')]);
  sdk.emit('PROFILE_UPDATED', [new FakeProfile('bob', 'Bob')]);
  sdk.emit('BLACKLIST_UPDATED', ['eve']);
  // Recorded (scenario group-attributes), aimed at group g.
  sdk.emit('GROUP_ATTRIBUTES_UPDATED', {
    ...recorded<object>('GROUP_ATTRIBUTES_UPDATED', 'group-attributes'),
    groupID: 'g',
  });
  sdk.emit('NET_STATE_CHANGE', { state: 'disconnected' });
  sdk.emit('NO_SUCH_EVENT' as never, { x: 1 });
  return store.getState().tim;
}

const samples: Record<string, UnknownAction> = {
  [A.messagesReceived.type]: A.messagesReceived([
    normalizeMessage(new FakeMessage({ ID: 'm2', from: 'bob', to: 'me', text: 'again' })),
    normalizeMessage(new FakeMessage({ ID: 'g1', from: 'ann', to: 'g', conversationType: 'GROUP', text: 'yo' })),
  ]),
};

describe('timReducer routing', () => {
  const state = populated();

  it('has a sample action for every routed type', () => {
    expect(Object.keys(samples).sort()).toEqual([...SINGLE_SLICE_ACTIONS.keys()].sort());
  });

  it.each([...SINGLE_SLICE_ACTIONS])('%s: every slice but %s leaves its state as it is', (type, only) => {
    const action = samples[type];
    for (const key of Object.keys(sliceReducers) as Array<keyof TimState>) {
      if (key === only) continue;
      const reducer = sliceReducers[key] as (s: unknown, a: UnknownAction) => unknown;
      expect([key, reducer(state[key], action)]).toEqual([key, state[key]]);
      expect(reducer(state[key], action)).toBe(state[key]);
    }
    // And the routed result is what all ten slices together give.
    const routed = timReducer(state, action);
    expect(routed[only]).not.toBe(state[only]);
    for (const key of Object.keys(sliceReducers) as Array<keyof TimState>) {
      const reducer = sliceReducers[key] as (s: unknown, a: UnknownAction) => unknown;
      expect(routed[key]).toEqual(reducer(state[key], action));
    }
  });

  it('returns the same state for an action no slice handles', () => {
    expect(timReducer(state, { type: 'app/somethingElse' })).toBe(state);
  });
});
