// Checks `x-inferred-constraints: { <keyword>: <decision id> }` on a schema: each keyword is a
// constraint keyword written on that same schema, each value a decision id that docs/DECISIONS.md
// defines. (`additionalProperties` is a constraint only when it is false.)
const { decisionProblem } = require('./decision-ids');

const CONSTRAINTS = new Set([
  'type',
  'enum',
  'const',
  'format',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'required',
  'additionalProperties',
  'unevaluatedProperties',
  'dependentRequired',
  'contentMediaType',
  'contentEncoding',
]);

module.exports = function inferredConstraints(target, _options, context) {
  if (target === null || typeof target !== 'object') return [];
  const marks = target['x-inferred-constraints'];
  if (marks === null || typeof marks !== 'object' || Array.isArray(marks) || Object.keys(marks).length === 0) {
    return [{ message: 'x-inferred-constraints must map at least one keyword to a decision id.' }];
  }
  const problems = [];
  for (const [keyword, decision] of Object.entries(marks)) {
    if (!CONSTRAINTS.has(keyword)) {
      problems.push({ message: `x-inferred-constraints: ${keyword} is not a constraint keyword.` });
    } else if (!(keyword in target)) {
      problems.push({ message: `x-inferred-constraints names ${keyword}, which this schema does not have.` });
    } else if (
      (keyword === 'additionalProperties' || keyword === 'unevaluatedProperties') &&
      target[keyword] !== false
    ) {
      problems.push({ message: `x-inferred-constraints names ${keyword}, which constrains only when it is false.` });
    }
    const bad = decisionProblem(decision, context, `x-inferred-constraints.${keyword}`);
    if (bad) problems.push({ message: bad });
  }
  return problems;
};
