/**
 * What every QA verb shares: the `--url`, `--token` and `--json` options, a control client built
 * from them, and output through the root program's configured writer (so tests capture it with
 * `program.configureOutput({ writeOut })`).
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { createControlClient, DEFAULT_MOCK_URL, type ControlClient } from './control-client';

interface ControlFlags {
  url: string;
  token?: string;
  json?: boolean;
}

export interface VerbContext {
  client: ControlClient;
  json: boolean;
  /** Writes one line (a newline is added). */
  print(line: string): void;
  /** `--json`: the value as indented JSON; otherwise the readable line(s). */
  result(value: unknown, readable: () => string): void;
}

function withControlOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--url <origin>', 'origin of the running mock').env('ACOUNTPAY_MOCK_URL').default(DEFAULT_MOCK_URL),
    )
    .addOption(
      new Option('--token <token>', 'control token, when the mock requires one').env('ACOUNTPAY_MOCK_CONTROL_TOKEN'),
    )
    .option('--json', 'print the JSON answer instead of a readable line');
}

export function writerOf(command: Command, stream: 'out' | 'err' = 'out'): (text: string) => void {
  let root = command;
  while (root.parent) root = root.parent;
  const output = root.configureOutput();
  if (stream === 'err') return (text) => (output.writeErr ? output.writeErr(text) : process.stderr.write(text));
  return (text) => (output.writeOut ? output.writeOut(text) : process.stdout.write(text));
}

function verbContext(command: Command): VerbContext {
  const flags = command.opts<ControlFlags>();
  const write = writerOf(command);
  const print = (line: string) => write(`${line}\n`);
  return {
    client: createControlClient({ url: flags.url, token: flags.token }),
    json: flags.json === true,
    print,
    result(value, readable) {
      print(flags.json ? JSON.stringify(value, null, 2) : readable());
    },
  };
}

/**
 * A QA verb: the control options on `command`; `run` gets the verb's context (a client from --url
 * and --token, output that follows --json), then the verb's arguments and options as commander
 * passes them.
 */
export function controlVerb<A extends unknown[]>(
  command: Command,
  run: (ctx: VerbContext, ...args: A) => Promise<void>,
): void {
  withControlOptions(command).action(async (...args: unknown[]) => {
    const self = args[args.length - 1] as Command;
    await run(verbContext(self), ...(args.slice(0, -1) as A));
  });
}

/**
 * A sub-command from its usage line (`replace <ruleId> <rule>`), what it does, and each argument's
 * help text (with a parser where the argument is not a string).
 */
export function verb(
  parent: Command,
  usage: string,
  description: string,
  args: Record<string, string | readonly [string, (value: string) => unknown]> = {},
): Command {
  const command = parent.command(usage).description(description);
  for (const argument of command.registeredArguments) {
    const help = args[argument.name()];
    if (typeof help === 'string') argument.description = help;
    else if (help) argument.argParser(help[1]).description = help[0];
  }
  return command;
}

/** A commander argument parser for whole numbers within a range. */
export function intArg(name: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max)
      throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}, got ${value}`);
    return n;
  };
}
