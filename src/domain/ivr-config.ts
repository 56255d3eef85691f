import { z } from 'zod';
import { soundName } from './sound-name';

export const DTMF_DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#'] as const;
const digit = z.enum(DTMF_DIGITS);

/**
 * One step of an IVR auto-call, played in order: a `prompt` only plays its sound; a `question` plays
 * its sound and waits `timeoutSeconds` for one of `validDigits`, replaying (after `invalidSound`)
 * up to `retries` times on silence or a wrong key.
 */
export const ivrStepSchema = z.object({
  id: z.string().regex(/^[a-z0-9_-]{1,40}$/, 'lowercase letters, digits, _ and -, at most 40'),
  kind: z.enum(['prompt', 'question']),
  sound: soundName,
  validDigits: z.array(digit).max(DTMF_DIGITS.length).optional(),
  timeoutSeconds: z.number().int().min(1).max(60).optional(),
  retries: z.number().int().min(0).max(5).optional(),
  invalidSound: soundName.optional(),
}).strict();

/** The IVR script of a campaign in `ivr` mode. `agentTransfer`: pressing this key at any step reaches an agent. */
export const ivrConfigSchema = z.object({
  steps: z.array(ivrStepSchema).min(1).max(50),
  agentTransfer: z.object({ digit, sound: soundName.optional() }).strict().nullable().optional(),
  goodbyeSound: soundName.optional(),
}).strict().superRefine((ivr, ctx) => {
  const seen = new Set<string>();
  ivr.steps.forEach((step, i) => {
    const at = (...rest: (string | number)[]) => ['steps', i, ...rest];
    if (seen.has(step.id)) ctx.addIssue({ code: 'custom', path: at('id'), message: `step id "${step.id}" is used twice` });
    seen.add(step.id);
    const digits = step.validDigits ?? [];
    if (step.kind === 'question' && digits.length === 0) {
      ctx.addIssue({ code: 'custom', path: at('validDigits'), message: 'a question needs at least one valid digit' });
    }
    if (step.kind === 'prompt' && (step.validDigits !== undefined || step.timeoutSeconds !== undefined || step.retries !== undefined)) {
      ctx.addIssue({ code: 'custom', path: at('kind'), message: 'a prompt only plays; validDigits, timeoutSeconds and retries belong to questions' });
    }
    if (new Set(digits).size !== digits.length) ctx.addIssue({ code: 'custom', path: at('validDigits'), message: 'a digit is listed twice' });
    const transfer = ivr.agentTransfer?.digit;
    if (transfer !== undefined && digits.includes(transfer)) {
      ctx.addIssue({ code: 'custom', path: at('validDigits'), message: `digit ${transfer} is the agent-transfer key and cannot be an answer` });
    }
  });
});

export type IvrConfig = z.infer<typeof ivrConfigSchema>;
export type IvrStep = z.infer<typeof ivrStepSchema>;

/** How long a question waits, and how often it is asked again, when the step does not say. */
export const IVR_DEFAULT_TIMEOUT_SECONDS = 5;
export const IVR_DEFAULT_RETRIES = 2;
