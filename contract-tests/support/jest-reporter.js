/**
 * Jest reporter for the contract suite (plain CommonJS: Jest loads reporters without the
 * transform). After the run it joins Jest's results with the journal the tests wrote
 * (run.json + journal.ndjson in CONTRACT_RUN_DIR, see report.ts and global-setup.ts) into one row
 * per Partner API operation, writes contract-summary.json and contract-summary.md, and prints a
 * compact table. Runs without the contract project (no CONTRACT_RUN_DIR) are left alone.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const SKIPPED = new Set(['pending', 'skipped', 'todo', 'disabled']);

function readJournal(file) {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}

/** Same rule as report.ts: `GET /v1/partner/profile (getProfile) …` → getProfile. */
function operationIdFromTitle(title) {
  const match = /\(([a-z][A-Za-z0-9]*)\)/.exec(title || '');
  return match ? match[1] : null;
}

function operationIdFromFile(file) {
  const match = /[\\/]contract-tests[\\/]operations[\\/][^\\/]+[\\/]([A-Za-z0-9]+)\.test\.ts$/.exec(file || '');
  return match ? match[1] : null;
}

function isSuiteFile(file) {
  return (
    /[\\/]contract-tests[\\/]/.test(file) &&
    !/[\\/]contract-tests[\\/]support[\\/]/.test(file) &&
    !/coverage\.test\.ts$/.test(file)
  );
}

/** The gist of a failure for one table cell: the message lines without colours or stack, cut at 300 characters. */
function gist(message) {
  const lines = String(message || '')
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('at '));
  const text = lines.slice(0, 6).join(' ');
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function summarize(run, journal, testResults) {
  const rows = new Map();
  const row = (operationId, info = {}) => {
    if (!rows.has(operationId)) {
      rows.set(operationId, {
        operationId,
        tag: '',
        method: '',
        path: '',
        provenance: '',
        ...info,
        verdict: '',
        passed: 0,
        failed: 0,
        skipped: 0,
        statuses: [],
        failures: [],
        inferredDiffers: [],
        notAvailable: null,
        skips: [],
      });
    }
    return rows.get(operationId);
  };
  for (const op of run.operations) row(op.operationId, op);
  const flows = [];
  const skipReasons = new Map(
    journal.filter((e) => e.type === 'skip').map((e) => [`${e.file}\u0000${e.title}`, e.reason]),
  );

  for (const file of testResults) {
    if (!isSuiteFile(file.testFilePath)) continue;
    const fileOp = operationIdFromFile(file.testFilePath);
    const flow = { file: path.relative(run.rootDir, file.testFilePath), passed: 0, failed: 0, skipped: 0 };
    if (file.testExecError && fileOp) {
      row(fileOp).failed += 1;
      row(fileOp).failures.push({ test: '(test file)', message: gist(file.testExecError.message) });
    } else if (file.testExecError) flow.failed += 1;
    for (const t of file.testResults) {
      const opId = operationIdFromTitle(t.ancestorTitles.join(' ')) || fileOp;
      const target = opId ? row(opId) : flow;
      if (t.status === 'passed') target.passed += 1;
      else if (t.status === 'failed') {
        target.failed += 1;
        if (opId) target.failures.push({ test: t.fullName, message: gist(t.failureMessages[0]) });
      } else if (SKIPPED.has(t.status)) {
        target.skipped += 1;
        if (opId)
          target.skips.push({
            test: t.fullName,
            reason: skipReasons.get(`${file.testFilePath}\u0000${t.title}`) || 'skipped in the test file',
          });
      }
    }
    if (!fileOp && flow.passed + flow.failed + flow.skipped > 0) flows.push(flow);
  }

  const webhookDiffers = [];
  for (const entry of journal) {
    if (entry.file && !isSuiteFile(entry.file)) continue;
    const opId = entry.operationId || operationIdFromFile(entry.file);
    // Deliveries seen in flows are reported under their webhook (onPaymentCompleted, …).
    if (entry.type === 'inferred-differs' && /^on[A-Z]/.test(entry.operationId || '') && !rows.has(opId))
      webhookDiffers.push({
        operationId: entry.operationId,
        test: entry.test,
        label: entry.label,
        differences: entry.differences || [],
      });
    // Only Partner API operations are reported; control-API calls are the tests' own tools.
    if (!opId || (run.operations.length > 0 && !rows.has(opId))) continue;
    if (entry.type === 'call') {
      const r = row(opId);
      if (!r.statuses.includes(entry.status)) r.statuses.push(entry.status);
    } else if (entry.type === 'inferred-differs') {
      row(opId).inferredDiffers.push({
        test: entry.test,
        label: entry.label,
        message: gist(entry.message),
        differences: entry.differences || [],
      });
    } else if (entry.type === 'not-available') {
      row(opId).notAvailable = { status: entry.status };
    }
  }

  const operations = [...rows.values()];
  for (const r of operations) {
    r.statuses.sort((a, b) => a - b);
    r.verdict =
      r.failed > 0
        ? 'failed'
        : r.notAvailable
          ? 'not available'
          : r.inferredDiffers.length > 0
            ? 'inferred, differs'
            : r.passed > 0
              ? 'passed'
              : r.skipped > 0
                ? 'skipped'
                : 'not covered';
  }
  const count = (verdict) => operations.filter((r) => r.verdict === verdict).length;
  const totals = {
    operations: operations.length,
    passed: count('passed'),
    failed: count('failed'),
    inferredDiffers: count('inferred, differs'),
    notAvailable: count('not available'),
    skipped: count('skipped'),
    notCovered: count('not covered'),
  };
  return {
    generatedAt: new Date().toISOString(),
    startedAt: run.startedAt,
    target: run.target,
    totals,
    operations,
    flows,
    differences: listDifferences(operations, webhookDiffers),
  };
}

