/**
 * The demo server: the IM emulator (seeded) and the Vite dev server for the React app, in one
 * process. `startDemo()` is used by `npm start` and by the end-to-end test.
 */
import path from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import react from '@vitejs/plugin-react';
import { startEmulator, type Emulator } from '../src/emulator';
import { DEMO_USERS, seed } from './seed';

/** A running demo. */
export interface Demo {
  /** The app's URL. */
  appURL: string;
  /** URL to open as one user. */
  urlFor(userID: string): string;
  /** The emulator (for tests). */
  emulator: Emulator;
  /** Stops both servers. */
  stop(): Promise<void>;
}

/** Starts the emulator and the app. Ports 0 pick free ones. */
export async function startDemo({ appPort = 5173, emulatorPort = 0 } = {}): Promise<Demo> {
  // One session per user, as Tencent's default for the web: signing in in a second tab signs the first out.
  const emulator = await startEmulator({ port: emulatorPort, users: DEMO_USERS, multiInstance: 'kickOlder' });
  seed(emulator);
  let vite: ViteDevServer | null = null;
  try {
    vite = await createServer({
      configFile: false,
      root: path.join(__dirname),
      plugins: [react()],
      // The app imports tim-redux as a user would; here the names point at the source.
      resolve: {
        alias: [
          { find: /^tim-redux$/, replacement: path.join(__dirname, '..', 'src', 'index.ts') },
          { find: /^tim-redux\/react$/, replacement: path.join(__dirname, '..', 'src', 'react', 'index.ts') },
        ],
      },
      logLevel: 'warn',
      server: { host: '127.0.0.1', port: appPort, strictPort: appPort !== 0 },
      define: {
        __EMULATOR_URL__: JSON.stringify(emulator.url),
        // The e2e run (control channel on) may read the store and the SDK from the page.
        __TIM_DEMO_TEST__: JSON.stringify(process.env.TIM_DEMO_CONTROL === '1'),
      },
      optimizeDeps: {
        include: [
          'tim-js-sdk',
          'tim-upload-plugin',
          'react',
          'react-dom/client',
          'react-redux',
          '@reduxjs/toolkit',
          '@tanstack/react-virtual',
        ],
      },
    });
    await vite.listen();
  } catch (e) {
    await emulator.stop();
    throw e;
  }
  const address = vite.httpServer?.address();
  const port = typeof address === 'object' && address ? address.port : appPort;
  const appURL = `http://127.0.0.1:${port}/`;
  return {
    appURL,
    urlFor: (userID) => `${appURL}?user=${encodeURIComponent(userID)}`,
    emulator,
    async stop() {
      await vite?.close();
      await emulator.stop();
    },
  };
}
