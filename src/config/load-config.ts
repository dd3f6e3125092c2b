import { configSchema, type Config } from './config-schema.ts';

export type LoadConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/**
 * Parses the environment once. Problems name the key and the reason but never echo the value,
 * because a mistyped secret is still a secret.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): LoadConfigResult {
  const known = Object.fromEntries(
    Object.keys(configSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = configSchema.safeParse(known);
  if (parsed.success) return { ok: true, config: parsed.data };
  const problems = parsed.error.issues.map(
    (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
  );
  return { ok: false, problems };
}
