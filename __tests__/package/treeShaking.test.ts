/**
 * Persistence is opt-in in the bundle too: an app that never calls `createTimPersistence` does not
 * carry the engine (save, restore, snapshot schema), because the middleware reaches it only through
 * the object `createTimPersistence` returns. Bundled from the source as an app's bundler would
 * (esbuild, the package's `sideEffects: false`), the SDK-free part only.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { createTimMiddleware, TIM_REDUX_ERROR } from '../../src';
import { FakeSdk } from '../helpers/fakeSdk';

const SRC = path.join(__dirname, '..', '..', 'src', 'index.ts');
// A string only the engine holds (src/persist/snapshot.ts readSnapshot).
const ENGINE = 'the snapshot is not JSON';

async function bundle(names: string[]): Promise<string> {
  const result = await build({
    stdin: { contents: `export { ${names.join(', ')} } from ${JSON.stringify(SRC)};`, resolveDir: __dirname },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    external: ['@reduxjs/toolkit', 'idb-keyval'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

describe('persistence in an app bundle', () => {
  it('is left out of an app that does not persist, and in when it calls createTimPersistence', async () => {
    const without = await bundle(['createTimMiddleware', 'timReducer', 'login', 'selectConversationList']);
    expect(without).toContain('createTimMiddleware');
    expect(without).not.toContain(ENGINE);
    const withIt = await bundle(['createTimMiddleware', 'timReducer', 'createTimPersistence', 'indexedDBStorage']);
    expect(withIt).toContain(ENGINE);
  }, 30_000);

  it('refuses a persist option that createTimPersistence did not make, with a clear error', () => {
    const plain = { options: { storage: { getItem: () => null, setItem: () => {}, removeItem: () => {} } } };
    expect(() => createTimMiddleware(new FakeSdk() as never, { persist: plain })).toThrow(
      expect.objectContaining({
        code: TIM_REDUX_ERROR.INVALID_ARGUMENT,
        message: expect.stringContaining('createTimPersistence'),
      }),
    );
  });
});
