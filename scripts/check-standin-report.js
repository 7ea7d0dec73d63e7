#!/usr/bin/env node
// Checks the report of a contract run against the stand-in sandbox (scripts/contract-runs.sh):
// `inferred` must have passed with its inferred differences and unavailable operations listed;
// a `break-*` variant must have failed the operation whose documented fact it broke, with a failure
// that names what broke (other operations may fail too when their set-up uses the broken one).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const [dir, variant] = process.argv.slice(2);
const summary = JSON.parse(fs.readFileSync(path.join(dir, 'contract-summary.json'), 'utf8'));
const differences = JSON.parse(fs.readFileSync(path.join(dir, 'inferred-differences.json'), 'utf8')).differences;
const failed = summary.operations.filter((r) => r.verdict === 'failed');
const problems = [];

/** What each break must fail: the operation, and a word its failure message must contain. */
const BREAKS = {
  'break-field-name': { operationId: 'createPayment', names: 'paymentUrl' },
  'break-field-type': { operationId: 'listPayments', names: 'amount' },
  'break-path': { operationId: 'listStores', names: 'Received: 404' },
  'break-default-store-rule': { operationId: 'deactivateStore', names: 'not its class (4xx)' },
};

if (variant === 'inferred') {
  if (failed.length > 0) problems.push(`operations failed: ${failed.map((r) => r.operationId).join(', ')}`);
  if (differences.length === 0) problems.push('no inferred difference was listed');
  const unavailable = summary.operations.filter((r) => r.verdict === 'not available').map((r) => r.operationId);
  for (const op of ['getStats', 'updateProfile', 'getPaymentQr', 'resendOnboarding'])
    if (!unavailable.includes(op)) problems.push(`${op} is not reported as not available`);
  const md = fs.readFileSync(path.join(dir, 'contract-summary.md'), 'utf8');
  if (!md.includes('## Spec updates suggested by this run'))
    problems.push('the summary has no "Spec updates suggested" section');
  console.log(
    `stand-in (inferred): ${summary.totals.passed} operations passed, ${summary.totals.inferredDiffers} inferred and differing, ` +
      `${unavailable.length} not available (${unavailable.join(', ')}), ${differences.length} distinct inferred differences`,
  );
} else {
  const expected = BREAKS[variant];
  if (!expected) problems.push(`unknown variant ${variant}`);
  else {
    const row = summary.operations.find((r) => r.operationId === expected.operationId);
    if (!row || row.verdict !== 'failed') problems.push(`${expected.operationId} did not fail`);
    else if (!row.failures.some((f) => f.message.includes(expected.names)))
      problems.push(`no failure of ${expected.operationId} names ${expected.names}`);
    const others = failed.filter((r) => r.operationId !== expected.operationId).map((r) => r.operationId);
    console.log(
      `stand-in (${variant}): failed ${failed.map((r) => r.operationId).join(', ')}; ` +
        `first failure: ${row && row.failures[0] ? row.failures[0].message.slice(0, 200) : '(none)'}` +
        (others.length ? ` (also failed: ${others.join(', ')})` : ''),
    );
  }
}

if (problems.length > 0) {
  console.error(`stand-in report ${dir} (${variant}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
