import { z } from 'zod';
import { agentCampaignDto, agentViewDto, answersDto, callbackReminderDto, liveDto, receivedCustomerDto } from './schemas/agent-schemas';
import { addToListDto, campaignEntryDto, duplicateGroupDto } from './schemas/campaign-list-schemas';
import { campaignDto, campaignEventDto } from './schemas/campaign-schemas';
import { blockedNumberDto, contactDto, contactGroupDto, contactPageDto, savedFilterDto } from './schemas/contact-schemas';
import { importJobDto, rejectionDto, sheetPreviewDto } from './schemas/import-schemas';
import { scriptDto, scriptQuestionDto } from './schemas/script-schemas';
import { groupDto, userDto } from './schemas/user-schemas';
import { agentScriptDto, customerContactDto, progressDto } from './routes/agent-page-routes';
import { agentPerformanceDto } from './schemas/agent-performance-schemas';
import { campaignOverviewDto } from './schemas/campaign-overview-schemas';
import { pauseCodeDto } from './schemas/pause-code-schemas';
import { callLogPageDto, callStatsDto } from './schemas/call-log-schemas';
import { clickToCallDto, contactCallDto, contactNoteDto } from './schemas/call-schemas';
import { customerHistoryDto, customerResultsPageDto } from './schemas/customer-results-schemas';

/**
 * The answers the browser pages read, by the name the pages use. The pages are built apart from the server
 * (their own tsconfig, no zod), so their types are generated from these schemas into
 * src/web/client/api-types.ts (`npm run web:types`); a test fails when the file is behind.
 */
export const WEB_TYPES: Readonly<Record<string, z.ZodType>> = {
  User: userDto,
  Group: groupDto,
  ScriptQuestion: scriptQuestionDto,
  Script: scriptDto,
  Campaign: campaignDto,
  CampaignEvent: campaignEventDto,
  Contact: contactDto,
  ContactPage: contactPageDto,
  ContactGroup: contactGroupDto,
  SavedFilter: savedFilterDto,
  BlockedNumber: blockedNumberDto,
  ImportJob: importJobDto,
  SheetPreview: sheetPreviewDto,
  ImportRejection: rejectionDto,
  CampaignEntry: campaignEntryDto,
  AddToListResult: addToListDto,
  DuplicateGroup: duplicateGroupDto,
  AgentCampaign: agentCampaignDto,
  AgentView: agentViewDto,
  ClickToCall: clickToCallDto,
  ContactNote: contactNoteDto,
  ContactCall: contactCallDto,
  ScriptAnswers: answersDto,
  ReceivedCustomer: receivedCustomerDto,
  AgentScript: agentScriptDto,
  AgentProgress: progressDto,
  CustomerContact: customerContactDto,
  CallbackReminder: callbackReminderDto,
  LiveSnapshot: liveDto,
  PauseCode: pauseCodeDto,
  AgentPerformance: agentPerformanceDto,
  CallLogPage: callLogPageDto,
  CallStats: callStatsDto,
  CampaignOverview: campaignOverviewDto,
  CustomerResultsPage: customerResultsPageDto,
  CustomerHistory: customerHistoryDto,
};

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  description?: string;
};

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const pad = (depth: number) => '  '.repeat(depth);

/** Named types by their schema's JSON: a part that is one of them is written as its name. */
type Names = ReadonlyMap<string, string>;

const keyOf = (s: JsonSchema): string => {
  const { $schema: _, ...rest } = s as JsonSchema & { $schema?: string };
  return JSON.stringify(rest);
};

/** One JSON Schema (as zod writes it for an answer) as TypeScript type text. */
function typeText(s: JsonSchema, depth: number, names: Names): string {
  const named = names.get(keyOf(s));
  if (named) return named;
  const union = s.anyOf ?? s.oneOf;
  if (union) return [...new Set(union.map((x) => typeText(x, depth, names)))].join(' | ');
  if (s.allOf) return s.allOf.map((x) => typeText(x, depth, names)).join(' & ');
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (Array.isArray(s.type)) return s.type.map((t) => typeText({ ...s, type: t }, depth, names)).join(' | ');
  switch (s.type) {
    case 'string': return 'string';
    case 'integer': case 'number': return 'number';
    case 'boolean': return 'boolean';
    case 'null': return 'null';
    case 'array':
      if (s.prefixItems) return `[${s.prefixItems.map((x) => typeText(x, depth, names)).join(', ')}]`;
      return `Array<${s.items ? typeText(s.items, depth, names) : 'unknown'}>`;
    case 'object': return objectText(s, depth, names);
    default: return 'unknown';
  }
}

function objectText(s: JsonSchema, depth: number, names: Names): string {
  const props = Object.entries(s.properties ?? {});
  const extra = typeof s.additionalProperties === 'object' ? typeText(s.additionalProperties, depth, names) : undefined;
  if (props.length === 0) {
    if (!extra) return s.additionalProperties === false ? 'Record<string, never>' : 'Record<string, unknown>';
    // A record over an enum of keys (zod's partialRecord) keeps its keys.
    return s.propertyNames?.enum ? `Partial<Record<${typeText(s.propertyNames, depth, names)}, ${extra}>>` : `Record<string, ${extra}>`;
  }
  const required = new Set(s.required ?? []);
  const lines = props.map(([name, p]) => {
    const key = IDENTIFIER.test(name) ? name : JSON.stringify(name);
    const doc = p.description ? `${pad(depth + 1)}/** ${p.description.replace(/\*\//g, '* /')} */\n` : '';
    return `${doc}${pad(depth + 1)}${key}${required.has(name) ? '' : '?'}: ${typeText(p, depth + 1, names)};`;
  });
  return `{\n${lines.join('\n')}\n${pad(depth)}}`;
}

/** The whole generated module: one exported type per entry of WEB_TYPES, in that order. */
export function renderWebTypes(types: Readonly<Record<string, z.ZodType>> = WEB_TYPES): string {
  const schemas = Object.entries(types).map(([name, schema]) => [name, z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema] as const);
  const names = new Map(schemas.map(([name, json]) => [keyOf(json), name]));
  const blocks = schemas.map(([name, json]) => {
    const doc = json.description ? `/** ${json.description} */\n` : '';
    // A type is written out in full where it is declared, and by name wherever another one holds it.
    const others = new Map([...names].filter(([, n]) => n !== name));
    return `${doc}export type ${name} = ${typeText(json, 0, others)};\n`;
  });
  return [
    '// Generated from the API\'s answer schemas (src/api/web-types.ts) by `npm run web:types`: do not edit.',
    '// A test fails when this file is behind the schemas.',
    '',
    blocks.join('\n'),
  ].join('\n');
}
