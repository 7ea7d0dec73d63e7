'use strict';
/** Medians over rounds, ratios and target checks of the main benchmark, and its Markdown. */
const { median, ratio } = require('./stats');
const { SERVERS, oursExtraArgs } = require('./servers');
const { scenarios } = require('./workload');
const { committedColumn, fmt, table, target, targetsTable, machineLine } = require('./report');

// Issue 15's targets: at least bare Express's throughput, p99 within 5 ms at 10 connections.
const LIMITS = { vsExpress: 1.0, vsPrism: 3, p99Ms: 5, coldStartMs: 500, rssMb: 150 };

function cellOf(rounds, server, scenario) {
  const runs = rounds.map((r) => r[server]?.runs[scenario]).filter(Boolean);
  if (runs.length === 0) return null;
  const statuses = {};
  for (const run of runs)
    for (const [code, n] of Object.entries(run.statuses)) statuses[code] = (statuses[code] ?? 0) + n;
  return {
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    loopDelayP99: median(runs.map((r) => r.loopDelay?.p99).filter((v) => v != null)),
    loopDelayMax: median(runs.map((r) => r.loopDelay?.max).filter((v) => v != null)),
    valid: runs.every((r) => r.valid),
    rounds: runs.length,
    statuses,
  };
}

/** A target met when `value` is at most `limit`; `show` formats both. */
const atMost = (name, value, limit, show) =>
  target(name, show(value), show(limit), value == null ? null : value <= limit);

function checkTargets({ cells, processes, scenarioList, servers }) {
  const targets = [];
  const ours = cells.ours;
  const validRps = (server, name) => (cells[server]?.[name]?.valid ? cells[server][name].rps : null);
  for (const { name } of scenarioList) {
    const mine = validRps('ours', name);
    for (const [other, key, label] of [
      ['express', 'vsExpress', 'bare Express'],
      ['prism', 'vsPrism', 'Prism'],
    ]) {
      if (!servers.includes(other) || !ours) continue;
      const r = ratio(mine, validRps(other, name));
      targets.push(
        target(
          `${name}: ours ≥ ${LIMITS[key]} × ${label} req/s`,
          fmt.ratio(r),
          `${LIMITS[key]}×`,
          r == null ? null : r >= LIMITS[key],
        ),
      );
    }
    if (ours?.[name]) {
      const p99 = ours[name].valid ? ours[name].p99 : null;
      targets.push(atMost(`${name}: ours p99 ≤ ${LIMITS.p99Ms} ms`, p99, LIMITS.p99Ms, (n) => `${fmt.ms(n)} ms`));
    }
  }
  if (processes.ours) {
    const { coldStartMs, coldStartCpuMs, rssAfterMb } = processes.ours;
    const ms = (n) => `${fmt.int(n)} ms`;
    targets.push(
      atMost('ours cold start ≤ 0.5 s', coldStartMs, LIMITS.coldStartMs, ms),
      // The CPU the start-up used is what the wall time would be on an idle core; a busy machine inflates only the latter.
      atMost('ours cold start CPU time ≤ 0.5 s (proxy on a busy machine)', coldStartCpuMs, LIMITS.coldStartMs, ms),
      atMost('ours RSS after load ≤ 150 MB', rssAfterMb, LIMITS.rssMb, (n) => `${fmt.mb(n)} MB`),
    );
  }
  return targets;
}

