/**
 * Finds what PostgreSQL or a HubSpot property could never hold in a parsed JSON value: a NUL character or a
 * lone surrogate in any string or key (text and jsonb refuse both), or nesting deeper than any request of
 * ours needs (deep values exhaust stacks in parsers down the line). Returns where and why, or undefined.
 */
export function findUnsafeText(value: unknown, maxDepth: number, path = ''): string | undefined {
  if (typeof value === 'string') return describeText(value, path);
  if (typeof value !== 'object' || value === null) return undefined;
  if (maxDepth <= 0) return `${path || '(root)'}: is nested too deeply`;
  const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
  for (const [key, child] of entries) {
    const childPath = path === '' ? String(key) : `${path}.${String(key)}`;
    const problem =
      (typeof key === 'string' ? describeText(key, `${childPath} (name)`) : undefined) ??
      findUnsafeText(child, maxDepth - 1, childPath);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function describeText(text: string, path: string): string | undefined {
  if (text.includes('\u0000')) return `${path || '(root)'}: contains a NUL character`;
  if (!text.isWellFormed()) return `${path || '(root)'}: contains an unpaired UTF-16 surrogate`;
  return undefined;
}
