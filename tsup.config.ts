import { defineConfig } from 'tsup';

// Two entry points: the browser-safe binding, and the emulator (Node only: ws, http), so that a
// browser bundle of `tim-redux` never pulls the server in.
export default defineConfig({
  entry: { index: 'src/index.ts', 'emulator/index': 'src/emulator/index.ts', 'emulator/cli': 'src/emulator/cli.ts' },
  format: ['cjs', 'esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2020',
  external: ['@reduxjs/toolkit', 'tim-js-sdk', '@tencentcloud/chat', 'ws'],
});
