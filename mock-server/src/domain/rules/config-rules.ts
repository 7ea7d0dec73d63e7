/**
 * E103: the rules the mock is started with: a preset or rules file (`--rules`), then `auto-pay`
 * (`--auto-pay`). They are configuration: MockState puts them back into every world it loads (E102).
 */
import { loadRulesFile } from '../../../../fixtures/src/rules-file';
import { AUTO_PAY_RULE_ID, autoPayRule, type StoredRule } from '../../../../fixtures/src/rules';
import type { MockConfig } from '../../config';

/** Throws an Error naming every problem (with its line) of a rules file that does not load. */
export function configRules(config: Pick<MockConfig, 'rules' | 'autoPay'>): StoredRule[] {
  const rules = config.rules !== null ? loadRulesFile(config.rules) : [];
  if (config.autoPay === null) return rules;
  return [...rules.filter((rule) => rule.id !== AUTO_PAY_RULE_ID), autoPayRule(config.autoPay)];
}

/** One line for the start banner: `magic-amounts (9 rules), then every payment paid after 3s`. */
export function describeConfigRules(config: Pick<MockConfig, 'rules' | 'autoPay'>, rules: StoredRule[]): string | null {
  const parts: string[] = [];
  const fromFile = rules.length - (config.autoPay !== null ? 1 : 0);
  if (config.rules !== null) parts.push(`${config.rules} (${fromFile} rule${fromFile === 1 ? '' : 's'})`);
  if (config.autoPay !== null)
    parts.push(`${parts.length > 0 ? 'then ' : ''}every payment paid after ${config.autoPay}`);
  return parts.length > 0 ? parts.join(', ') : null;
}
