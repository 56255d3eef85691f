import { z } from 'zod';
import type { UserId } from './roles';

/** Who besides its creator (and the owners, who see everything) may see and use a script. */
export const SCRIPT_SHARING = ['all_admins', 'only_me', 'chosen_admins'] as const;
export type ScriptSharing = (typeof SCRIPT_SHARING)[number];

export const QUESTION_KINDS = ['free_text', 'single_choice', 'multiple_choice'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export interface ScriptQuestion {
  id: number;
  position: number;
  kind: QuestionKind;
  text: string;
  /** The answers to pick from; empty for free text. */
  options: string[];
}

export interface Script {
  id: number;
  name: string;
  sharing: ScriptSharing;
  /** The admins a `chosen_admins` script is shared with. */
  sharedWith: UserId[];
  guidance: string;
  createdBy: UserId;
  questions: ScriptQuestion[];
  createdAt: string;
  updatedAt: string;
}

/** The fields of one question as a client writes them; `questionProblems` checks how they fit together. */
export const scriptQuestionFields = z.object({
  kind: z.enum(QUESTION_KINDS),
  text: z.string().trim().min(1).max(1000),
  options: z.array(z.string().trim().min(1).max(200)).max(50),
});

export function questionProblems(q: { kind: QuestionKind; options: string[] }): { field: string; message: string }[] {
  if (q.kind === 'free_text') {
    return q.options.length > 0 ? [{ field: 'options', message: 'a free_text question has no options' }] : [];
  }
  if (q.options.length < 2) return [{ field: 'options', message: `a ${q.kind} question needs at least two options` }];
  const seen = new Set<string>();
  for (const [i, o] of q.options.entries()) {
    const key = o.toLocaleLowerCase();
    if (seen.has(key)) return [{ field: `options.${i}`, message: `option "${o}" is listed twice` }];
    seen.add(key);
  }
  return [];
}
