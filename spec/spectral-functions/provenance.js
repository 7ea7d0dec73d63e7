// Checks one `x-provenance` mark: documented ones name a source, inferred ones a decision id and a reason.
module.exports = function provenance(target) {
  if (target === null || typeof target !== 'object') return [];
  const mark = target['x-provenance'];
  if (mark === undefined) return [{ message: 'x-provenance is missing (documented | inferred).' }];
  if (mark === 'documented') {
    if (typeof target['x-source'] !== 'string' || target['x-source'].length === 0) {
      return [{ message: 'A documented item needs x-source (the URL of its documentation page).' }];
    }
    return [];
  }
  if (mark === 'inferred') {
    const problems = [];
    if (!/^D\d+$/.test(String(target['x-decision'] ?? '')))
      problems.push({ message: 'An inferred item needs x-decision (D<n>).' });
    if (typeof target['x-reason'] !== 'string' || target['x-reason'].length === 0)
      problems.push({ message: 'An inferred item needs x-reason.' });
    return problems;
  }
  return [{ message: `x-provenance must be documented or inferred, not ${JSON.stringify(mark)}.` }];
};
