/**
 * A plain Node script, as a user writes one (run by nodeScript.test.ts with `node --import tsx`,
 * outside Jest): the real SDK logs in to the emulator, sends a message, and everything is disposed.
 * It never calls process.exit: the test checks that the process ends by itself.
 * argv: `tim-js-sdk` | `@tencentcloud/chat`, then `logout-first` to log out before disposing.
 */
import { disposeSdk, installNodeGlobals, startEmulator } from '../../../src/emulator';

interface SdkModule {
  create(options: { SDKAppID: number; proxyServer: string }): {
    setLogLevel(level: number): void;
    on(name: string, handler: () => void): void;
    login(options: { userID: string; userSig: string }): Promise<unknown>;
    logout(): Promise<unknown>;
    destroy(): Promise<unknown>;
    createTextMessage(options: { to: string; conversationType: string; payload: { text: string } }): unknown;
    sendMessage(message: unknown): Promise<unknown>;
  };
  EVENT: { SDK_READY: string };
}

async function main(): Promise<void> {
  const [kind = 'tim-js-sdk', mode = ''] = process.argv.slice(2);
  const disposeGlobals = installNodeGlobals();
  const emulator = await startEmulator({ port: 0 });
  const SDK = require(kind) as SdkModule;
  const tim = SDK.create({ SDKAppID: 1400000001, proxyServer: emulator.url });
  tim.setLogLevel(4);
  const ready = new Promise<void>((resolve) => tim.on(SDK.EVENT.SDK_READY, () => resolve()));
  await tim.login({ userID: 'alice', userSig: 'sig' });
  await ready;
  await tim.sendMessage(tim.createTextMessage({ to: 'bob', conversationType: 'C2C', payload: { text: 'hi bob' } }));
  const stored = emulator.c2cMessages({ between: ['alice', 'bob'] });
  console.log(`sent: ${stored.length}`);
  if (mode === 'logout-first') await tim.logout();
  await disposeSdk(tim);
  disposeGlobals();
  await emulator.stop();
  console.log('disposed');
}

main().catch((error: unknown) => {
  console.error('failed', error);
  process.exitCode = 1;
});
