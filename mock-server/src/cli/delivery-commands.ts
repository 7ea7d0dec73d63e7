/** `deliveries` and `redeliver`: the webhook delivery log of a running mock (D29). */
import { Command, Option } from 'commander';
import type { components } from '../../../spec/generated/control-api';
import { controlVerb, intArg, verb } from './cli-context';
import { formatTable } from './text-table';

type Delivery = components['schemas']['Delivery'];
type DeliveryList = components['schemas']['DeliveryList'];

interface DeliveriesFlags {
  payment?: number;
  merchant?: number;
  event?: string;
  outcome?: string;
  webhook?: number;
  partner?: number;
  limit?: number;
  page?: number;
}

function subject(d: Delivery): string {
  if (d.paymentId !== null) return `payment ${d.paymentId}`;
  return d.merchantId !== null ? `merchant ${d.merchantId}` : '-';
}

/** `3: 500 500 200`; an attempt without an answer shows as `ERR`, one a rule dropped (E105) as `DROP`. */
function attemptsCell(d: Delivery): string {
  if (d.attempts.length === 0) return '0';
  const cell = (a: Delivery['attempts'][number]) => (a.rule?.effect === 'dropped' ? 'DROP' : (a.statusCode ?? 'ERR'));
  return `${d.attempts.length}: ${d.attempts.map(cell).join(' ')}`;
}

export function formatDeliveries(list: DeliveryList): string {
  if (list.total === 0) return 'No deliveries.';
  const rows = list.deliveries.map((d) => [
    d.id,
    `${d.event}${d.test ? ' (test)' : ''}${d.rule ? ` [rule ${d.rule.ruleId}]` : ''}`, // E106
    subject(d),
    d.outcome,
    attemptsCell(d),
    d.nextAttemptAt ?? '-',
  ]);
  const table = formatTable(['ID', 'EVENT', 'ABOUT', 'OUTCOME', 'ATTEMPTS', 'NEXT ATTEMPT'], rows);
  const first = (list.page - 1) * list.limit + 1;
  return `${table}\n${first}-${first + list.deliveries.length - 1} of ${list.total} deliveries, newest first`;
}

const id = (name: string) => intArg(name, 1, Number.MAX_SAFE_INTEGER);

export function registerDeliveryCommands(program: Command): void {
  controlVerb(
    program
      .command('deliveries')
      .description('list webhook deliveries with their attempts, newest first')
      .option('--payment <paymentId>', 'only deliveries about this payment', id('--payment'))
      .option('--merchant <merchantId>', 'only deliveries about this merchant', id('--merchant'))
      .addOption(
        new Option('--event <event>', 'only this event').choices([
          'payment.completed',
          'payment.failed',
          'merchant.activated',
          'merchant.deactivated',
        ]),
      )
      .addOption(new Option('--outcome <outcome>', 'only this outcome').choices(['pending', 'delivered', 'failed']))
      .option('--webhook <webhookId>', 'only deliveries to this webhook', id('--webhook'))
      .option('--partner <partnerId>', 'only deliveries of this partner', id('--partner'))
      .option('--limit <n>', 'at most this many (1-100, default 20)', intArg('--limit', 1, 100))
      .option('--page <n>', 'page number, from 1', id('--page')),
    async (ctx, flags: DeliveriesFlags) => {
      const list = await ctx.client.get<DeliveryList>('/__control/webhook-deliveries', {
        paymentId: flags.payment,
        merchantId: flags.merchant,
        event: flags.event,
        outcome: flags.outcome,
        webhookId: flags.webhook,
        partnerId: flags.partner,
        limit: flags.limit,
        page: flags.page,
      });
      ctx.result(list, () => formatDeliveries(list));
    },
  );

  controlVerb(
    verb(
      program,
      'redeliver <deliveryId>',
      'send a logged delivery again: a new delivery of the same body, signed again',
      {
        deliveryId: 'the delivery id, as in the X-Webhook-Delivery header',
      },
    ),
    async (ctx, deliveryId: string) => {
      const delivery = await ctx.client.post<Delivery>(
        `/__control/webhook-deliveries/${encodeURIComponent(deliveryId)}/redeliver`,
      );
      ctx.result(
        delivery,
        () =>
          `Queued ${delivery.id}: ${delivery.event} (${subject(delivery)}) again to ${delivery.url}; follow it with \`acountpay-mock deliveries\``,
      );
    },
  );
}
