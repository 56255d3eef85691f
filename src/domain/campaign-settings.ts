import { z } from 'zod';
import { DIALING_MODES } from './dialing-mode';
import { DEFAULT_ABANDON_LOCKOUT_HOURS } from './dialer/lead-eligibility';
import { ivrConfigSchema } from './ivr-config';
import { soundName } from './sound-name';

const id = z.number().int().positive();
const instant = z.iso.datetime({ offset: true });
const clockTime = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'a time of day as HH:MM (00:00–23:59)');
const endClockTime = z.string().regex(/^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/, 'a time of day as HH:MM (00:01–24:00)');

export const QUOTA_KINDS = ['none', 'per_day', 'per_campaign'] as const;
export const MACHINE_ACTIONS = ['hangup', 'message'] as const;

/**
 * Every setting of a campaign, one zod field each. No defaults here on purpose: a partial update
 * (PATCH) must not fill missing fields, so defaults live in `campaignDefaults` and are applied on create.
 * Cross-field rules are in `campaignSettingsProblems`.
 */
export const campaignSettingsFields = z.object({
  name: z.string().trim().min(1).max(120),
  dialingMode: z.enum(DIALING_MODES),
  scriptId: id.nullable(),
  /** ISO 8601 with an offset; stored as UTC. Null start: starts when activated. Null end: runs until ended. */
  startAt: instant.nullable(),
  endAt: instant.nullable(),
  callerId: z.string().regex(/^\+?[0-9]{2,20}$/, 'digits with an optional leading +').nullable(),
  maxAttempts: z.number().int().min(1).max(20),
  /** Minutes between two attempts on the same contact. */
  retryMinutes: z.number().int().min(1).max(43_200),
  /** Days a contact that reached a final result is not called again. */
  noRecallDays: z.number().int().min(0).max(3650),
  wrapUpSeconds: z.number().int().min(0).max(3600),
  /** Preview mode only: seconds the agent sees the contact before the call is placed; null lets the agent decide. */
  previewSeconds: z.number().int().min(3).max(600).nullable(),
  /** Calls per agent: none, or a min/max per day or per campaign. */
  quota: z.object({
    kind: z.enum(QUOTA_KINDS),
    min: z.number().int().min(0).max(100_000).nullable(),
    max: z.number().int().min(1).max(100_000).nullable(),
  }).strict(),
  /** Route a contact's later calls (callbacks, retries) to the agent who spoke with them first. */
  stickyAgent: z.boolean(),
  /** Predictive: the abandoned share of answered calls that pacing aims to stay under. */
  abandonRateTarget: z.number().min(0).max(0.2),
  /** Predictive: most customer lines dialled at once per ready agent. */
  maxLinesPerAgent: z.number().int().min(1).max(10),
  /**
   * Contacts are called from start (inclusive) to end (exclusive) on their own wall clock, on the listed
   * ISO weekdays (1 = Monday). The same shape as `CallingHours` in src/domain/dialer/calling-hours.ts.
   */
  callingHours: z.object({
    start: clockTime,
    end: endClockTime,
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  }).strict(),
  /** The campaign's IANA time zone: for contacts without one, and for per-day quotas. */
  timezone: z.string().min(1).max(64),
  recordCalls: z.boolean(),
  /** What to do when answering-machine detection says machine: hang up, or play machineMessage then hang up. */
  machineAction: z.enum(MACHINE_ACTIONS),
  machineMessage: soundName.nullable(),
  /** Hours a contact whose call was abandoned is not dialled again by a predictive campaign. */
  abandonLockoutHours: z.number().int().min(0).max(720),
  managerIds: z.array(id).max(100),
  agentIds: z.array(id).max(5000),
  agentGroupIds: z.array(id).max(500),
  /** The IVR script, in ivr mode only. */
  ivr: ivrConfigSchema.nullable(),
});

export type CampaignSettings = z.infer<typeof campaignSettingsFields>;
export type CampaignQuota = CampaignSettings['quota'];
export type CallingHours = CampaignSettings['callingHours'];

/** The settings of a new campaign before the creator's choices are laid over them. */
export function campaignDefaults(name: string, dialingMode: CampaignSettings['dialingMode']): CampaignSettings {
  return {
    name, dialingMode, scriptId: null, startAt: null, endAt: null, callerId: null,
    maxAttempts: 3, retryMinutes: 60, noRecallDays: 0, wrapUpSeconds: 30, previewSeconds: null,
    quota: { kind: 'none', min: null, max: null }, stickyAgent: false,
    abandonRateTarget: 0.03, maxLinesPerAgent: 3,
    callingHours: { start: '08:00', end: '21:00', weekdays: [1, 2, 3, 4, 5, 6, 7] }, timezone: 'UTC',
    recordCalls: false, machineAction: 'hangup', machineMessage: null, abandonLockoutHours: DEFAULT_ABANDON_LOCKOUT_HOURS,
    managerIds: [], agentIds: [], agentGroupIds: [], ivr: null,
  };
}
