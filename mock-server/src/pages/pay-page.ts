/**
 * D22: the hosted pay page behind `paymentUrl`. The customer picks a bank and approves (→ paid),
 * rejects or abandons (→ failed). Public, no auth; every token problem is a clear page, never a 500.
 *
 *   GET  /pay?token=…                      pending → the form; final → its outcome; unknown → 404
 *   POST /pay  token, bank, action          approve | reject | abandon → the outcome page
 */
import express, { type Request, type Response, type Router } from 'express';
import { DANISH_BANKS } from '../../../fixtures/src/magic';
import type { Services } from '../domain';
import type { PaymentRecord } from '../state/records';
import { html, type Html, page, sendPage } from './layout';
import { linkRequest } from '../control/request-journal';
import { formBody, PAY_FORM_LIMIT } from '../http/body-parsers';

const BANK_NAMES = DANISH_BANKS.map((b) => b.name);
const ACTIONS = ['approve', 'reject', 'abandon'] as const;

/** Danish notation: 1.234,50 kr. for DKK, 1.234,50 EUR otherwise. */
export function formatAmount(amount: number, currency: string): string {
  const [whole = '0', cents = '00'] = amount.toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${grouped},${cents} ${currency === 'DKK' ? 'kr.' : currency}`;
}

function summary(payment: PaymentRecord, merchantName: string): Html {
  return html`<p class="muted">Pay to</p>
    <h1>${merchantName}</h1>
    <div class="amount">${formatAmount(payment.amount, payment.currency)}</div>
    ${payment.description ? html`<p>${payment.description}</p>` : html``}
    <p class="muted">Reference ${payment.referenceNumber}</p>`;
}

function formPage(payment: PaymentRecord, merchantName: string, error?: string): string {
  const banks = BANK_NAMES.map(
    (name) =>
      html`<li>
        <label><input type="radio" name="bank" value="${name}" /> ${name}</label>
      </li>`,
  );
  return page(
    `Pay ${merchantName}`,
    html`<div class="card">${summary(payment, merchantName)}</div>
      <form class="card" method="post" action="pay">
        <input type="hidden" name="token" value="${payment.token}" />
        <h2>Choose your bank</h2>
        ${error ? html`<p class="status bad" role="alert">${error}</p>` : html``}
        <ul class="banks">
          ${banks}
        </ul>
        <button class="primary" type="submit" name="action" value="approve">Approve payment</button>
        <button class="danger" type="submit" name="action" value="reject">Reject</button>
        <button class="secondary" type="submit" name="action" value="abandon">Abandon (cancel)</button>
      </form>`,
  );
}

function outcomePage(payment: PaymentRecord, merchantName: string): string {
  const outcome =
    payment.status === 'paid'
      ? html`<p class="status ok">✓ Payment approved</p>
          <p>Paid${payment.bank ? html` with ${payment.bank}` : html``}. You can close this page.</p>`
      : payment.status === 'expired'
        ? html`<p class="status bad">Payment link expired</p>
            <p>Ask the merchant for a new payment.</p>`
        : html`<p class="status bad">✗ Payment failed</p>
            <p>The payment was rejected or cancelled. No money was moved.</p>`;
  return page(
    `Payment ${payment.status}`,
    html`<div class="card">${summary(payment, merchantName)}</div>
      <div class="card">${outcome}</div>`,
  );
}

const notFoundPage = () =>
  page(
    'Payment not found',
    html`<div class="card">
      <h1>Payment not found</h1>
      <p>This payment link is not valid. Ask the merchant for a new one.</p>
    </div>`,
  );

export function createPayPages(deps: { services: Pick<Services, 'payments'> }): Router {
  const router = express.Router();
  const payments = deps.services.payments;

  function load(token: unknown, res: Response): PaymentRecord | undefined {
    const payment = typeof token === 'string' && token !== '' ? payments.findByToken(token) : undefined;
    if (!payment) sendPage(res, 404, notFoundPage());
    // E106: `explain` lists the pay page's requests with the payment's own.
    else linkRequest(res, { paymentId: payment.id });
    return payment;
  }

  router.get('/', (req: Request, res: Response) => {
    const payment = load(req.query.token, res);
    if (!payment) return;
    const name = payments.merchantNameOf(payment);
    if (payment.status === 'pending') sendPage(res, 200, formPage(payment, name));
    else sendPage(res, payment.status === 'expired' ? 410 : 200, outcomePage(payment, name));
  });

  router.post('/', formBody(PAY_FORM_LIMIT), (req: Request, res: Response) => {
    const form = (req.body ?? {}) as Record<string, unknown>;
    const payment = load(form.token, res);
    if (!payment) return;
    const name = payments.merchantNameOf(payment);
    if (payment.status !== 'pending') {
      // A second submit (or a payment settled elsewhere) shows the outcome that stands.
      sendPage(res, payment.status === 'expired' ? 410 : 409, outcomePage(payment, name));
      return;
    }
    const action = ACTIONS.find((a) => a === form.action);
    if (!action) {
      sendPage(res, 400, formPage(payment, name, 'Choose Approve, Reject or Abandon.'));
      return;
    }
    if (action === 'approve') {
      const bank = BANK_NAMES.find((b) => b === form.bank);
      if (!bank) {
        sendPage(res, 400, formPage(payment, name, 'Choose your bank before approving.'));
        return;
      }
      payments.complete(payment, bank);
    } else {
      payments.fail(payment, action === 'reject' ? 'rejected' : 'abandoned');
    }
    sendPage(res, 200, outcomePage(payment, name));
  });

  return router;
}
