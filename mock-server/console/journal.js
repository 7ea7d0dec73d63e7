// The request journal, live: the newest Partner API requests as they are answered, and each one in
// full (headers and bodies, secrets masked by the mock, E72).

import { useState } from 'preact/hooks';
import { control } from './api.js';
import { formatTime, prettyBody } from './format.js';
import { ActionButton, ErrorText, Section, html, useAction } from './ui.js';

export function Journal({ ctx }) {
  const { requests } = ctx.data;
  return html`<${Section} id="journal" title="Request journal" summary="The newest Partner API requests, live.">
    <div class="buttons">
      <${ActionButton}
        label="Clear the journal"
        onClick=${() => control('DELETE', '/requests').then(() => ctx.refresh(['requests']))}
      />
    </div>
    <ul class="list journal" aria-label="Requests">
      ${requests && requests.length === 0 ? html`<li class="muted">No Partner API request yet.</li>` : null}
      ${(requests || []).map((r) => html`<${RequestRow} key=${r.id} entry=${r} />`)}
    </ul>
  <//>`;
}

function Message({ title, message }) {
  return html`<h4>${title}</h4>
    <pre class="small">
${Object.entries(message.headers)
        .map(([k, v]) => `${k}: ${v}`)
        .join('\n')}</pre>
    ${
      message.body !== null
        ? html`<pre class="small">${prettyBody(message.body)}${message.truncated ? '\n… (cut)' : ''}</pre>`
        : html`<p class="muted small">No body.</p>`
    }`;
}

const describe = (r) =>
  `${formatTime(r.at)} · ${r.operationId || 'no operation'} · ${r.durationMs.toFixed(1)} ms${r.partnerId ? ` · partner ${r.partnerId}` : ''}`;

function RequestRow({ entry: r }) {
  const [detail, setDetail] = useState(null);
  const load = useAction();
  function toggle(event) {
    if (event.currentTarget.open && !detail)
      void load.run(async () => setDetail(await control('GET', `/requests/${r.id}`)));
  }
  return html`<li class="item" data-request=${r.id}>
    <details onToggle=${toggle}>
      <summary>
        <span class=${`status-code ${r.status < 400 ? 'ok' : 'bad'}`}>${r.status}</span
        >${' '}<strong>${r.method}</strong>${' '}<span class="break">${r.path}</span>
        <span class="muted small block">${describe(r)}</span>
      </summary>
      <${ErrorText} error=${load.error} />
      ${
        detail
          ? html`<${Message} title="Request" message=${detail.request} /><${Message}
                title="Response"
                message=${detail.response}
              />`
          : load.error
            ? null
            : html`<p class="muted small">Loading…</p>`
      }
    </details>
  </li>`;
}
