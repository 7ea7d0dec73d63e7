'use strict';
/**
 * The benchmarked requests, read from bench/scenarios.json: every server gets the same requests
 * except for the ids in them. The mock's ids come from the setup steps run against it, the
 * stateless peers get the file's placeholders of the same shape.
 */
const table = require('../scenarios.json');
const { expectStatus } = require('./http-client');
const { partnerHeaders } = require('./project');

/** `{merchant.clientId}` → the saved value; a body named by a string is one of the file's shared bodies. */
function fill(value, saved) {
  if (typeof value === 'string')
    return value.replace(/\{(\w+)\.(\w+)\}/g, (_, name, field) => {
      const found = saved[name]?.[field];
      if (found === undefined) throw new Error(`bench/scenarios.json: nothing saved as {${name}.${field}}`);
      return String(found);
    });
  if (Array.isArray(value)) return value.map((v) => fill(v, saved));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, saved)]));
  return value;
}

const bodyOf = (step, saved) =>
  step.body === undefined ? undefined : fill(typeof step.body === 'string' ? table[step.body] : step.body, saved);

/** Runs the setup steps against the mock and resolves what they saved. */
async function setupOurs(base) {
  const headers = partnerHeaders();
  const saved = {};
  for (const step of table.setup) {
    const answer = await expectStatus(
      base,
      { method: step.method, path: fill(step.path, saved), headers, body: bodyOf(step, saved) },
      step.status,
    );
    if (step.save) saved[step.save] = answer;
  }
  return saved;
}

/** [{name, title, expect, request}], `request` an autocannon request; `only` keeps the named scenarios. */
function scenarios(saved = table.placeholders, only = null) {
  const headers = { ...partnerHeaders(), accept: 'application/json' };
  return table.scenarios
    .filter((s) => !only || only.includes(s.name))
    .map((s) => {
      const body = bodyOf(s, saved);
      return {
        name: s.name,
        title: s.title,
        expect: s.status,
        request: {
          method: s.method,
          path: fill(s.path, saved),
          headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        },
      };
    });
}

module.exports = { setupOurs, scenarios, fill, bodyOf, table };
