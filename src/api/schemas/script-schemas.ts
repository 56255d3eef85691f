import { z } from 'zod';
import { QUESTION_KINDS, SCRIPT_SHARING, scriptQuestionFields } from '../../domain/script';
import { pathId } from './common';
import { pageQueryFields } from './pagination';

const id = z.number().int().positive();
const name = z.string().trim().min(1).max(120);
const guidance = z.string().max(20_000);

export const questionBody = scriptQuestionFields.extend({ options: scriptQuestionFields.shape.options.optional() }).strict();
export const questionPatchBody = scriptQuestionFields.partial().strict();

export const scriptCreateBody = z.object({
  name,
  sharing: z.enum(SCRIPT_SHARING),
  sharedWith: z.array(id).max(500).optional(),
  guidance: guidance.optional(),
  questions: z.array(questionBody).max(200).optional(),
}).strict();

export const scriptPatchBody = z.object({
  name: name.optional(),
  sharing: z.enum(SCRIPT_SHARING).optional(),
  sharedWith: z.array(id).max(500).optional(),
  guidance: guidance.optional(),
}).strict();

export const reorderBody = z.object({ questionIds: z.array(id).max(200) }).strict();

export const scriptQuestionParams = z.object({ id: pathId, questionId: pathId });

export const scriptQuestionDto = z.object({
  id: z.number().int(), position: z.number().int(), kind: z.enum(QUESTION_KINDS), text: z.string(), options: z.array(z.string()),
});

export const scriptDto = z.object({
  id: z.number().int(),
  name: z.string(),
  sharing: z.enum(SCRIPT_SHARING),
  sharedWith: z.array(z.number().int()),
  guidance: z.string(),
  createdBy: z.number().int(),
  questions: z.array(scriptQuestionDto),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const scriptListQuery = z.object(pageQueryFields).strict();
