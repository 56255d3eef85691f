import { z } from 'zod';

export const pauseCodeDto = z.object({
  id: z.number().int(), code: z.string(), label: z.string(), active: z.boolean(), createdAt: z.string(), updatedAt: z.string(),
});

export const pauseCodeBody = z.object({
  code: z.string().max(32).describe('Lower-case letters, digits, "-" and "_"; stored as the not-ready reason'),
  label: z.string().max(100),
  active: z.boolean().default(true),
}).strict();

export const pauseCodePatch = z.object({ code: z.string().max(32), label: z.string().max(100), active: z.boolean() }).partial().strict();
