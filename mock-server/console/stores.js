// The stores of one merchant: the default marked, create, edit, set default, deactivate and
// reactivate, all through the Partner API, so its default-store rules answer (D18) as they would.

import { useState } from 'preact/hooks';
import { partnerCall } from './api.js';
import { ActionButton, Badge, ErrorText, Section, compact, field, html, useAction } from './ui.js';

const FIELDS = [
  ['name', 'Name'],
  ['locationId', 'Location id'],
  ['streetAddress', 'Street address'],
  ['postalCode', 'Postal code'],
  ['city', 'City'],
];

export function Stores({ ctx }) {
  const { state } = ctx.data;
  const create = useAction();
  const merchants = state ? [...state.merchants].sort((a, b) => b.id - a.id) : [];
  const merchant = merchants.find((m) => m.id === ctx.merchantId) || null;
  const partner = merchant && state.partners.find((p) => p.id === merchant.partnerId);
  const stores = merchant ? state.stores.filter((s) => s.merchantId === merchant.id) : [];
  const call = (method, path, body) =>
    partnerCall(partner, method, `/merchants/${merchant.id}/stores${path}`, body).then(() => ctx.refresh(['state']));

  function submit(event) {
    event.preventDefault();
    const form = event.currentTarget;
    const body = compact({
      ...Object.fromEntries(FIELDS.map(([name]) => [name, field(form, name)])),
      isDefault: form.elements.namedItem('isDefault').checked || undefined,
    });
    return create.run(async () => {
      await call('POST', '', body);
      form.reset();
    });
  }

  return html`<${Section} id="stores" title="Stores" summary="A merchant's stores; its first store is its default.">
    <label
      >Merchant
      <select value=${merchant ? merchant.id : ''} onChange=${(e) => ctx.selectMerchant(Number(e.currentTarget.value))}>
        <option value="">choose a merchant</option>
        ${merchants.map((m) => html`<option value=${m.id}>${m.companyName} (merchant ${m.id}, ${m.status})</option>`)}
      </select>
    </label>
    ${
      merchant
        ? html`<ul class="list" aria-label=${`Stores of ${merchant.companyName}`}>
              ${stores.length === 0 ? html`<li class="muted">No stores yet.</li>` : null}
              ${stores.map((s) => html`<${StoreRow} key=${s.storeId} store=${s} call=${call} />`)}
            </ul>
            <form class="card form" onSubmit=${submit} aria-label="Create a store">
              <h3>New store for ${merchant.companyName}</h3>
              <div class="row">
                ${FIELDS.map(([name, label]) => html`<label>${label} <input name=${name} autocomplete="off" /></label>`)}
                <label class="check"><input type="checkbox" name="isDefault" /> Make it the default</label>
              </div>
              <div class="buttons"><button class="primary" disabled=${create.busy}>Create store</button></div>
              <${ErrorText} error=${create.error} />
            </form>`
        : html`<p class="muted">Choose a merchant to see its stores.</p>`
    }
  <//>`;
}

function StoreRow({ store: s, call }) {
  const [editing, setEditing] = useState(false);
  const save = useAction();
  const path = `/${encodeURIComponent(s.storeId)}`;

  function submit(event) {
    event.preventDefault();
    const form = event.currentTarget;
    const body = compact(Object.fromEntries(FIELDS.map(([name]) => [name, field(form, name)])));
    for (const [name] of FIELDS) if (body[name] === s[name]) delete body[name];
    return save.run(async () => {
      await call('PUT', path, body);
      setEditing(false);
    });
  }

  return html`<li class="item" data-store=${s.storeId}>
    <div class="item-head">
      <strong>${s.name}</strong>
      ${s.isDefault ? html`<${Badge} value="default" kind="ok" />` : null}
      ${s.isActive ? null : html`<${Badge} value="inactive" />`}
    </div>
    <div class="muted small">${s.locationId} ${s.city ? `· ${s.city}` : ''} · <code>${s.storeId}</code></div>
    <div class="buttons">
      ${s.isDefault ? null : html`<${ActionButton} label="Set default" onClick=${() => call('PUT', path, { isDefault: true })} />`}
      ${
        s.isActive
          ? html`<${ActionButton} label="Deactivate" onClick=${() => call('DELETE', path)} />`
          : html`<${ActionButton} label="Reactivate" onClick=${() => call('PUT', path, { isActive: true })} />`
      }
      <button type="button" class="secondary" aria-expanded=${editing} onClick=${() => setEditing(!editing)}>
        Edit
      </button>
    </div>
    ${
      editing
        ? html`<form class="form" onSubmit=${submit} aria-label=${`Edit store ${s.name}`}>
            <div class="row">
              ${FIELDS.map(
                ([name, label]) =>
                  html`<label>${label} <input name=${name} defaultValue=${s[name] || ''} autocomplete="off" /></label>`,
              )}
            </div>
            <div class="buttons"><button class="primary" disabled=${save.busy}>Save store</button></div>
            <${ErrorText} error=${save.error} />
          </form>`
        : null
    }
  </li>`;
}
