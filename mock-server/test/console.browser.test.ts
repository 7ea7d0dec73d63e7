/// <reference lib="dom" />
/**
 * The QA console (issue 14) in a real browser: Debian's chromium driven by playwright-core, on a
 * real port, as pages.browser.test.ts does. Each section does at least one full action through the
 * page only; the live stream updates the page without a reload; a token-protected mock asks for
 * the token once; failed actions show the API's message. Every request the page makes must go to
 * the mock itself. Skipped with a reason when chromium is missing, unless REQUIRE_BROWSER=1 (CI).
 *
 * Screenshots (phone and desktop) go to CONSOLE_SCREENSHOTS, or reports/screenshots.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { describeBrowser as describeBrowserIn, launchChromium, SCREENSHOTS as DEFAULT_SCREENSHOTS } from './browser';
import { createMockServer, type MockServer } from '../src/server';

const describeBrowser = describeBrowserIn('console.browser.test.ts');
const SCREENSHOTS = process.env.CONSOLE_SCREENSHOTS ?? DEFAULT_SCREENSHOTS;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads the JSON it asserts on
type Json = any;
const TOKEN = 'console-browser-token-0123456789';
// Long flows in a real browser on a shared machine: this bounds hangs, it measures nothing.
const FLOW_MS = 120_000;

describeBrowser('the QA console in a browser', () => {
  let mock: MockServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let foreign: string[];
  let pageErrors: string[];

  async function api(method: string, route: string, body?: unknown, server = mock) {
    const res = await fetch(`${server.url}${route}`, {
      method,
      headers: {
        'X-Partner-Client-Id': server.clientId,
        'X-Partner-Client-Secret': server.clientSecret,
        ...(server.config.controlToken && { Authorization: `Bearer ${server.config.controlToken}` }),
        ...(body !== undefined && { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, Json> };
  }

  async function openConsole(server: MockServer, viewport = { width: 390, height: 844 }) {
    context = await browser.newContext({ viewport, isMobile: viewport.width < 600, acceptDownloads: true });
    page = await context.newPage();
    foreign = [];
    pageErrors = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${server.url}/`) && !url.startsWith('blob:') && !url.startsWith('data:')) foreign.push(url);
    });
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => {
      // A refused action logs its status in the browser; the tests check that the page shows it.
      if (
        msg.type() === 'error' &&
        !/^Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text())
      )
        pageErrors.push(msg.text());
    });
    await page.goto(`${server.url}/__console`);
  }

  /** Waits until the stream is up (the console then loads every section). */
  async function live() {
    await page.locator('.live.live').waitFor();
    await page.locator('#clock .mock-time').waitFor();
  }

  const item = (section: string, text: string | RegExp): Locator =>
    page.locator(`#${section} li.item`).filter({ hasText: text });

  /** Nothing wider than the viewport asked for (a phone would zoom out to show it). */
  async function fitsTheWidth() {
    const width = page.viewportSize()!.width;
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }

  async function createTestMerchant(name: string) {
    const form = page.getByRole('form', { name: 'Create a merchant' });
    await form.getByLabel('Company name').fill(name);
    await form.getByRole('button', { name: 'Create test merchant' }).click();
    await item('merchants', name).waitFor();
  }

  async function createPayment(reference: string, amount = '149,5') {
    const form = page.getByRole('form', { name: 'Create a payment' });
    await form.getByLabel('Amount (DKK)').fill(amount);
    await form.getByLabel('Reference').fill(reference);
    await form.getByRole('button', { name: 'Create payment' }).click();
    const row = item('payments', reference);
    await row.waitFor().catch(async (err: Error) => {
      throw new Error(`${err.message}\n${await form.innerText()}`);
    });
    return row;
  }

  beforeAll(async () => {
    mock = await createMockServer({
      host: '127.0.0.1',
      port: 0,
      config: { logLevel: 'silent', webhookRetrySchedule: [10_000, 30_000] },
    });
    browser = await launchChromium();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });

  beforeEach(async () => {
    await api('POST', '/__control/reset');
    await api('PUT', '/__control/receiver', { respondStatus: 200 });
  });

  afterEach(async () => {
    await context?.close();
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await mock?.close();
  });

  test(
    'test merchant → payment → Complete → a signed delivery at the receiver → receiver fails → retry by the clock → Redeliver',
    async () => {
      await openConsole(mock);
      await live();
      await createTestMerchant('Café Console ApS');
      await item('merchants', 'Café Console ApS').getByText('active').waitFor();

      // A webhook to the mock's own test receiver (the URL is filled in).
      const hook = page.getByRole('form', { name: 'Create a webhook' });
      expect(await hook.getByLabel('URL').inputValue()).toBe(`${mock.url}/__receiver`);
      await hook.getByRole('button', { name: 'Create webhook' }).click();
      await item('webhooks', `${mock.url}/__receiver`).waitFor();

      const payment = await createPayment('ORDER-CONSOLE-1');
      expect(await payment.locator('.amount').innerText()).toBe('149,50 kr.');
      await payment.getByText(/expires in 29m|expires in 30m/).waitFor();
      await payment.getByRole('button', { name: 'Complete' }).click();
      await payment.locator('.badge', { hasText: 'paid' }).waitFor();

      // The delivery arrives, signed, and the receiver says so.
      const delivered = page.locator('#webhooks li.item[data-delivery]').filter({ hasText: 'payment.completed' });
      await delivered.locator('.badge', { hasText: 'delivered' }).waitFor();
      await page.locator('#receiver li', { hasText: 'attempt 1' }).locator('.badge', { hasText: 'verified' }).waitFor();
      await delivered.locator('summary').click();
      await delivered.getByText('Attempt 1').waitFor();
      await delivered
        .locator('pre', { hasText: 'x-webhook-signature' })
        .or(delivered.locator('pre', { hasText: 'X-Webhook-Signature' }))
        .waitFor();
      expect(await delivered.locator('pre').last().innerText()).toContain('"referenceNumber": "ORDER-CONSOLE-1"');

      // The receiver fails; a redelivery fails and waits for its retry.
      const receiver = page.getByRole('form', { name: 'Test receiver answer' });
      await receiver.getByLabel('Answer with status').fill('500');
      await receiver.getByRole('button', { name: 'Set answer' }).click();
      await page.locator('#receiver', { hasText: 'answers 500' }).waitFor();
      await delivered.getByRole('button', { name: 'Redeliver' }).click();
      const deliveries = page.locator('#webhooks li.item[data-delivery]');
      await deliveries.nth(1).waitFor();
      const retried = deliveries.first();
      await retried.getByText(/next retry in/).waitFor();
      await page.locator('#clock li', { hasText: /Retry 2 of payment.completed/ }).waitFor();

      // The clock moves past the first retry delay: the second attempt is made (and fails too).
      await page.getByRole('button', { name: '+10s' }).click();
      await retried.getByText('2 attempts').waitFor();
      await retried.locator('summary').click();
      await retried.getByText('Attempt 2').waitFor();
      expect(await retried.locator('.timeline').innerText()).toMatch(/Attempt 1[\s\S]*500[\s\S]*Attempt 2[\s\S]*500/);

      // The receiver is fixed; Redeliver sends a third delivery, which arrives.
      await receiver.getByLabel('Answer with status').fill('200');
      await receiver.getByRole('button', { name: 'Set answer' }).click();
      await page.locator('#receiver', { hasText: 'answers 200' }).waitFor();
      await retried.getByRole('button', { name: 'Redeliver' }).click();
      await deliveries.nth(2).waitFor();
      await deliveries.first().locator('.badge', { hasText: 'delivered' }).waitFor();
      const { body } = await api('GET', '/__control/webhook-deliveries');
      expect(body.deliveries.map((d: { outcome: string }) => d.outcome)).toEqual(['delivered', 'pending', 'delivered']);

      await fitsTheWidth();
      await page.screenshot({ path: path.join(SCREENSHOTS, 'console-phone.png'), fullPage: true });
    },
    FLOW_MS,
  );

  test(
    'changes made elsewhere show up live, with the journal, without a reload',
    async () => {
      await openConsole(mock);
      await live();
      const merchant = await api('POST', '/v1/partner/merchants/test', { companyName: 'Live Bageri ApS' });
      await item('merchants', 'Live Bageri ApS').waitFor();
      const payment = await api('POST', '/v1/partner/payments', {
        merchantClientId: merchant.body.clientId,
        amount: 1234.5,
        referenceNumber: 'LIVE-1',
      });
      const row = item('payments', 'LIVE-1');
      await row.waitFor();
      expect(await row.locator('.amount').innerText()).toBe('1.234,50 kr.');
      await api('POST', `/__control/payments/${payment.body.paymentId}/fail`, { reason: 'abandoned' });
      await row.locator('.badge', { hasText: 'failed' }).waitFor();
      // The filters: by status, then by text.
      const filters = page.getByRole('search', { name: 'Filter payments' });
      await filters.getByLabel('Status').selectOption('paid');
      await row.waitFor({ state: 'detached' });
      await filters.getByLabel('Status').selectOption('failed');
      await filters.getByLabel('Search payments').fill('no such reference');
      await row.waitFor({ state: 'detached' });
      await filters.getByLabel('Search payments').fill('live-1');
      await row.waitFor();
      const merchantFilters = page.getByRole('search', { name: 'Filter merchants' });
      await merchantFilters.getByLabel('Status').selectOption('pending');
      await item('merchants', 'Live Bageri ApS').waitFor({ state: 'detached' });

      // The journal lists the requests as they happen; the detail masks the secret.
      const entry = page
        .locator('#journal li.item')
        .filter({ hasText: 'POST' })
        .filter({ hasText: '/v1/partner/payments' });
      await entry.waitFor();
      await entry.locator('summary').click();
      const detail = entry.locator('pre', { hasText: 'x-partner-client-secret' });
      await detail.waitFor();
      expect(await detail.innerText()).toContain(`x-partner-client-secret: …${mock.clientSecret.slice(-4)}`);
      expect(await entry.innerText()).not.toContain(mock.clientSecret);
      expect(await entry.innerText()).toContain('"referenceNumber": "LIVE-1"');
    },
    FLOW_MS,
  );

  test(
    'a failed action shows the API’s message inline: store rules, invalid input, a final payment',
    async () => {
      await openConsole(mock);
      await live();
      await createTestMerchant('Regler ApS');
      await item('merchants', 'Regler ApS').getByRole('button', { name: 'Stores' }).click();
      const main = item('stores', 'Main Store');
      await main.getByText('default').waitFor();
      await main.getByRole('button', { name: 'Deactivate' }).click();
      const storeError = main.getByRole('alert');
      await storeError.waitFor();
      const { body: stores } = await api(
        'GET',
        `/v1/partner/merchants/${(await api('GET', '/__control/state')).body.merchants[0].id}/stores`,
      );
      expect(stores.stores[0].isActive).toBe(true);
      expect(await storeError.innerText()).toMatch(/^409 .*default/i);

      // A second store, then made the default; the first loses the mark.
      const create = page.getByRole('form', { name: 'Create a store' });
      await create.getByLabel('Name').fill('Branch Nørrebro');
      await create.getByRole('button', { name: 'Create store' }).click();
      const branch = item('stores', 'Branch Nørrebro');
      await branch.getByRole('button', { name: 'Set default' }).click();
      await branch.getByText('default').waitFor();
      await main.getByRole('button', { name: 'Set default' }).waitFor();
      await branch.getByRole('button', { name: 'Edit' }).click();
      await branch.getByLabel('City').fill('København N');
      await branch.getByRole('button', { name: 'Save store' }).click();
      await branch.getByText('København N').waitFor();

      const form = page.getByRole('form', { name: 'Create a payment' });
      await form.getByLabel('Amount (DKK)').fill('0');
      await form.getByLabel('Reference').fill('BAD-1');
      await form.getByRole('button', { name: 'Create payment' }).click();
      expect(await form.getByRole('alert').innerText()).toMatch(/^400 .*amount/);

      const payment = await createPayment('FINAL-1', '10');
      await payment.getByRole('button', { name: 'Expire' }).click();
      await payment.locator('.badge', { hasText: 'expired' }).waitFor();

      const advance = page.getByRole('form', { name: 'Advance the clock by a duration' });
      await advance.getByLabel('Advance by').fill('2 hours');
      await advance.getByRole('button', { name: 'Advance' }).click();
      expect(await page.locator('#clock').getByRole('alert').innerText()).toMatch(
        /^400[\s\S]*duration must match pattern/,
      );
    },
    FLOW_MS,
  );

  test(
    'faults, merchants, the QR code, keyboard use and the scenario tools',
    async () => {
      await openConsole(mock, { width: 1280, height: 900 });
      await live();
      // Faults: add one, see the Partner API answer it, remove it.
      const faults = page.getByRole('form', { name: 'Add a fault' });
      await faults.getByLabel('Operation').selectOption('getStats');
      await faults.getByLabel('Status', { exact: true }).fill('503');
      await faults.getByRole('button', { name: 'Add fault' }).click();
      await item('faults', 'getStats').waitFor();
      expect((await api('GET', '/v1/partner/stats')).status).toBe(503);
      await item('faults', '1 hit').waitFor();
      await item('faults', 'getStats').getByRole('button', { name: 'Remove', exact: true }).click();
      await page.locator('#faults', { hasText: 'No faults' }).waitFor();
      expect((await api('GET', '/v1/partner/stats')).status).toBe(200);

      // Merchants by keyboard: type a name, Tab to the button, Enter.
      const merchantForm = page.getByRole('form', { name: 'Create a merchant' });
      await merchantForm.getByLabel('Company name').fill('Tastatur ApS');
      await merchantForm.getByLabel('Contact email').fill('owner@tastatur.dk');
      await merchantForm.getByLabel('Contact email').focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
        'Create with onboarding link',
      );
      await page.keyboard.press('Enter');
      const pending = item('merchants', 'Tastatur ApS');
      await pending.locator('.badge', { hasText: 'pending' }).waitFor();
      expect(await pending.getByRole('link', { name: 'Onboarding page' }).getAttribute('href')).toMatch(
        /^\/onboarding\//,
      );
      await pending.getByRole('button', { name: /Activate/ }).click();
      await pending.locator('.badge', { hasText: /^active$/ }).waitFor();
      await pending.getByRole('button', { name: /Deactivate/ }).click();
      await pending.locator('.badge', { hasText: 'inactive' }).waitFor();
      await pending.getByRole('button', { name: /Activate/ }).click();
      await pending.locator('.badge', { hasText: /^active$/ }).waitFor();

      const payment = await createPayment('QR-1', '42');
      await payment.getByRole('button', { name: 'QR code' }).click();
      const qr = payment.getByRole('img', { name: /QR code of payment/ });
      await qr.waitFor();
      await page.waitForFunction(() => {
        const img = document.querySelector<HTMLImageElement>('.qr img');
        return img !== null && img.complete && img.naturalWidth > 0;
      });
      expect(await payment.getByRole('link', { name: 'Pay page' }).getAttribute('href')).toMatch(/^\/pay\?token=/);
      await payment.getByLabel('Reason').selectOption('abandoned');
      await payment.getByRole('button', { name: 'Fail' }).click();
      await payment.locator('.badge', { hasText: 'failed' }).waitFor();
      await fitsTheWidth();
      await page.screenshot({ path: path.join(SCREENSHOTS, 'console-desktop.png'), fullPage: true });
      // The README's picture: one screen at desktop width, from the payments down.
      await page.evaluate(() => document.querySelector('#payments')?.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: process.env.README_SCREENSHOT ?? path.join(SCREENSHOTS, 'console.png') });

      // Scenario: export to a file, load a named one, import the exported file back.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export state as a file' }).click(),
      ]);
      const file = path.join(SCREENSHOTS, 'console-export.json');
      await download.saveAs(file);
      const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
      expect(exported.payments.map((p: { referenceNumber: string }) => p.referenceNumber)).toEqual(['QR-1']);

      const load = page.getByRole('form', { name: 'Load a named scenario' });
      await load.getByLabel('Named scenario').fill('onboarding-pipeline');
      await load.getByRole('button', { name: 'Load scenario' }).click();
      await page.getByRole('status').filter({ hasText: 'Loaded onboarding-pipeline.' }).waitFor();
      await item('payments', 'QR-1').waitFor({ state: 'detached' });

      await load.getByLabel('Named scenario').fill('no-such-scenario');
      await load.getByRole('button', { name: 'Load scenario' }).click();
      expect(await page.locator('#scenario').getByRole('alert').innerText()).toMatch(/^400 .*no-such-scenario/);

      const importForm = page.getByRole('form', { name: 'Import a state' });
      await importForm.getByLabel('Scenario file').setInputFiles(file);
      await importForm.getByRole('button', { name: 'Import' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /Imported: .*1 payments/ })
        .waitFor();
      await item('payments', 'QR-1').waitFor();

      await page.getByRole('button', { name: 'Reset…' }).click();
      await page.getByRole('button', { name: 'Reset everything' }).click();
      await page.getByRole('status').filter({ hasText: 'Reset to the default partner.' }).waitFor();
      await item('payments', 'QR-1').waitFor({ state: 'detached' });
      expect((await api('GET', '/__control/state')).body.payments).toEqual([]);
    },
    FLOW_MS,
  );

  test(
    'a mock with a control token asks for it once and keeps it for the tab only',
    async () => {
      const guarded = await createMockServer({
        host: '127.0.0.1',
        port: 0,
        config: { logLevel: 'silent', controlToken: TOKEN },
      });
      try {
        await openConsole(guarded);
        const prompt = page.getByRole('form', { name: 'Control token' });
        await prompt.getByLabel('Control token').fill('wrong-token');
        await prompt.getByRole('button', { name: 'Open the console' }).click();
        expect(await prompt.getByRole('alert').innerText()).toContain('refused');
        await prompt.getByLabel('Control token').fill(TOKEN);
        await prompt.getByRole('button', { name: 'Open the console' }).click();
        await live();
        await createTestMerchant('Token Test ApS');
        expect(await page.evaluate(() => sessionStorage.length)).toBe(1);
        expect(await page.evaluate(() => localStorage.length)).toBe(0);
        expect(await context.cookies()).toEqual([]);
        // A reload of the same tab keeps it; the URL never carries it.
        await page.reload();
        await live();
        expect(page.url()).not.toContain(TOKEN);
        // Another tab asks again.
        const other = await context.newPage();
        await other.goto(`${guarded.url}/__console`);
        await other.getByRole('form', { name: 'Control token' }).waitFor();
        await other.close();
        // Forgetting it asks again.
        await page.getByRole('button', { name: 'Forget token' }).click();
        await page.getByRole('form', { name: 'Control token' }).waitFor();
      } finally {
        await context.close();
        await guarded.close();
      }
    },
    FLOW_MS,
  );
});
