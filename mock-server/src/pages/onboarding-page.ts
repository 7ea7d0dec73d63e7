/**
 * D11: the hosted onboarding page behind `onboardingUrl`. The merchant checks its company data and
 * submits → the merchant is active, "Main Store" exists (with the address given here, D15) and
 * `merchant.activated` fires. Public, no auth; every token problem is a clear page, never a 500.
 *
 *   GET  /onboarding/:token   open → the form; expired → 410; used → 410 "already completed"; unknown → 404
 *   POST /onboarding/:token   open → "Merchant onboarding complete"; invalid form → 400 with the form again
 */
import express, { type Request, type Response, type Router } from 'express';
import type { Services } from '../domain';
import type { StoreAddress } from '../domain/stores/stores-service';
import type { MerchantRecord } from '../state/records';
import { html, type Html, page, sendPage } from './layout';
import { formBody, ONBOARDING_FORM_LIMIT } from '../http/body-parsers';

interface OnboardingForm {
  companyName: string;
  registrationNumber: string;
  streetAddress: string;
  postalCode: string;
  city: string;
  iban: string;
}

const CVR = /^[0-9]{8}$/;
const IBAN = /^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}$/;

function field(body: unknown, name: keyof OnboardingForm): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.trim() : '';
}

function readForm(body: unknown): OnboardingForm {
  return {
    companyName: field(body, 'companyName'),
    registrationNumber: field(body, 'registrationNumber').replace(/\s+/g, ''),
    streetAddress: field(body, 'streetAddress'),
    postalCode: field(body, 'postalCode'),
    city: field(body, 'city'),
    iban: field(body, 'iban').replace(/\s+/g, '').toUpperCase(),
  };
}

/** Only the company name is required, so QA can finish onboarding in one click; the rest is checked when given. */
export function formProblems(form: OnboardingForm): string[] {
  const problems: string[] = [];
  if (form.companyName === '' || form.companyName.length > 255)
    problems.push('Company name is required (at most 255 characters).');
  if (form.registrationNumber !== '' && !CVR.test(form.registrationNumber))
    problems.push('CVR number must be 8 digits.');
  if (form.iban !== '' && !IBAN.test(form.iban))
    problems.push('IBAN must look like DK5000400440116243 (country, check digits, account).');
  if (form.streetAddress.length > 255 || form.city.length > 100 || form.postalCode.length > 20)
    problems.push('An address field is too long.');
  return problems;
}

function prefill(merchant: MerchantRecord): OnboardingForm {
  return {
    companyName: merchant.companyName,
    registrationNumber: merchant.fastTrack?.registrationNumber ?? '',
    streetAddress: '',
    postalCode: '',
    city: '',
    iban: merchant.fastTrack?.iban ?? '',
  };
}

function input(label: string, name: keyof OnboardingForm, form: OnboardingForm, extra: Html = html``): Html {
  return html`<label for="${name}">${label}</label
    ><input id="${name}" name="${name}" value="${form[name]}" ${extra} />`;
}

function formPage(merchant: MerchantRecord, form: OnboardingForm, problems: string[] = []): string {
  return page(
    `Onboarding: ${merchant.companyName}`,
    html`<div class="card">
        <p class="muted">Merchant onboarding</p>
        <h1>${merchant.companyName}</h1>
        <p class="muted">Contact: ${merchant.contactEmail}</p>
      </div>
      <form class="card" method="post">
        ${problems.length > 0 ? html`<div class="status bad" role="alert">${problems.map((p) => html`<p>${p}</p>`)}</div>` : html``}
        <h2>Company</h2>
        ${input('Legal company name', 'companyName', form, html`required maxlength="255" autocomplete="organization"`)}
        ${input('CVR number', 'registrationNumber', form, html`inputmode="numeric" placeholder="12345678"`)}
        <h2>Address</h2>
        ${input('Street address', 'streetAddress', form, html`autocomplete="street-address"`)}
        ${input('Postal code', 'postalCode', form, html`inputmode="numeric" autocomplete="postal-code"`)}
        ${input('City', 'city', form, html`autocomplete="address-level2"`)}
        <h2>Payouts</h2>
        ${input('IBAN', 'iban', form, html`placeholder="DK5000400440116243"`)}
        <button class="primary" type="submit">Complete onboarding</button>
      </form>`,
  );
}

const messagePage = (title: string, body: Html) =>
  page(
    title,
    html`<div class="card">
      <h1>${title}</h1>
      ${body}
    </div>`,
  );

const completePage = (merchant: MerchantRecord) =>
  messagePage(
    'Merchant onboarding complete',
    html`<p class="status ok">✓ ${merchant.companyName} is now active.</p>
      <p>Merchant id ${merchant.id}. Payments can be created for this merchant. You can close this page.</p>`,
  );

const usedPage = (merchant: MerchantRecord) =>
  merchant.status === 'active'
    ? messagePage(
        'Onboarding already completed',
        html`<p>${merchant.companyName} has already completed onboarding and is active.</p>`,
      )
    : messagePage(
        'Onboarding already completed',
        html`<p>This onboarding link is no longer valid: ${merchant.companyName} is ${merchant.status}.</p>`,
      );

const expiredPage = (merchant: MerchantRecord) =>
  messagePage(
    'Onboarding link expired',
    html`<p>
      The onboarding link for ${merchant.companyName} has expired. Ask your payment provider to send a new one.
    </p>`,
  );

const notFoundPage = () =>
  messagePage(
    'Onboarding link not found',
    html`<p>This onboarding link is not valid. Check the address or ask for a new link.</p>`,
  );

export function createOnboardingPages(deps: { services: Pick<Services, 'merchants'> }): Router {
  const router = express.Router();
  const merchants = deps.services.merchants;

  /** The open merchant for this token, or undefined after answering with the right page. */
  function openMerchant(req: Request, res: Response): MerchantRecord | undefined {
    const link = merchants.onboardingLink(String(req.params.token));
    if (link.state === 'open') return link.merchant;
    if (link.state === 'expired') sendPage(res, 410, expiredPage(link.merchant));
    else if (link.state === 'used') sendPage(res, 410, usedPage(link.merchant));
    else sendPage(res, 404, notFoundPage());
    return undefined;
  }

  router.get('/:token', (req, res) => {
    const merchant = openMerchant(req, res);
    if (merchant) sendPage(res, 200, formPage(merchant, prefill(merchant)));
  });

  router.post('/:token', formBody(ONBOARDING_FORM_LIMIT), (req, res) => {
    const merchant = openMerchant(req, res);
    if (!merchant) return;
    const form = readForm(req.body);
    const problems = formProblems(form);
    if (problems.length > 0) return void sendPage(res, 400, formPage(merchant, form, problems));
    const address: StoreAddress = {
      ...(form.streetAddress && { streetAddress: form.streetAddress }),
      ...(form.postalCode && { postalCode: form.postalCode }),
      ...(form.city && { city: form.city }),
    };
    merchants.completeOnboarding(merchant, { companyName: form.companyName, address });
    sendPage(res, 200, completePage(merchant));
  });

  return router;
}
