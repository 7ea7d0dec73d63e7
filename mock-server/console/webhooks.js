// Webhooks and deliveries: the test receiver (E73), every partner's endpoints with their events,
// test events, and each delivery with its attempt timeline, signed body and headers, and Redeliver.

import { useState } from 'preact/hooks';
import { control, partnerCall } from './api.js';
import { formatTime, prettyBody, relative } from './format.js';
import { ActionButton, Badge, ErrorText, PartnerSelect, Section, compact, field, html, useAction } from './ui.js';

const EVENTS = ['payment.completed', 'payment.failed', 'merchant.activated', 'merchant.deactivated'];

export function Webhooks({ ctx }) {
  const { state, deliveries, receiver } = ctx.data;
  const create = useAction();
  const partners = state ? state.partners : [];
  const webhooks = state ? [...state.webhooks].sort((a, b) => b.id - a.id) : [];

  function submit(event) {
    event.preventDefault();
    const form = event.currentTarget;
    const partner = partners.find((p) => String(p.id) === field(form, 'partner'));
    const events = EVENTS.filter((name) => form.elements.namedItem(name).checked);
    return create.run(async () => {
      await partnerCall(partner, 'POST', '/webhooks', compact({ url: field(form, 'url'), events }));
      ctx.refresh(['state']);
    });
  }

  return html`<${Section} id="webhooks" title="Webhooks and deliveries">
    <${Receiver} ctx=${ctx} receiver=${receiver} />
    <h3>Endpoints</h3>
    <ul class="list" aria-label="Webhooks">
      ${webhooks.length === 0 ? html`<li class="muted">No webhooks yet.</li>` : null}
      ${webhooks.map((w) => html`<${WebhookRow} key=${w.id} webhook=${w} ctx=${ctx} />`)}
    </ul>
    <form class="card form" onSubmit=${submit} aria-label="Create a webhook">
      <h3>New webhook</h3>
      <div class="row">
        <${PartnerSelect} partners=${partners} />
        <label class="wide"
          >URL <input name="url" type="url" defaultValue=${receiver ? receiver.url : ''} autocomplete="off"
        /></label>
      </div>
      <fieldset>
        <legend>Events</legend>
        ${EVENTS.map(
          (name) =>
            html`<label class="check"
              ><input type="checkbox" name=${name} defaultChecked=${name.startsWith('payment')} /> ${name}</label
            >`,
        )}
      </fieldset>
      <div class="buttons"><button class="primary" disabled=${create.busy}>Create webhook</button></div>
      <${ErrorText} error=${create.error} />
    </form>
    <h3>Deliveries</h3>
    <p class="muted">
      ${deliveries ? `${deliveries.total} in all; the newest ${deliveries.deliveries.length} below.` : ''} Retries
      follow the mock's clock: advance it to make them due.
    </p>
    <ul class="list" aria-label="Deliveries">
      ${deliveries && deliveries.deliveries.length === 0 ? html`<li class="muted">No deliveries yet.</li>` : null}
      ${deliveries ? deliveries.deliveries.map((d) => html`<${DeliveryRow} key=${d.id} delivery=${d} ctx=${ctx} />`) : null}
    </ul>
  <//>`;
}

function Receiver({ ctx, receiver }) {
  const save = useAction();
  if (!receiver) return null;
  function submit(event) {
    event.preventDefault();
    const value = field(event.currentTarget, 'respondStatus');
    return save.run(() =>
      control('PUT', '/receiver', { respondStatus: Number(value) }).then(() => ctx.refresh(['receiver'])),
    );
  }
  return html`<div class="card" id="receiver">
    <h3>Test receiver</h3>
    <p class="small">
      The mock's own receiver: register <code>${receiver.url}</code> as a webhook URL. It checks every signature and
      answers <strong>${receiver.respondStatus}</strong>.
    </p>
    <form class="inline-form" onSubmit=${submit} aria-label="Test receiver answer">
      <label class="compact"
        >Answer with status
        <input name="respondStatus" inputmode="numeric" size="4" defaultValue=${receiver.respondStatus}
      /></label>
      <button class="secondary" disabled=${save.busy}>Set answer</button>
    </form>
    <${ErrorText} error=${save.error} />
    <ul class="list compact-list" aria-label="Received deliveries">
      ${receiver.received.length === 0 ? html`<li class="muted">Nothing received yet.</li>` : null}
      ${receiver.received
        .slice(0, 10)
        .map(
          (r) =>
            html`<li class="small">
              ${formatTime(r.receivedAt)} · ${r.event || 'no event header'}
              ${` · attempt ${r.attempt ?? '?'} · `}<code>${r.deliveryId || '–'}</code>${' · signature '}<${Badge}
                value=${r.signature}
              />${' · answered '}<${Badge}
                value=${String(r.respondedWith)}
                kind=${r.respondedWith < 300 ? 'ok' : 'bad'}
              />
            </li>`,
        )}
    </ul>
  </div>`;
}

