// The mock's clock: its time, moving it forward, and what falls due next (payment expiries and
// webhook retries), read from the state and the pending deliveries.

import { control } from './api.js';
import { formatDuration, formatTime, relative } from './format.js';
import { ActionButton, ErrorText, Section, field, html, useAction } from './ui.js';

const STEPS = ['10s', '1m', '31m', '1h', '1d'];

export function Clock({ ctx }) {
  const { clock, state, pendingDeliveries } = ctx.data;
  const advance = useAction();
  const move = (duration) =>
    control('POST', '/clock/advance', { duration }).then(() => ctx.refresh(['clock', 'state', 'deliveries']));

  const due = [
    ...(state ? state.payments : [])
      .filter((p) => p.status === 'pending')
      .map((p) => ({ at: p.expiresAt, what: `Payment ${p.id} (${p.referenceNumber}) expires` })),
    ...(pendingDeliveries ? pendingDeliveries.deliveries : [])
      .filter((d) => d.nextAttemptAt)
      .map((d) => ({ at: d.nextAttemptAt, what: `Retry ${d.attempts.length + 1} of ${d.event} to ${d.url}` })),
  ]
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .slice(0, 8);

  function submit(event) {
    event.preventDefault();
    const value = field(event.currentTarget, 'duration');
    return advance.run(() => move(value ?? ''));
  }

  return html`<${Section} id="clock" title="Clock">
    <p>
      Mock time <strong class="mock-time">${formatTime(new Date(ctx.nowMs).toISOString())}</strong> UTC${' '}
      ${clock ? html`<span class="muted small">(moved ${formatDuration(clock.offsetMs)} ahead)</span>` : null}
    </p>
    <div class="buttons" role="group" aria-label="Advance the clock">
      ${STEPS.map((step) => html`<${ActionButton} label=${`+${step}`} title=${`Advance the clock by ${step}`} onClick=${() => move(step)} />`)}
    </div>
    <form class="inline-form" onSubmit=${submit} aria-label="Advance the clock by a duration">
      <label class="compact"
        >Advance by <input name="duration" placeholder="90s, 30m, 2h, 1d" size="10" autocomplete="off"
      /></label>
      <button class="secondary" disabled=${advance.busy}>Advance</button>
    </form>
    <${ErrorText} error=${advance.error} />
    <h3>Due next</h3>
    <ul class="list compact-list" aria-label="Due next">
      ${due.length === 0 ? html`<li class="muted">Nothing is waiting for the clock.</li>` : null}
      ${due.map((d) => html`<li class="small"><strong>${relative(d.at, ctx.nowMs)}</strong> · ${d.what} <span class="muted">(${formatTime(d.at)})</span></li>`)}
    </ul>
  <//>`;
}
