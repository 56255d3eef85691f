import { z } from 'zod';

/** A path id: decimal digits only (no 1e3, 0x10, -1, 1.5) and a safe integer. */
export const pathId = z.string().regex(/^[1-9][0-9]{0,15}$/, 'a positive whole number')
  .transform(Number).pipe(z.number().max(Number.MAX_SAFE_INTEGER, 'too large'));

export const idParams = z.object({ id: pathId });
export const okResponse = z.object({ ok: z.literal(true) });
