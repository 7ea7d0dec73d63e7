'use strict';
/** Markdown tables, PASS/MISS lines and the result files (bench/results/ and the committed bench/RESULTS.md). */
const fs = require('node:fs');
const path = require('node:path');

const RESULTS_DIR = path.join(__dirname, '..', 'results');
const COMMITTED = path.join(__dirname, '..', 'RESULTS.md');

const fmt = {
  int: (n) => (n == null ? '–' : Math.round(n).toLocaleString('en-US')),
  ms: (n) => (n == null ? '–' : n < 10 ? n.toFixed(2) : n.toFixed(1)),
  mb: (n) => (n == null ? '–' : n.toFixed(0)),
  ratio: (n) => (n == null ? '–' : `${n.toFixed(2)}×`),
};

function table(headers, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A target check: {name, value (text), limit (text), pass: true|false|null}; null = could not measure. */
function target(name, value, limit, pass) {
  return { name, value, limit, pass };
}

const verdict = (pass) => (pass === null ? 'n/a' : pass ? 'PASS' : 'MISS');

function targetsTable(targets) {
  return table(
    ['target', 'measured', 'limit', 'result'],
    targets.map((t) => [t.name, t.value, t.limit, `**${verdict(t.pass)}**`]),
  );
}

function machineLine(machine) {
  return `nproc ${machine.nproc} (${machine.cpu}), ${machine.memoryGb} GB RAM, ${machine.platform}, Node ${machine.node}`;
}

function writeResults(name, markdown, json) {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(RESULTS_DIR, `${name}.md`), `${markdown}\n`);
  fs.writeFileSync(path.join(RESULTS_DIR, `${name}.json`), `${JSON.stringify(json, null, 2)}\n`);
  return path.join(RESULTS_DIR, `${name}.md`);
}

const HEADER = `# Benchmark results

The last full runs on the machine described in each section. Absolute numbers drift with whatever
else the machine is doing; compare the ratios within one run (see bench/README.md). Regenerate with
\`npm run bench\` (main) and \`npm run bench -- --only scale\` (scale); each run replaces its own section.
`;

/**
 * Replaces the `section` part of bench/RESULTS.md (between its markers), keeping the others; with
 * `file`, the marked part of another committed file (the README's table), which must have the markers.
 */
function updateCommittedSection(section, markdown, file = COMMITTED) {
  const start = `<!-- ${section}:start -->`;
  const end = `<!-- ${section}:end -->`;
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : HEADER;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from !== -1 && to > from) text = `${text.slice(0, from)}${block}${text.slice(to + end.length)}`;
  else if (file === COMMITTED) text = `${text.trimEnd()}\n\n${block}\n`;
  else throw new Error(`${path.relative(path.dirname(COMMITTED), file)} has no ${start} … ${end} markers`);
  fs.writeFileSync(file, text.endsWith('\n') ? text : `${text}\n`);
  return file;
}

/**
 * The committed section's heading date and one column of its first table with that column, by row
 * title: {date, byTitle: {title: cell}}, or null when there is none (the previous result, for comparison).
 */
function committedColumn(section, column) {
  const text = fs.existsSync(COMMITTED) ? fs.readFileSync(COMMITTED, 'utf8') : '';
  const block = text.split(`<!-- ${section}:start -->`)[1]?.split(`<!-- ${section}:end -->`)[0];
  if (!block) return null;
  const cells = (line) =>
    line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
  const lines = block.split('\n');
  const at = lines.findIndex((line) => line.startsWith('|') && cells(line).includes(column));
  if (at === -1) return null;
  const index = cells(lines[at]).indexOf(column);
  const byTitle = {};
  for (const line of lines.slice(at + 2)) {
    if (!line.startsWith('|')) break;
    byTitle[cells(line)[0]] = cells(line)[index];
  }
  return { date: /\((\d{4}-\d\d-\d\d[^)]*)\)/.exec(block)?.[1] ?? 'undated', byTitle };
}

module.exports = {
  committedColumn,
  fmt,
  table,
  target,
  verdict,
  targetsTable,
  machineLine,
  writeResults,
  updateCommittedSection,
  RESULTS_DIR,
};