function summarise({ options, machine, startedAt, finishedAt, loadAverageEnd, data, cold, rounds }) {
  const servers = options.servers;
  const scenarioList = scenarios(undefined, options.scenarios).map(({ name, title, request, expect }) => ({
    name,
    title,
    method: request.method,
    path: request.path,
    expect,
  }));
  const cells = {};
  const processes = {};
  for (const server of servers) {
    cells[server] = Object.fromEntries(scenarioList.map(({ name }) => [name, cellOf(rounds, server, name)]));
    processes[server] = {
      coldStartMs: median(cold.wall[server] ?? []),
      coldStartSamplesMs: cold.wall[server] ?? [],
      coldStartCpuMs: median(cold.cpu[server] ?? []),
      readyWithDataMs: server === 'ours' && data ? median(rounds.map((r) => r.ours?.readyMs)) : null,
      rssIdleMb: median(rounds.map((r) => r[server]?.rssIdleMb)),
      rssAfterMb: median(rounds.map((r) => r[server]?.rssAfterMb)),
      logBytesPerRound: median(rounds.map((r) => r[server]?.logBytes)),
    };
  }
  const ratios = Object.fromEntries(
    scenarioList.map(({ name }) => {
      const rps = (server) => (cells[server]?.[name]?.valid ? cells[server][name].rps : null);
      return [
        name,
        {
          oursVsExpress: ratio(rps('ours'), rps('express')),
          oursVsPrism: ratio(rps('ours'), rps('prism')),
          oursVsNode: ratio(rps('ours'), rps('node')),
        },
      ];
    }),
  );
  const oursArgs = oursExtraArgs();
  const complete =
    oursArgs.length === 0 &&
    ['node', 'express', 'prism', 'ours'].every((s) => servers.includes(s)) &&
    !options.scenarios &&
    options.rounds >= 3 &&
    options.seconds >= 10;
  return {
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    machine,
    loadAverageEnd,
    options: { ...options, oursArgs },
    data: data && {
      ...data,
      file: undefined,
      loadedBy: rounds.map((r) => r.ours?.loaded?.loadedBy).find(Boolean) ?? null,
    },
    scenarios: scenarioList,
    cells,
    processes,
    ratios,
    targets: checkTargets({ cells, processes, scenarioList, servers }),
    previous: committedColumn('main', 'ours / Express'),
    complete,
    rounds,
  };
}

