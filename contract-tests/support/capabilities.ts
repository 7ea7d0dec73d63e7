/**
 * Tests that need more than the public API (the QA control API, permission to change shared
 * state, a webhook receiver the target can reach) are skipped, with a reason in the report, on
 * targets that lack it. Jest registers tests synchronously, so the decision uses what the global
 * setup already learned (CONTRACT_CONTROL_AVAILABLE) instead of the async target.
 */
import { record, currentTest } from './report';
import { isLoopback, readTargetConfig } from './target-config';

export type Need = 'control' | 'mock' | 'destructive' | 'webhooks';

/** Why this run cannot give a test `need`, or null when it can (or cannot know yet). */
export function missingReason(need: Need, env: NodeJS.ProcessEnv = process.env): string | null {
  const config = readTargetConfig(env);
  if (config.kind === 'in-process') return null;
  switch (need) {
    case 'control':
      return env.CONTRACT_CONTROL_AVAILABLE === '0'
        ? `the target has no QA control API at ${config.controlUrl}/__control`
        : null;
    case 'mock':
      return env.CONTRACT_CONTROL_AVAILABLE === '0'
        ? 'uses a mock-only shortcut (such as X-Mock-Payment, D25) and the target is not an acountpay-mock'
        : null;
    case 'destructive':
      return config.destructiveAllowed
        ? null
        : 'changes shared state of a remote target; set CONTRACT_ALLOW_DESTRUCTIVE=1 to run it';
    case 'webhooks':
      return config.webhook || isLoopback(config.baseUrl)
        ? null
        : 'the target cannot reach a receiver on 127.0.0.1; set CONTRACT_WEBHOOK_URL and CONTRACT_WEBHOOK_PORT';
  }
}

type TestFn = Parameters<typeof test>[1];

/**
 * `testWith('control')('advances the clock …', async () => { … })` registers a normal test, or a
 * skipped one whose reason goes into the contract report.
 */
export function testWith(...needs: Need[]): (title: string, fn: TestFn, timeout?: number) => void {
  const reasons = needs.map((need) => missingReason(need)).filter((r): r is string => r !== null);
  return (title, fn, timeout) => {
    if (reasons.length === 0) {
      test(title, fn, timeout);
      return;
    }
    record({ type: 'skip', title, reason: reasons.join('; '), file: currentTest().file });
    test.skip(title, fn, timeout);
  };
}