const DECISION = /\b([DE]\d+)\b/;

/**
 * Every inferred fact that differed, once per operation + place + expected + observed, with the
 * tests that saw it: what the spec should learn from this target.
 */
function listDifferences(operations, webhookDiffers = []) {
  const out = new Map();
  const add = (operationId, d, test) => {
    // A broken rule is one finding however its message varies from test to test.
    const key = [operationId, d.where, d.expected, d.where === 'rule' ? '' : d.observed].join('\u0000');
    if (!out.has(key)) out.set(key, { operationId, ...d, tests: [] });
    const item = out.get(key);
    if (test && !item.tests.includes(test)) item.tests.push(test);
  };
  for (const r of operations) {
    for (const entry of r.inferredDiffers) {
      if (entry.differences.length > 0) for (const d of entry.differences) add(r.operationId, d, entry.test);
      else {
        const match = DECISION.exec(entry.label);
        add(
          r.operationId,
          { where: 'rule', expected: entry.label, observed: entry.message, decision: match ? match[1] : undefined },
          entry.test,
        );
      }
    }
    if (r.notAvailable)
      add(r.operationId, {
        where: 'operation',
        expected: 'available',
        observed: `answers ${r.notAvailable.status}`,
        decision: undefined,
      });
  }
  for (const entry of webhookDiffers) for (const d of entry.differences) add(entry.operationId, d, entry.test);
  return [...out.values()];
}

/** One line of advice for the spec per difference; `ops` names the operations it concerns. */
function suggestion(d, ops = `\`${d.operationId}\``) {
  const op = ops;
  const why = d.decision ? ` (${d.decision})` : '';
  const at = `\`${d.where}\``;
  if (d.where === 'operation')
    return `${op}: not offered by this target (${d.observed}); mark it mock-only or drop it from the spec.`;
  if (d.where === 'status')
    return `${op}: answers ${d.observed} where the spec guessed ${d.expected}${why}; document ${d.observed}.`;
  if (d.where === 'Content-Type')
    return `${op}: answers ${d.observed} where the spec guessed ${d.expected}${why}; document ${d.observed}.`;
  if (d.where === 'rule') return `${op}: the rule "${d.expected}" does not hold here${why}; revisit the decision.`;
  if (/is not allowed/.test(d.expected))
    return `${op}: sends ${at}, which the spec does not have; add it as an optional field.`;
  if (/required but missing/.test(d.expected)) return `${op}: leaves out ${at}${why}; make it optional.`;
  if (/allowed values/.test(d.expected))
    return `${op}: ${at} is ${d.observed}, not in the guessed enum${why}; add the value.`;
  return `${op}: ${at} is ${d.observed} where the spec guessed "${d.expected}"${why}; widen or correct the schema.`;
}

function targetLabel(target) {
  if (target.kind === 'in-process') return 'the mock, in-process';
  return `${target.baseUrl}${target.isMock ? ' (an acountpay-mock)' : ''}`;
}

