#!/usr/bin/env node
// Run by `npm run build` after tsc: writes JSON copies of the specs and the request/response
// validators as precompiled ajv standalone modules to dist/spec-cache, so the mock starts without
// parsing YAML or compiling schemas. Both are tagged with a digest of the spec sources and ignored
// when the sources change.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { parse } = require('yaml');

const root = path.join(__dirname, '..');
const spec = require(path.join(root, 'dist', 'spec'));
const compiler = require(path.join(root, 'dist', 'mock-server', 'src', 'openapi', 'schema-compiler'));
const { compileValidators } = require(path.join(root, 'dist', 'mock-server', 'src', 'openapi', 'validators'));

const names = ['partner-api', 'control-api'];
fs.rmSync(spec.SPEC_CACHE_DIR, { recursive: true, force: true });
fs.mkdirSync(spec.SPEC_CACHE_DIR, { recursive: true });
const hash = spec.specSourceHash();

for (const name of names) {
  const doc = parse(fs.readFileSync(spec.specPath(name), 'utf8'));
  fs.writeFileSync(path.join(spec.SPEC_CACHE_DIR, `${name}.json`), JSON.stringify({ hash, doc }));
}

let count = 0;
for (const name of names) {
  const recording = compiler.createRecordingCompiler();
  compileValidators(spec.listOperations(name), { compiler: recording });
  for (const [kind, code] of recording.modules()) {
    fs.writeFileSync(compiler.precompiledModulePath(name, kind), code);
    count += 1;
  }
}
fs.writeFileSync(compiler.manifestPath(), JSON.stringify({ hash, builtAt: new Date().toISOString() }));

// The scenario format's validator, used every time a scenario loads (also at start-up).
const scenario = require(path.join(root, 'dist', 'fixtures', 'src', 'scenario-validate'));
const standaloneCode = require('ajv/dist/standalone').default;
const schemaText = scenario.scenarioSchemaText();
const ajv = scenario.createScenarioAjv(true);
const code = standaloneCode(ajv, ajv.compile(JSON.parse(schemaText)));
fs.writeFileSync(
  scenario.SCENARIO_VALIDATOR_MODULE,
  `${code}\nmodule.exports.schemaText = ${JSON.stringify(schemaText)};\n`,
);
count += 1;
process.stdout.write(
  `spec cache: ${names.length} specs, ${count} validator modules in ${path.relative(root, spec.SPEC_CACHE_DIR)}\n`,
);
