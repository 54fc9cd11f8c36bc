/** Issue 15 item 8: an action's type string is its creator's name, so DevTools shows what the code calls it. */
import * as api from '../src';
import * as actions from '../src/actions';
import { loginFailed, loginStarted } from '../src/thunks/session';

/** `tim/` plus the creator's name; the prefix stands for a `Tim` in the name (`resetTim` → `tim/reset`). */
const expectedType = (name: string) => `tim/${name.replace(/Tim(?=[A-Z]|$)/, '')}`;

describe('action type strings', () => {
  it('match their creators', () => {
    const creators: Record<string, unknown> = {
      ...actions,
      getTimContext: api.getTimContext,
      loginStarted,
      loginFailed,
    };
    const wrong: string[] = [];
    for (const [name, creator] of Object.entries(creators)) {
      if (typeof creator !== 'function' || !('match' in creator) || name === 'topicUpserted') continue;
      const { type } = creator as unknown as { type: string };
      if (type !== expectedType(name)) wrong.push(`${name}: ${type}`);
    }
    expect(wrong).toEqual([]);
  });

  it('keeps topicUpserted as a deprecated alias of topicCreatedOrUpdated', () => {
    expect(actions.topicUpserted).toBe(actions.topicCreatedOrUpdated);
  });

  it('thunk type prefixes match the exported thunk names', () => {
    const wrong: string[] = [];
    for (const [name, value] of Object.entries(api)) {
      const thunk = value as { typePrefix?: unknown };
      if (typeof value !== 'function' || typeof thunk.typePrefix !== 'string') continue;
      if (thunk.typePrefix !== `tim/${name}`) wrong.push(`${name}: ${thunk.typePrefix}`);
    }
    expect(wrong).toEqual([]);
  });
});
