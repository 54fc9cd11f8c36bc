import { defineConfig, type Options } from 'tsup';

const common: Options = {
  format: ['cjs', 'esm'],
  dts: true,
  sourcemap: true,
  target: 'es2020',
  external: ['@reduxjs/toolkit', 'tim-js-sdk', '@tencentcloud/chat', 'ws', 'jsdom'],
};

// Three builds: the browser-safe binding; the emulator (Node only: ws, http), so that a browser
// bundle of `tim-redux` never pulls the server in; and the emulator's command line, the package's
// `bin` (CommonJS with a shebang, so that `npx tim-emulator` runs it with node after install).
// Only the emulator gets Node shims (__filename in its ESM build, for createRequire).
export default defineConfig([
  { ...common, entry: { index: 'src/index.ts' } },
  { ...common, entry: { 'emulator/index': 'src/emulator/index.ts' }, shims: true },
  {
    ...common,
    entry: { 'emulator/cli': 'src/emulator/cli.ts' },
    format: ['cjs'],
    dts: false,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