function renderMain(s) {
  const servers = s.options.servers;
  const labels = servers.map((k) => SERVERS[k].label);
  const cell = (server, name) => s.cells[server]?.[name];
  const mark = (c) => (c && !c.valid ? ' ⚠' : '');
  const previous = s.previous ?? { date: 'none', byTitle: {} };
  const throughput = table(
    [
      'scenario',
      ...labels,
      'ours / node:http',
      'ours / Express',
      'ours / Prism',
      `ours / Express, the run before in bench/RESULTS.md (${previous.date})`,
    ],
    s.scenarios.map(({ name, title }) => [
      title,
      ...servers.map((k) => `${fmt.int(cell(k, name)?.rps)}${mark(cell(k, name))}`),
      fmt.ratio(s.ratios[name].oursVsNode),
      fmt.ratio(s.ratios[name].oursVsExpress),
      fmt.ratio(s.ratios[name].oursVsPrism),
      previous.byTitle[title] ?? '–',
    ]),
  );
  const latency = table(
    ['scenario', ...labels.map((l) => `${l} p50 / p99`), 'ours event-loop delay p99 / max'],
    s.scenarios.map(({ name, title }) => [
      title,
      ...servers.map((k) => `${fmt.ms(cell(k, name)?.p50)} / ${fmt.ms(cell(k, name)?.p99)}`),
      `${fmt.ms(cell('ours', name)?.loopDelayP99)} / ${fmt.ms(cell('ours', name)?.loopDelayMax)}`,
    ]),
  );
  const processes = table(
    [
      'server',
      `cold start ms (median of ${s.options.coldStarts})`,
      'CPU ms used by then',
      'RSS idle MB',
      'RSS after load MB',
    ],
    servers.map((k) => {
      const p = s.processes[k];
      const withData =
        p.readyWithDataMs != null
          ? ` (${fmt.int(p.readyWithDataMs)} with the ${fmt.int(s.options.payments)}-payment scenario)`
          : '';
      return [
        SERVERS[k].label,
        `${fmt.int(p.coldStartMs)}${withData}`,
        fmt.int(p.coldStartCpuMs),
        fmt.mb(p.rssIdleMb),
        fmt.mb(p.rssAfterMb),
      ];
    }),
  );
  const invalid = [];
  for (const k of servers)
    for (const { name, expect } of s.scenarios) {
      const c = cell(k, name);
      if (c && !c.valid)
        invalid.push(
          `- ${SERVERS[k].label} / ${name}: expected ${expect}, got ${Object.entries(c.statuses)
            .map(([code, n]) => `${code}×${n}`)
            .join(', ')}`,
        );
    }
  s.rounds.forEach((round, i) => {
    for (const [k, result] of Object.entries(round))
      if (result.error) invalid.push(`- ${SERVERS[k].label}, round ${i + 1}: failed (${result.error.split('\n')[0]})`);
  });
  const dataLine = s.data
    ? `acountpay-mock starts with ${fmt.int(s.options.payments)} generated payments (50 merchants × 3 stores, seed 42; file by ${s.data.source}; loaded by ${{ scenario: '`--scenario`', 'partner-api': 'the Partner API because `--scenario` did not load it' }[s.data.loadedBy] ?? '(no round loaded it)'}).`
    : 'acountpay-mock starts without bulk data.';
  return [
    `## Main benchmark (${s.startedAt.slice(0, 16).replace('T', ' ')} UTC)`,
    '',
    `${machineLine(s.machine)}. Load average ${s.machine.loadAverage.join(' / ')} at the start, ${s.loadAverageEnd.join(' / ')} at the end.`,
    `${s.options.rounds} round(s); per server and round each scenario runs ${s.options.seconds} s after a ${s.options.warmupSeconds} s warm-up, ${s.options.connections} connections, autocannon on the same machine over loopback. Cells are medians over rounds.`,
    dataLine,
    ...(s.options.oursArgs?.length
      ? [`acountpay-mock runs with the extra flags \`${s.options.oursArgs.join(' ')}\` (BENCH_OURS_ARGS).`]
      : []),
    '',
    '### Throughput (req/s)',
    '',
    throughput,
    '',
    '### Latency (ms, p50 / p99)',
    '',
    "Event-loop delay: the mock's own `monitorEventLoopDelay` over each measured run, through the bench's probe: how late its 10 ms timer fired beyond those 10 ms.",
    '',
    latency,
    '',
    '### Processes',
    '',
    processes,
    '',
    '### Targets',
    '',
    targetsTable(s.targets),
    ...(invalid.length
      ? [
          '',
          '⚠ runs with other statuses than expected, or that failed (they do not count in ratios or targets):',
          ...invalid,
        ]
      : []),
  ].join('\n');
}

/** The README's performance table (between its `bench-table` markers): one row a scenario, from this run. */
function renderReadmeTable(s) {
  const cell = (server, name) => s.cells[server]?.[name];
  const rps = (server, name) => fmt.int(cell(server, name)?.rps);
  const loads = `${s.machine.loadAverage[0]}–${s.loadAverageEnd[0]}`;
  return [
    `Run of ${s.startedAt.slice(0, 16).replace('T', ' ')} UTC, ${s.options.rounds} round(s) × ${s.options.seconds} s, load average ${loads} (1 min, start–end); ${machineLine(s.machine)}.`,
    '',
    table(
      [
        'scenario',
        'node:http',
        'Express 5 (fixed JSON)',
        'Prism 5.14',
        'acountpay-mock',
        'ours / node:http',
        'ours / Express',
        'ours / Prism',
        'our p99',
        'event-loop delay p99',
      ],
      s.scenarios.map(({ name, title }) => [
        title,
        `${rps('node', name)} req/s`,
        rps('express', name),
        rps('prism', name),
        rps('ours', name),
        fmt.ratio(s.ratios[name].oursVsNode),
        fmt.ratio(s.ratios[name].oursVsExpress),
        fmt.ratio(s.ratios[name].oursVsPrism),
        `${fmt.ms(cell('ours', name)?.p99)} ms`,
        `${fmt.ms(cell('ours', name)?.loopDelayP99)} ms`,
      ]),
    ),
  ].join('\n');
}

module.exports = { summarise, renderMain, renderReadmeTable, LIMITS };
