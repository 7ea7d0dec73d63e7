/**
 * Finds the operation of a request by method and path in one lookup: a map for paths without
 * parameters and, per method, a short list of compiled templates for the rest. Shared by the mock
 * (routing; Express's router tries every route in turn, which made routing the largest cost of a
 * request) and the contract kit (which operation did a response answer).
 */
export interface RouteMatch<T> {
  value: T;
  params: Record<string, string>;
}

interface Template<T> {
  regex: RegExp;
  names: string[];
  value: T;
  /** Literal characters: more specific templates are tried first. */
  literal: number;
}

export class RouteTable<T> {
  private readonly exact = new Map<string, T>();
  private readonly templates = new Map<string, Template<T>[]>();

  /** `template` as in the spec: `/v1/partner/merchants/{merchantId}/stores`. */
  add(method: string, template: string, value: T): void {
    const verb = method.toUpperCase();
    if (!template.includes('{')) {
      this.exact.set(`${verb} ${template}`, value);
      return;
    }
    const names: string[] = [];
    const source = template
      .split(/(\{[^}]+\})/)
      .map((part) => {
        const param = /^\{([^}]+)\}$/.exec(part);
        if (!param) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
        names.push(param[1]!);
        return '([^/]+)';
      })
      .join('');
    const list = this.templates.get(verb) ?? [];
    list.push({ regex: new RegExp(`^${source}$`), names, value, literal: template.replace(/\{[^}]+\}/g, '').length });
    list.sort((a, b) => b.literal - a.literal);
    this.templates.set(verb, list);
  }

  /** What every method has at this path (to say which methods a path does allow). */
  allAt(path: string): T[] {
    const verbs = new Set([...this.templates.keys(), ...[...this.exact.keys()].map((k) => k.split(' ')[0]!)]);
    return [...verbs].flatMap((verb) => {
      const found = this.match(verb, path);
      return found ? [found.value] : [];
    });
  }

  match(method: string, path: string): RouteMatch<T> | undefined {
    const verb = method === 'HEAD' ? 'GET' : method;
    const clean = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
    const value = this.exact.get(`${verb} ${clean}`);
    if (value !== undefined) return { value, params: {} };
    for (const template of this.templates.get(verb) ?? []) {
      const found = template.regex.exec(clean);
      if (!found) continue;
      const params: Record<string, string> = {};
      try {
        template.names.forEach((name, i) => (params[name] = decodeURIComponent(found[i + 1]!)));
      } catch {
        continue; // a malformed %-escape matches no route
      }
      return { value: template.value, params };
    }
    return undefined;
  }
}
