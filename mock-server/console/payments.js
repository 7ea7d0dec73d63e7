// Payments of every partner: filter, create, settle (Complete / Fail / Expire through the control
// API), the QR code (the Partner API's own image) and the pay page.

import { useEffect, useState } from 'preact/hooks';
import { control, partnerCall } from './api.js';
import { formatAmount, formatDuration, formatTime } from './format.js';
import { ActionButton, Badge, ErrorText, Section, StatusFilter, compact, field, html, useAction } from './ui.js';

export function Payments({ ctx }) {
  const { state } = ctx.data;
  const [status, setStatus] = useState('');
  const [merchantId, setMerchantId] = useState('');
  const [text, setText] = useState('');
  const create = useAction();
  const merchants = state ? state.merchants : [];
  const byId = new Map(merchants.map((m) => [m.id, m]));
  const payments = (state ? state.payments : [])
    .filter((p) => !status || p.status === status)
    .filter((p) => !merchantId || String(p.merchantId) === merchantId)
    .filter((p) => {
      const q = text.trim().toLowerCase();
      const m = byId.get(p.merchantId);
      return (
        !q || `${p.id} ${p.referenceNumber} ${p.description || ''} ${m ? m.companyName : ''}`.toLowerCase().includes(q)
      );
    })
    .sort((a, b) => b.id - a.id);
  const active = merchants.filter((m) => m.status === 'active').sort((a, b) => b.id - a.id);
  const [payFor, setPayFor] = useState('');
  const chosen = active.find((m) => String(m.id) === payFor) || active[0];
  const stores = chosen ? state.stores.filter((s) => s.merchantId === chosen.id && s.isActive) : [];

  function submit(event) {
    event.preventDefault();
    const form = event.currentTarget;
    const merchant = active.find((m) => String(m.id) === field(form, 'merchant'));
    const partner = merchant && state.partners.find((p) => p.id === merchant.partnerId);
    const amount = field(form, 'amount');
    const body = compact({
      merchantClientId: merchant ? merchant.clientId : undefined,
      // Sent as typed, so that the API (not the console) judges it.
      amount: amount === undefined ? undefined : Number(amount.replace(',', '.')),
      referenceNumber: field(form, 'referenceNumber'),
      description: field(form, 'description'),
      storeId: field(form, 'storeId'),
    });
    return create.run(async () => {
      if (!merchant) throw new Error('Choose an active merchant first (create a test merchant above).');
      await partnerCall(partner, 'POST', '/payments', body);
      ctx.refresh(['state']);
      form.elements.namedItem('referenceNumber').value = '';
    });
  }

  return html`<${Section} id="payments" title="Payments" summary="Every partner's payments, newest first.">
    <form class="card form" onSubmit=${submit} aria-label="Create a payment">
      <h3>Create a payment</h3>
      <div class="row">
        <label
          >Merchant
          <select name="merchant" value=${chosen ? chosen.id : ''} onChange=${(e) => setPayFor(e.currentTarget.value)}>
            ${active.length === 0 ? html`<option value="">no active merchant</option>` : null}
            ${active.map((m) => html`<option value=${m.id}>${m.companyName} (merchant ${m.id})</option>`)}
          </select>
        </label>
        <label>Amount (DKK) <input name="amount" inputmode="decimal" autocomplete="off" /></label>
        <label>Reference <input name="referenceNumber" autocomplete="off" /></label>
        <label>Description <input name="description" autocomplete="off" /></label>
        <label
          >Store
          <select name="storeId">
            <option value="">none</option>
            ${stores.map((s) => html`<option value=${s.storeId}>${s.name}${s.isDefault ? ' (default)' : ''}</option>`)}
          </select>
        </label>
      </div>
      <div class="buttons"><button class="primary" disabled=${create.busy}>Create payment</button></div>
      <${ErrorText} error=${create.error} />
    </form>
    <div class="filters" role="search" aria-label="Filter payments">
      <${StatusFilter} value=${status} statuses=${['pending', 'paid', 'failed', 'expired']} onChange=${setStatus} />
      <label
        >Merchant
        <select value=${merchantId} onChange=${(e) => setMerchantId(e.currentTarget.value)}>
          <option value="">any</option>
          ${merchants.map((m) => html`<option value=${m.id}>${m.companyName} (${m.id})</option>`)}
        </select>
      </label>
      <label
        >Search payments <input type="search" value=${text} onInput=${(e) => setText(e.currentTarget.value)}
      /></label>
    </div>
    <p class="muted">${payments.length} of ${state ? state.payments.length : 0} payments</p>
    <ul class="list" aria-label="Payments">
      ${payments.slice(0, 100).map((p) => html`<${PaymentRow} key=${p.id} payment=${p} merchant=${byId.get(p.merchantId)} ctx=${ctx} />`)}
    </ul>
  <//>`;
}

