/// <reference lib="dom" />
/**
 * The hosted pages in a real browser (Debian's chromium driven by playwright-core), on a real port,
 * at a phone's viewport: a customer pays from `paymentUrl`, a merchant finishes onboarding from
 * `onboardingUrl`. Skipped with a reason when chromium is not installed, unless REQUIRE_BROWSER=1 (CI).
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { describeBrowser as describeBrowserIn, launchChromium, SCREENSHOTS } from './browser';
import { createMockServer, type MockServer } from '../src/server';

const describeBrowser = describeBrowserIn('pages.browser.test.ts');

describeBrowser('hosted pages in a browser', () => {
  let mock: MockServer;
  let browser: Browser;
  let page: Page;

  async function api(method: string, route: string, body?: unknown) {
    const res = await fetch(`${mock.url}/v1/partner${route}`, {
      method,
      headers: {
        'X-Partner-Client-Id': mock.clientId,
        'X-Partner-Client-Secret': mock.clientSecret,
        'Content-Type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  beforeAll(async () => {
    mock = await createMockServer();
    browser = await launchChromium();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
  });

  afterEach(async () => {
    await page.close();
  });

  afterAll(async () => {
    await browser?.close();
    await mock?.close();
  });

  async function fitsThePhone() {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }

  test('a customer picks a bank and approves, and the payment reads paid', async () => {
    const merchant = await api('POST', '/merchants/test', { companyName: 'Restaurant XYZ ApS' });
    const payment = await api('POST', '/payments', {
      merchantClientId: merchant.body.clientId,
      amount: 149.5,
      referenceNumber: 'ORDER-123',
      description: 'Table 5',
    });
    await page.goto(String(payment.body.paymentUrl));
    await expect(page.locator('h1').innerText()).resolves.toBe('Restaurant XYZ ApS');
    await expect(page.locator('.amount').innerText()).resolves.toBe('149,50 kr.');
    await fitsThePhone();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'pay-page.png'), fullPage: true });

    await page.getByLabel('Nordea').check();
    await page.getByRole('button', { name: 'Approve payment' }).click();
    await expect(page.locator('.status').innerText()).resolves.toContain('Payment approved');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'pay-page-paid.png'), fullPage: true });

    const status = await api('GET', `/payments/${String(payment.body.paymentId)}/status`);
    expect(status.body).toMatchObject({ status: 'paid', bankPaymentStatus: 'AcceptedSettlementCompleted' });
  });

  test('a customer who rejects leaves the payment failed', async () => {
    const merchant = await api('POST', '/merchants/test', { companyName: 'Café Nørrebro ApS' });
    const payment = await api('POST', '/payments', {
      merchantClientId: merchant.body.clientId,
      amount: 42,
      referenceNumber: 'ORDER-124',
    });
    await page.goto(String(payment.body.paymentUrl));
    await page.getByRole('button', { name: 'Reject' }).click();
    const status = await api('GET', `/payments/${String(payment.body.paymentId)}/status`);
    expect(status.body.status).toBe('failed');
  });

  test('a merchant completes onboarding and becomes active with a default store', async () => {
    const created = await api('POST', '/merchants', { companyName: 'Bageriet ApS', contactEmail: 'owner@bageriet.dk' });
    await page.goto(String(created.body.onboardingUrl));
    await fitsThePhone();
    await page.fill('#registrationNumber', '24256790');
    await page.fill('#streetAddress', 'Nørregade 12');
    await page.fill('#postalCode', '1165');
    await page.fill('#city', 'København K');
    await page.fill('#iban', 'DK5000400440116243');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'onboarding-page.png'), fullPage: true });
    await page.getByRole('button', { name: 'Complete onboarding' }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe('Merchant onboarding complete');

    const merchant = await api('GET', `/merchants/${String(created.body.merchantId)}`);
    expect(merchant.body.status).toBe('active');
    const stores = await api('GET', `/merchants/${String(created.body.merchantId)}/stores`);
    expect(stores.body.stores).toEqual([
      expect.objectContaining({ name: 'Main Store', isDefault: true, isActive: true }),
    ]);
  });
});