function WebhookRow({ webhook: w, ctx }) {
  const partner = ctx.data.state.partners.find((p) => p.id === w.partnerId);
  const [result, setResult] = useState(null);
  const update = (body) => partnerCall(partner, 'PUT', `/webhooks/${w.id}`, body).then(() => ctx.refresh(['state']));
  return html`<li class="item" data-webhook=${w.id}>
    <div class="item-head"><strong class="break">${w.url}</strong> <${Badge} value=${w.status} /></div>
    <div class="muted small">
      Webhook ${w.id} · ${partner ? partner.name : `partner ${w.partnerId}`} · ${w.events.join(', ')}
      ${w.lastTriggeredAt ? ` · last sent ${formatTime(w.lastTriggeredAt)}` : ''}
    </div>
    <div class="buttons">
      <${ActionButton}
        label="Send test event"
        title=${`Send a test event to webhook ${w.id}`}
        onClick=${async () => {
          setResult(await partnerCall(partner, 'POST', `/webhooks/${w.id}/test`));
          ctx.refresh(['deliveries']);
        }}
      />
      ${
        w.status === 'active'
          ? html`<${ActionButton}
              label="Pause"
              onClick=${() => update({ url: w.url, events: w.events, status: 'inactive' })}
            />`
          : html`<${ActionButton}
              label="Resume"
              onClick=${() => update({ url: w.url, events: w.events, status: 'active' })}
            />`
      }
      <${ActionButton}
        kind="danger"
        label="Delete"
        title=${`Delete webhook ${w.id}`}
        onClick=${() => partnerCall(partner, 'DELETE', `/webhooks/${w.id}`).then(() => ctx.refresh(['state']))}
      />
    </div>
    ${result ? html`<pre class="small" aria-label="Test event result">${JSON.stringify(result, null, 2)}</pre>` : null}
  </li>`;
}

function DeliveryRow({ delivery: d, ctx }) {
  const [headers, setHeaders] = useState(undefined);
  const load = useAction();
  function toggle(event) {
    if (event.currentTarget.open && headers === undefined)
      void load.run(async () =>
        setHeaders((await control('GET', `/webhook-deliveries/${encodeURIComponent(d.id)}`)).headers),
      );
  }
  return html`<li class="item" data-delivery=${d.id}>
    <details onToggle=${toggle}>
      <summary>
        <span class="item-head">
          <${Badge} value=${d.outcome} />
          <strong>${d.event}</strong>
          ${d.test ? html`<${Badge} value="test" kind="muted" />` : null}
          <span class="small">${d.attempts.length} ${d.attempts.length === 1 ? 'attempt' : 'attempts'}</span>
          ${d.nextAttemptAt ? html`<span class="small">next retry ${relative(d.nextAttemptAt, ctx.nowMs)}</span>` : null}
        </span>
        <span class="muted small block break">${d.id} → ${d.url}</span>
      </summary>
      <ol class="timeline" aria-label=${`Attempts of ${d.id}`}>
        ${d.attempts.map(
          (a) =>
            html`<li>
              <strong>Attempt ${a.attempt}</strong>${` at ${formatTime(a.startedAt)} · `}${
                a.statusCode !== null
                  ? html`<${Badge} value=${String(a.statusCode)} kind=${a.statusCode < 300 ? 'ok' : 'bad'} />`
                  : html`<${Badge} value="no answer" kind="bad" />`
              }
              ${` · ${a.durationMs} ms `}${a.error ? html`<div class="small">${a.error}</div>` : null}
              ${a.responseSnippet ? html`<div class="small muted break">answer: ${a.responseSnippet}</div>` : null}
            </li>`,
        )}
        ${
          d.nextAttemptAt
            ? html`<li class="muted">
                Next attempt at ${formatTime(d.nextAttemptAt)} (${relative(d.nextAttemptAt, ctx.nowMs)})
              </li>`
            : null
        }
        ${d.attempts.length === 0 && !d.nextAttemptAt ? html`<li class="muted">No attempt yet.</li>` : null}
      </ol>
      <h4>Headers</h4>
      ${
        headers === null
          ? html`<p class="muted small">The webhook no longer exists, so its signature cannot be shown.</p>`
          : headers
            ? html`<pre class="small">
${Object.entries(headers)
                  .map(([k, v]) => `${k}: ${v}`)
                  .join('\n')}</pre>`
            : html`<p class="muted small">Loading…</p>`
      }
      <${ErrorText} error=${load.error} />
      <h4>Signed body</h4>
      <pre class="small">${prettyBody(d.body)}</pre>
      <div class="buttons">
        <${ActionButton}
          label="Redeliver"
          title=${`Redeliver ${d.id}`}
          onClick=${() => control('POST', `/webhook-deliveries/${encodeURIComponent(d.id)}/redeliver`).then(() => ctx.refresh(['deliveries']))}
        />
      </div>
    </details>
  </li>`;
}
