import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { renderWebTypes } from '../../src/api/web-types';

const root = path.resolve(__dirname, '..', '..', '..');

describe('the browser pages\' types, generated from the API schemas', () => {
  it('when src/web/client/api-types.ts is compared with the schemas, then it is up to date (npm run web:types)', () => {
    assert.equal(readFileSync(path.join(root, 'src', 'web', 'client', 'api-types.ts'), 'utf8'), renderWebTypes());
  });

  it('when a schema has optional, nullable, enum, literal, record and nested parts, then each becomes the TypeScript the page needs', () => {
    const text = renderWebTypes({
      Sample: z.object({
        id: z.number().int(),
        kind: z.enum(['a', 'b']).describe('Which one'),
        type: z.literal('x'),
        note: z.string().nullable(),
        extra: z.boolean().optional(),
        tags: z.array(z.string()),
        counts: z.partialRecord(z.enum(['p', 'q']), z.number()),
        fields: z.record(z.string(), z.union([z.string(), z.null()])),
        'odd-key': z.object({ at: z.string() }),
      }),
    });
    assert.equal(text.split('\n').slice(3).join('\n'), `export type Sample = {
  id: number;
  /** Which one */
  kind: "a" | "b";
  type: "x";
  note: string | null;
  extra?: boolean;
  tags: Array<string>;
  counts: Partial<Record<"p" | "q", number>>;
  fields: Record<string, string | null>;
  "odd-key": {
    at: string;
  };
};
`);
  });
});
