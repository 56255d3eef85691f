/** The API's answers as the admin pages read them (see GET /api/openapi.json). */
export type Role = 'owner' | 'admin' | 'agent';

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  extension: string | null;
  language: 'en' | 'vi';
  active: boolean;
  leadReceiving: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Group {
  id: number;
  name: string;
  description: string;
  memberIds: number[];
  createdAt: string;
}

/** Owners manage everyone; admins manage agents (the server decides; this only hides what would be refused). */
export const canManageRole = (me: { role: Role }, role: Role): boolean => me.role === 'owner' || (me.role === 'admin' && role === 'agent');

export interface Paged<T> { items: T[]; total: number; limit: number; offset: number }

export type QuestionKind = 'free_text' | 'single_choice' | 'multiple_choice';
export type ScriptSharing = 'all_admins' | 'only_me' | 'chosen_admins';

export interface ScriptQuestion { id: number; position: number; kind: QuestionKind; text: string; options: string[] }

export interface Script {
  id: number;
  name: string;
  sharing: ScriptSharing;
  sharedWith: number[];
  guidance: string;
  createdBy: number;
  questions: ScriptQuestion[];
  createdAt: string;
  updatedAt: string;
}

export const CAMPAIGN_STATES = ['draft', 'pending_approval', 'approved', 'rejected', 'scheduled', 'running', 'paused', 'ended'] as const;
export type CampaignState = (typeof CAMPAIGN_STATES)[number];
export const DIALING_MODES = ['manual', 'preview', 'progressive', 'predictive', 'ivr', 'callback'] as const;
export type DialingMode = (typeof DIALING_MODES)[number];

export interface IvrStep {
  id: string;
  kind: 'prompt' | 'question';
  sound: string;
  validDigits?: string[];
  timeoutSeconds?: number;
  retries?: number;
  invalidSound?: string;
}

export interface IvrConfig {
  steps: IvrStep[];
  agentTransfer?: { digit: string; sound?: string } | null;
  goodbyeSound?: string;
}

export interface CampaignSettings {
  name: string;
  dialingMode: DialingMode;
  scriptId: number | null;
  startAt: string | null;
  endAt: string | null;
  callerId: string | null;
  maxAttempts: number;
  retryMinutes: number;
  noRecallDays: number;
  wrapUpSeconds: number;
  previewSeconds: number | null;
  quota: { kind: 'none' | 'per_day' | 'per_campaign'; min: number | null; max: number | null };
  stickyAgent: boolean;
  abandonRateTarget: number;
  maxLinesPerAgent: number;
  /** end is exclusive and may be 24:00; contacts are called on their own wall clock. */
  callingHours: { start: string; end: string; weekdays: number[] };
  timezone: string;
  recordCalls: boolean;
  machineAction: 'hangup' | 'message';
  machineMessage: string | null;
  abandonLockoutHours: number;
  managerIds: number[];
  agentIds: number[];
  agentGroupIds: number[];
  ivr: IvrConfig | null;
}

export const USER_ACTIONS = ['submit', 'approve', 'reject', 'activate', 'pause', 'resume', 'end'] as const;
export type UserAction = (typeof USER_ACTIONS)[number];

export interface Campaign extends CampaignSettings {
  id: number;
  state: CampaignState;
  /** Decided by the server for this user (src/domain/campaign-lifecycle.ts): the page shows only these buttons. */
  allowedActions: UserAction[];
  canEdit: boolean;
  canDelete: boolean;
  createdBy: number;
  createdAt: string;
  updatedAt: string;
  reviewNote: string | null;
  reviewedBy: number | null;
  reviewedAt: string | null;
  activatedAt: string | null;
  startedAt: string | null;
  endedAt: string | null;
}

export interface CampaignEvent {
  id: number;
  campaignId: number;
  action: string;
  fromState: CampaignState | null;
  toState: CampaignState;
  actorId: number | null;
  note: string | null;
  at: string;
}

export type CustomValue = string | number | boolean | null;

export interface Contact {
  id: number;
  name: string;
  phones: { e164: string; type: string }[];
  email: string | null;
  address: string | null;
  birthday: string | null;
  customFields: Record<string, CustomValue>;
  tags: string[];
  stage: string | null;
  source: string | null;
  timezone: string | null;
  ownerId: number | null;
  createdBy: number | null;
  doNotContact: boolean;
  doNotContactReason: string | null;
  createdAt: string;
  updatedAt: string;
}

/** `total` is exact up to 10,000; beyond, totalExact is false. */
export interface ContactPage extends Paged<Contact> { totalExact: boolean }

export type BlockListName = 'dnc' | 'blacklist';

export interface BlockedNumber { e164: string; list: BlockListName; reason: string; source: string; createdBy: number | null; createdAt: string }

export type ImportKind = 'contacts' | 'dnc' | 'blacklist';
export type ImportCell = string | number | boolean | null;

export interface ImportJob {
  id: number;
  kind: ImportKind;
  status: 'uploaded' | 'running' | 'done' | 'failed';
  fileName: string;
  format: 'csv' | 'xlsx' | 'xls';
  fileBytes: number;
  rowsTotal: number | null;
  rowsDone: number;
  counts: { imported: number; updated: number; duplicate: number; rejected: number; blockedHits: number; listed: number };
  options: { campaignId: number | null } | null;
  error: string | null;
  createdBy: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface SheetPreview {
  sheet: string;
  sheets: string[];
  headers: string[];
  rows: { row: number; cells: ImportCell[] }[];
  /** Field → header of the column that most likely holds it. */
  suggestedMapping: Record<string, string>;
}

export interface ImportRejection { row: number; kind: 'rejected' | 'duplicate'; reason: string; cells: ImportCell[] }

export interface ContactGroup { id: number; name: string; description: string; size: number; createdBy: number | null; createdAt: string }
export interface SavedFilter { id: number; name: string; userId: number; shared: boolean; filter: Record<string, unknown>; createdAt: string; updatedAt: string }

export const CONTACT_STATUSES = [
  'not_started', 'in_progress', 'failed_will_retry', 'callback_scheduled', 'success', 'retries_exhausted',
  'do_not_call_again', 'call_error', 'paused', 'blocked', 'dnc',
] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

/** One contact in one campaign's list. */
export interface CampaignEntry {
  id: number;
  campaignId: number;
  contactId: number;
  name: string;
  phone: string;
  status: ContactStatus;
  attempts: number;
  nextCallAt: string | null;
  callbackAt: string | null;
  doNotCallUntil: string | null;
  lastAbandonedAt: string | null;
  lastOutcome: string | null;
  lastDisposition: string | null;
  agentId: number | null;
  duplicateOk: boolean;
  addedBy: number | null;
  addedAt: string;
  updatedAt: string;
}

export interface AddToListResult { selected: number; added: number; alreadyListed: number; duplicatePhones: number; dnc: number; blocked: number }
export interface DuplicateGroup { phone: string; entries: CampaignEntry[] }
