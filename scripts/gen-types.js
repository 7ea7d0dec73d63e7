#!/usr/bin/env node
// Generates TypeScript types from every spec with openapi-typescript. With --check, fails when the
// committed files differ from what the specs generate (so stale types never land).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const targets = [
  ['spec/partner-api.yaml', 'spec/generated/partner-api.ts'],
  ['spec/control-api.yaml', 'spec/generated/control-api.ts'],
].filter(([spec]) => fs.existsSync(path.join(root, spec)));

async function main() {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [spec, out] of targets) {
    const ast = await openapiTS(new URL(`file://${path.join(root, spec)}`), { alphabetize: false });
    const text = `// Generated from ${spec} by \`npm run gen:types\`. Do not edit.\n${astToString(ast)}`;
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
