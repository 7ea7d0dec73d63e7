/**
 * The composition root and CLI: the only place that reads argv and the environment and listens.
 * `acountpay-mock` (or `npm start`) serves the mock; other verbs talk to a running mock.
 */
import { Command, Option } from 'commander';
import { configFromEnv, DEFAULT_CLIENT_SECRET, parseConfig, type MockConfig } from './config';
import { registerQaCommands } from './cli/qa-commands';
import { registerFixturesCommands } from './cli/fixtures-commands';
import { createLogger } from './shared/logger';
import { createMockServer } from './server';
import { maskSecret } from './shared/exposure';
import { loadStartupScenario } from './cli/startup-scenario';
import { describeConfigRules } from './domain/rules/config-rules';

interface ServeFlags {
  port?: string;
  host?: string;
  publicUrl?: string;
  logLevel?: string;
  lenient?: boolean;
  validateResponses?: boolean;
  clientId?: string;
  clientSecret?: string;
  controlToken?: string;
  scenario?: string;
  seed?: string;
  paymentExpiry?: string;
  webhookRetrySchedule?: string;
  stateFile?: string;
  autoPay?: string;
  rules?: string;
}

function flagsToConfig(flags: ServeFlags): Partial<Record<keyof MockConfig, unknown>> {
  return {
    port: flags.port,
    host: flags.host,
    publicUrl: flags.publicUrl,
    logLevel: flags.logLevel,
    lenient: flags.lenient,
    validateResponses: flags.validateResponses,
    clientId: flags.clientId,
    clientSecret: flags.clientSecret,
    controlToken: flags.controlToken,
    scenario: flags.scenario,
    seed: flags.seed,
    paymentExpirySeconds: flags.paymentExpiry,
    webhookRetrySchedule: flags.webhookRetrySchedule,
    stateFile: flags.stateFile,
    autoPay: flags.autoPay,
    rules: flags.rules,
  };
}

