import { z } from 'zod';

/** The one error shape every route answers with (the service's error handler writes it). */
export const apiErrorWire = z.strictObject({
  error: z.strictObject({
    code: z.string(),
    message: z.string(),
    requestId: z.string().optional(),
  }),
});

export type ApiErrorWire = z.infer<typeof apiErrorWire>;
