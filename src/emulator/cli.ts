/**
 * Command-line start, the package's `bin`: `npx tim-emulator --port 8080 [--kick-older] [--verbose]`
 * once tim-redux is installed; in this repository `npm run emulator -- --port 8080`. Runs until
 * SIGINT/SIGTERM.
 */
import { startEmulator } from './server';

/** Parsed command-line options. */
export interface CliOptions {
  port: number;
  kickOlder: boolean;
  verbose: boolean;
}

/** Parses argv (without node and script). Throws on an unknown flag or a bad port. */
export function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { port: 8080, kickOlder: false, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port' || arg === '-p') {
      options.port = Number(argv[++i]);
      if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535)
        throw new Error(`bad port: ${argv[i]}`);
    } else if (arg === '--kick-older') options.kickOlder = true;
    else if (arg === '--verbose' || arg === '-v') options.verbose = true;
    else throw new Error(`unknown option: ${arg}\nusage: emulator [--port N] [--kick-older] [--verbose]`);
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const emulator = await startEmulator({
    port: options.port,
    multiInstance: options.kickOlder ? 'kickOlder' : 'allow',
    log: options.verbose ? (line) => console.log(line) : undefined,
  });
  console.log(`IM emulator listening on ${emulator.url}`);
  console.log(`Point the SDK at it: TIM.create({ SDKAppID, proxyServer: '${emulator.url}' })`);
  const shutdown = (): void => {
    void emulator.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
