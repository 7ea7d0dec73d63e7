/**
 * `listen`: a webhook receiver on this machine that prints every delivery and whether its signature
 * (D28) verifies. Runs until Ctrl-C, or until `--count` deliveries have arrived (for scripts).
 * `--status 500` makes it fail on purpose, to watch the mock retry (D29).
 */
import { Command } from 'commander';
import { createWebhookListener, type ReceivedDelivery, type WebhookListener } from '../webhooks';

const MAX_TIMER_MS = 2_147_483_647;
import { intArg, writerOf } from './cli-context';
import { CliError } from './control-client';

interface ListenFlags {
  port: number;
  host: string;
  path: string;
  secret?: string;
  status: number;
  count?: number;
  json?: boolean;
}

function toJsonLine(d: ReceivedDelivery): string {
  const { receivedAt, event, deliveryId, attempt, signature, schemaErrors, respondedWith, body } = d;
  return `${JSON.stringify({ receivedAt, event, deliveryId, attempt, signature, schemaErrors, respondedWith, body })}\n`;
}

/** Where each kind of text goes: with `--json`, stdout carries only delivery lines and the rest goes to stderr. */
interface ListenOutput {
  out: (text: string) => void;
  err: (text: string) => void;
}

async function listen(flags: ListenFlags, output: ListenOutput): Promise<void> {
  const note = flags.json ? output.err : output.out;
  let stop: () => void = () => {};
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  let listener: WebhookListener | undefined = undefined;
  try {
    listener = await createWebhookListener({
      port: flags.port,
      host: flags.host,
      path: flags.path,
      respondStatus: flags.status,
      ...(flags.secret !== undefined && { secret: flags.secret }),
      // Called once per delivery, right after it is recorded, with the block to print.
      output: (block) => output.out(flags.json ? toJsonLine(listener!.received.at(-1)!) : `${block}\n`),
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    // As `serve` says it (main.ts): the way out, and what then changes for the webhook's URL.
    throw new CliError(
      `${(err as Error).message}\n  Another process holds port ${flags.port}: start with --port <n>, and register http://${flags.host}:<n>${flags.path} as the webhook's URL.`,
    );
  }
  const received = listener.received;
  if (flags.count !== undefined) {
    const enough = flags.count;
    // Resolves after the answer to the last delivery is written, so the mock records it as sent.
    listener.waitFor(() => received.length >= enough, MAX_TIMER_MS).then(stop, () => {});
  }
  const onSignal = () => stop();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const checking = flags.secret ? 'signatures checked with --secret' : 'signatures not checked: pass --secret whsec_…';
  note(`Listening on ${listener.url} (answering ${flags.status}; ${checking})\n`);
  note(
    `Register it: POST /v1/partner/webhooks {"url":"${listener.url}","events":["payment.completed","payment.failed"]}. Ctrl-C stops.\n\n`,
  );
  try {
    await stopped;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await listener.close();
  }
  note(`Stopped after ${received.length} ${received.length === 1 ? 'delivery' : 'deliveries'}.\n`);
}

export function registerListenCommand(program: Command): void {
  program
    .command('listen')
    .description('receive webhooks here, verify their signatures and print them (Ctrl-C stops)')
    .option('--port <port>', 'port to listen on (0 picks a free one)', intArg('--port', 0, 65535), 3000)
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .option('--path <path>', 'path shown in the URL to register (any path is accepted)', '/webhooks')
    .option('--secret <secret>', 'the webhook secret (whsec_…) to verify X-Webhook-Signature with')
    .option(
      '--status <code>',
      'answer every delivery with this status, e.g. 500 to watch retries',
      intArg('--status', 100, 599),
      200,
    )
    .option('--count <n>', 'stop after this many deliveries', intArg('--count', 1, Number.MAX_SAFE_INTEGER))
    .option('--json', 'print one JSON line per delivery on stdout (everything else goes to stderr)')
    .action((flags: ListenFlags, command: Command) =>
      listen(flags, { out: writerOf(command), err: writerOf(command, 'err') }),
    );
}
