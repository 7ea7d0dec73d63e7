/**
 * The rules of the world (E100-E105): the control API's list, add, replace and delete, and the two
 * lookups the mock makes, each first match first: the outcome of a new payment and the behaviour of
 * a delivery. The rules live in MockState (E102); every change replaces the list in one step.
 */
import {
  MAX_RULES,
  checkRule,
  checkRuleList,
  ruleMatches,
  type Rule,
  type RuleSubject,
  type StoredRule,
} from '../../../../fixtures/src/rules';
import { apiError } from '../../http/api-error';
import type { MockState } from '../../state/mock-state';
import type { PaymentRecord } from '../../state/records';

export type RulePosition = 'first' | 'last';

/** What a payment is matched by. */
export function paymentSubject(payment: PaymentRecord, event?: string): RuleSubject {
  return {
    ...(event !== undefined && { event }),
    merchantClientId: payment.merchantClientId,
    payment: {
      amount: payment.amount,
      storeId: payment.storeId,
      registerId: payment.registerId,
      referenceNumber: payment.referenceNumber,
      description: payment.description,
    },
  };
}

/** The rule as stored: its own fields in a fixed order, and an id. */
function stored(rule: Rule, id: string): StoredRule {
  const { description, when, outcome, webhook } = structuredClone(rule);
  return {
    id,
    ...(description !== undefined && { description }),
    when: when ?? {},
    ...(outcome !== undefined && { outcome }),
    ...(webhook !== undefined && { webhook }),
  };
}

/** E104: `rule-<n>`, numbered on from `seq.ruleSeq`, skipping the ids `taken` names. */
function nextRuleId(seq: Pick<MockState, 'ruleSeq'>, taken: (id: string) => boolean): string {
  let id: string;
  do {
    seq.ruleSeq += 1;
    id = `rule-${seq.ruleSeq}`;
  } while (taken(id));
  return id;
}

/**
 * A checked list as the world keeps it (a PUT, a scenario): every rule with an id, `rule-<n>` for
 * those without, numbered on from `seq.ruleSeq` and never taking an id the list names itself (E104).
 */
export function storeRules(rules: readonly Rule[], seq: Pick<MockState, 'ruleSeq'>): StoredRule[] {
  const named = new Set(rules.map((rule) => rule.id).filter((id) => id !== undefined));
  return rules.map((rule) => {
    if (rule.id !== undefined) return stored(rule, rule.id);
    const id = nextRuleId(seq, (candidate) => named.has(candidate));
    named.add(id);
    return stored(rule, id);
  });
}

export function createRulesService({ state }: { state: Pick<MockState, 'rules' | 'ruleSeq' | 'setRules'> }) {
  const indexOf = (id: string) => state.rules.findIndex((rule) => rule.id === id);

  function find(id: string): StoredRule {
    const rule = state.rules[indexOf(id)];
    if (!rule) throw apiError('rule_not_found', id);
    return rule;
  }

  function check(problems: string[]): void {
    if (problems.length > 0) throw apiError('validation_failed', problems);
  }

  return {
    list: (): StoredRule[] => state.rules,

    get: find,

    add(rule: Rule, position: RulePosition = 'first'): StoredRule {
      check(checkRule(rule));
      if (rule.id !== undefined && indexOf(rule.id) >= 0) throw apiError('rule_exists', rule.id);
      if (state.rules.length >= MAX_RULES) throw apiError('too_many_rules', MAX_RULES);
      const added = stored(rule, rule.id ?? nextRuleId(state, (id) => indexOf(id) >= 0));
      state.setRules(position === 'first' ? [added, ...state.rules] : [...state.rules, added]);
      return added;
    },

    replaceAll(rules: Rule[]): StoredRule[] {
      check(checkRuleList(rules));
      const next = storeRules(rules, state);
      state.setRules(next);
      return next;
    },

    replace(id: string, rule: Rule): StoredRule {
      const at = indexOf(id);
      if (at < 0) throw apiError('rule_not_found', id);
      if (rule.id !== undefined && rule.id !== id)
        throw apiError('validation_failed', [`id ${rule.id} differs from the rule id ${id} in the path`]);
      check(checkRule(rule));
      const replaced = stored(rule, id);
      state.setRules(state.rules.map((r, i) => (i === at ? replaced : r)));
      return replaced;
    },

    remove(id: string): StoredRule {
      const rule = find(id);
      state.setRules(state.rules.filter((r) => r !== rule));
      return rule;
    },

    /** E100: the first rule with an outcome that matches the new payment. */
    outcomeRuleFor(payment: PaymentRecord): StoredRule | undefined {
      if (state.rules.length === 0) return undefined;
      const subject = paymentSubject(payment);
      return state.rules.find((rule) => rule.outcome !== undefined && ruleMatches(rule.when, subject));
    },

    /** E105: the first rule with a webhook behaviour that matches the event's subject. */
    webhookRuleFor(subject: RuleSubject): StoredRule | undefined {
      if (state.rules.length === 0) return undefined;
      return state.rules.find((rule) => rule.webhook !== undefined && ruleMatches(rule.when, subject));
    },
  };
}

export type RulesService = ReturnType<typeof createRulesService>;
