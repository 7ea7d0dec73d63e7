// The QA console (issue 14): one page over the control API and the Partner API, kept current by
// the mock's one event stream (E70, E71). Sections live in their own modules.

import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, control, token, whenUnauthorized } from './api.js';
import { followEvents } from './live.js';
import { Clock } from './clock.js';
import { Faults } from './faults.js';
import { Journal } from './journal.js';
import { Merchants } from './merchants.js';
import { Payments } from './payments.js';
import { Scenario } from './scenario.js';
import { Stores } from './stores.js';
import { ErrorText, html } from './ui.js';
import { Webhooks } from './webhooks.js';

const config = JSON.parse(document.getElementById('console-config').textContent);
const JOURNAL_SHOWN = 100;

/** How each resource is read; the console never polls them, it reloads one when an event says it changed. */
const LOADERS = {
  state: () => control('GET', '/state'),
  deliveries: () => control('GET', '/webhook-deliveries?limit=50'),
  pendingDeliveries: () => control('GET', '/webhook-deliveries?outcome=pending&limit=100'),
  faults: () => control('GET', '/faults'),
  clock: () => control('GET', '/clock'),
  requests: () => control('GET', `/requests?limit=${JOURNAL_SHOWN}`).then((r) => r.requests),
  receiver: () => control('GET', '/receiver'),
};
const ALL = Object.keys(LOADERS);

/** Which resources an event may have changed. */
function affected(type, data) {
  switch (type) {
    case 'request':
      return data.method === 'GET' || data.method === 'HEAD'
        ? ['faults']
        : ['state', 'deliveries', 'pendingDeliveries', 'faults'];
    case 'domain':
      return ['state', 'deliveries', 'pendingDeliveries'];
    case 'delivery':
      return ['deliveries', 'pendingDeliveries', 'state'];
    case 'receiver':
      return ['receiver'];
    case 'control':
      if (/Fault/.test(data.operationId)) return ['faults'];
      if (data.operationId === 'clearRequests') return ['requests'];
      if (data.operationId === 'updateReceiver') return ['receiver'];
      if (/Deliver/.test(data.operationId)) return ['deliveries', 'pendingDeliveries'];
      if (data.operationId === 'advanceClock') return ['clock', 'state', 'deliveries', 'pendingDeliveries'];
      if (data.operationId === 'resetState' || data.operationId === 'importState') return ALL;
      return ['state', 'deliveries', 'pendingDeliveries'];
    default:
      return ALL;
  }
}

function TokenPrompt({ reason, onToken }) {
  const [error, setError] = useState(null);
  async function submit(event) {
    event.preventDefault();
    const value = event.currentTarget.elements.namedItem('token').value.trim();
    token.set(value);
    try {
      await control('GET', '/clock');
      onToken();
    } catch (err) {
      token.clear();
      setError(err instanceof ApiError && err.status === 401 ? new Error('The mock refused this token.') : err);
    }
  }
  return html`<main class="narrow">
    <form class="card form" onSubmit=${submit} aria-label="Control token">
      <h1>QA console</h1>
      <p>${reason || 'This mock has a control token. Enter it once; it is kept for this tab only.'}</p>
      <label>Control token <input name="token" type="password" autocomplete="off" required autofocus /></label>
      <div class="buttons"><button class="primary">Open the console</button></div>
      <${ErrorText} error=${error} />
      <p class="muted small">The mock printed it in its start banner (or it is the one it was started with).</p>
    </form>
  </main>`;
}

function useMockNow(clock, fetchedAt) {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  void tick;
  // The mock's clock runs with real time between reads (and stands still in tests that stop it).
  return clock ? Date.parse(clock.now) + (performance.now() - fetchedAt.current) : Date.now();
}

