import type { z } from 'zod';
import { DialerError } from '../errors';

/** Parses one part of a request; the first problem becomes a 400 naming the field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, location: 'body' | 'query' | 'params'): z.infer<S> {
  const result = schema.safeParse(value ?? (location === 'body' ? undefined : {}));
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.map(String).join('.');
  const where = field ? `${location} field "${field}"` : location;
  const message = issue.code === 'invalid_type' && issue.input === undefined
    ? `${where} is required` : `${where}: ${issue.message}`;
  throw new DialerError('E_VALIDATION', message, field || location);
}
