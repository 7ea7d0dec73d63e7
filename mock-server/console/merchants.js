// Merchants of every partner: filter, create (test or with an onboarding link), activate,
// deactivate, open the onboarding page, pick one for the stores section.

import { useState } from 'preact/hooks';
import { control, partnerCall } from './api.js';
import { formatTime } from './format.js';
import {
  ActionButton,
  Badge,
  ErrorText,
  PartnerSelect,
  Section,
  StatusFilter,
  compact,
  field,
  html,
  useAction,
} from './ui.js';

export function Merchants({ ctx }) {
  const { state } = ctx.data;
  const [status, setStatus] = useState('');
  const [text, setText] = useState('');
  const create = useAction();
  const partners = state ? state.partners : [];
  const merchants = (state ? state.merchants : [])
    .filter((m) => !status || m.status === status)
    .filter((m) => {
      const q = text.trim().toLowerCase();
      return !q || `${m.id} ${m.companyName} ${m.clientId} ${m.partnerRefId || ''}`.toLowerCase().includes(q);
    })
    .sort((a, b) => b.id - a.id);

  function submit(event, kind) {
    const form = event.currentTarget.form;
    const partner = partners.find((p) => String(p.id) === field(form, 'partner'));
    const body =
      kind === 'test'
        ? compact({ companyName: field(form, 'companyName') })
        : compact({ companyName: field(form, 'companyName'), contactEmail: field(form, 'contactEmail') });
    return create.run(async () => {
      const created = await partnerCall(partner, 'POST', kind === 'test' ? '/merchants/test' : '/merchants', body);
      ctx.refresh(['state']);
      ctx.selectMerchant(created.merchantId);
      form.reset();
    });
  }

  return html`<${Section} id="merchants" title="Merchants" summary="Every partner's merchants, newest first.">
    <form class="card form" onSubmit=${(e) => e.preventDefault()} aria-label="Create a merchant">
      <h3>Create a merchant</h3>
      <div class="row">
        <${PartnerSelect} partners=${partners} />
        <label>Company name <input name="companyName" autocomplete="off" /></label>
        <label
          >Contact email <span class="muted">(onboarding only)</span>
          <input name="contactEmail" type="email" autocomplete="off"
        /></label>
      </div>
      <div class="buttons">
        <button type="button" class="primary" disabled=${create.busy} onClick=${(e) => submit(e, 'test')}>
          Create test merchant
        </button>
        <button type="button" class="secondary" disabled=${create.busy} onClick=${(e) => submit(e, 'onboarding')}>
          Create with onboarding link
        </button>
      </div>
      <${ErrorText} error=${create.error} />
    </form>
    <div class="filters" role="search" aria-label="Filter merchants">
      <${StatusFilter} value=${status} statuses=${['pending', 'active', 'inactive']} onChange=${setStatus} />
      <label
        >Search merchants <input type="search" value=${text} onInput=${(e) => setText(e.currentTarget.value)}
      /></label>
    </div>
    <p class="muted">${merchants.length} of ${state ? state.merchants.length : 0} merchants</p>
    <ul class="list" aria-label="Merchants">
      ${merchants.slice(0, 100).map((m) => html`<${MerchantRow} key=${m.id} merchant=${m} ctx=${ctx} />`)}
    </ul>
  <//>`;
}

function MerchantRow({ merchant: m, ctx }) {
  const partner = ctx.data.state.partners.find((p) => p.id === m.partnerId);
  const stores = ctx.data.state.stores.filter((s) => s.merchantId === m.id);
  return html`<li class="item" data-merchant=${m.id}>
    <div class="item-head">
      <strong>${m.companyName}</strong>
      <${Badge} value=${m.status} />
      ${m.isTest ? html`<${Badge} value="test" kind="muted" />` : null}
    </div>
    <div class="muted small">
      Merchant ${m.id} · ${partner ? partner.name : `partner ${m.partnerId}`} · clientId <code>${m.clientId}</code>
      ${` · ${stores.length} ${stores.length === 1 ? 'store' : 'stores'} · created ${formatTime(m.createdAt)}`}
    </div>
    <div class="buttons">
      ${
        m.status !== 'active'
          ? html`<${ActionButton}
              label="Activate"
              title=${`Activate merchant ${m.id}`}
              onClick=${() => control('POST', `/merchants/${m.id}/activate`).then(() => ctx.refresh(['state']))}
            />`
          : html`<${ActionButton}
              label="Deactivate"
              title=${`Deactivate merchant ${m.id}`}
              onClick=${() => control('POST', `/merchants/${m.id}/deactivate`).then(() => ctx.refresh(['state']))}
            />`
      }
      <button type="button" class="secondary" onClick=${() => ctx.selectMerchant(m.id, true)}>Stores</button>
      ${
        m.onboardingToken && m.status === 'pending'
          ? html`<a
              class="button secondary"
              href=${`/onboarding/${encodeURIComponent(m.onboardingToken)}`}
              target="_blank"
              rel="noopener"
              >Onboarding page</a
            >`
          : null
      }
    </div>
  </li>`;
}
