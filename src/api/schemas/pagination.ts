import { z } from 'zod';

/** limit/offset query fields shared by the list endpoints. */
export const pageQueryFields = {
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Most items to return (1–200)'),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0).describe('Items to skip'),
};

/** The envelope of a paginated list. */
export const pagedOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });

/** For POST routes that take no body: an empty object or nothing, so junk is refused rather than ignored. */
export const noBody = z.object({}).strict().optional();
