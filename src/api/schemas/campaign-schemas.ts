import { z } from 'zod';
import { CAMPAIGN_SORT_FIELDS } from '../../domain/campaign';
import { CAMPAIGN_ACTIONS, CAMPAIGN_STATES, USER_ACTIONS } from '../../domain/campaign-lifecycle';
import { campaignSettingsFields } from '../../domain/campaign-settings';
import { pageQueryFields } from './pagination';

const fields = campaignSettingsFields.shape;

/** Name and dialing mode are required; every other setting falls back to its default. */
export const campaignCreateBody = campaignSettingsFields.partial().extend({ name: fields.name, dialingMode: fields.dialingMode }).strict();
/** Only the settings given change; cross-field rules run on the result. */
export const campaignPatchBody = campaignSettingsFields.partial().strict();

const instantOrNull = z.string().nullable();
export const campaignDto = campaignSettingsFields.extend({
  id: z.number().int(),
  state: z.enum(CAMPAIGN_STATES),
  createdBy: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  reviewNote: z.string().nullable(),
  reviewedBy: z.number().int().nullable(),
  reviewedAt: instantOrNull,
  activatedAt: instantOrNull,
  startedAt: instantOrNull,
  endedAt: instantOrNull,
  allowedActions: z.array(z.enum(USER_ACTIONS)).describe('Lifecycle actions this user may take now'),
  canEdit: z.boolean(),
  canDelete: z.boolean(),
});

export const campaignListQuery = z.object({
  state: z.enum(CAMPAIGN_STATES).optional(),
  sort: z.enum(CAMPAIGN_SORT_FIELDS).default('id'),
  order: z.enum(['asc', 'desc']).default('asc'),
  ...pageQueryFields,
}).strict();

const note = z.string().trim().max(2000);
/** Submit, approve, activate, pause, resume, end: an optional note for the audit trail. */
export const actionBody = z.object({ note: note.optional() }).strict().optional();
/** A rejection must say why. */
export const rejectBody = z.object({ note: note.min(1, 'a rejection needs a note saying what to change') }).strict();

export const campaignEventDto = z.object({
  id: z.number().int(),
  campaignId: z.number().int(),
  action: z.enum([...CAMPAIGN_ACTIONS, 'create']),
  fromState: z.enum(CAMPAIGN_STATES).nullable(),
  toState: z.enum(CAMPAIGN_STATES),
  actorId: z.number().int().nullable(),
  note: z.string().nullable(),
  at: z.string(),
});

export const eventListQuery = z.object(pageQueryFields).strict();
