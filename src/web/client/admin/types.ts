/** The API's answers as the admin pages read them: generated from the server's schemas (api-types.ts). */
import type * as Api from '../api-types.js';

export type {
  AddToListResult, BlockedNumber, Campaign, CampaignEntry, CampaignEvent, Contact, ContactGroup, ContactPage, DuplicateGroup, Group,
  ImportJob, ImportRejection, SavedFilter, Script, SheetPreview, User,
} from '../api-types.js';

export type Role = Api.User['role'];

/** Owners manage everyone; admins manage agents (the server decides; this only hides what would be refused). */
export const canManageRole = (me: { role: Role }, role: Role): boolean => me.role === 'owner' || (me.role === 'admin' && role === 'agent');

export interface Paged<T> { items: T[]; total: number; limit: number; offset: number }

export type { ScriptQuestion } from '../api-types.js';
export type QuestionKind = Api.ScriptQuestion['kind'];
export type ScriptSharing = Api.Script['sharing'];

export type CampaignState = Api.Campaign['state'];
export type DialingMode = Api.Campaign['dialingMode'];
export type UserAction = Api.Campaign['allowedActions'][number];
export type IvrConfig = NonNullable<Api.Campaign['ivr']>;
export type IvrStep = IvrConfig['steps'][number];
export type IvrDigit = NonNullable<IvrStep['validDigits']>[number];

/** What the campaign form sends: the settings, without what the server decides. */
export type CampaignSettings = Omit<Api.Campaign, 'id' | 'state' | 'allowedActions' | 'canEdit' | 'canDelete' | 'createdBy' | 'createdAt'
  | 'updatedAt' | 'reviewNote' | 'reviewedBy' | 'reviewedAt' | 'activatedAt' | 'startedAt' | 'endedAt'>;

export type CustomValue = Api.Contact['customFields'][string];
export type BlockListName = Api.BlockedNumber['list'];
export type ImportKind = Api.ImportJob['kind'];
export type ImportCell = Api.ImportRejection['cells'][number];
export type ContactStatus = Api.CampaignEntry['status'];

// The pages iterate over these (filters, labels): each list is checked against the generated type both ways.
type Exactly<List extends readonly string[], T extends string> = [T] extends [List[number]] ? List : never;
export const CAMPAIGN_STATES = ['draft', 'pending_approval', 'approved', 'rejected', 'scheduled', 'running', 'paused', 'ended'] as const satisfies readonly CampaignState[];
export const DIALING_MODES = ['manual', 'preview', 'progressive', 'predictive', 'ivr', 'callback'] as const satisfies readonly DialingMode[];
export const USER_ACTIONS = ['submit', 'approve', 'reject', 'activate', 'pause', 'resume', 'end'] as const satisfies readonly UserAction[];
export const CONTACT_STATUSES = [
  'not_started', 'in_progress', 'failed_will_retry', 'callback_scheduled', 'success', 'retries_exhausted',
  'do_not_call_again', 'call_error', 'paused', 'blocked', 'dnc',
] as const satisfies readonly ContactStatus[];
const everyValueListed: [
  Exactly<typeof CAMPAIGN_STATES, CampaignState>, Exactly<typeof DIALING_MODES, DialingMode>,
  Exactly<typeof USER_ACTIONS, UserAction>, Exactly<typeof CONTACT_STATUSES, ContactStatus>,
] = [CAMPAIGN_STATES, DIALING_MODES, USER_ACTIONS, CONTACT_STATUSES];
void everyValueListed;
