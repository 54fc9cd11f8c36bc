/** `npm start`: the chat demo on the real tim-js-sdk, against the local IM emulator. */
import { serveControl } from './control';
import { startDemo } from './server';

startDemo({ appPort: Number(process.env.PORT ?? 5173) })
  .then((demo) => {
    if (process.env.TIM_DEMO_CONTROL === '1') serveControl(demo.emulator);
    console.log(`tim-redux demo running (IM emulator at ${demo.emulator.url})`);
    console.log(`  open as Alice: ${demo.urlFor('alice')}`);
    console.log(`  open as Bob:   ${demo.urlFor('bob')}`);
    console.log(
      `  (users: alice, bob, carol have history; any other user ID is a new user; no password)  Ctrl+C to stop`,
    );
    const stop = () => void demo.stop().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  })
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
