/**
 * The page at `/` (the "Hosted pages" address the CLI prints): what is running, and for QA the
 * newest pending payments with their QR codes and pay links, and merchants waiting for onboarding,
 * so a phone can scan and pay without anyone copying URLs.
 */
import type { RequestHandler, Response } from 'express';
import QRCode from 'qrcode';
import { hasControlToken } from '../control/control-auth';
import type { MockConfig } from '../config';
import type { PublicLinks } from '../shared/links';
import type { MockState } from '../state/mock-state';
import { formatAmount } from './pay-page';
import { html, type Html, page, raw, sendPage } from './layout';

const SHOWN = 10;

/** The home page: its first card says the mock runs, with `card` in it; `rest` follows the card. */
function sendHome(res: Response, status: number, card: Html, rest: Html = html``): void {
  sendPage(
    res,
    status,
    page(
      'acountpay-mock',
      html`<div class="card">
          <h1>acountpay-mock is running</h1>
          ${card}
        </div>
        ${rest}`,
    ),
  );
}

export function createHomePage(deps: { config: MockConfig; state: MockState; links: PublicLinks }): RequestHandler {
  return async (req, res, next) => {
    try {
      // E32: this overview spans every partner, so a mock with a control token asks for it here too.
      if (!hasControlToken(deps.config, req, true)) {
        sendHome(
          res,
          401,
          html`<p>
              This overview of every partner's pending payments and onboarding links needs the control token: open
              <code>/?token=&lt;control token&gt;</code>. The pay and onboarding pages stay public.
            </p>
            <p><a href="/__console">Open the QA console</a> (it asks for the control token once).</p>`,
        );
        return;
      }
      const payments = [...deps.state.partners.keys()]
        .flatMap((partnerId) => deps.state.pagePayments({ partnerId, status: 'pending' }, 1, SHOWN).items)
        .sort((a, b) => b.id - a.id)
        .slice(0, SHOWN);
      const merchants = [...deps.state.partners.keys()]
        .flatMap((partnerId) => deps.state.pageMerchants(partnerId, 'pending', 1, SHOWN).items)
        .filter((m) => m.onboardingToken)
        .slice(0, SHOWN);
      const cards = await Promise.all(
        payments.map(async (p) => {
          const url = deps.links.pay(p.token);
          const qr = await QRCode.toString(url, { type: 'svg', width: 160, margin: 1 });
          const merchant = deps.state.merchants.get(p.merchantId);
          return html`<div class="card">
            <p class="muted">Payment ${p.id} · ${merchant?.companyName ?? ''}</p>
            <div class="amount">${formatAmount(p.amount, p.currency)}</div>
            <p>${p.referenceNumber}</p>
            ${raw(qr)}
            <p><a href="${url}">Open the pay page</a></p>
          </div>`;
        }),
      );
      const onboarding = merchants.map(
        (m) =>
          html`<li><a href="${deps.links.onboarding(m.onboardingToken!)}">${m.companyName}</a> (merchant ${m.id})</li>`,
      );
      sendHome(
        res,
        200,
        html`<p>Partner API: <code>${deps.links.base()}/v1/partner</code></p>
          <p>QA control API: <code>${deps.links.base()}/__control</code></p>
          <p>
            <a href="/__console">Open the QA console</a>: merchants, payments, webhooks, clock, faults and the request
            journal, live.
          </p>`,
        html`<h2>Pending payments</h2>
          ${cards.length > 0 ? cards : html`<p class="muted">None yet: create one with POST /v1/partner/payments.</p>`}
          <h2>Merchants waiting for onboarding</h2>
          ${
            onboarding.length > 0
              ? html`<ul>
                  ${onboarding}
                </ul>`
              : html`<p class="muted">None.</p>`
          }`,
      );
    } catch (err) {
      next(err);
    }
  };
}
