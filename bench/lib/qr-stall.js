'use strict';
/**
 * How much a PNG QR code costs the mock's event loop, and what a flood of them does to other
 * requests: `npm run bench -- --only qr-stall` (build first).
 *  1. Sequential requests, one at a time: the mock's event-loop busy time per request
 *     (perf_hooks.eventLoopUtilization in the mock, via probe.js) and the longest event-loop delay.
 *  2. `GET /payments/{id}/status` under autocannon (10 connections) alone, then while 4 more
 *     connections request `qr?format=png&size=2048` as fast as they are answered: its p50/p99.
 * QR_STALL_REQUESTS (default 20) sequential requests per kind, QR_STALL_SECONDS (default 10) per load run.
 */
const { installExitHooks } = require('./children');
const { request, closeAgent } = require('./http-client');
const { runLoad } = require('./load');
const { intEnv, machineInfo } = require('./options');
const { beyondPeriod, probeFlags, sample } = require('./probe');
const { assertBuilt, partnerHeaders } = require('./project');
const { fmt, table, machineLine, writeResults } = require('./report');
const { startServer } = require('./servers');
const { setupOurs } = require('./workload');

const say = (line) => process.stdout.write(`${line}\n`);

async function sequential(server, path, count) {
  const headers = partnerHeaders();
  await request(server.base, { path, headers }); // warm-up, not counted
  await sample(server.child);
  let bytes = 0;
  for (let i = 0; i < count; i += 1) {
    const res = await request(server.base, { path, headers });
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
    bytes = Buffer.byteLength(res.text, 'latin1');
  }
  const probe = await sample(server.child);
  return { path, count, loopMsPerRequest: probe.loopBusyMs / count, maxDelayMs: beyondPeriod(probe.delay).max, bytes };
}

async function main() {
  assertBuilt();
  installExitHooks();
  const count = intEnv('QR_STALL_REQUESTS', 20, { min: 1, max: 1000 });
  const seconds = intEnv('QR_STALL_SECONDS', 10, { min: 1, max: 120 });
  const machine = machineInfo();
  const server = await startServer('ours', { nodeFlags: probeFlags(), ipc: true });
  try {
    const ids = await setupOurs(server.base);
    const qr = `/v1/partner/payments/${ids.payment.paymentId}/qr`;
    const status = `/v1/partner/payments/${ids.payment.paymentId}/status`;
    const kinds = [status, `${qr}?format=png&size=320`, `${qr}?format=png&size=2048`, `${qr}?format=svg&size=2048`];
    const rows = [];
    for (const path of kinds) rows.push(await sequential(server, path, count));

    const headers = { ...partnerHeaders(), accept: 'application/json' };
    const statusLoad = { base: server.base, expect: 200, connections: 10, seconds };
    await sample(server.child);
    const alone = await runLoad({ ...statusLoad, request: { method: 'GET', path: status, headers } });
    const aloneProbe = await sample(server.child);
    const [mixed, png] = await Promise.all([
      runLoad({ ...statusLoad, request: { method: 'GET', path: status, headers } }),
      runLoad({
        base: server.base,
        expect: 200,
        connections: 4,
        seconds,
        request: { method: 'GET', path: `${qr}?format=png&size=2048`, headers: partnerHeaders() },
      }),
    ]);
    const mixedProbe = await sample(server.child);

    const lines = [
      `## QR stall (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC)`,
      '',
      `${machineLine(machine)}. Load average ${machine.loadAverage.join(' / ')} at the start.`,
      '',
      `### Event loop per request (${count} sequential requests each, after one warm-up)`,
      '',
      table(
        ['request', 'event-loop busy ms / request', 'longest event-loop delay ms', 'response bytes'],
        rows.map((r) => [
          `\`GET ${r.path.replace(/\/v1\/partner\/payments\/\d+/, '/payments/{id}')}\``,
          fmt.ms(r.loopMsPerRequest),
          fmt.ms(r.maxDelayMs),
          fmt.int(r.bytes),
        ]),
      ),
      '',
      `### \`GET /payments/{id}/status\`, 10 connections, ${seconds} s`,
      '',
      table(
        ['run', 'status req/s', 'status p50 ms', 'status p99 ms', 'PNG 2048 req/s', 'mock event-loop delay max ms'],
        [
          [
            'alone',
            fmt.int(alone.rps),
            fmt.ms(alone.p50),
            fmt.ms(alone.p99),
            '–',
            fmt.ms(beyondPeriod(aloneProbe.delay).max),
          ],
          [
            'with 4 connections requesting PNG 2048',
            fmt.int(mixed.rps),
            fmt.ms(mixed.p50),
            fmt.ms(mixed.p99),
            `${fmt.int(png.rps)}${png.total - png.ok ? ` (${png.total - png.ok} not 200)` : ''}`,
            fmt.ms(beyondPeriod(mixedProbe.delay).max),
          ],
        ],
      ),
    ];
    const markdown = lines.join('\n');
    say(markdown);
    const file = writeResults(process.env.BENCH_RESULTS_NAME ?? 'qr-stall', markdown, {
      machine,
      sequential: rows,
      alone,
      mixed,
      png,
    });
    say(`\nwritten to ${file}`);
  } finally {
    closeAgent();
    await server.stop();
  }
}

module.exports = { main };
