// The decision ids that docs/DECISIONS.md defines (D1…, E1…), shared by the provenance functions.
// Spectral functions get no __dirname: the file is found from the linted document upwards, else from
// the working directory (npm scripts run from the package root).
const fs = require('node:fs');
const path = require('node:path');

const cache = new Map();

function decisionsFile(context) {
  const source = context && context.document && context.document.source;
  let dir = typeof source === 'string' && path.isAbsolute(source) ? path.dirname(source) : process.cwd();
  for (;;) {
    const candidate = path.join(dir, 'docs', 'DECISIONS.md');
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return path.join(process.cwd(), 'docs', 'DECISIONS.md');
    dir = parent;
  }
}

/** The set of ids defined in DECISIONS.md: `- **D7 …**` bullets and `| E3 | …` table rows. */
function knownDecisions(context) {
  const file = decisionsFile(context);
  if (!cache.has(file)) {
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    const ids = new Set();
    for (const m of text.matchAll(/^- \*\*(D\d+)\b/gm)) ids.add(m[1]);
    for (const m of text.matchAll(/^\| (E\d+) \|/gm)) ids.add(m[1]);
    cache.set(file, ids);
  }
  return cache.get(file);
}

/** A problem message when `id` is not a decision id that DECISIONS.md defines, else undefined. */
function decisionProblem(id, context, what) {
  if (typeof id !== 'string' || !/^[DE]\d+$/.test(id)) {
    return `${what} must be a decision id (D<n> or E<n>), not ${JSON.stringify(id)}.`;
  }
  if (!knownDecisions(context).has(id)) return `${what} ${id} is not defined in docs/DECISIONS.md.`;
  return undefined;
}

module.exports = { knownDecisions, decisionProblem };
