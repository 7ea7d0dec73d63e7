#!/usr/bin/env node
// Prints, as Markdown, every item that a spec marks `x-provenance: inferred` (operations, responses,
// parameters, headers, schemas, properties), every constraint keyword in `x-inferred-constraints` and
// every enum value in `x-inferred-values`, with its decision id, so spec/README.md never drifts from
// the specs. With --write, replaces the tables between the markers in spec/README.md instead.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { parse } = require('yaml');

const root = path.join(__dirname, '..');
const SPECS = [
  ['partner-api', 'Partner API (`spec/partner-api.yaml`)'],
  ['control-api', 'Control API (`spec/control-api.yaml`, mock only)'],
];
const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch']);
const README = path.join(root, 'spec', 'README.md');
const START = '<!-- provenance-table:start -->';
const END = '<!-- provenance-table:end -->';

/** `Store.countryCode`, `WebhookWithSecret/allOf/1.secret`: a schema path inside a component. */
function schemaPath(name, inner) {
  let out = `${name}`;
  for (let i = 0; i < inner.length; i += 1) {
    if (inner[i] === 'properties' && i + 1 < inner.length) {
      out += `.${inner[i + 1]}`;
      i += 1;
    } else out += `/${inner[i]}`;
  }
  return `\`${out}\``;
}

/** A readable name for the item at `keys` (the path from the document root), and its kind. */
function describe(doc, keys) {
  const [section, name, ...rest] = keys;
  if (section === 'components') {
    const [kind, ...inner] = rest;
    if (name === 'schemas') {
      if (inner.length === 0) return ['schema', `\`${kind}\``];
      const last = inner[inner.length - 2];
      return [last === 'properties' ? 'property' : 'schema part', schemaPath(kind, inner)];
    }
    const singular = {
      parameters: 'parameter',
      responses: 'response',
      requestBodies: 'request body',
      headers: 'header',
    };
    return [singular[name] ?? name, `\`${kind}\`${inner.length ? ` ${inner.join('/')}` : ''}`];
  }
  if ((section === 'paths' || section === 'webhooks') && METHODS.has(rest[0])) {
    const [method, part, ...more] = rest;
    const op = doc[section][name][method];
    const label =
      section === 'webhooks' ? `webhook \`${name}\`` : `\`${op.operationId}\` (${method.toUpperCase()} ${name})`;
    if (part === undefined) return ['operation', label];
    if (part === 'responses' && more.length === 1) return ['response', `${label} → ${more[0]}`];
    if (part === 'parameters' && more.length >= 1) {
      const param = op.parameters[Number(more[0])];
      const where = `${label} → ${param.in ?? 'parameter'} \`${param.name ?? param.$ref}\``;
      return more.length === 1 ? ['parameter', where] : ['parameter part', `${where} ${more.slice(1).join('/')}`];
    }
    if (part === 'responses' && more[1] === 'content') {
      return ['response body', `${label} → ${more[0]} ${more.slice(2).join('/')}`];
    }
    return ['operation part', `${label} → ${[part, ...more].join('/')}`];
  }
  return ['item', keys.join('/')];
}

const formatValue = (value) => (typeof value === 'string' ? value : JSON.stringify(value));

function collect(doc, node, keys, found) {
  if (Array.isArray(node)) {
    node.forEach((item, i) => collect(doc, item, [...keys, String(i)], found));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  if (node['x-provenance'] === 'inferred') {
    let [kind, item] = describe(doc, keys);
    if (kind === 'response' && node['x-inferred-part'] === 'status') kind = 'response status';
    found.items.push({ kind, item, decision: node['x-decision'], reason: node['x-reason'] });
  }
  for (const [keyword, decision] of Object.entries(node['x-inferred-constraints'] ?? {})) {
    const [, item] = describe(doc, keys);
    found.constraints.push({ item, keyword, decision, value: formatValue(node[keyword]) });
  }
  for (const [value, decision] of Object.entries(node['x-inferred-values'] ?? {})) {
    const [, item] = describe(doc, keys);
    found.values.push({ item, value, decision });
  }
  for (const [key, value] of Object.entries(node)) collect(doc, value, [...keys, key], found);
}

const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');
const code = (text) => `\`${cell(text)}\``;

function tableFor(name, title) {
  const doc = parse(fs.readFileSync(path.join(root, 'spec', `${name}.yaml`), 'utf8'));
  const found = { items: [], constraints: [], values: [] };
  collect(doc, doc, [], found);
  const parts = [
    `#### ${title}: ${found.items.length} inferred items`,
    '',
    '| Item | Kind | Decision | Reason |',
    '| --- | --- | --- | --- |',
    ...found.items.map((r) => `| ${cell(r.item)} | ${r.kind} | ${cell(r.decision)} | ${cell(r.reason)} |`),
  ];
  if (found.constraints.length > 0) {
    parts.push(
      '',
      `#### ${title}: ${found.constraints.length} inferred constraint keywords (\`x-inferred-constraints\`)`,
      '',
      '| Schema | Keyword | Value | Decision |',
      '| --- | --- | --- | --- |',
      ...found.constraints.map(
        (r) => `| ${cell(r.item)} | \`${r.keyword}\` | ${code(r.value)} | ${cell(r.decision)} |`,
      ),
    );
  }
  if (found.values.length > 0) {
    parts.push(
      '',
      `#### ${title}: ${found.values.length} inferred enum values (\`x-inferred-values\`)`,
      '',
      '| Schema | Value | Decision |',
      '| --- | --- | --- |',
      ...found.values.map((r) => `| ${cell(r.item)} | ${code(r.value)} | ${cell(r.decision)} |`),
    );
  }
  return parts.join('\n');
}

function markdown() {
  return SPECS.filter(([name]) => fs.existsSync(path.join(root, 'spec', `${name}.yaml`)))
    .map(([name, title]) => tableFor(name, title))
    .join('\n\n');
}

function main() {
  const table = markdown();
  if (!process.argv.includes('--write')) {
    process.stdout.write(`${table}\n`);
    return;
  }
  const readme = fs.readFileSync(README, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`spec/README.md has no ${START} … ${END} block`);
  fs.writeFileSync(README, `${readme.slice(0, start + START.length)}\n\n${table}\n\n${readme.slice(end)}`);
  process.stdout.write('updated the provenance table in spec/README.md\n');
}

main();
