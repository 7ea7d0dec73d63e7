/** E104: the outcome and webhook behaviour rules, over the control API; the rules service checks and keeps them. */
import type { RuleParts } from './control-parts';
import { created, ok, type HandlerTable } from '../http/handler';
import type { RulePosition } from '../domain/rules/rules-service';
import type { RuleList } from './control-types';

export function createControlRuleHandlers({ services }: RuleParts): HandlerTable {
  const { rules } = services;
  const idOf = (ctx: { params: Record<string, unknown> }) => ctx.params.ruleId as string;
  return {
    listRules: () => ok({ rules: rules.list() } satisfies RuleList),
    addRule: (ctx) => created(rules.add(ctx.body, ctx.query.position as RulePosition)),
    replaceRules: (ctx) => ok({ rules: rules.replaceAll((ctx.body as RuleList).rules) } satisfies RuleList),
    getRule: (ctx) => ok(rules.get(idOf(ctx))),
    replaceRule: (ctx) => ok(rules.replace(idOf(ctx), ctx.body)),
    deleteRule: (ctx) => ok(rules.remove(idOf(ctx))),
  };
}
