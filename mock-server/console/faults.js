// Faults injected into Partner API operations: list, add (status, latency, drop, rate limit), remove.

import { useState } from 'preact/hooks';
import { control } from './api.js';
import { ActionButton, ErrorText, Section, compact, field, html, useAction } from './ui.js';

function describe(f) {
  const effects = [];
  if (f.retryAfter !== undefined) effects.push(`429, Retry-After ${f.retryAfter} s`);
  else if (f.status !== undefined) effects.push(`answers ${f.status}`);
  if (f.latencyMs !== undefined) effects.push(`${f.latencyMs} ms late`);
  if (f.drop) effects.push('drops the connection');
  const scope = [
    f.times !== undefined ? `next ${f.times}` : null,
    f.probability !== undefined ? `p=${f.probability}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  return `${effects.join(', ')}${scope ? ` (${scope})` : ''}`;
}

const number = (text) => (text === undefined ? undefined : Number(text));

export function Faults({ ctx }) {
  const { faults } = ctx.data;
  const [kind, setKind] = useState('status');
  const add = useAction();
  const refresh = () => ctx.refresh(['faults']);

  function submit(event) {
    event.preventDefault();
    const form = event.currentTarget;
    const value = field(form, 'value');
    const body = compact({
      operationId: field(form, 'operationId'),
      status: kind === 'status' ? number(value) : undefined,
      latencyMs: kind === 'latency' ? number(value) : undefined,
      drop: kind === 'drop' ? true : undefined,
      retryAfter: kind === 'rateLimit' ? number(value) : undefined,
      times: number(field(form, 'times')),
      probability: number(field(form, 'probability')),
    });
    return add.run(() => control('POST', '/faults', body).then(refresh));
  }

  const valueLabel = { status: 'Status', latency: 'Latency (ms)', rateLimit: 'Retry-After (s)' }[kind];
  return html`<${Section}
    id="faults"
    title="Faults"
    summary="Injected into Partner API operations before authentication; the first match wins."
  >
    <ul class="list" aria-label="Faults">
      ${faults && faults.faults.length === 0 ? html`<li class="muted">No faults: the Partner API behaves.</li>` : null}
      ${
        faults
          ? faults.faults.map(
              (f) =>
                html`<li class="item" data-fault=${f.id}>
                  <div class="item-head"><strong>${f.operationId || 'every operation'}</strong> ${describe(f)}</div>
                  <div class="muted small">Fault ${f.id} · ${f.hits} ${f.hits === 1 ? 'hit' : 'hits'}</div>
                  <div class="buttons">
                    <${ActionButton}
                      label="Remove"
                      title=${`Remove fault ${f.id}`}
                      onClick=${() => control('DELETE', `/faults/${f.id}`).then(refresh)}
                    />
                  </div>
                </li>`,
            )
          : null
      }
    </ul>
    ${
      faults && faults.faults.length > 1
        ? html`<${ActionButton}
            label="Remove every fault"
            onClick=${() => control('DELETE', '/faults').then(refresh)}
          />`
        : null
    }
    <form class="card form" onSubmit=${submit} aria-label="Add a fault">
      <h3>Add a fault</h3>
      <div class="row">
        <label
          >Operation
          <select name="operationId">
            <option value="">every operation</option>
            ${ctx.config.partnerOperations.map((op) => html`<option value=${op}>${op}</option>`)}
          </select>
        </label>
        <label
          >Effect
          <select name="kind" value=${kind} onChange=${(e) => setKind(e.currentTarget.value)}>
            <option value="status">error status</option>
            <option value="latency">latency</option>
            <option value="drop">drop the connection</option>
            <option value="rateLimit">rate limit (429)</option>
          </select>
        </label>
        ${valueLabel ? html`<label>${valueLabel} <input name="value" inputmode="numeric" autocomplete="off" key=${kind} /></label>` : null}
        <label>Times <input name="times" inputmode="numeric" placeholder="every call" autocomplete="off" /></label>
        <label>Probability <input name="probability" inputmode="decimal" placeholder="1" autocomplete="off" /></label>
      </div>
      <div class="buttons"><button class="primary" disabled=${add.busy}>Add fault</button></div>
      <${ErrorText} error=${add.error} />
    </form>
  <//>`;
}
