/** The shapes the agent page reads, as the server's agent API answers them (src/api/schemas/agent-schemas.ts). */

export type AgentStateKind = 'offline' | 'ready' | 'not_ready' | 'previewing' | 'ringing' | 'talking' | 'wrap_up' | 'paused';
export type DialingMode = 'manual' | 'preview' | 'progressive' | 'predictive' | 'ivr' | 'callback';
export type Disposition = 'closed_deal' | 'interested' | 'not_interested' | 'callback' | 'do_not_call_again' | 'skip';
export type CallPhase = 'agent_ringing' | 'dialing' | 'customer_ringing' | 'waiting' | 'connected' | 'ended';
export type CallOutcome = 'answered' | 'busy' | 'no_answer' | 'congestion' | 'invalid_number' | 'machine' | 'abandoned' | 'failed';
export type ContactStatus = 'not_started' | 'in_progress' | 'failed_will_retry' | 'callback_scheduled' | 'success' | 'retries_exhausted'
  | 'do_not_call_again' | 'call_error' | 'paused' | 'blocked' | 'dnc';
export type CustomerAccess = 'active' | 'manual' | 'read_only' | 'none';

export interface AgentCampaign {
  id: number;
  name: string;
  mode: DialingMode;
  scriptId: number | null;
  wrapUpSeconds: number;
  previewSeconds: number | null;
  joined: boolean;
}

export interface AgentView {
  campaign: Omit<AgentCampaign, 'joined'> | null;
  state: { kind: AgentStateKind; reason: string | null; since: string };
  line: 'none' | 'ringing' | 'up';
  customer: {
    leadId: number; attemptId: number; name: string; phones: string[]; status: ContactStatus; attempts: number;
    callback: boolean; callbackAt: string | null;
  } | null;
  call: { phase: CallPhase; outcome: CallOutcome | null; connectedAt: string | null } | null;
  countdown: { kind: 'preview' | 'wrap_up'; deadline: string } | null;
  awaitingDisposition: boolean;
  atMaxQuota: boolean;
  noCustomer: boolean;
  allowed: {
    ready: boolean; notReady: boolean; nextCustomer: boolean; callNow: boolean; skip: boolean; chooseNumber: boolean;
    hangup: boolean; dispose: boolean; leave: boolean;
  };
}

export type AnswerValue = string | string[];
export interface ScriptAnswer { questionId: number; value: AnswerValue }

export interface ReceivedCustomer {
  leadId: number;
  attemptId: number;
  name: string;
  phones: string[];
  status: ContactStatus | null;
  outcome: CallOutcome | null;
  disposition: Disposition | null;
  callbackAt: string | null;
  access: CustomerAccess;
  answers: ScriptAnswer[];
}

export interface ScriptQuestion { id: number; position: number; kind: 'free_text' | 'single_choice' | 'multiple_choice'; text: string; options: string[] }
export interface AgentScript { id: number; name: string; guidance: string; questions: ScriptQuestion[] }

export interface AgentProgress {
  quota: { kind: 'none' | 'per_day' | 'per_campaign'; min: number | null; max: number | null };
  counted: number;
  remaining: number | null;
  calls: number;
  talkMs: number;
  dispositions: Partial<Record<Disposition, number>>;
}

/** The campaign as GET /api/campaigns/:id answers it (only the settings the page summarises). */
export interface CampaignSettings {
  id: number;
  name: string;
  dialingMode: DialingMode;
  maxAttempts: number;
  retryMinutes: number;
  wrapUpSeconds: number;
  previewSeconds: number | null;
  endAt: string | null;
  timezone: string;
  callingHours: { start: string; end: string; weekdays: number[] };
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
}
export interface CustomerContact { contact: Contact; editable: boolean }

/** `agent.reminder`: a callback the agent set has come due. */
export interface CallbackReminder {
  type: 'agent.reminder';
  campaignId: number;
  attemptId: number;
  leadId: number;
  name: string;
  phones: string[];
  callbackAt: string | null;
}
