import { defineConfig, type Options } from 'tsup';

const common: Options = {
  format: ['cjs', 'esm'],
  dts: true,
  sourcemap: true,
  target: 'es2020',
  external: ['@reduxjs/toolkit', 'tim-js-sdk', '@tencentcloud/chat', 'ws'],
};

// Two builds: the browser-safe binding, and the emulator (Node only: ws, http), so that a browser
// bundle of `tim-redux` never pulls the server in. Only the emulator gets Node shims (__filename in
// its ESM build, for createRequire).
export default defineConfig([
  { ...common, entry: { index: 'src/index.ts' } },
  {
    ...common,
    entry: { 'emulator/index': 'src/emulator/index.ts', 'emulator/cli': 'src/emulator/cli.ts' },
    shims: true,
  },
]);
