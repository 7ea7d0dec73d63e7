/**
 * Turns ajv errors into the D5 `message` array: one readable sentence per problem, naming the field
 * (`amount must be >= 0.01`, `query parameter limit must be <= 100`, `foo is not allowed`).
 */
import type { ErrorObject } from 'ajv';

export type Location = 'body' | 'query' | 'path' | 'header' | 'response';

function fieldName(location: Location, instancePath: string, root: string): string {
  const parts = instancePath
    .split('/')
    .filter(Boolean)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (location === 'body' || location === 'response') {
    const path = parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
    return path || root;
  }
  const [name, ...rest] = parts;
  const label = location === 'header' ? 'header' : `${location} parameter`;
  return name ? `${label} ${name}${rest.length ? `/${rest.join('/')}` : ''}` : root;
}

/** Errors that say the value has another shape than a branch wants, rather than a wrong value in that shape. */
const SHAPE_KEYWORDS = new Set(['required', 'additionalProperties', 'type', 'const', 'enum']);

/**
 * E229: of the branches of a failed `oneOf` or `anyOf`, the errors of the branch the value comes
 * closest to: the fewest shape errors about the value itself (a field it lacks, a field it has
 * that the branch does not know, another type), then the fewest errors; branches that tie all speak. With every branch's
 * errors, `{"seconds": -1}` for `seconds` or `duration` said `seconds must be > 0`, `duration is
 * required` and `seconds is not allowed`. An error whose schema path does not lie under the branch
 * (inside a referenced schema that ajv did not inline) is kept.
 */
function closestBranches(errors: ErrorObject[]): ErrorObject[] {
  let kept = errors;
  for (const choice of errors) {
    if (choice.keyword !== 'oneOf' && choice.keyword !== 'anyOf') continue;
    const prefix = `${choice.schemaPath}/`;
    const branches = new Map<string, ErrorObject[]>();
    for (const error of kept) {
      if (!error.schemaPath.startsWith(prefix)) continue;
      const branch = error.schemaPath.slice(prefix.length).split('/')[0]!;
      const list = branches.get(branch) ?? [];
      list.push(error);
      branches.set(branch, list);
    }
    if (branches.size < 2) continue;
    // A shape error about the value itself; one deeper down means the value has the branch's shape.
    const isShape = (e: ErrorObject) => SHAPE_KEYWORDS.has(e.keyword) && e.instancePath === choice.instancePath;
    const score = (list: ErrorObject[]) => list.filter(isShape).length * 1000 + list.length;
    const best = Math.min(...[...branches.values()].map(score));
    const dropped = new Set([...branches.values()].filter((list) => score(list) > best).flat());
    kept = kept.filter((error) => !dropped.has(error));
  }
  return kept;
}

export function formatAjvErrors(errors: ErrorObject[] | null | undefined, location: Location): string[] {
  const root = location === 'body' ? 'body' : location === 'response' ? 'response body' : location;
  const messages = new Set<string>();
  for (const error of closestBranches(errors ?? [])) {
    const field = fieldName(location, error.instancePath, root);
    const join = (child: string) => (field === root ? child : `${field}.${child}`);
    switch (error.keyword) {
      case 'required': {
        const missing = String((error.params as { missingProperty: string }).missingProperty);
        if (location === 'body' || location === 'response') messages.add(`${join(missing)} is required`);
        else messages.add(`${location === 'header' ? 'header' : `${location} parameter`} ${missing} is required`);
        break;
      }
      case 'additionalProperties':
        messages.add(
          `${join(String((error.params as { additionalProperty: string }).additionalProperty))} is not allowed`,
        );
        break;
      case 'enum':
        messages.add(
          `${field} must be one of: ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`,
        );
        break;
      case 'const':
        messages.add(`${field} must be ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}`);
        break;
      case 'format':
        messages.add(`${field} must be a valid ${(error.params as { format: string }).format}`);
        break;
      case 'minProperties':
        messages.add(`${field} must have at least ${(error.params as { limit: number }).limit} field(s)`);
        break;
      case 'oneOf':
      case 'anyOf':
      case 'if':
        // The failing branches already produced specific messages.
        if ((errors ?? []).length === 1) messages.add(`${field} ${error.message ?? 'is invalid'}`);
        break;
      default:
        messages.add(`${field} ${error.message ?? 'is invalid'}`);
    }
  }
  return [...messages];
}
