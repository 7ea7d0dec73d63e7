// The whole state: reset, load a named scenario, export to a file, import one.

import { useState } from 'preact/hooks';
import { control } from './api.js';
import { ErrorText, Section, html, useAction } from './ui.js';

export function Scenario({ ctx }) {
  const [confirming, setConfirming] = useState(false);
  const [name, setName] = useState(ctx.config.scenarios[0] ? ctx.config.scenarios[0].name : '');
  const [done, setDone] = useState('');
  const action = useAction();
  const all = ['state', 'deliveries', 'faults', 'requests', 'clock', 'receiver'];

  const run = (label, fn) =>
    action.run(async () => {
      setDone('');
      await fn();
      ctx.refresh(all);
      setDone(label);
    });

  async function exportState() {
    const state = await control('GET', '/state');
    const blob = new Blob([`${JSON.stringify(state, null, 2)}\n`], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `acountpay-mock-state-${new Date(ctx.nowMs).toISOString().replace(/[:.]/g, '-')}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  }

  async function importState(form) {
    const file = form.elements.namedItem('file').files[0];
    if (!file) throw new Error('Choose a scenario file first.');
    // Sent as it is: the mock checks it and lists every problem (nothing changes unless all loads).
    const counts = await control('PUT', '/state', await file.text());
    return `Imported: ${Object.entries(counts.counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}`;
  }

  return html`<${Section} id="scenario" title="Scenario" summary="The whole state of every partner at once.">
    <div class="card">
      <h3>Reset</h3>
      ${
        confirming
          ? html`<p role="alert">
                Reset drops every partner, merchant, payment, webhook, delivery, fault and journal entry.
              </p>
              <div class="buttons">
                <button
                  type="button"
                  class="danger"
                  onClick=${() => run('Reset to the default partner.', () => control('POST', '/reset')).then(() => setConfirming(false))}
                >
                  Reset everything
                </button>
                <button type="button" class="secondary" onClick=${() => setConfirming(false)}>Cancel</button>
              </div>`
          : html`<button type="button" class="secondary" onClick=${() => setConfirming(true)}>Reset…</button>`
      }
    </div>
    <form
      class="card inline-form"
      aria-label="Load a named scenario"
      onSubmit=${(e) => {
        e.preventDefault();
        void run(`Loaded ${name}.`, () => control('POST', '/reset', { scenario: name }));
      }}
    >
      <label class="compact"
        >Named scenario
        <input
          name="scenario"
          list="scenario-names"
          value=${name}
          onInput=${(e) => setName(e.currentTarget.value)}
          autocomplete="off"
        />
      </label>
      <datalist id="scenario-names">
        ${ctx.config.scenarios.map((s) => html`<option value=${s.name}>${s.description}</option>`)}
      </datalist>
      <button class="secondary" disabled=${action.busy}>Load scenario</button>
    </form>
    <div class="card">
      <div class="buttons">
        <button type="button" class="secondary" onClick=${() => action.run(exportState)}>Export state as a file</button>
      </div>
      <form
        class="inline-form"
        aria-label="Import a state"
        onSubmit=${(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          void action.run(async () => {
            setDone('');
            const message = await importState(form);
            ctx.refresh(all);
            setDone(message);
          });
        }}
      >
        <label class="compact">Scenario file <input type="file" name="file" accept="application/json,.json" /></label>
        <button class="secondary" disabled=${action.busy}>Import</button>
      </form>
    </div>
    <${ErrorText} error=${action.error} />
    ${done ? html`<p class="done" role="status">${done}</p>` : null}
  <//>`;
}