async function serve(flags: ServeFlags): Promise<void> {
  let config: MockConfig;
  try {
    // The CLI starts from the small `default` scenario so a newcomer has data at once; `--scenario empty` starts bare.
    config = parseConfig({ scenario: 'default' }, configFromEnv(process.env), flagsToConfig(flags));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  const logger = createLogger(config.logLevel);
  let mock: Awaited<ReturnType<typeof createMockServer>>;
  try {
    mock = await createMockServer({
      config,
      logger,
      prepare: (runtime) => loadStartupScenario(runtime, config.scenario),
    });
  } catch (err) {
    // A bad scenario or a port in use: say what, and exit like a bad setting does.
    const inUse = (err as { code?: unknown }).code === 'EADDRINUSE';
    const hint = inUse
      ? `\n  Another process holds port ${config.port}: start with --port <n> (or ACOUNTPAY_MOCK_PORT=<n>).`
      : '';
    process.stderr.write(`Cannot start: ${err instanceof Error ? err.message : String(err)}${hint}\n`);
    process.exitCode = 2;
    return;
  }
  // E33: the built-in default secret is printed; a user's own secret only by its last characters.
  const ownSecret = mock.clientSecret !== DEFAULT_CLIENT_SECRET;
  const secretShown = ownSecret ? `${maskSecret(mock.clientSecret)} (yours, not printed)` : mock.clientSecret;
  const token = mock.generatedControlToken;
  const lines = [
    `acountpay-mock listening on ${mock.url}`,
    `  Partner API   ${mock.url}/v1/partner`,
    `  Control API   ${mock.url}/__control${mock.config.controlToken ? ' (token required)' : ''}`,
    // E32: listening beyond loopback without a token: one was generated, shown here once.
    ...(token
      ? [
          `  Control token ${token}`,
          `                (generated because the mock listens on ${mock.config.host}; send Authorization: Bearer <token>)`,
        ]
      : []),
    `  Hosted pages  ${mock.publicUrl}${mock.config.controlToken ? '  (console at / needs ?token=)' : ''}`,
    `  QA console    ${mock.publicUrl}/__console${mock.config.controlToken ? '  (asks for the control token once)' : ''}`,
    `  Scenario      ${mock.restored ? '(the state file’s state)' : (config.scenario ?? '(none)')}`,
    ...(config.stateFile !== null ? [`  State file    ${stateFileLine(config.stateFile, mock.restored)}`] : []),
    ...rulesLines(mock),
    `  X-Partner-Client-Id:     ${mock.clientId}`,
    `  X-Partner-Client-Secret: ${secretShown}`,
    '',
    ...(mock.port === 4010
      ? []
      : [
          `  QA CLI        acountpay-mock <verb> --url ${mock.url}${mock.config.controlToken ? ' --token <token>' : ''}   (pay, deliveries, clock, …)`,
        ]),
    `  Try: curl -s ${mock.url}/v1/partner/profile -H "X-Partner-Client-Id: ${mock.clientId}" -H "X-Partner-Client-Secret: ${ownSecret ? '<your secret>' : mock.clientSecret}"`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // E57: requests in flight get 10 s to finish; then everything pending is committed to the state file.
    mock.close({ drainMs: 10_000 }).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

/** E103: what settles payments on its own; nothing is printed when no rule was asked for at start. */
function rulesLines(mock: Awaited<ReturnType<typeof createMockServer>>): string[] {
  const started = describeConfigRules(mock.config, [...mock.deps.state.configRules]);
  return started ? [`  Rules         ${started} (acountpay-mock rules lists them)`] : [];
}

function stateFileLine(file: string, restored: Awaited<ReturnType<typeof createMockServer>>['restored']): string {
  if (!restored) return `${file} (new: the state above is stored there)`;
  const { merchants, payments, deliveries } = restored;
  return `${file} (restored: ${merchants} merchants, ${payments} payments, ${deliveries} deliveries)`;
}

export function buildProgram(): Command {
  const program = new Command('acountpay-mock')
    .description('A stateful mock of the AcountPay Partner API with signed webhooks and a QA control API.')
    .showHelpAfterError();

  program
    .command('serve', { isDefault: true })
    .description('run the mock server (the default command)')
    .option('-p, --port <port>', 'port to listen on (env ACOUNTPAY_MOCK_PORT)', undefined)
    .option(
      '--host <host>',
      'interface to bind; 0.0.0.0 lets a phone on the LAN reach the pages (env ACOUNTPAY_MOCK_HOST)',
    )
    .option(
      '--public-url <url>',
      'base URL used in paymentUrl and onboardingUrl, e.g. http://192.168.1.20:4010 (env ACOUNTPAY_MOCK_PUBLIC_URL)',
    )
    .addOption(
      new Option('--log-level <level>', 'log level (env ACOUNTPAY_MOCK_LOG_LEVEL)').choices([
        'fatal',
        'error',
        'warn',
        'info',
        'debug',
        'trace',
        'silent',
      ]),
    )
    .option(
      '--lenient',
      'accept and drop unknown body fields instead of answering 400 (D7; env ACOUNTPAY_MOCK_LENIENT=true)',
    )
    .option(
      '--no-validate-responses',
      'do not check responses against the spec (env ACOUNTPAY_MOCK_VALIDATE_RESPONSES=false)',
    )
    .option('--client-id <id>', 'the default partner client id (env ACOUNTPAY_CLIENT_ID)')
    .option('--client-secret <secret>', 'the default partner client secret (env ACOUNTPAY_CLIENT_SECRET)')
    .option(
      '--control-token <token>',
      'require Authorization: Bearer <token> on /__control, at least 12 characters (env ACOUNTPAY_MOCK_CONTROL_TOKEN)',
    )
    .option(
      '--scenario <name|path>',
      'load a scenario at start: a name from fixtures/scenarios or a file (env ACOUNTPAY_MOCK_SCENARIO)',
    )
    .option('--seed <n>', 'seed for generated ids, for reproducible runs (env ACOUNTPAY_MOCK_SEED)')
    .option(
      '--payment-expiry <seconds>',
      'seconds until a pending payment expires, default 1800 (env ACOUNTPAY_MOCK_PAYMENT_EXPIRY_SECONDS)',
    )
    .option(
      '--webhook-retry-schedule <ms,ms,...>',
      'delays between webhook attempts (env ACOUNTPAY_MOCK_WEBHOOK_RETRY_SCHEDULE)',
    )
    .option(
      '--auto-pay <delay>',
      'pay every new payment after this delay, e.g. 3s, 500ms or 1s..5s, with its signed webhook (env ACOUNTPAY_MOCK_AUTO_PAY)',
    )
    .option(
      '--rules <name|path>',
      'outcome and webhook rules: a preset of fixtures/rules (magic-amounts) or a rules file (env ACOUNTPAY_MOCK_RULES)',
    )
    .option(
      '--state-file <path>',
      'keep the state in this SQLite file across restarts; a stored state wins over --scenario (env ACOUNTPAY_MOCK_STATE_FILE)',
    )
    .action((flags: ServeFlags) => serve(flags));

  registerQaCommands(program);
  registerFixturesCommands(program);
  return program;
}

export function runCli(argv: string[]): void {
  buildProgram()
    .parseAsync(argv)
    .catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      process.stderr.write(`${message}\n`);
      // With --json a script reads stdout: give it the error there too.
      if (argv.includes('--json')) process.stdout.write(`${JSON.stringify({ error: message })}\n`);
      process.exitCode = 1;
    });
}

if (require.main === module) runCli(process.argv);
