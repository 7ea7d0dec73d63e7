#!/usr/bin/env node
// Run by `npm run build` after tsc: writes the build's artefacts to the one artefact cache
// (spec/artefact-cache.ts, dist/spec-cache): JSON copies of the specs, and the request/response
// validators, the scenario format's validator and the state file's record validators as precompiled
// ajv standalone modules, so the mock starts without parsing YAML or compiling schemas. Each is kept
// with the key it was made under (sources, ajv options, library versions; E153) and ignored when
// today's key differs.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { parse } = require('yaml');
const standaloneCode = require('ajv/dist/standalone').default;

const root = path.join(__dirname, '..');
const spec = require(path.join(root, 'dist', 'spec'));
const compiler = require(path.join(root, 'dist', 'mock-server', 'src', 'openapi', 'schema-compiler'));
const { compileValidators } = require(path.join(root, 'dist', 'mock-server', 'src', 'openapi', 'validators'));
const scenario = require(path.join(root, 'dist', 'fixtures', 'src', 'scenario-validate'));

const { artefacts } = spec;
const names = ['partner-api', 'control-api'];
artefacts.clear();

for (const name of names) {
  const text = fs.readFileSync(spec.specPath(name));
  artefacts.write(`${name}.json`, spec.specDocumentKey(text), JSON.stringify(parse(text.toString('utf8'))));
}

let count = 0;
for (const name of names) {
  const recording = compiler.createRecordingCompiler();
  compileValidators(spec.listOperations(name), { compiler: recording });
  for (const [kind, code] of recording.modules()) {
    artefacts.write(compiler.precompiledModuleName(name, kind), compiler.validatorKey(kind), code);
    count += 1;
  }
}

// The scenario format's validator, used every time a scenario loads (also at start-up).
const schemaText = scenario.scenarioSchemaText();
const ajv = scenario.createScenarioAjv(true);
ajv.addSchema(JSON.parse(schemaText));
// The whole document's validator and one payment's (E218), which share their definitions.
const code = standaloneCode(ajv, scenario.SCENARIO_VALIDATOR_REFS);
artefacts.write(scenario.SCENARIO_VALIDATOR_ARTEFACT, scenario.scenarioValidatorKey(schemaText), code);
count += 1;

// The state file's record validators (E131), used when a mock starts on a stored world.
const stored = require(path.join(root, 'dist', 'mock-server', 'src', 'persistence', 'world'));
const storedSchema = stored.storedRecordsSchema();
const storedAjv = scenario.createScenarioAjv(true);
storedAjv.addSchema(storedSchema);
const storedCode = standaloneCode(storedAjv, stored.storedRecordRefs());
artefacts.write(stored.STORED_RECORDS_ARTEFACT, stored.storedRecordsKey(storedSchema), storedCode);
count += 1;
process.stdout.write(
  `spec cache: ${names.length} specs, ${count} validator modules in ${path.relative(root, artefacts.dir)}\n`,
);
