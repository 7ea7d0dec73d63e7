// Checks one `x-provenance` mark: documented ones name a source, inferred ones a decision id that
// docs/DECISIONS.md defines and a reason. `x-inferred-part` (status | status-and-body) may only
// refine an inferred response object.
const { decisionProblem } = require('./decision-ids');

const PARTS = ['status', 'status-and-body'];

module.exports = function provenance(target, _options, context) {
  if (target === null || typeof target !== 'object') return [];
  const mark = target['x-provenance'];
  const part = target['x-inferred-part'];
  const problems = [];
  if (mark === undefined) return [{ message: 'x-provenance is missing (documented | inferred).' }];
  if (mark === 'documented') {
    if (typeof target['x-source'] !== 'string' || target['x-source'].length === 0) {
      problems.push({ message: 'A documented item needs x-source (the URL of its documentation page).' });
    }
  } else if (mark === 'inferred') {
    const decision = decisionProblem(target['x-decision'], context, 'x-decision');
    if (decision) problems.push({ message: `An inferred item needs x-decision: ${decision}` });
    if (typeof target['x-reason'] !== 'string' || target['x-reason'].length === 0)
      problems.push({ message: 'An inferred item needs x-reason.' });
  } else {
    return [{ message: `x-provenance must be documented or inferred, not ${JSON.stringify(mark)}.` }];
  }
  if (part !== undefined) {
    const keys = (context && context.path) || [];
    const isResponse = keys.length >= 2 && keys[keys.length - 2] === 'responses';
    if (mark !== 'inferred' || !isResponse) {
      problems.push({ message: 'x-inferred-part belongs only on a response object marked x-provenance: inferred.' });
    } else if (!PARTS.includes(part)) {
      problems.push({ message: `x-inferred-part must be ${PARTS.join(' or ')}, not ${JSON.stringify(part)}.` });
    }
  }
  return problems;
};
