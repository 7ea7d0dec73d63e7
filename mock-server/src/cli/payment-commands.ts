/** `pay`, `activate`, `deactivate`: what the bank, the customer or AcountPay decide on the real platform (D14, D20). */
import { Command, Option } from 'commander';
import type { components } from '../../../spec/generated/control-api';
import { controlVerb, intArg } from './cli-context';
import { CliError } from './control-client';

type ControlPayment = components['schemas']['ControlPayment'];
type ControlMerchant = components['schemas']['ControlMerchant'];

interface PayFlags {
  fail?: boolean;
  expire?: boolean;
  reason?: 'rejected' | 'abandoned';
  bank?: string;
}

export function registerPaymentCommands(program: Command): void {
  controlVerb(
    program
      .command('pay')
      .description('settle a pending payment: paid (default), --fail or --expire; fires its webhook')
      .argument('<paymentId>', 'numeric payment id', intArg('paymentId', 1, Number.MAX_SAFE_INTEGER))
      .option('--fail', 'fail it instead (bank rejected, or customer abandoned with --reason abandoned)')
      .addOption(new Option('--reason <reason>', 'why it failed, with --fail').choices(['rejected', 'abandoned']))
      .addOption(
        new Option('--expire', 'expire it now instead of 30 minutes after creation').conflicts(['fail', 'bank']),
      )
      .addOption(new Option('--bank <name>', 'the bank the customer "picked"').conflicts('fail')),
    async (ctx, paymentId: number, flags: PayFlags) => {
      if (flags.reason && !flags.fail) throw new CliError('--reason goes with --fail');
      const [action, body] = flags.expire
        ? ['expire', undefined]
        : flags.fail
          ? ['fail', flags.reason ? { reason: flags.reason } : undefined]
          : ['complete', flags.bank ? { bank: flags.bank } : undefined];
      const payment = await ctx.client.post<ControlPayment>(`/__control/payments/${paymentId}/${action}`, body);
      ctx.result(
        payment,
        () =>
          `Payment ${payment.paymentId} is ${payment.status} (${payment.bankPaymentStatus ?? 'no bank status'}); merchant ${payment.merchantId}, partner ${payment.partnerId}`,
      );
    },
  );

  for (const [verb, description] of [
    ['activate', 'make a pending or inactive merchant active; fires merchant.activated'],
    ['deactivate', 'make a merchant inactive (its new payments get 409); fires merchant.deactivated'],
  ] as const) {
    controlVerb(
      program
        .command(verb)
        .description(description)
        .argument(
          '<merchantId>',
          'numeric merchant id (not its clientId)',
          intArg('merchantId', 1, Number.MAX_SAFE_INTEGER),
        ),
      async (ctx, merchantId: number) => {
        const merchant = await ctx.client.post<ControlMerchant>(`/__control/merchants/${merchantId}/${verb}`);
        ctx.result(merchant, () => `Merchant ${merchant.merchantId} (${merchant.clientId}) is ${merchant.status}`);
      },
    );
  }
}