function App() {
  const [needToken, setNeedToken] = useState(config.tokenRequired && !token.get() ? 'ask' : null);
  const [data, setData] = useState({});
  const [loadError, setLoadError] = useState(null);
  const [live, setLive] = useState('connecting');
  const [merchantId, setMerchantId] = useState(null);
  const clockFetchedAt = useRef(performance.now());
  const dirty = useRef(new Set());
  const running = useRef(false);
  const stream = useRef(null);

  async function pump() {
    if (running.current) return;
    running.current = true;
    try {
      while (dirty.current.size > 0) {
        const names = [...dirty.current];
        dirty.current.clear();
        const results = await Promise.all(
          names.map((name) =>
            LOADERS[name]().then(
              (value) => [name, value],
              (err) => [name, err],
            ),
          ),
        );
        const failed = results.find(([, v]) => v instanceof Error);
        setLoadError(failed ? failed[1] : null);
        const fresh = Object.fromEntries(results.filter(([, v]) => !(v instanceof Error)));
        if (fresh.clock) clockFetchedAt.current = performance.now();
        setData((old) => ({ ...old, ...fresh }));
        if (failed && failed[1].status === 401) return;
        // Under a burst of changes, one reload every quarter second is enough to follow them.
        if (dirty.current.size > 0) await new Promise((resolve) => setTimeout(resolve, 250));
      }
    } finally {
      running.current = false;
    }
  }

  function refresh(names) {
    for (const name of names) dirty.current.add(name);
    void pump();
  }

  useEffect(() => {
    if (needToken) return undefined;
    whenUnauthorized(() => {
      token.clear();
      setNeedToken('refused');
    });
    stream.current = followEvents({
      onStatus: (status) => {
        setLive(status);
        if (status === 'unauthorized') {
          token.clear();
          setNeedToken('refused');
        }
      },
      onEvent: (type, event) => {
        if (type === 'ready' || type === 'resync') return refresh(ALL);
        if (type === 'request')
          setData((old) => ({
            ...old,
            requests:
              old.requests && !old.requests.some((r) => r.id === event.data.id)
                ? [event.data, ...old.requests].slice(0, JOURNAL_SHOWN)
                : old.requests,
          }));
        refresh(affected(type, event.data));
      },
    });
    return () => stream.current.stop();
  }, [needToken]);

  const nowMs = useMockNow(data.clock, clockFetchedAt);
  if (needToken)
    return html`<${TokenPrompt}
      reason=${needToken === 'refused' ? 'The control token was missing or refused. Enter it again.' : null}
      onToken=${() => setNeedToken(null)}
    />`;

  const ctx = {
    data,
    config,
    nowMs,
    merchantId,
    refresh,
    selectMerchant(id, jump) {
      setMerchantId(id);
      if (jump) requestAnimationFrame(() => document.getElementById('stores').scrollIntoView());
    },
  };
  const LABELS = { live: 'Live', connecting: 'Connecting…', offline: 'Reconnecting…', unauthorized: 'Token refused' };
  return html`<header class="top">
      <div class="title">
        <h1>QA console</h1>
        <span class=${`live ${live}`} role="status" aria-live="polite">${LABELS[live] || live}</span>
      </div>
      <nav aria-label="Sections">
        ${[
          ['merchants', 'Merchants'],
          ['stores', 'Stores'],
          ['payments', 'Payments'],
          ['webhooks', 'Webhooks'],
          ['clock', 'Clock'],
          ['faults', 'Faults'],
          ['journal', 'Journal'],
          ['scenario', 'Scenario'],
        ].map(([id, label]) => html`<a href=${`#${id}`}>${label}</a>`)}
        ${
          token.get()
            ? html`<button
                type="button"
                class="link"
                onClick=${() => {
                  token.clear();
                  setNeedToken('ask');
                }}
              >
                Forget token
              </button>`
            : null
        }
      </nav>
    </header>
    <main>
      <${ErrorText} error=${loadError} />
      <${Merchants} ctx=${ctx} />
      <${Stores} ctx=${ctx} />
      <${Payments} ctx=${ctx} />
      <${Webhooks} ctx=${ctx} />
      <${Clock} ctx=${ctx} />
      <${Faults} ctx=${ctx} />
      <${Journal} ctx=${ctx} />
      <${Scenario} ctx=${ctx} />
    </main>`;
}

const root = document.getElementById('app');
root.textContent = '';
render(html`<${App} />`, root);
