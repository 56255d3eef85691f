/** The shapes the agent page reads: generated from the server's agent API schemas (api-types.ts). */
import type * as Api from '../api-types.js';

export type {
  AgentCampaign, AgentProgress, AgentScript, AgentView, CallbackReminder, Contact, CustomerContact, ReceivedCustomer,
} from '../api-types.js';

export type AgentStateKind = Api.AgentView['state']['kind'];
export type DialingMode = Api.AgentCampaign['mode'];
export type Disposition = NonNullable<Api.ReceivedCustomer['disposition']>;
export type CallPhase = NonNullable<Api.AgentView['call']>['phase'];
export type CallOutcome = NonNullable<Api.ReceivedCustomer['outcome']>;
export type ContactStatus = NonNullable<Api.ReceivedCustomer['status']>;
export type CustomerAccess = Api.ReceivedCustomer['access'];
export type ScriptAnswer = Api.ScriptAnswers[number];
export type AnswerValue = ScriptAnswer['value'];
export type ScriptQuestion = Api.ScriptQuestion;
export type CustomValue = Api.Contact['customFields'][string];
/** The campaign as GET /api/campaigns/:id answers it (the page summarises its settings). */
export type CampaignSettings = Api.Campaign;
