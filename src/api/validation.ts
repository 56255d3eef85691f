import type { z } from 'zod';
import { DialerError } from '../errors';

/** Parses one part of a request; the first problem becomes a 400 naming the field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, location: 'body' | 'query' | 'params'): z.infer<S> {
  // A body of JSON `null` stays null (and fails), so an optional body cannot be satisfied by sending null.
  const result = schema.safeParse(location === 'body' ? value : (value ?? {}));
  if (result.success) return result.data;
  // An unknown query parameter is named before the required ones it may be a misspelling of.
  const issue = (location === 'query' && result.error.issues.find((i) => i.code === 'unrecognized_keys')) || result.error.issues[0]!;
  const field = issue.path.map(String).join('.');
  const where = field ? `${location} field "${field}"` : location;
  const message = issue.code === 'invalid_type' && issue.input === undefined
    ? `${where} is required` : `${where}: ${issue.message}`;
  throw new DialerError('E_VALIDATION', message, field || location);
}