function toMarkdown(summary) {
  const t = summary.totals;
  const lines = [
    '# Contract test summary',
    '',
    `Target: ${targetLabel(summary.target)}. Run started ${summary.startedAt}.`,
    '',
    `${t.operations} operations: ${t.passed} passed, ${t.failed} failed, ${t.inferredDiffers} inferred and differing, ${t.notAvailable} not available, ${t.skipped} skipped, ${t.notCovered} not covered.`,
    '',
    '| Operation | Request | Provenance | Verdict | Passed | Failed | Skipped | Statuses seen |',
    '| --- | --- | --- | --- | ---: | ---: | ---: | --- |',
    ...summary.operations.map(
      (r) =>
        `| ${r.operationId} | \`${r.method} ${r.path}\` | ${r.provenance} | ${r.verdict} | ${r.passed} | ${r.failed} | ${r.skipped} | ${r.statuses.join(' ')} |`,
    ),
  ];
  const section = (title, items) => {
    if (items.length === 0) return;
    lines.push('', `## ${title}`, '', ...items);
  };
  const cell = (text) => String(text || '').replace(/\|/g, '\\|');
  section(
    'Failures',
    summary.operations.flatMap((r) =>
      r.failures.map((f) => `- **${r.operationId}**: ${cell(f.test)}: ${cell(f.message)}`),
    ),
  );
  section(
    'Inferred, differs',
    summary.operations.flatMap((r) =>
      r.inferredDiffers.map((d) => `- **${r.operationId}**: ${cell(d.label)}: ${cell(d.message)}`),
    ),
  );
  section(
    'Not available on this target',
    summary.operations
      .filter((r) => r.notAvailable)
      .map(
        (r) =>
          `- **${r.operationId}**: answered ${r.notAvailable.status}; the operation is inferred, so this is not a failure`,
      ),
  );
  section(
    'Spec updates suggested by this run',
    suggestionLines(summary.differences).map((line) => `- ${cell(line)}`),
  );
  section(
    'Skipped',
    summary.operations.flatMap((r) => r.skips.map((s) => `- **${r.operationId}**: ${cell(s.test)}: ${cell(s.reason)}`)),
  );
  section(
    'Flows',
    summary.flows.map((f) => `- ${f.file}: ${f.passed} passed, ${f.failed} failed, ${f.skipped} skipped`),
  );
  return `${lines.join('\n')}\n`;
}

/** The advice, with one line for a finding that several operations share (an error media type, say). */
function suggestionLines(differences) {
  const groups = new Map();
  for (const d of differences) {
    const shared = d.where === 'Content-Type' || d.where.startsWith('header ');
    const key = shared
      ? [d.where, d.expected, d.observed, d.decision].join('\u0000')
      : `${d.operationId}\u0000${groups.size}`;
    if (!groups.has(key)) groups.set(key, { d, ops: [] });
    const g = groups.get(key);
    if (!g.ops.includes(d.operationId)) g.ops.push(d.operationId);
  }
  return [...groups.values()].map(({ d, ops }) => suggestion(d, ops.map((o) => `\`${o}\``).join(', ')));
}

function toTable(summary, mdFile) {
  const t = summary.totals;
  const exercised = summary.operations.filter((r) => r.verdict !== 'not covered');
  const head = `Contract summary for ${targetLabel(summary.target)}, per Partner API operation: ${t.passed} passed, ${t.failed} failed, ${t.inferredDiffers} inferred-differs, ${t.notAvailable} not available, ${t.skipped} skipped, ${t.notCovered} not covered; ${summary.differences.length} inferred differences (${mdFile})`;
  if (exercised.length === 0) return `\n${head}\n`;
  const width = Math.max(...exercised.map((r) => r.operationId.length), 9);
  const rows = exercised.map(
    (r) =>
      `  ${r.operationId.padEnd(width)}  ${r.verdict.padEnd(17)}  ${`${r.passed}/${r.failed}/${r.skipped}`.padEnd(8)}  ${r.statuses.join(' ')}`,
  );
  return `\n${head}\n  ${'operation'.padEnd(width)}  ${'verdict'.padEnd(17)}  ${'p/f/s'.padEnd(8)}  statuses\n${rows.join('\n')}\n`;
}

class ContractReporter {
  onRunComplete(_contexts, results) {
    const runDir = process.env.CONTRACT_RUN_DIR;
    const runFile = runDir && path.join(runDir, 'run.json');
    if (!runFile || !fs.existsSync(runFile)) return;
    const run = JSON.parse(fs.readFileSync(runFile, 'utf8'));
    const summary = summarize(run, readJournal(path.join(runDir, 'journal.ndjson')), results.testResults);
    fs.mkdirSync(run.reportDir, { recursive: true });
    const mdFile = path.join(run.reportDir, 'contract-summary.md');
    fs.writeFileSync(path.join(run.reportDir, 'contract-summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    fs.writeFileSync(mdFile, toMarkdown(summary));
    fs.writeFileSync(
      path.join(run.reportDir, 'inferred-differences.json'),
      `${JSON.stringify({ target: summary.target, startedAt: summary.startedAt, differences: summary.differences }, null, 2)}\n`,
    );
    process.stderr.write(toTable(summary, path.relative(process.cwd(), mdFile)));
    if (run.temporary) fs.rmSync(runDir, { recursive: true, force: true });
  }
}

module.exports = ContractReporter;
module.exports.summarize = summarize;
module.exports.suggestion = suggestion;
