/**
 * Debian's chromium for the browser tests, driven by playwright-core. A test file that needs it
 * registers its tests with `describeBrowser(file, …)`: skipped with a reason when chromium is not
 * installed, unless REQUIRE_BROWSER=1 (CI), which makes a missing browser an error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { PACKAGE_ROOT } from '../../spec';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where the browser tests leave their screenshots. */
export const SCREENSHOTS = path.join(PACKAGE_ROOT, 'reports', 'screenshots');

export function describeBrowser(file: string): jest.Describe {
  if (fs.existsSync(CHROMIUM)) return describe;
  if (process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but no browser at ${CHROMIUM}`);
  process.stdout.write(`${file} skipped: no chromium at ${CHROMIUM} (apt-get install chromium)\n`);
  return describe.skip;
}

/** Headless chromium with no network of its own (no background requests, no QUIC), as root. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
