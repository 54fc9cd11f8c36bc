import { defineConfig, type Options } from 'tsup';

const common: Options = {
  format: ['cjs', 'esm'],
  dts: true,
  sourcemap: true,
  target: 'es2020',
  external: ['@reduxjs/toolkit', 'tim-js-sdk', '@tencentcloud/chat', 'ws', 'jsdom', 'react', 'react-redux'],
};

// Four builds: the browser-safe binding; the React hooks (`tim-redux/react`, react and react-redux
// external and optional peers, so that the core entry never imports React); the emulator (Node only: ws, http), so that a browser
// bundle of `tim-redux` never pulls the server in; and the emulator's command line, the package's
// `bin` (CommonJS with a shebang, so that `npx tim-emulator` runs it with node after install).
// Only the emulator gets Node shims (__filename in its ESM build, for createRequire).
export default defineConfig([
  { ...common, entry: { index: 'src/index.ts' } },
  // The hooks import the core as 'tim-redux' (external): one copy of the thunks and of the per-store
  // context, shared with the app's own `import ... from 'tim-redux'`.
  { ...common, entry: { 'react/index': 'src/react/index.ts' }, external: [...(common.external ?? []), 'tim-redux'] },
  { ...common, entry: { 'emulator/index': 'src/emulator/index.ts' }, shims: true },
  {
    ...common,
    entry: { 'emulator/cli': 'src/emulator/cli.ts' },
    format: ['cjs'],
    dts: false,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
