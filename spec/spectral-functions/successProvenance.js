// A documented operation says for each of its success (2xx) responses whether the status is
// documented (x-provenance: documented, x-source) or inferred (x-provenance: inferred, x-decision,
// and x-inferred-part: status when the docs show the body), so no status code is left implicit.
module.exports = function successProvenance(operation, _options, context) {
  if (operation === null || typeof operation !== 'object') return [];
  if (operation['x-provenance'] !== 'documented') return [];
  const problems = [];
  for (const [status, response] of Object.entries(operation.responses || {})) {
    if (!/^2(\d\d|XX)$/.test(status) || response === null || typeof response !== 'object') continue;
    if (response['x-provenance'] === undefined) {
      problems.push({
        message: `The ${status} response of a documented operation needs its own x-provenance (documented with x-source, or inferred with x-decision).`,
        path: [...((context && context.path) || []), 'responses', status],
      });
    }
  }
  return problems;
};
