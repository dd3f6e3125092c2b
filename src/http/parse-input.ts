import type { z } from 'zod';

/** Parses request input; a ZodError thrown here becomes a 400 naming the field in the error handler. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, value: unknown): z.infer<Schema> {
  return schema.parse(value);
}
