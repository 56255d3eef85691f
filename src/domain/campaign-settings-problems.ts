import type { CampaignSettings } from './campaign-settings';
import { isValidTimeZone } from './dialer/local-time';

export interface SettingsProblem {
  /** Dotted path of the setting at fault, e.g. `quota.max`. */
  field: string;
  message: string;
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function quotaProblems(q: CampaignSettings['quota']): SettingsProblem[] {
  if (q.kind === 'none') {
    return q.min !== null || q.max !== null ? [{ field: 'quota.kind', message: 'quota kind none takes no min or max; choose per_day or per_campaign' }] : [];
  }
  if (q.min === null && q.max === null) return [{ field: 'quota', message: `a ${q.kind} quota needs a min, a max or both` }];
  if (q.min !== null && q.max !== null && q.min > q.max) return [{ field: 'quota.max', message: `quota.max (${q.max}) must be at least quota.min (${q.min})` }];
  return [];
}

function callingHoursProblems(h: CampaignSettings['callingHours']): SettingsProblem[] {
  const out: SettingsProblem[] = [];
  // checkCallingHours also understands windows over midnight; a campaign refuses them so that a slip
  // such as 21:00–08:00 cannot mean calling people through the night.
  if (minutesOf(h.end) <= minutesOf(h.start)) out.push({ field: 'callingHours.end', message: `callingHours.end (${h.end}) must be after callingHours.start (${h.start})` });
  if (new Set(h.weekdays).size !== h.weekdays.length) out.push({ field: 'callingHours.weekdays', message: 'callingHours.weekdays lists a day twice' });
  return out;
}

/**
 * The rules that tie settings to each other. Field-level ranges are in the zod schema; this runs on
 * the complete, merged settings (after defaults on create, after the patch on edit).
 */
export function campaignSettingsProblems(s: CampaignSettings): SettingsProblem[] {
  const out: SettingsProblem[] = [];
  if (s.startAt !== null && s.endAt !== null && Date.parse(s.endAt) <= Date.parse(s.startAt)) {
    out.push({ field: 'endAt', message: 'endAt must be after startAt' });
  }
  out.push(...quotaProblems(s.quota), ...callingHoursProblems(s.callingHours));
  if (!isValidTimeZone(s.timezone)) out.push({ field: 'timezone', message: `timezone "${s.timezone}" is not an IANA time zone such as Asia/Ho_Chi_Minh` });
  if (s.previewSeconds !== null && s.dialingMode !== 'preview') {
    out.push({ field: 'previewSeconds', message: `previewSeconds is only used in preview mode, not ${s.dialingMode}; set it to null` });
  }
  if (s.dialingMode === 'ivr' && s.ivr === null) out.push({ field: 'ivr', message: 'ivr mode needs an ivr script (steps to play)' });
  if (s.dialingMode !== 'ivr' && s.ivr !== null) out.push({ field: 'ivr', message: `ivr is only used in ivr mode, not ${s.dialingMode}; set it to null` });
  if (s.machineAction === 'message' && s.machineMessage === null) {
    out.push({ field: 'machineMessage', message: 'machineAction message needs machineMessage (the sound to leave)' });
  }
  if (s.machineAction === 'hangup' && s.machineMessage !== null) {
    out.push({ field: 'machineMessage', message: 'machineMessage is only used when machineAction is message' });
  }
  return out;
}

/** The same settings with instants in one canonical form (UTC, milliseconds), so they sort and compare as text. */
export function normalizeCampaignSettings(s: CampaignSettings): CampaignSettings {
  const utc = (v: string | null) => (v === null ? null : new Date(v).toISOString());
  return {
    ...s, startAt: utc(s.startAt), endAt: utc(s.endAt),
    managerIds: [...new Set(s.managerIds)], agentIds: [...new Set(s.agentIds)], agentGroupIds: [...new Set(s.agentGroupIds)],
    callingHours: { ...s.callingHours, weekdays: [...s.callingHours.weekdays].sort((a, b) => a - b) },
  };
}
