#!/usr/bin/env node
// Generates TypeScript types from every spec with openapi-typescript, and the scenario document's
// types from its JSON Schema with json-schema-to-typescript. With --check, fails when the committed
// files differ from what the sources generate (so stale types never land).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const SCENARIO_SCHEMA = 'fixtures/scenarios/scenario.schema.json';
const OPENAPI_TARGETS = [
  ['spec/partner-api.yaml', 'spec/generated/partner-api.ts'],
  ['spec/control-api.yaml', 'spec/generated/control-api.ts'],
];

const banner = (source) => `// Generated from ${source} by \`npm run gen:types\`. Do not edit.\n`;

async function fromOpenApi(spec) {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const ast = await openapiTS(new URL(`file://${path.join(root, spec)}`), {
    alphabetize: false,
    emptyObjectsUnknown: true,
  });
  return `${banner(spec)}${astToString(ast)}${operationExtras(spec)}`;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * E161: what the handler types need beyond openapi-typescript's output. `pathOperations` names the
 * operations the spec serves under `paths` (its `webhooks` are sent, not served). openapi-typescript
 * marks a query parameter optional unless it is required, but the request validator fills in the
 * spec's defaults (`page`, `limit`, `format`, ...), so `queryDefaults` names them per operationId and
 * the handler types make them present.
 */
function operationExtras(spec) {
  const { parse } = require('yaml');
  const doc = parse(fs.readFileSync(path.join(root, spec), 'utf8'));
  const resolve = (node) => {
    let current = node;
    while (current && typeof current.$ref === 'string') {
      current = current.$ref
        .slice(2)
        .split('/')
        .reduce((at, key) => at?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
    }
    return current;
  };
  const ids = [];
  const rows = [];
  for (const item of Object.values(doc.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation?.operationId) continue;
      ids.push(JSON.stringify(operation.operationId));
      const names = [...(item.parameters ?? []), ...(operation.parameters ?? [])]
        .map(resolve)
        .filter((param) => param.in === 'query' && resolve(param.schema)?.default !== undefined)
        .map((param) => JSON.stringify(param.name));
      if (names.length > 0) rows.push(`    ${operation.operationId}: ${[...new Set(names)].join(' | ')};\n`);
    }
  }
  return [
    '/** The operations served under `paths`, by operationId. */\n',
    `export type pathOperations = ${ids.join(' | ')};\n`,
    '/** The query parameters of each operation that the spec gives a default; validation fills them in. */\n',
    `export interface queryDefaults {\n${rows.join('')}}\n`,
  ].join('');
}

/**
 * E160: the root is named `Scenario` and every definition `Scenario<Name>` (ScenarioPartner, ...), the
 * names fixtures/src/scenario.ts exports; minItems/maxItems stay checks of the schema, not tuple types,
 * so a record's `events` array is a scenario's `events` as it is. Objects are written as type aliases,
 * not interfaces: a scenario is then a plain JSON object type, which the control API's export and
 * import (tables of any objects) accept as it is.
 */
async function fromScenarioSchema(schemaPath) {
  const { compile } = require('json-schema-to-typescript');
  const schema = JSON.parse(fs.readFileSync(path.join(root, schemaPath), 'utf8'));
  const titled = {
    ...schema,
    title: 'Scenario',
    $defs: Object.fromEntries(
      Object.entries(schema.$defs).map(([name, def]) => [name, { ...def, title: `Scenario${name}` }]),
    ),
  };
  const text = await compile(titled, 'Scenario', {
    bannerComment: banner(schemaPath).trimEnd(),
    additionalProperties: false,
    ignoreMinAndMaxItems: true,
    unreachableDefinitions: true,
    cwd: path.dirname(path.join(root, schemaPath)),
  });
  // An interface ends at the first unindented `}` after its head.
  return text.replace(/^export interface (\w+) \{$([\s\S]*?)^\}$/gm, 'export type $1 = {$2};');
}

const targets = [
  ...OPENAPI_TARGETS.map(([spec, out]) => ({ out, generate: () => fromOpenApi(spec) })),
  { out: 'spec/generated/scenario.ts', generate: () => fromScenarioSchema(SCENARIO_SCHEMA) },
];

async function main() {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const { out, generate } of targets) {
    const text = await generate();
    const outPath = path.join(root, out);
    const current = fs.existsSync(outPath) ? fs.readFileSync(outPath, 'utf8') : null;
    if (check) {
      if (current !== text) {
        stale += 1;
        process.stderr.write(`${out} is stale: run \`npm run gen:types\` and commit the result.\n`);
      }
    } else if (current !== text) {
      fs.mkdirSync(path.dirname(outPath), { recursive: true });
      fs.writeFileSync(outPath, text);
      process.stdout.write(`wrote ${out}\n`);
    }
  }
  if (stale > 0) process.exit(1);
  if (check) process.stdout.write('generated types are current\n');
}

main().catch((err) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exit(1);
});
