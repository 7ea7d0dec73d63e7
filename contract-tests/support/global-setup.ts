/**
 * Runs once in Jest's parent process before any contract worker starts. Workers inherit the
 * environment it sets, which is how they all find one run directory (CONTRACT_RUN_DIR) and learn,
 * while their tests register, whether the target offers the control API (CONTRACT_CONTROL_AVAILABLE).
 * Bad settings and an unreachable or refusing target stop the run here, before a single test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../spec/index';
import { partnerOperations } from './coverage';
import { JOURNAL_FILE, RUN_FILE } from './report';
import { probeControl } from './target';
import { readTargetConfig, type TargetConfig } from './target-config';

async function checkReachable(config: Extract<TargetConfig, { kind: 'http' }>): Promise<void> {
  let status: number;
  try {
    const res = await fetch(`${config.baseUrl}/v1/partner/profile`, {
      headers: { 'X-Partner-Client-Id': config.clientId, 'X-Partner-Client-Secret': config.clientSecret },
      signal: AbortSignal.timeout(10_000),
    });
    status = res.status;
  } catch (error) {
    // fetch hides the useful part (ECONNREFUSED, ENOTFOUND, a certificate error) in `cause`.
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const detail = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
    throw new Error(`Cannot reach ACOUNTPAY_BASE_URL=${config.baseUrl}: ${detail}`);
  }
  if (status === 401)
    throw new Error(
      `${config.baseUrl} refuses ACOUNTPAY_CLIENT_ID / ACOUNTPAY_CLIENT_SECRET (GET /v1/partner/profile answered 401).`,
    );
}

function prepareRunDir(): { runDir: string; reportDir: string; temporary: boolean } {
  const reportDir = process.env.CONTRACT_REPORT_DIR
    ? path.resolve(process.env.CONTRACT_REPORT_DIR)
    : path.join(PACKAGE_ROOT, 'reports', 'contract');
  if (process.env.CONTRACT_REPORT_DIR) {
    fs.mkdirSync(reportDir, { recursive: true });
    fs.rmSync(path.join(reportDir, JOURNAL_FILE), { force: true });
    return { runDir: reportDir, reportDir, temporary: false };
  }
  return { runDir: fs.mkdtempSync(path.join(os.tmpdir(), 'acountpay-contract-')), reportDir, temporary: true };
}

export default async function globalSetup(): Promise<void> {
  const config = readTargetConfig(process.env);
  let control = true;
  if (config.kind === 'http') {
    await checkReachable(config);
    control = await probeControl(config.controlUrl, config.controlToken);
    process.env.CONTRACT_CONTROL_AVAILABLE = control ? '1' : '0';
  }
  const { runDir, reportDir, temporary } = prepareRunDir();
  process.env.CONTRACT_RUN_DIR = runDir;
  const target =
    config.kind === 'http'
      ? {
          kind: 'http',
          baseUrl: config.baseUrl,
          controlUrl: control ? config.controlUrl : null,
          isMock: control,
          destructiveAllowed: config.destructiveAllowed,
        }
      : { kind: 'in-process', baseUrl: null, controlUrl: null, isMock: true, destructiveAllowed: true };
  const run = {
    startedAt: new Date().toISOString(),
    rootDir: PACKAGE_ROOT,
    runDir,
    reportDir,
    temporary,
    target,
    operations: partnerOperations(),
  };
  fs.writeFileSync(path.join(runDir, RUN_FILE), JSON.stringify(run, null, 2));
}
