/**
 * The QA verbs: each talks to a running mock's control API (`--url`, `--token`), prints one readable
 * result (or `--json`), and fails with the server's message. `listen` is the receiving end.
 */
import type { Command } from 'commander';
import { registerClockCommands } from './clock-commands';
import { registerDeliveryCommands } from './delivery-commands';
import { registerListenCommand } from './listen-command';
import { registerPaymentCommands } from './payment-commands';
import { registerRulesCommands } from './rules-commands';

export function registerQaCommands(program: Command): void {
  registerPaymentCommands(program);
  registerDeliveryCommands(program);
  registerClockCommands(program);
  registerListenCommand(program);
  registerRulesCommands(program);
}
