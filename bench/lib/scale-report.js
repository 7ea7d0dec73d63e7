'use strict';
/** Markdown and target checks of the scale benchmark. */
const { ratio } = require('./stats');
const { fmt, table, target, targetsTable, machineLine } = require('./report');

// Issue 15's scale targets: Node's default heap, growth from 1k to 1M, webhooks at volume.
const LIMITS = { rssAtMillionMb: 1024, growth: 1.5, webhookP99Ms: 50, loadMs: 5000 };
const sizeLabel = (n) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));

function renderScale(r) {
  const ok = r.sizes.filter((s) => !s.error);
  const largest = ok.at(-1);
  const targets = [];

  const sizesTable = table(
    [
      'payments',
      'scenario file MB',
      'spawn → ready s',
      'CPU to ready s',
      'RSS at ready MB',
      'RSS after the queries MB',
    ],
    r.sizes.map((s) =>
      s.error
        ? [fmt.int(s.payments), '–', '–', '–', '–', `failed: ${s.error.split('\n')[0].slice(0, 120)}`]
        : [
            fmt.int(s.total),
            s.fileMb.toFixed(1),
            (s.readyMs / 1000).toFixed(2),
            s.readyCpuMs == null ? '–' : (s.readyCpuMs / 1000).toFixed(2),
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
    const compared = base && top && base !== top;
    const label = compared ? `${sizeLabel(top.payments)} / ${sizeLabel(base.payments)}` : '';
    // A query measured at one size only (the deep page) has nothing to grow from.
    for (const key of compared ? ['p50', 'p99'] : []) {
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
  // Both readings count: the load's peak is still mapped at ready, the queries' garbage after them.
  const millionRss = million && Math.max(million.rssLoadedMb, million.rssAfterMb);
  targets.push(
    target(
      'RSS ≤ 1 GB with 1M payments (at ready and after the queries)',
      million ? `${fmt.mb(millionRss)} MB` : 'not measured',
      '1024 MB',
      million ? millionRss <= LIMITS.rssAtMillionMb : null,
    ),
  );

  const webhookTable = table(
    [
      'burst',
      'payments',
      'sent within ms',
      'delivered',
      'delivery p50 / p99 / max ms',
      'create p99 ms',
      'status p99 alone / during ms',
    ],
    r.webhooks.flatMap((w) => [
      ...(w.firstBurst
        ? [
            [
              'first after start (warm-up, not judged; E214)',
              fmt.int(w.payments),
              fmt.int(w.firstBurst.sentMs),
              `${w.firstBurst.received}/${w.payments}`,
              `${fmt.ms(w.firstBurst.delivery.p50)} / ${fmt.ms(w.firstBurst.delivery.p99)} / ${fmt.ms(w.firstBurst.delivery.max)}`,
              fmt.ms(w.firstBurst.create.p99),
              'n/a',
            ],
          ]
        : []),
      [
        'measured',
        fmt.int(w.payments),
        fmt.int(w.sentMs),
        `${w.received}/${w.payments}`,
        `${fmt.ms(w.delivery.p50)} / ${fmt.ms(w.delivery.p99)} / ${fmt.ms(w.delivery.max)}`,
        fmt.ms(w.create.p99),
        `${fmt.ms(w.status.alone.p99)} / ${fmt.ms(w.status.during.p99)}`,
      ],
    ]),
  );
  const volume = r.webhooks[0];
  targets.push(
    target(
      `webhook delivery p99 ≤ ${LIMITS.webhookP99Ms} ms (${fmt.int(volume?.payments)} payments settled within one second)`,
      volume ? `${fmt.ms(volume.delivery.p99)} ms` : 'not measured',
      `${LIMITS.webhookP99Ms} ms`,
      volume && volume.received === volume.payments ? volume.delivery.p99 <= LIMITS.webhookP99Ms : null,
    ),
  );
  targets.push(
    target(
      '1M-payment scenario loads (`--scenario`, spawn → ready) ≤ 5 s',
      million
        ? `${(million.readyMs / 1000).toFixed(1)} s${million.readyCpuMs == null ? '' : ` (${(million.readyCpuMs / 1000).toFixed(1)} s CPU)`}`
        : 'not measured',
      '5 s',
      million ? million.readyMs <= LIMITS.loadMs : null,
    ),
  );

  // E204: the start from a state file with the same world, beside the scenario's.
  const stateFiles = ok.filter((s) => s.stateFile);
  const stateFileTable = table(
    ['payments', 'spawn → ready s', 'CPU to ready s', 'RSS at ready MB'],
    stateFiles.map(({ payments, stateFile: f }) =>
      f.error
        ? [fmt.int(payments), '–', '–', `failed: ${f.error.split('\n')[0].slice(0, 120)}`]
        : [fmt.int(f.total), (f.readyMs / 1000).toFixed(2), (f.readyCpuMs / 1000).toFixed(2), fmt.mb(f.rssMb)],
    ),
  );
  const millionFile = million?.stateFile && !million.stateFile.error ? million.stateFile : null;
  targets.push(
    target(
      '1M-payment state file loads (`--state-file`, spawn → ready) ≤ 5 s',
      millionFile
        ? `${(millionFile.readyMs / 1000).toFixed(1)} s (${(millionFile.readyCpuMs / 1000).toFixed(1)} s CPU), RSS ${fmt.mb(millionFile.rssMb)} MB`
        : 'not measured',
      '5 s',
      millionFile ? millionFile.readyMs <= LIMITS.loadMs : null,
    ),
  );

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
    ...(stateFiles.length > 0
      ? [
          'The same world started from a state file (written by a mock started with the scenario and `--state-file`, then stopped):',
          '',
          stateFileTable,
          '',
        ]
      : []),
    '### Latency',
    '',
    latencyTable,
    '',
    '### Webhooks at volume (create response → the loopback receiver has the payment.completed body)',
    '',
    'The receiver runs in a process of its own (`peers.js receiver`); status is `GET /payments/{id}/status` at 500 req/s over 10 connections, alone and while the payments are sent.',
    '',
    webhookTable,
    '',
    '### Targets',
    '',
    targetsTable(targets),
  ].join('\n');
  return { text, targets };
}

module.exports = { renderScale, LIMITS };
