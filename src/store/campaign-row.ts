import type { Campaign } from '../domain/campaign';
import type { CampaignState } from '../domain/campaign-lifecycle';
import type { CampaignSettings } from '../domain/campaign-settings';
import type { IvrConfig } from '../domain/ivr-config';

/** A row of the campaigns table as better-sqlite3 returns it. */
export interface CampaignRow {
  id: number; name: string; dialing_mode: CampaignSettings['dialingMode']; state: CampaignState;
  script_id: number | null; start_at: string | null; end_at: string | null; caller_id: string | null;
  max_attempts: number; retry_minutes: number; no_recall_days: number; wrap_up_seconds: number; preview_seconds: number | null;
  quota_kind: CampaignSettings['quota']['kind']; quota_min: number | null; quota_max: number | null;
  sticky_agent: number; abandon_rate_target: number; max_lines_per_agent: number;
  calling_start: string; calling_end: string; calling_weekdays: string; timezone: string;
  record_calls: number; machine_action: CampaignSettings['machineAction']; machine_message: string | null;
  abandon_lockout_hours: number; ivr_json: string | null;
  created_by: number; created_at: string; updated_at: string;
  review_note: string | null; reviewed_by: number | null; reviewed_at: string | null;
  activated_at: string | null; started_at: string | null; ended_at: string | null;
}

export interface CampaignRelations {
  managerIds: number[];
  agentIds: number[];
  agentGroupIds: number[];
}

/** The settings columns, named as the statements' parameters. */
export const SETTINGS_COLUMNS: [column: string, param: string][] = [
  ['name', 'name'], ['dialing_mode', 'dialingMode'], ['script_id', 'scriptId'], ['start_at', 'startAt'], ['end_at', 'endAt'],
  ['caller_id', 'callerId'], ['max_attempts', 'maxAttempts'], ['retry_minutes', 'retryMinutes'], ['no_recall_days', 'noRecallDays'],
  ['wrap_up_seconds', 'wrapUpSeconds'], ['preview_seconds', 'previewSeconds'], ['quota_kind', 'quotaKind'], ['quota_min', 'quotaMin'],
  ['quota_max', 'quotaMax'], ['sticky_agent', 'stickyAgent'], ['abandon_rate_target', 'abandonRateTarget'],
  ['max_lines_per_agent', 'maxLinesPerAgent'], ['calling_start', 'callingStart'], ['calling_end', 'callingEnd'],
  ['calling_weekdays', 'callingWeekdays'], ['timezone', 'timezone'], ['record_calls', 'recordCalls'],
  ['machine_action', 'machineAction'], ['machine_message', 'machineMessage'], ['abandon_lockout_hours', 'abandonLockoutHours'],
  ['ivr_json', 'ivrJson'],
];

export function settingsParams(s: CampaignSettings): Record<string, string | number | null> {
  return {
    name: s.name, dialingMode: s.dialingMode, scriptId: s.scriptId, startAt: s.startAt, endAt: s.endAt, callerId: s.callerId,
    maxAttempts: s.maxAttempts, retryMinutes: s.retryMinutes, noRecallDays: s.noRecallDays, wrapUpSeconds: s.wrapUpSeconds,
    previewSeconds: s.previewSeconds, quotaKind: s.quota.kind, quotaMin: s.quota.min, quotaMax: s.quota.max,
    stickyAgent: s.stickyAgent ? 1 : 0, abandonRateTarget: s.abandonRateTarget, maxLinesPerAgent: s.maxLinesPerAgent,
    callingStart: s.callingHours.start, callingEnd: s.callingHours.end, callingWeekdays: s.callingHours.weekdays.join(','),
    timezone: s.timezone, recordCalls: s.recordCalls ? 1 : 0, machineAction: s.machineAction,
    machineMessage: s.machineMessage, abandonLockoutHours: s.abandonLockoutHours, ivrJson: s.ivr === null ? null : JSON.stringify(s.ivr),
  };
}

export function toCampaign(r: CampaignRow, rel: CampaignRelations): Campaign {
  return {
    id: r.id, state: r.state, name: r.name, dialingMode: r.dialing_mode, scriptId: r.script_id, startAt: r.start_at, endAt: r.end_at,
    callerId: r.caller_id, maxAttempts: r.max_attempts, retryMinutes: r.retry_minutes, noRecallDays: r.no_recall_days,
    wrapUpSeconds: r.wrap_up_seconds, previewSeconds: r.preview_seconds,
    quota: { kind: r.quota_kind, min: r.quota_min, max: r.quota_max }, stickyAgent: r.sticky_agent === 1,
    abandonRateTarget: r.abandon_rate_target, maxLinesPerAgent: r.max_lines_per_agent,
    callingHours: { start: r.calling_start, end: r.calling_end, weekdays: r.calling_weekdays.split(',').map(Number) }, timezone: r.timezone,
    recordCalls: r.record_calls === 1, machineAction: r.machine_action, machineMessage: r.machine_message,
    abandonLockoutHours: r.abandon_lockout_hours, ivr: r.ivr_json === null ? null : (JSON.parse(r.ivr_json) as IvrConfig),
    ...rel,
    createdBy: r.created_by, createdAt: r.created_at, updatedAt: r.updated_at,
    reviewNote: r.review_note, reviewedBy: r.reviewed_by, reviewedAt: r.reviewed_at,
    activatedAt: r.activated_at, startedAt: r.started_at, endedAt: r.ended_at,
  };
}
