import { z } from 'zod';
import type { NumberPattern } from './behaviour-book';
import type { BehaviourSpec } from './party-behaviour';

const amd = z.object({ status: z.enum(['HUMAN', 'MACHINE', 'NOTSURE', 'HANGUP']), cause: z.string(), afterMs: z.number().nonnegative() });
const spec = z.object({
  ringMs: z.number().nonnegative().optional(),
  result: z.enum(['answer', 'busy', 'no_answer', 'congestion', 'invalid', 'machine']),
  talkMs: z.number().nonnegative().nullable().optional(),
  dtmf: z.array(z.string()).optional(),
  dtmfAfterMs: z.number().nonnegative().optional(),
  dtmfGapMs: z.number().nonnegative().optional(),
  amd: amd.optional(),
  hangupCause: z.number().int().optional(),
}).strict();

/**
 * `--behaviour '0915*={"result":"answer","ringMs":1000,"talkMs":5000}'`: a number (or prefix with
 * `*`) and the JSON of a BehaviourSpec. Throws with the problem when the text is not one.
 */
export function parseBehaviourOption(text: string): { pattern: NumberPattern; behaviour: BehaviourSpec } {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new Error(`--behaviour ${text}: expected PATTERN=JSON`);
  let json: unknown;
  try {
    json = JSON.parse(text.slice(eq + 1));
  } catch (err) {
    throw new Error(`--behaviour ${text}: ${(err as Error).message}`);
  }
  const parsed = spec.safeParse(json);
  if (!parsed.success) throw new Error(`--behaviour ${text}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ')}`);
  return { pattern: text.slice(0, eq), behaviour: parsed.data };
}
