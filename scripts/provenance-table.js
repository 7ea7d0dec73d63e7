#!/usr/bin/env node
// Prints, as Markdown, every item that a spec marks `x-provenance: inferred` (operations, responses,
// parameters, schemas, properties) with its decision id and reason, so spec/README.md never drifts
// from the specs. With --write, replaces the table between the markers in spec/README.md instead.
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

/** A readable name for the item at `keys` (the path from the document root). */
function describe(doc, keys) {
  const [section, name, ...rest] = keys;
  if (section === 'components') {
    const [kind, ...inner] = rest;
    if (name === 'schemas') {
      if (rest.length === 1) return ['schema', `\`${kind}\``];
      if (inner[0] === 'properties' && inner.length === 2) return ['property', `\`${kind}.${inner[1]}\``];
      return ['schema part', `\`${kind}\` ${inner.join('/')}`];
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
    if (part === 'parameters' && more.length === 1) {
      const param = op.parameters[Number(more[0])];
      return ['parameter', `${label} → ${param.in} \`${param.name}\``];
    }
    return ['operation part', `${label} → ${[part, ...more].join('/')}`];
  }
  return ['item', keys.join('/')];
}

function collect(doc, node, keys, rows) {
  if (Array.isArray(node)) {
    node.forEach((item, i) => collect(doc, item, [...keys, String(i)], rows));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  if (node['x-provenance'] === 'inferred') {
    const [kind, item] = describe(doc, keys);
    rows.push({ kind, item, decision: node['x-decision'], reason: node['x-reason'] });
  }
  for (const [key, value] of Object.entries(node)) collect(doc, value, [...keys, key], rows);
}

const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');

function tableFor(name, title) {
  const doc = parse(fs.readFileSync(path.join(root, 'spec', `${name}.yaml`), 'utf8'));
  const rows = [];
  collect(doc, doc, [], rows);
  return [
    `#### ${title}: ${rows.length} inferred items`,
    '',
    '| Item | Kind | Decision | Reason |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${cell(r.item)} | ${r.kind} | ${cell(r.decision)} | ${cell(r.reason)} |`),
  ].join('\n');
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
