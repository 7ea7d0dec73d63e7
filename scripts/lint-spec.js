#!/usr/bin/env node
// Lints every spec with Spectral (zero errors and zero warnings), then checks that each one
// dereferences and bundles with an independent parser.
'use strict';
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const $RefParser = require('@apidevtools/json-schema-ref-parser');

const root = path.join(__dirname, '..');
const specs = ['spec/partner-api.yaml', 'spec/control-api.yaml'].filter((f) =>
  require('node:fs').existsSync(path.join(root, f)),
);

async function main() {
  const spectral = path.join(root, 'node_modules', '.bin', 'spectral');
  try {
    execFileSync(
      spectral,
      ['lint', ...specs, '--ruleset', 'spec/.spectral.yaml', '--fail-severity', 'hint', '--display-only-failures'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
  } catch {
    process.stderr.write('Spectral reported problems (see above).\n');
    process.exit(1);
  }
  for (const spec of specs) {
    const file = path.join(root, spec);
    await $RefParser.bundle(file);
    const deref = await $RefParser.dereference(file);
    const ops = Object.values(deref.paths ?? {}).reduce((n, item) => n + Object.keys(item).length, 0);
    process.stdout.write(`${spec}: bundles and dereferences (${ops} operations)\n`);
  }
}

main().catch((err) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exit(1);
});
