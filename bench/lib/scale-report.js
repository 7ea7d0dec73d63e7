'use strict';
/** Markdown and target checks of the scale benchmark. */
const { ratio } = require('./stats');
const { fmt, table, target, targetsTable, machineLine } = require('./report');

const LIMITS = { rssAtMillionMb: 1024, growth: 1.5, webhookP99Ms: 20 };
const sizeLabel = (n) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));

function renderScale(r) {
  const ok = r.sizes.filter((s) => !s.error);
  const largest = ok.at(-1);
  const targets = [];

  const sizesTable = table(
    ['payments', 'scenario file MB', 'spawn → ready s', 'RSS loaded MB', 'RSS after load MB'],
    r.sizes.map((s) =>
      s.error
        ? [fmt.int(s.payments), '–', '–', '–', `failed: ${s.error.split('\n')[0].slice(0, 120)}`]
        : [
            fmt.int(s.total),
            s.fileMb.toFixed(1),
            (s.readyMs / 1000).toFixed(2),
            fmt.mb(s.rssLoadedMb),
            fmt.mb(s.rssAfterMb),
          ],
    ),
  );

  const names = [...new Set(ok.flatMap((s) => Object.keys(s.runs)))];
  const titleOf = (name) => ok.map((s) => s.runs[name]?.title).find(Boolean);
  const latencyRows = names.map((name) => {
    const withQuery = ok.filter((s) => s.runs[name]?.valid);
    const base = withQuery[0];
    const top = withQuery.at(-1);
    const growth = (key) => (base && top && base !== top ? ratio(top.runs[name][key], base.runs[name][key]) : null);
    const label = base && top ? `${sizeLabel(top.payments)} / ${sizeLabel(base.payments)}` : '';
    for (const key of ['p50', 'p99']) {
      const g = growth(key);
      targets.push(
        target(
          `${name} ${key} at ${label || 'largest / smallest'} ≤ ${LIMITS.growth}×`,
          fmt.ratio(g),
          `${LIMITS.growth}×`,
          g == null ? null : g <= LIMITS.growth,
        ),
      );
    }
    return [
      titleOf(name),
      ...ok.map((s) => {
        const run = s.runs[name];
        if (!run) return 'n/a';
        return `${fmt.ms(run.p50)} / ${fmt.ms(run.p99)} · ${fmt.int(run.rps)}/s${run.valid ? '' : ' ⚠'}`;
      }),
      `${fmt.ratio(growth('p50'))} / ${fmt.ratio(growth('p99'))}${label ? ` (${label})` : ''}`,
    ];
  });
  const latencyTable = table(
    ['query', ...ok.map((s) => `${sizeLabel(s.payments)}: p50 / p99 ms · req/s`), 'growth p50 / p99'],
    latencyRows,
  );

  const million = ok.find((s) => s.payments >= 1_000_000);
  targets.push(
    target(
      'RSS after load ≤ 1 GB with 1M payments',
      million ? `${fmt.mb(million.rssAfterMb)} MB` : 'not measured',
      '1024 MB',
      million ? million.rssAfterMb <= LIMITS.rssAtMillionMb : null,
    ),
  );

  const webhookTable = table(
    ['payments in flight', 'received', 'p50 ms', 'p99 ms', 'min ms', 'max ms'],
    r.webhooks.map((w) => [
      String(w.concurrency),
      `${w.received}/${w.events}`,
      fmt.ms(w.p50),
      fmt.ms(w.p99),
      fmt.ms(w.min),
      fmt.ms(w.max),
    ]),
  );
  const sequential = r.webhooks.find((w) => w.concurrency === 1);
  targets.push(
    target(
      'webhook delivery p99 ≤ 20 ms (one payment in flight)',
      sequential ? `${fmt.ms(sequential.p99)} ms` : 'not measured',
      '20 ms',
      sequential && sequential.received === sequential.events ? sequential.p99 <= LIMITS.webhookP99Ms : null,
    ),
  );

  const contract = r.contract
    ? `Contract suite in process (\`jest --selectProjects contract\`): ${(r.contract.ms / 1000).toFixed(1)} s wall time, exit ${r.contract.exitCode}${r.contract.summary ? ` (${r.contract.summary})` : ''}.`
    : 'Contract suite: not timed (no contract tests, or BENCH_CONTRACT=0).';

  const text = [
    `## Scale benchmark (${r.startedAt.slice(0, 16).replace('T', ' ')} UTC)`,
    '',
    `${machineLine(r.machine)}. Load average ${r.machine.loadAverage.join(' / ')} at the start, ${r.loadAverageEnd.join(' / ')} at the end.`,
    `acountpay-mock with generated scenarios (seed 42, 50 merchants × 3 stores) loaded by \`--scenario\`; each query runs ${r.options.seconds} s after a ${r.options.warmupSeconds} s warm-up, ${r.options.connections} connections.${largest ? '' : ' No size could be measured.'}`,
    '',
    '### Memory and start-up',
    '',
    sizesTable,
    '',
    '### Latency',
    '',
    latencyTable,
    '',
    '### Webhook delivery (create response → receiver has the payment.completed body)',
    '',
    webhookTable,
    '',
    contract,
    '',
    '### Targets',
    '',
    targetsTable(targets),
  ].join('\n');
  return { text, targets };
}

module.exports = { renderScale, LIMITS };
