// Small building blocks every section uses: markup, actions with their errors, badges.

import { h } from 'preact';
import { useState } from 'preact/hooks';
import htm from 'htm';

export const html = htm.bind(h);

/**
 * One action's state: `run(fn)` sets busy, shows the API's error message when `fn` fails and
 * clears it when it succeeds. Returns what `fn` returned (undefined on failure).
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  async function run(fn) {
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (err) {
      setError(err);
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { run, busy, error, clear: () => setError(null) };
}

/** A failed action's message, read out by screen readers as it appears. */
export function ErrorText({ error }) {
  if (!error) return null;
  const messages = error.messages || [error.message];
  return html`<div class="error" role="alert">
    ${error.status ? html`<strong>${error.status}</strong> ` : ''}${
      messages.length === 1
        ? messages[0]
        : html`<ul>
            ${messages.map((m) => html`<li>${m}</li>`)}
          </ul>`
    }
  </div>`;
}

export function Section({ id, title, summary, children }) {
  return html`<section id=${id} class="section" aria-labelledby=${`${id}-title`}>
    <h2 id=${`${id}-title`}>${title}</h2>
    ${summary ? html`<p class="muted">${summary}</p>` : null} ${children}
  </section>`;
}

/** The partner a form acts for (the forms' `partner` field). */
export function PartnerSelect({ partners }) {
  return html`<label
    >Partner
    <select name="partner">
      ${partners.map((p) => html`<option value=${p.id}>${p.name} (partner ${p.id})</option>`)}
    </select>
  </label>`;
}

/** A list's status filter: "any" or one of `statuses`. */
export function StatusFilter({ value, statuses, onChange }) {
  return html`<label
    >Status
    <select value=${value} onChange=${(e) => onChange(e.currentTarget.value)}>
      <option value="">any</option>
      ${statuses.map((s) => html`<option value=${s}>${s}</option>`)}
    </select>
  </label>`;
}

const BADGES = {
  pending: 'warn',
  active: 'ok',
  paid: 'ok',
  delivered: 'ok',
  verified: 'ok',
  failed: 'bad',
  expired: 'bad',
  inactive: 'muted',
  invalid: 'bad',
  unchecked: 'muted',
};

export function Badge({ value, kind }) {
  return html`<span class=${`badge ${kind || BADGES[value] || 'muted'}`}>${value}</span>`;
}

/** A button that runs `onClick` as an action; its error shows next to it. */
export function ActionButton({ label, onClick, kind = 'secondary', title }) {
  const action = useAction();
  return html`<span class="action">
    <button type="button" class=${kind} disabled=${action.busy} title=${title} onClick=${() => action.run(onClick)}>
      ${label}
    </button>
    <${ErrorText} error=${action.error} />
  </span>`;
}

/** The value of a form's field by name, trimmed; undefined when empty. */
export function field(form, name) {
  const element = form.elements.namedItem(name);
  if (!element) return undefined;
  const value = String(element.value).trim();
  return value === '' ? undefined : value;
}

/** An object without its undefined values (so optional fields stay out of a request body). */
export function compact(object) {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));
}
