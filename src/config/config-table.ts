import { z } from 'zod';

import { configSchema } from './config-schema.ts';

function defaultOf(field: z.ZodType): string {
  if (field instanceof z.ZodDefault) {
    const value: unknown = field.def.defaultValue;
    return typeof value === 'string' || typeof value === 'number' ? `\`${value}\`` : '';
  }
  return '';
}

/** The README's configuration table, rendered from the schema so the two cannot drift apart. */
export function renderConfigTable(): string {
  const rows = Object.entries(configSchema.shape).map(
    ([key, field]) =>
      `| \`${key}\` | ${defaultOf(field)} | ${(field.description ?? '').replaceAll('|', '\\|')} |`,
  );
  return ['| Variable | Default | Meaning |', '| --- | --- | --- |', ...rows].join('\n');
}
