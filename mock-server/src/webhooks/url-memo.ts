/**
 * E196: what the webhook path reads from a receiver's URL (its origin, its request options), parsed
 * once per URL. A few webhooks' URLs in practice: beyond `keep` of them, all are forgotten at once.
 */
export function memoByUrl<T>(parse: (url: string) => T, keep = 256): (url: string) => T {
  const parsed = new Map<string, T>();
  return (url) => {
    if (parsed.has(url)) return parsed.get(url)!;
    if (parsed.size >= keep) parsed.clear();
    const value = parse(url);
    parsed.set(url, value);
    return value;
  };
}
