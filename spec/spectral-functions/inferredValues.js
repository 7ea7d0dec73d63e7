// Checks `x-inferred-values: { <value>: <decision id> }` beside an enum: each value is a member of
// that schema's enum, each decision id one that docs/DECISIONS.md defines, and some value stays
// documented (an enum whose every value is inferred is an inferred schema or constraint instead).
const { decisionProblem } = require('./decision-ids');

module.exports = function inferredValues(target, _options, context) {
  if (target === null || typeof target !== 'object') return [];
  const marks = target['x-inferred-values'];
  if (marks === null || typeof marks !== 'object' || Array.isArray(marks) || Object.keys(marks).length === 0) {
    return [{ message: 'x-inferred-values must map at least one enum value to a decision id.' }];
  }
  if (!Array.isArray(target.enum)) return [{ message: 'x-inferred-values needs an enum on the same schema.' }];
  const members = target.enum.map(String);
  const problems = [];
  for (const [value, decision] of Object.entries(marks)) {
    if (!members.includes(value)) {
      problems.push({ message: `x-inferred-values names ${JSON.stringify(value)}, which is not in the enum.` });
    }
    const bad = decisionProblem(decision, context, `x-inferred-values.${value}`);
    if (bad) problems.push({ message: bad });
  }
  if (members.every((value) => value in marks)) {
    problems.push({
      message: 'Every enum value is inferred: mark the schema inferred, or the enum in x-inferred-constraints.',
    });
  }
  return problems;
};
