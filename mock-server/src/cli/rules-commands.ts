/**
 * `rules` (list, add, replace, delete, load, clear, presets) and `explain`: the outcome and webhook
 * behaviour rules of a running mock (E104), and why a payment went as it did (E106). A rule is given
 * as JSON or YAML text, e.g. `'{when: {amount: "*.13"}, outcome: {status: failed, after: 2s}}'`.
 */
import { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import type { components } from '../../../spec/generated/control-api';
import { listRulePresets, loadRulesFile } from '../../../fixtures/src/rules-file';
import { controlVerb, intArg, writerOf, verb } from './cli-context';
import { CliError } from './control-client';
import { formatTable } from './text-table';

type Rule = components['schemas']['Rule'];
type RuleList = components['schemas']['RuleList'];
type ControlPaymentDetail = components['schemas']['ControlPaymentDetail'];

/** `amount *.13, merchant a1b2…, events payment.completed`; `everything` for an empty match. */
export function describeWhen(rule: Rule): string {
  const when = rule.when ?? {};
  const parts: string[] = [];
  if (when.amount !== undefined) {
    const a = when.amount;
    parts.push(typeof a === 'object' ? `amount ${a.min ?? '…'}..${a.max ?? '…'}` : `amount ${a}`);
  }
  if (when.merchantClientId) parts.push(`merchant ${when.merchantClientId}`);
  if (when.storeId) parts.push(`store ${when.storeId}`);
  if (when.registerId) parts.push(`register ${when.registerId}`);
  if (when.referenceNumber) parts.push(`reference ${when.referenceNumber}`);
  if (when.description) parts.push(`description ${when.description}`);
  if (when.events) parts.push(`events ${when.events.join(' ')}`);
  return parts.length > 0 ? parts.join(', ') : 'everything';
}

/** `failed (rejected) after 2s; webhook duplicate both`. */
export function describeEffect(rule: Rule): string {
  const parts: string[] = [];
  const o = rule.outcome;
  if (o) {
    const detail = o.reason ?? o.bank;
    parts.push(
      `${o.status}${detail ? ` (${detail})` : ''}${o.after ? ` after ${o.after}` : o.status === 'pending' ? '' : ' at once'}`,
    );
  }
  const w = rule.webhook;
  if (w) {
    const effects = [
      w.duplicate && `duplicate ${w.duplicate}`,
      w.delay && (w.outOfOrder ? `held at most ${w.delay}` : `${w.delay} late`),
      w.outOfOrder && 'out of order',
      w.beforeResponse && 'before the response',
      w.dropFirst && `drop first ${w.dropFirst}`,
    ].filter(Boolean);
    parts.push(`webhook ${effects.join(', ')}`);
  }
  return parts.join('; ');
}

export function formatRules(list: RuleList): string {
  if (list.rules.length === 0) return 'No rules: payments stay pending and webhooks go out as they happen.';
  const rows = list.rules.map((rule, i) => [String(i + 1), rule.id ?? '-', describeWhen(rule), describeEffect(rule)]);
  return `${formatTable(['#', 'ID', 'WHEN', 'DOES'], rows)}\nThe first matching rule decides a new payment's outcome, and the first with a webhook part shapes a delivery.`;
}

/**
 * What settled a payment no rule decided, as far as the mock can tell: the pay page's requests are
 * journaled with the payment, the control API's are not journaled at all.
 */
function settledWithoutRule(p: ControlPaymentDetail): string {
  if (p.status === 'pending') return 'it waits for the customer (the pay page), the control API or its expiry.';
  // The pay page's form posts to `/pay` (the journal keeps the path as sent, query included).
  const payPage = p.requests.find((r) => r.method === 'POST' && /^\/pay(\?|$)/.test(r.path) && r.status === 200);
  if (payPage) return `the customer settled it on the pay page (request #${payPage.id}).`;
  if (p.status === 'expired') return "it expired at its time by the mock's clock, or the control API expired it.";
  return `X-Mock-Payment on its creation, or the control API (\`acountpay-mock pay\`, \`pay --fail\`, the console), settled it; the control API's own requests are not journaled.`;
}

export function formatExplanation(p: ControlPaymentDetail): string {
  const lines = [
    `Payment ${p.paymentId} is ${p.status}${p.bankPaymentStatus ? ` (${p.bankPaymentStatus})` : ''}: ${p.amount} ${p.currency}, ${p.referenceNumber}, merchant ${p.merchantClientId}`,
  ];
  const rule = p.outcomeRule;
  if (!rule) lines.push(`  Outcome: no outcome rule matched it when it was created; ${settledWithoutRule(p)}`);
  else {
    const when =
      rule.dueAt === null ? '' : rule.delayMs === 0 ? ' at once' : ` after ${rule.delayMs} ms, due ${rule.dueAt}`;
    const applied = rule.appliedAt
      ? `applied ${rule.appliedAt}`
      : p.status === 'pending'
        ? 'waiting'
        : `not applied: the payment was ${p.status} first`;
    lines.push(
      `  Outcome: rule ${rule.ruleId} decided ${rule.status}${rule.reason ? ` (${rule.reason})` : ''}${when}; ${applied}`,
    );
  }
  for (const d of p.deliveries) {
    lines.push(`  Delivery ${d.id} ${d.event} to webhook ${d.webhookId}: ${d.outcome}, ${d.attemptCount} attempt(s)`);
    if (d.rule) {
      lines.push(
        `    shaped by rule ${d.rule.ruleId}${d.rule.duplicateOf ? ` (a second delivery of ${d.rule.duplicateOf})` : ''}`,
      );
      for (const note of d.rule.notes) lines.push(`    - ${note}`);
    }
  }
  for (const r of p.requests) lines.push(`  Request #${r.id} ${r.method} ${r.path} → ${r.status} at ${r.at}`);
  return lines.join('\n');
}

function parseRule(text: string): Rule {
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (err) {
    throw new CliError(`The rule is not JSON or YAML: ${(err as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new CliError('The rule must be an object, e.g. \'{when: {amount: "*.13"}, outcome: {status: failed}}\'');
  return value;
}

/** Loads a preset or file here, where its path means something, and reports its problems with their lines. */
function rulesOf(nameOrPath: string): Rule[] {
  try {
    return loadRulesFile(nameOrPath);
  } catch (err) {
    throw new CliError((err as Error).message);
  }
}

const ruleId = (id: string) => encodeURIComponent(id);

export function registerRulesCommands(program: Command): void {
  const rules = program
    .command('rules')
    .description('outcome and webhook behaviour rules: list (default), add, replace, delete, load, clear, presets');

  controlVerb(
    rules.command('list', { isDefault: true }).description('list the rules, first match first'),
    async (ctx) => {
      const list = await ctx.client.get<RuleList>('/__control/rules');
      ctx.result(list, () => formatRules(list));
    },
  );

  controlVerb(
    verb(rules, 'add <rule>', 'add a rule, first in the list (it wins over the rules there) unless --last', {
      rule: 'the rule as JSON or YAML, e.g. \'{when: {amount: "*.13"}, outcome: {status: failed}}\'',
    }).option('--last', 'add it after the other rules'),
    async (ctx, text: string, flags: { last?: boolean }) => {
      const rule = await ctx.client.post<Rule>(
        `/__control/rules${flags.last ? '?position=last' : ''}`,
        parseRule(text),
      );
      ctx.result(rule, () => `Added rule ${rule.id ?? ''}: ${describeWhen(rule)} → ${describeEffect(rule)}`);
    },
  );

  controlVerb(
    verb(rules, 'replace <ruleId> <rule>', 'replace one rule, keeping its place', {
      ruleId: 'the rule to replace',
      rule: 'the new rule as JSON or YAML',
    }),
    async (ctx, id: string, text: string) => {
      const rule = await ctx.client.put<Rule>(`/__control/rules/${ruleId(id)}`, parseRule(text));
      ctx.result(rule, () => `Replaced rule ${rule.id ?? id}: ${describeWhen(rule)} → ${describeEffect(rule)}`);
    },
  );

  controlVerb(
    verb(rules, 'delete <ruleId>', 'delete one rule', { ruleId: 'the rule to delete' }),
    async (ctx, id: string) => {
      const rule = await ctx.client.delete<Rule>(`/__control/rules/${ruleId(id)}`);
      ctx.result(rule, () => `Deleted rule ${rule.id ?? id}`);
    },
  );

  controlVerb(
    verb(
      rules,
      'load <name|path>',
      'replace every rule with a preset (magic-amounts) or a rules file; --append keeps the ones there',
      { 'name|path': 'a preset of fixtures/rules or a JSON/YAML rules file' },
    ).option('--append', 'add them after the rules there instead of replacing those'),
    async (ctx, source: string, flags: { append?: boolean }) => {
      const loaded = rulesOf(source);
      const before = flags.append ? (await ctx.client.get<RuleList>('/__control/rules')).rules : [];
      const list = await ctx.client.put<RuleList>('/__control/rules', { rules: [...before, ...loaded] });
      ctx.result(
        list,
        () =>
          `Loaded ${loaded.length} rule(s) from ${source}; the mock has ${list.rules.length}.\n${formatRules(list)}`,
      );
    },
  );

  controlVerb(rules.command('clear').description('delete every rule'), async (ctx) => {
    const list = await ctx.client.put<RuleList>('/__control/rules', { rules: [] });
    ctx.result(list, () => 'Deleted every rule: payments stay pending and webhooks go out as they happen.');
  });

  rules
    .command('presets')
    .description('list the rule presets that ship with the mock')
    .option('--json', 'print the presets as JSON')
    .action((flags: { json?: boolean }, command: Command) => {
      const presets = listRulePresets().map(({ name, description }) => ({ name, description }));
      writerOf(command)(
        `${
          flags.json
            ? JSON.stringify(presets, null, 2)
            : formatTable(
                ['NAME', 'DESCRIPTION'],
                presets.map((p) => [p.name, p.description]),
              )
        }\n`,
      );
    });

  controlVerb(
    program
      .command('explain')
      .description(
        'why a payment went as it did: the rule that decided it, its deliveries and their rules, its requests',
      )
      .argument('<paymentId>', 'numeric payment id', intArg('paymentId', 1, Number.MAX_SAFE_INTEGER)),
    async (ctx, paymentId: number) => {
      const detail = await ctx.client.get<ControlPaymentDetail>(`/__control/payments/${paymentId}`);
      ctx.result(detail, () => formatExplanation(detail));
    },
  );
}
