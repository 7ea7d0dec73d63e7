/** E104: the outcome and webhook behaviour rules, over the control API; the rules service checks and keeps them. */
import type { RuleParts } from './control-parts';
import { created, ok, type ControlHandlers } from '../http/handler';

export function createControlRuleHandlers({ services }: RuleParts) {
  const { rules } = services;
  return {
    listRules: () => ok({ rules: rules.list() }),
    addRule: (ctx) => created(rules.add(ctx.body, ctx.query.position)),
    replaceRules: (ctx) => ok({ rules: rules.replaceAll(ctx.body.rules) }),
    getRule: (ctx) => ok(rules.get(ctx.params.ruleId)),
    replaceRule: (ctx) => ok(rules.replace(ctx.params.ruleId, ctx.body)),
    deleteRule: (ctx) => ok(rules.remove(ctx.params.ruleId)),
  } satisfies Partial<ControlHandlers>;
}
