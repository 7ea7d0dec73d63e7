/**
 * `node dist/contract-tests/standin/main.js [--variant inferred|break-…] [--port N]`: starts the
 * stand-in sandbox and prints the settings for a contract run against it as shell assignments.
 */
import { BREAKS } from './variations';
import { startStandinSandbox } from './standin-sandbox';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    process.stdout.write(
      `Usage: standin [--variant inferred|${Object.keys(BREAKS).join('|')}] [--port N]\n` +
        'Starts the mock behind a proxy that hides /__control and varies inferred facts.\n',
    );
    return;
  }
  const sandbox = await startStandinSandbox({ variant: arg('variant') ?? 'inferred', port: Number(arg('port') ?? 0) });
  for (const v of sandbox.variations) process.stderr.write(`stand-in: ${v.name}: ${v.describe}\n`);
  process.stdout.write(
    `ACOUNTPAY_BASE_URL=${sandbox.url}\nACOUNTPAY_CLIENT_ID=${sandbox.clientId}\nACOUNTPAY_CLIENT_SECRET=${sandbox.clientSecret}\n`,
  );
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