function PaymentRow({ payment: p, merchant, ctx }) {
  const [reason, setReason] = useState('rejected');
  const [showQr, setShowQr] = useState(false);
  const store = p.storeId ? ctx.data.state.stores.find((s) => s.storeId === p.storeId) : null;
  const partner = merchant && ctx.data.state.partners.find((x) => x.id === merchant.partnerId);
  const settle = (action, body) =>
    control('POST', `/payments/${p.id}/${action}`, body).then(() => ctx.refresh(['state', 'deliveries']));
  const pending = p.status === 'pending';
  const payUrl = `/pay?token=${encodeURIComponent(p.token)}`;
  return html`<li class="item" data-payment=${p.id}>
    <div class="item-head">
      <strong class="amount">${formatAmount(p.amount, p.currency)}</strong>
      <${Badge} value=${p.status} />
      <span>${p.referenceNumber}</span>
    </div>
    <div class="muted small">
      Payment ${p.id} · ${merchant ? merchant.companyName : `merchant ${p.merchantId}`}
      ${store ? ` · ${store.name}` : ''}${p.registerId ? ` · register ${p.registerId}` : ''}
      ${` · created ${formatDuration(ctx.nowMs - Date.parse(p.createdAt))} ago`}
      ${pending ? html`${' · '}<span class="expiry">expires in ${formatDuration(Date.parse(p.expiresAt) - ctx.nowMs)}</span>` : ''}
      ${p.paidAt ? ` · paid ${formatTime(p.paidAt)}` : ''}
    </div>
    ${p.description ? html`<div class="small">${p.description}</div>` : null}
    <div class="buttons">
      ${
        pending
          ? html`<${ActionButton}
                kind="primary"
                label="Complete"
                title=${`Complete payment ${p.id}`}
                onClick=${() => settle('complete')}
              />
              <span class="inline">
                <label class="compact"
                  >Reason
                  <select value=${reason} onChange=${(e) => setReason(e.currentTarget.value)}>
                    <option value="rejected">rejected</option>
                    <option value="abandoned">abandoned</option>
                  </select>
                </label>
                <${ActionButton}
                  kind="danger"
                  label="Fail"
                  title=${`Fail payment ${p.id}`}
                  onClick=${() => settle('fail', { reason })}
                />
              </span>
              <${ActionButton} label="Expire" title=${`Expire payment ${p.id}`} onClick=${() => settle('expire')} />`
          : null
      }
      <a class="button secondary" href=${payUrl} target="_blank" rel="noopener">Pay page</a>
      <button type="button" class="secondary" aria-expanded=${showQr} onClick=${() => setShowQr(!showQr)}>
        QR code
      </button>
    </div>
    ${showQr ? html`<${Qr} partner=${partner} paymentId=${p.id} />` : null}
  </li>`;
}

/** The Partner API's QR image (getPaymentQr), fetched with the partner's credential. */
function Qr({ partner, paymentId }) {
  const [url, setUrl] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    let objectUrl = null;
    partnerCall(partner, 'GET', `/payments/${paymentId}/qr?format=svg&size=200`, undefined, {
      accept: 'image/svg+xml',
    }).then((svg) => {
      objectUrl = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
      setUrl(objectUrl);
    }, setError);
    return () => objectUrl && URL.revokeObjectURL(objectUrl);
  }, [paymentId]);
  return html`<div class="qr">
    ${url ? html`<img src=${url} width="200" height="200" alt=${`QR code of payment ${paymentId}'s pay page`} />` : null}
    <${ErrorText} error=${error} />
  </div>`;
}
