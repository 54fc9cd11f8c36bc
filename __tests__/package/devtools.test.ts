/**
 * Issue 15, item 5: the DevTools sanitizers show a store filled through the reducers as plain data:
 * messages as one array per conversation, tables as objects by ID, big values shortened; the store
 * itself is untouched.
 */
import type { Action } from '@reduxjs/toolkit';
import {
  createTimDevToolsOptions,
  messagesReceived,
  selectConversationList,
  selectMessagesByConversationID,
  timDevToolsOptions,
} from '../../src';
import { FakeConversation, FakeMessage, FakeSdk } from '../helpers/fakeSdk';
import { failOnConsoleWarnings, makeStore } from '../helpers/store';

failOnConsoleWarnings();

function filledStore() {
  const sdk = new FakeSdk();
  const { store } = makeStore(sdk, undefined, { largeState: true });
  // 150 conversations (more than one page of the paged tables), 130 messages with bob (three chunks).
  sdk.emit(
    'CONVERSATION_LIST_UPDATED',
    Array.from({ length: 150 }, (_, i) => new FakeConversation(`C2Cuser${String(i).padStart(3, '0')}`, 1000 + i)),
  );
  sdk.emit(
    'MESSAGE_RECEIVED',
    Array.from({ length: 130 }, (_, i) => new FakeMessage({ from: 'bob', to: 'me', ID: `bob-${i}`, time: 2000 + i })),
  );
  sdk.emit(
    'MESSAGE_RECEIVED',
    Array.from(
      { length: 100 },
      (_, i) => new FakeMessage({ from: `user${String(i).padStart(3, '0')}`, to: 'me', ID: `u-${i}` }),
    ),
  );
  sdk.emit('MESSAGE_RECEIVED', [new FakeMessage({ from: 'carol', to: 'me', ID: 'long', text: 'x'.repeat(5000) })]);
  return store;
}

interface Shown {
  tim: {
    messages: { lists: Record<string, Array<{ ID: string; payload: { text: string } } | string>> };
    conversations: { table: Record<string, { conversationID: string }> };
  };
}

describe('timDevToolsOptions', () => {
  it('shows messages as an array per conversation and conversations as an object by ID', () => {
    const store = filledStore();
    const state = store.getState();
    const before = JSON.stringify(state);
    expect(JSON.stringify(state.tim.messages.lists)).toContain('"pages"'); // what DevTools showed before

    const shown = timDevToolsOptions.stateSanitizer!(state, 0) as unknown as Shown;

    const bob = shown.tim.messages.lists.C2Cbob;
    expect(bob[0]).toBe('… 80 earlier');
    const newest50 = selectMessagesByConversationID(state, 'C2Cbob')
      .slice(-50)
      .map((m) => m.ID);
    expect(bob.slice(1).map((m) => (typeof m === 'string' ? m : m.ID))).toEqual(newest50);
    expect(Object.keys(shown.tim.messages.lists)).toHaveLength(102);
    expect(Object.keys(shown.tim.conversations.table)).toEqual(
      selectConversationList(state)
        .map((c) => c.conversationID)
        .sort(),
    );
    expect(shown.tim.conversations.table.C2Cuser007.conversationID).toBe('C2Cuser007');
    const long = shown.tim.messages.lists.C2Ccarol[0] as { payload: { text: string } };
    expect(long.payload.text).toBe(`${'x'.repeat(200)}… (5000 chars)`);
    expect(JSON.stringify(shown)).not.toMatch(/"(pages|chunks)"/);

    expect(JSON.stringify(store.getState())).toBe(before); // display only
    expect(store.getState()).toBe(state);
  });

  it('shortens the payloads of tim-redux actions and leaves other actions alone', () => {
    const store = filledStore();
    const template = selectMessagesByConversationID(store.getState(), 'C2Cbob')[0];
    const action = messagesReceived(Array.from({ length: 300 }, (_, i) => ({ ...template, ID: `f-${i}`, time: i })));
    const options = createTimDevToolsOptions({ maxItems: 10 });
    const shown = options.actionSanitizer!(action, 0) as unknown as { payload: unknown[] };
    expect(shown.payload).toHaveLength(11);
    expect(shown.payload[0]).toBe('… 290 earlier');
    expect(action.payload).toHaveLength(300);
    const other: Action & { payload: string } = { type: 'app/typed', payload: 'y'.repeat(1000) };
    expect(options.actionSanitizer!(other, 0)).toBe(other);
  });
});
