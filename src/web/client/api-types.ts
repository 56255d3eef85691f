// Generated from the API's answer schemas (src/api/web-types.ts) by `npm run web:types`: do not edit.
// A test fails when this file is behind the schemas.

export type User = {
  id: number;
  username: string;
  displayName: string;
  role: "owner" | "admin" | "agent";
  extension: string | null;
  language: "en" | "vi";
  active: boolean;
  leadReceiving: boolean;
  createdAt: string;
  updatedAt: string;
};

export type Group = {
  id: number;
  name: string;
  description: string;
  memberIds: Array<number>;
  createdAt: string;
};

export type ScriptQuestion = {
  id: number;
  position: number;
  kind: "free_text" | "single_choice" | "multiple_choice";
  text: string;
  options: Array<string>;
};

export type Script = {
  id: number;
  name: string;
  sharing: "all_admins" | "only_me" | "chosen_admins";
  sharedWith: Array<number>;
  guidance: string;
  createdBy: number;
  questions: Array<ScriptQuestion>;
  createdAt: string;
  updatedAt: string;
};

export type Campaign = {
  name: string;
  dialingMode: "manual" | "preview" | "progressive" | "predictive" | "ivr" | "callback";
  scriptId: number | null;
  startAt: string | null;
  endAt: string | null;
  callerId: string | null;
  maxAttempts: number;
  retryMinutes: number;
  noRecallDays: number;
  wrapUpSeconds: number;
  previewSeconds: number | null;
  quota: {
    kind: "none" | "per_day" | "per_campaign";
    min: number | null;
    max: number | null;
  };
  stickyAgent: boolean;
  abandonRateTarget: number;
  maxLinesPerAgent: number;
  callingHours: {
    start: string;
    end: string;
    weekdays: Array<number>;
  };
  timezone: string;
  recordCalls: boolean;
  machineAction: "hangup" | "message";
  machineMessage: string | null;
  abandonLockoutHours: number;
  managerIds: Array<number>;
  agentIds: Array<number>;
  agentGroupIds: Array<number>;
  ivr: {
    steps: Array<{
      id: string;
      kind: "prompt" | "question";
      sound: string;
      validDigits?: Array<"0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "*" | "#">;
      timeoutSeconds?: number;
      retries?: number;
      invalidSound?: string;
    }>;
    agentTransfer?: {
      digit: "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "*" | "#";
      sound?: string;
    } | null;
    goodbyeSound?: string;
  } | null;
  id: number;
  state: "draft" | "pending_approval" | "approved" | "rejected" | "scheduled" | "running" | "paused" | "ended";
  createdBy: number;
  createdAt: string;
  updatedAt: string;
  reviewNote: string | null;
  reviewedBy: number | null;
  reviewedAt: string | null;
  activatedAt: string | null;
  startedAt: string | null;
  endedAt: string | null;
  /** Lifecycle actions this user may take now */
  allowedActions: Array<"submit" | "approve" | "reject" | "activate" | "pause" | "resume" | "end">;
  canEdit: boolean;
  canDelete: boolean;
};

export type CampaignEvent = {
  id: number;
  campaignId: number;
  action: "edit" | "delete" | "submit" | "approve" | "reject" | "activate" | "pause" | "resume" | "end" | "start" | "finish" | "create";
  fromState: "draft" | "pending_approval" | "approved" | "rejected" | "scheduled" | "running" | "paused" | "ended" | null;
  toState: "draft" | "pending_approval" | "approved" | "rejected" | "scheduled" | "running" | "paused" | "ended";
  actorId: number | null;
  note: string | null;
  at: string;
};

export type Contact = {
  id: number;
  name: string;
  phones: Array<{
    e164: string;
    type: string;
  }>;
  email: string | null;
  address: string | null;
  birthday: string | null;
  customFields: Record<string, string | number | boolean | null>;
  tags: Array<string>;
  stage: string | null;
  source: string | null;
  timezone: string | null;
  ownerId: number | null;
  createdBy: number | null;
  doNotContact: boolean;
  doNotContactReason: string | null;
  createdAt: string;
  updatedAt: string;
};

export type ContactPage = {
  items: Array<Contact>;
  /** Exact up to 1,000; beyond, totalExact is false and there are more */
  total: number;
  limit: number;
  offset: number;
  totalExact: boolean;
};

export type ContactGroup = {
  id: number;
  name: string;
  description: string;
  size: number;
  createdBy: number | null;
  createdAt: string;
};

export type SavedFilter = {
  id: number;
  name: string;
  userId: number;
  shared: boolean;
  filter: {
    name?: string;
    phone?: string;
    tags?: Array<string>;
    stage?: string;
    ownerId?: number | "none";
    createdFrom?: string;
    createdTo?: string;
    groupId?: number;
    doNotContact?: boolean;
  };
  createdAt: string;
  updatedAt: string;
};

export type BlockedNumber = {
  e164: string;
  list: "dnc" | "blacklist";
  reason: string;
  source: string;
  createdBy: number | null;
  createdAt: string;
};

export type ImportJob = {
  id: number;
  kind: "contacts" | "dnc" | "blacklist";
  status: "uploaded" | "running" | "done" | "failed";
  fileName: string;
  format: "csv" | "xlsx" | "xls";
  fileBytes: number;
  options: {
    sheet: string;
    headers: Array<string>;
    mapping: {
      fields: Record<string, number>;
      custom: Record<string, number>;
      reason?: number;
    };
    onExisting: "skip" | "update";
    tags: Array<string>;
    source: string | null;
    reason: string | null;
    campaignId: number | null;
  } | null;
  /** Data rows of the sheet (header excluded), known once the job reads the file */
  rowsTotal: number | null;
  rowsDone: number;
  counts: {
    imported: number;
    updated: number;
    duplicate: number;
    rejected: number;
    blockedHits: number;
    listed: number;
  };
  error: string | null;
  createdBy: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

export type SheetPreview = {
  sheet: string;
  sheets: Array<string>;
  headers: Array<string>;
  rows: Array<{
    row: number;
    cells: Array<string | number | boolean | null>;
  }>;
  suggestedMapping: Record<string, string>;
};

export type ImportRejection = {
  row: number;
  kind: "rejected" | "duplicate";
  reason: string;
  cells: Array<string | number | boolean | null>;
};

export type CampaignEntry = {
  id: number;
  campaignId: number;
  contactId: number;
  name: string;
  phone: string;
  status: "not_started" | "in_progress" | "failed_will_retry" | "callback_scheduled" | "success" | "retries_exhausted" | "do_not_call_again" | "call_error" | "paused" | "blocked" | "dnc";
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
};

export type AddToListResult = {
  selected: number;
  added: number;
  alreadyListed: number;
  duplicatePhones: number;
  dnc: number;
  blocked: number;
};

export type DuplicateGroup = {
  phone: string;
  entries: Array<CampaignEntry>;
};

export type AgentCampaign = {
  id: number;
  name: string;
  mode: "manual" | "preview" | "progressive" | "predictive" | "ivr" | "callback";
  scriptId: number | null;
  wrapUpSeconds: number;
  previewSeconds: number | null;
  joined: boolean;
};

/** Everything the agent page shows; also pushed as the `agent.view` WebSocket message */
export type AgentView = {
  campaign: {
    id: number;
    name: string;
    mode: "manual" | "preview" | "progressive" | "predictive" | "ivr" | "callback";
    scriptId: number | null;
    wrapUpSeconds: number;
    previewSeconds: number | null;
  } | null;
  state: {
    kind: "offline" | "ready" | "not_ready" | "previewing" | "ringing" | "talking" | "wrap_up" | "paused";
    reason: string | null;
    /** ISO-8601 UTC */
    since: string;
  };
  line: "none" | "ringing" | "up";
  customer: {
    leadId: number;
    attemptId: number;
    name: string;
    phones: Array<string>;
    status: "not_started" | "in_progress" | "failed_will_retry" | "callback_scheduled" | "success" | "retries_exhausted" | "do_not_call_again" | "call_error" | "paused" | "blocked" | "dnc";
    attempts: number;
    callback: boolean;
    callbackAt: string | null;
  } | null;
  call: {
    phase: "agent_ringing" | "dialing" | "customer_ringing" | "waiting" | "connected" | "ended";
    outcome: "answered" | "busy" | "no_answer" | "congestion" | "invalid_number" | "machine" | "abandoned" | "failed" | null;
    connectedAt: string | null;
  } | null;
  countdown: {
    kind: "preview" | "wrap_up";
    /** ISO-8601 UTC */
    deadline: string;
  } | null;
  awaitingDisposition: boolean;
  atMaxQuota: boolean;
  noCustomer: boolean;
  /** A leave or pause asked for that waits for customers already dialed for the agent ("leaving after this call") */
  pendingExit: {
    kind: "leave" | "not_ready";
    reason: string | null;
  } | null;
  allowed: {
    ready: boolean;
    notReady: boolean;
    nextCustomer: boolean;
    callNow: boolean;
    skip: boolean;
    chooseNumber: boolean;
    hangup: boolean;
    dispose: boolean;
    leave: boolean;
  };
};

/** The agent's open call (click-to-call, or an inbound call) */
export type ClickToCall = {
  state: "ringing_agent" | "ringing_customer" | "talking" | "ended";
  contactId: number | null;
  contactName: string | null;
  number: string;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  /** How an ended call ended */
  end: "completed" | "busy" | "no_answer" | "agent_no_answer" | "agent_busy" | "failed" | "cancelled" | null;
  /** The call record, once stored (the call may then be closed) */
  callRecordId: number | null;
  /** inbound: a caller the agent took from the inbound queue (number: the caller's); absent: a click-to-call */
  direction?: "inbound";
};

export type ContactNote = {
  id: number;
  contactId: number;
  agentId: number | null;
  agentName: string | null;
  callRecordId: number | null;
  body: string;
  createdAt: string;
  call: {
    flow: string;
    phoneNumber: string | null;
    dialAt: string | null;
    bridgeAt: string | null;
    endAt: string;
    outcome: string | null;
  } | null;
};

/** One call with a contact, from its call record */
export type ContactCall = {
  id: number;
  /** agent-first, customer-first, ivr, click-to-call, inbound, … */
  flow: string;
  direction: "outbound" | "inbound";
  campaignId: number | null;
  agentId: number | null;
  agentName: string | null;
  phoneNumber: string | null;
  dialAt: string | null;
  answerAt: string | null;
  bridgeAt: string | null;
  endAt: string;
  /** Q.850 cause of the customer leg */
  hangupCause: number | null;
  outcome: string | null;
  endReason: string;
  note: string | null;
};

export type ScriptAnswers = Array<{
  questionId: number;
  value: string | Array<string>;
}>;

export type ReceivedCustomer = {
  leadId: number;
  attemptId: number;
  name: string;
  phones: Array<string>;
  status: "not_started" | "in_progress" | "failed_will_retry" | "callback_scheduled" | "success" | "retries_exhausted" | "do_not_call_again" | "call_error" | "paused" | "blocked" | "dnc" | null;
  outcome: "answered" | "busy" | "no_answer" | "congestion" | "invalid_number" | "machine" | "abandoned" | "failed" | null;
  disposition: "closed_deal" | "interested" | "not_interested" | "callback" | "do_not_call_again" | "skip" | null;
  callbackAt: string | null;
  access: "active" | "manual" | "read_only" | "none";
  answers: ScriptAnswers;
};

/** The script an agent works with: guidance and questions in order */
export type AgentScript = {
  id: number;
  name: string;
  guidance: string;
  questions: Array<ScriptQuestion>;
};

export type AgentProgress = {
  quota: {
    kind: "none" | "per_day" | "per_campaign";
    min: number | null;
    max: number | null;
  };
  /** Customers counted toward the quota (disposed, skip excepted) in its window */
  counted: number;
  remaining: number | null;
  calls: number;
  talkMs: number;
  dispositions: Partial<Record<"closed_deal" | "interested" | "not_interested" | "callback" | "do_not_call_again" | "skip", number>>;
};

export type CustomerContact = {
  contact: Contact;
  /** The customer is the current one, or behaves as in manual mode (engine customer access) */
  editable: boolean;
};

export type CallbackReminder = {
  type: "agent.reminder";
  campaignId: number;
  attemptId: number;
  leadId: number;
  name: string;
  phones: Array<string>;
  callbackAt: string | null;
};

/** The supervisor view of a running campaign; also pushed as `campaign.live` on topic campaign:<id> */
export type LiveSnapshot = {
  campaignId: number;
  /** ISO-8601 UTC */
  at: string;
  state: "draft" | "pending_approval" | "approved" | "rejected" | "scheduled" | "running" | "paused" | "ended";
  mode: "manual" | "preview" | "progressive" | "predictive" | "ivr" | "callback";
  agents: Array<{
    agentId: number;
    name: string;
    state: "offline" | "ready" | "not_ready" | "previewing" | "ringing" | "talking" | "wrap_up" | "paused";
    reason: string | null;
    /** ISO-8601 UTC */
    since: string;
    timeInStateMs: number;
    calls: number;
    talkMs: number;
    dispositions: Partial<Record<"closed_deal" | "interested" | "not_interested" | "callback" | "do_not_call_again" | "skip", number>>;
    /** Leaving or pausing after the customers already dialed for the agent */
    pendingExit: "leave" | "not_ready" | null;
  }>;
  agentsByState: Partial<Record<"offline" | "ready" | "not_ready" | "previewing" | "ringing" | "talking" | "wrap_up" | "paused", number>>;
  calls: {
    ringing: number;
    talking: number;
    waiting: number;
    longestWaitMs: number;
  };
  abandon: {
    target: number;
    campaignRate: number;
    rollingRate: number;
  };
  dialLevel: number | null;
  list: Partial<Record<"not_started" | "in_progress" | "failed_will_retry" | "callback_scheduled" | "success" | "retries_exhausted" | "do_not_call_again" | "call_error" | "paused" | "blocked" | "dnc", number>>;
  /** The lead hopper: what the dialer picks the next customers from */
  hopper: {
    /** Leads held: due, on no list and within calling hours when read */
    size: number;
    refills: number;
    /** Fills made on the call path (hopper empty or stale) */
    coldFills: number;
    lastRefillAt: string | null;
    lastRefillMs: number | null;
  } | null;
  /** Anything but ready holds every campaign: no calls are placed */
  telephony: "connecting" | "ready" | "degraded" | "draining";
};

export type PauseCode = {
  id: number;
  code: string;
  label: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
};

/** Agent performance: time per state from the daily rollup, calls and results from the attempts */
export type AgentPerformance = {
  from: string;
  to: string;
  campaign: {
    id: number;
    name: string;
  } | null;
  agents: Array<{
    agentId: number;
    name: string;
    days: Array<{
      loggedInMs: number;
      readyMs: number;
      previewingMs: number;
      ringingMs: number;
      talkingMs: number;
      wrapUpMs: number;
      pausedMs: number;
      notReadyMs: number;
      /** Not-ready ms per pause code (or the dialer's own reasons: joined, no answer, telephony lost) */
      notReadyByReason: Record<string, number>;
      /** (talking + wrap-up) / logged in */
      occupancy: number | null;
      calls: number;
      connects: number;
      avgTalkMs: number | null;
      avgWrapMs: number | null;
      dispositions: Partial<Record<"closed_deal" | "interested" | "not_interested" | "callback" | "do_not_call_again" | "skip", number>>;
      /** Closed deals */
      conversions: number;
      /** Closed deals / connects */
      conversionRate: number | null;
      /** Calls of the campaign abandoned while this agent was ready in it */
      abandonedWhileReady: number;
      /** Customers disposed with anything but skip */
      quotaCount: number;
      day: string;
    }>;
    total: {
      loggedInMs: number;
      readyMs: number;
      previewingMs: number;
      ringingMs: number;
      talkingMs: number;
      wrapUpMs: number;
      pausedMs: number;
      notReadyMs: number;
      /** Not-ready ms per pause code (or the dialer's own reasons: joined, no answer, telephony lost) */
      notReadyByReason: Record<string, number>;
      /** (talking + wrap-up) / logged in */
      occupancy: number | null;
      calls: number;
      connects: number;
      avgTalkMs: number | null;
      avgWrapMs: number | null;
      dispositions: Partial<Record<"closed_deal" | "interested" | "not_interested" | "callback" | "do_not_call_again" | "skip", number>>;
      /** Closed deals */
      conversions: number;
      /** Closed deals / connects */
      conversionRate: number | null;
      /** Calls of the campaign abandoned while this agent was ready in it */
      abandonedWhileReady: number;
      /** Customers disposed with anything but skip */
      quotaCount: number;
    };
    /** Only for a report on one campaign with a quota */
    quota: {
      kind: "per_day" | "per_campaign";
      min: number | null;
      max: number | null;
      count: number;
      daysMetMin: number;
      daysAtMax: number;
      daysWorked: number;
    } | null;
  }>;
  team: {
    days: Array<{
      loggedInMs: number;
      readyMs: number;
      previewingMs: number;
      ringingMs: number;
      talkingMs: number;
      wrapUpMs: number;
      pausedMs: number;
      notReadyMs: number;
      /** Not-ready ms per pause code (or the dialer's own reasons: joined, no answer, telephony lost) */
      notReadyByReason: Record<string, number>;
      /** (talking + wrap-up) / logged in */
      occupancy: number | null;
      calls: number;
      connects: number;
      avgTalkMs: number | null;
      avgWrapMs: number | null;
      dispositions: Partial<Record<"closed_deal" | "interested" | "not_interested" | "callback" | "do_not_call_again" | "skip", number>>;
      /** Closed deals */
      conversions: number;
      /** Closed deals / connects */
      conversionRate: number | null;
      /** Calls of the campaign abandoned while this agent was ready in it */
      abandonedWhileReady: number;
      /** Customers disposed with anything but skip */
      quotaCount: number;
      day: string;
    }>;
    total: {
      loggedInMs: number;
      readyMs: number;
      previewingMs: number;
      ringingMs: number;
      talkingMs: number;
      wrapUpMs: number;
      pausedMs: number;
      notReadyMs: number;
      /** Not-ready ms per pause code (or the dialer's own reasons: joined, no answer, telephony lost) */
      notReadyByReason: Record<string, number>;
      /** (talking + wrap-up) / logged in */
      occupancy: number | null;
      calls: number;
      connects: number;
      avgTalkMs: number | null;
      avgWrapMs: number | null;
      dispositions: Partial<Record<"closed_deal" | "interested" | "not_interested" | "callback" | "do_not_call_again" | "skip", number>>;
      /** Closed deals */
      conversions: number;
      /** Closed deals / connects */
      conversionRate: number | null;
      /** Calls of the campaign abandoned while this agent was ready in it */
      abandonedWhileReady: number;
      /** Customers disposed with anything but skip */
      quotaCount: number;
    };
  };
};

/** Calls newest first (end time, then id) */
export type CallLogPage = {
  items: Array<{
    id: number;
    flow: string;
    direction: "outbound" | "inbound";
    campaignId: number | null;
    campaignName: string | null;
    contactId: number | null;
    contactName: string | null;
    agentId: number | null;
    agentName: string | null;
    phoneNumber: string | null;
    /** The attempt was claimed (else the dial, else the end) */
    startAt: string;
    /** The customer was dialled and rang */
    dialAt: string | null;
    answerAt: string | null;
    /** Customer and agent connected */
    bridgeAt: string | null;
    /** ISO-8601 UTC */
    endAt: string;
    ringMs: number | null;
    /** Answered, waiting for an agent */
    holdMs: number | null;
    /** Bridge to end */
    talkMs: number | null;
    hangupCause: number | null;
    /** Q.850 name, as Asterisk prints it */
    hangupCauseName: string | null;
    hungUpBy: "customer" | "agent" | "dialer" | "telephony";
    endReason: string;
    dialStatus: string | null;
    amdStatus: string | null;
    outcome: "answered" | "busy" | "no_answer" | "congestion" | "invalid_number" | "machine" | "abandoned" | "failed" | null;
    disposition: "closed_deal" | "interested" | "not_interested" | "callback" | "do_not_call_again" | "skip" | null;
    /** GET /api/reports/calls/{id}/recording serves it */
    hasRecording: boolean;
  }>;
  /** Exact up to 10,000; beyond, totalExact is false and there are more (the stats count them all) */
  total: number;
  limit: number;
  offset: number;
  totalExact: boolean;
};

/** Call statistics over the same filters as the call log */
export type CallStats = {
  calls: number;
  dialled: number;
  answered: number;
  bridged: number;
  /** answered / dialled */
  answerRate: number | null;
  talkMs: number;
  avgTalkMs: number | null;
  /** Calls per outcome ("none": ended before any outcome) */
  outcomes: Record<string, number>;
  /** Hours 0–23 of the local day of the dial, in each call's campaign's time zone (UTC without one) */
  byHour: Array<{
    hour: number;
    dialled: number;
    answered: number;
    rate: number | null;
  }>;
  /** Bridged calls by talk time */
  talkHistogram: Array<{
    fromSeconds: number;
    toSeconds: number | null;
    calls: number;
  }>;
  /** Hangup causes, most frequent first */
  causes: Array<{
    cause: number | null;
    name: string;
    calls: number;
  }>;
};

/** Campaign overview: days and hours in each campaign's time zone; attempts counted by the time they were claimed */
export type CampaignOverview = {
  from: string;
  to: string;
  campaigns: Array<{
    /** The campaign list now, by status (not limited to the range) */
    contacts: {
      total: number;
      byStatus: Partial<Record<"not_started" | "in_progress" | "failed_will_retry" | "callback_scheduled" | "success" | "retries_exhausted" | "do_not_call_again" | "call_error" | "paused" | "blocked" | "dnc", number>>;
    };
    total: {
      /** Dial attempts claimed in the span (counted by claim time), dialled or not */
      attempts: number;
      /** Attempts that were dialled */
      placed: number;
      /** A person answered: outcome answered or abandoned (machines are counted apart) */
      answered: number;
      /** Customer and agent bridged */
      connected: number;
      /** An answered person was given up on (or hung up) before reaching an agent */
      abandoned: number;
      machine: number;
      busy: number;
      noAnswer: number;
      congestion: number;
      invalidNumber: number;
      failed: number;
      /** Abandoned / answered, as the pacing measures it */
      abandonRate: number | null;
      /** Answered / placed */
      contactRate: number | null;
      /** Closed deals */
      conversions: number;
      /** Closed deals / connected */
      conversionRate: number | null;
      /** Talk time: end − bridge (ended_at − connected_at) of connected calls */
      talkMs: number;
      /** Talk time / connected */
      avgTalkMs: number | null;
      /** Hold time: bridge − answer (connected_at − answered_at) of customer-first calls (predictive, IVR transfers): the customer waiting on music for an agent */
      holdMs: number;
      /** Customer-first calls answered and then connected */
      heldCalls: number;
      /** Hold time / held calls */
      avgHoldMs: number | null;
      /** Wrap-up time: the closed time the campaign's agents spent in wrap-up (agent state changes, daily rollup) */
      wrapUpMs: number;
      /** Wrap-up time / connected */
      avgWrapUpMs: number | null;
      dispositions: Partial<Record<"closed_deal" | "interested" | "not_interested" | "callback" | "do_not_call_again" | "skip", number>>;
      /** Abandon rate of the 30 days ending on the last day of the range */
      abandonRate30d: number | null;
    };
    /** Every local day of the range, in order */
    days: Array<{
      /** Dial attempts claimed in the span (counted by claim time), dialled or not */
      attempts: number;
      /** Attempts that were dialled */
      placed: number;
      /** A person answered: outcome answered or abandoned (machines are counted apart) */
      answered: number;
      /** Customer and agent bridged */
      connected: number;
      /** An answered person was given up on (or hung up) before reaching an agent */
      abandoned: number;
      machine: number;
      busy: number;
      noAnswer: number;
      congestion: number;
      invalidNumber: number;
      failed: number;
      /** Abandoned / answered, as the pacing measures it */
      abandonRate: number | null;
      /** Answered / placed */
      contactRate: number | null;
      /** Closed deals */
      conversions: number;
      /** Closed deals / connected */
      conversionRate: number | null;
      /** Talk time: end − bridge (ended_at − connected_at) of connected calls */
      talkMs: number;
      /** Talk time / connected */
      avgTalkMs: number | null;
      /** Hold time: bridge − answer (connected_at − answered_at) of customer-first calls (predictive, IVR transfers): the customer waiting on music for an agent */
      holdMs: number;
      /** Customer-first calls answered and then connected */
      heldCalls: number;
      /** Hold time / held calls */
      avgHoldMs: number | null;
      /** Wrap-up time: the closed time the campaign's agents spent in wrap-up (agent state changes, daily rollup) */
      wrapUpMs: number;
      /** Wrap-up time / connected */
      avgWrapUpMs: number | null;
      dispositions: Partial<Record<"closed_deal" | "interested" | "not_interested" | "callback" | "do_not_call_again" | "skip", number>>;
      day: string;
      /** Abandon rate of the 30 days ending on this day */
      abandonRate30d: number | null;
    }>;
    /** Calls by local hour of day (0–23) over the range */
    hours: Array<{
      hour: number;
      attempts: number;
      placed: number;
      answered: number;
      connected: number;
    }>;
    dispositions: Array<{
      disposition: "closed_deal" | "interested" | "not_interested" | "callback" | "do_not_call_again" | "skip";
      count: number;
      /** Count / all dispositions */
      share: number;
    }>;
    campaign: {
      id: number;
      name: string;
      dialingMode: "manual" | "preview" | "progressive" | "predictive" | "ivr" | "callback";
      timezone: string;
      /** The campaign's abandon rate target (a fraction) */
      abandonRateTarget: number;
      quota: {
        kind: "none" | "per_day" | "per_campaign";
        min?: number | null;
        max?: number | null;
      };
    };
    /** Quota progress of each agent who handled the campaign's customers in the range */
    agents: Array<{
      agentId: number;
      name: string;
      attempts: number;
      connected: number;
      conversions: number;
      /** Customers disposed with anything but skip, in the range */
      quotaCount: number;
      quota: {
        kind: "per_day" | "per_campaign";
        min: number | null;
        max: number | null;
        /** per_day: in the range; per_campaign: over the whole campaign */
        count: number;
        daysWorked: number;
        daysMetMin: number;
        daysAtMax: number;
      } | null;
    }>;
    /** IVR campaigns: the answers per question of calls that ended in the range */
    ivr: Array<{
      questionId: string;
      asked: number;
      answers: Array<{
        /** The key pressed; null: no valid key before the retries ran out */
        answer: string | null;
        count: number;
        share: number;
      }>;
    }> | null;
    /** Predictive campaigns: dial level per local hour. Nothing stores the pacer's level, so it is derived: calls dialled in the hour divided by the agent-hours logged in (any state but offline) from agent_state_changes */
    dialLevel: Array<{
      day: string;
      hour: number;
      placed: number;
      agentHours: number;
      /** Calls placed in the hour / agent-hours logged in to the campaign in it */
      dialLevel: number | null;
    }> | null;
  }>;
  /** Every campaign of the report summed; days and hours meet by their local date and hour, each in its own campaign's zone */
  combined: {
    /** The campaign list now, by status (not limited to the range) */
    contacts: {
      total: number;
      byStatus: Partial<Record<"not_started" | "in_progress" | "failed_will_retry" | "callback_scheduled" | "success" | "retries_exhausted" | "do_not_call_again" | "call_error" | "paused" | "blocked" | "dnc", number>>;
    };
    total: {
      /** Dial attempts claimed in the span (counted by claim time), dialled or not */
      attempts: number;
      /** Attempts that were dialled */
      placed: number;
      /** A person answered: outcome answered or abandoned (machines are counted apart) */
      answered: number;
      /** Customer and agent bridged */
      connected: number;
      /** An answered person was given up on (or hung up) before reaching an agent */
      abandoned: number;
      machine: number;
      busy: number;
      noAnswer: number;
      congestion: number;
      invalidNumber: number;
      failed: number;
      /** Abandoned / answered, as the pacing measures it */
      abandonRate: number | null;
      /** Answered / placed */
      contactRate: number | null;
      /** Closed deals */
      conversions: number;
      /** Closed deals / connected */
      conversionRate: number | null;
      /** Talk time: end − bridge (ended_at − connected_at) of connected calls */
      talkMs: number;
      /** Talk time / connected */
      avgTalkMs: number | null;
      /** Hold time: bridge − answer (connected_at − answered_at) of customer-first calls (predictive, IVR transfers): the customer waiting on music for an agent */
      holdMs: number;
      /** Customer-first calls answered and then connected */
      heldCalls: number;
      /** Hold time / held calls */
      avgHoldMs: number | null;
      /** Wrap-up time: the closed time the campaign's agents spent in wrap-up (agent state changes, daily rollup) */
      wrapUpMs: number;
      /** Wrap-up time / connected */
      avgWrapUpMs: number | null;
      dispositions: Partial<Record<"closed_deal" | "interested" | "not_interested" | "callback" | "do_not_call_again" | "skip", number>>;
      /** Abandon rate of the 30 days ending on the last day of the range */
      abandonRate30d: number | null;
    };
    /** Every local day of the range, in order */
    days: Array<{
      /** Dial attempts claimed in the span (counted by claim time), dialled or not */
      attempts: number;
      /** Attempts that were dialled */
      placed: number;
      /** A person answered: outcome answered or abandoned (machines are counted apart) */
      answered: number;
      /** Customer and agent bridged */
      connected: number;
      /** An answered person was given up on (or hung up) before reaching an agent */
      abandoned: number;
      machine: number;
      busy: number;
      noAnswer: number;
      congestion: number;
      invalidNumber: number;
      failed: number;
      /** Abandoned / answered, as the pacing measures it */
      abandonRate: number | null;
      /** Answered / placed */
      contactRate: number | null;
      /** Closed deals */
      conversions: number;
      /** Closed deals / connected */
      conversionRate: number | null;
      /** Talk time: end − bridge (ended_at − connected_at) of connected calls */
      talkMs: number;
      /** Talk time / connected */
      avgTalkMs: number | null;
      /** Hold time: bridge − answer (connected_at − answered_at) of customer-first calls (predictive, IVR transfers): the customer waiting on music for an agent */
      holdMs: number;
      /** Customer-first calls answered and then connected */
      heldCalls: number;
      /** Hold time / held calls */
      avgHoldMs: number | null;
      /** Wrap-up time: the closed time the campaign's agents spent in wrap-up (agent state changes, daily rollup) */
      wrapUpMs: number;
      /** Wrap-up time / connected */
      avgWrapUpMs: number | null;
      dispositions: Partial<Record<"closed_deal" | "interested" | "not_interested" | "callback" | "do_not_call_again" | "skip", number>>;
      day: string;
      /** Abandon rate of the 30 days ending on this day */
      abandonRate30d: number | null;
    }>;
    /** Calls by local hour of day (0–23) over the range */
    hours: Array<{
      hour: number;
      attempts: number;
      placed: number;
      answered: number;
      connected: number;
    }>;
    dispositions: Array<{
      disposition: "closed_deal" | "interested" | "not_interested" | "callback" | "do_not_call_again" | "skip";
      count: number;
      /** Count / all dispositions */
      share: number;
    }>;
  };
};

/** One row per contact of the campaign */
export type CustomerResultsPage = {
  campaignId: number;
  campaignName: string;
  /** The answer columns, in the script's order */
  columns: Array<{
    questionId: number;
    /** The question, as the script words it: the column's name */
    text: string;
  }>;
  /** Contacts per status under the other filters (the status filter left out) */
  byStatus: Partial<Record<"not_started" | "in_progress" | "failed_will_retry" | "callback_scheduled" | "success" | "retries_exhausted" | "do_not_call_again" | "call_error" | "paused" | "blocked" | "dnc", number>>;
  items: Array<{
    entryId: number;
    contactId: number;
    name: string;
    /** The number dialled for this entry */
    phone: string;
    /** Every number of the contact, main first */
    phones: Array<string>;
    status: "not_started" | "in_progress" | "failed_will_retry" | "callback_scheduled" | "success" | "retries_exhausted" | "do_not_call_again" | "call_error" | "paused" | "blocked" | "dnc";
    attempts: number;
    /** When the latest attempt was dialled */
    lastCallAt: string | null;
    lastOutcome: "answered" | "busy" | "no_answer" | "congestion" | "invalid_number" | "machine" | "abandoned" | "failed" | null;
    lastDisposition: "closed_deal" | "interested" | "not_interested" | "callback" | "do_not_call_again" | "skip" | null;
    callbackAt: string | null;
    agentId: number | null;
    agentName: string | null;
    /** The latest answer to each script question, by question id, as text (choices joined by "; ") */
    answers: Record<string, string>;
  }>;
  limit: number;
  offset: number;
  /** Exact up to 10,000; beyond, totalExact is false and there are more */
  total: number;
  totalExact: boolean;
};

export type CustomerHistory = {
  campaignId: number;
  campaignName: string;
  /** The answer columns, in the script's order */
  columns: Array<{
    questionId: number;
    /** The question, as the script words it: the column's name */
    text: string;
  }>;
  customer: {
    entryId: number;
    contactId: number;
    name: string;
    /** The number dialled for this entry */
    phone: string;
    /** Every number of the contact, main first */
    phones: Array<string>;
    status: "not_started" | "in_progress" | "failed_will_retry" | "callback_scheduled" | "success" | "retries_exhausted" | "do_not_call_again" | "call_error" | "paused" | "blocked" | "dnc";
    attempts: number;
    /** When the latest attempt was dialled */
    lastCallAt: string | null;
    lastOutcome: "answered" | "busy" | "no_answer" | "congestion" | "invalid_number" | "machine" | "abandoned" | "failed" | null;
    lastDisposition: "closed_deal" | "interested" | "not_interested" | "callback" | "do_not_call_again" | "skip" | null;
    callbackAt: string | null;
    agentId: number | null;
    agentName: string | null;
    /** The latest answer to each script question, by question id, as text (choices joined by "; ") */
    answers: Record<string, string>;
  };
  /** Every attempt of this contact in the campaign, oldest first */
  attempts: Array<{
    id: number;
    agentId: number | null;
    agentName: string | null;
    mode: string;
    phoneNumber: string | null;
    /** ISO-8601 UTC */
    claimedAt: string;
    dialingAt: string | null;
    answeredAt: string | null;
    connectedAt: string | null;
    endedAt: string | null;
    outcome: "answered" | "busy" | "no_answer" | "congestion" | "invalid_number" | "machine" | "abandoned" | "failed" | null;
    endReason: string | null;
    disposition: "closed_deal" | "interested" | "not_interested" | "callback" | "do_not_call_again" | "skip" | null;
    callbackAt: string | null;
    /** The status the attempt left the contact in */
    resultStatus: "not_started" | "in_progress" | "failed_will_retry" | "callback_scheduled" | "success" | "retries_exhausted" | "do_not_call_again" | "call_error" | "paused" | "blocked" | "dnc" | null;
    answers: Array<{
      questionId: number;
      /** null: no longer in the script */
      question: string | null;
      value: string;
    }>;
  }>;
  /** Every call of those attempts, oldest first */
  calls: Array<{
    id: number;
    attemptId: number | null;
    flow: string;
    agentId: number | null;
    agentName: string | null;
    phoneNumber: string | null;
    dialAt: string | null;
    answerAt: string | null;
    bridgeAt: string | null;
    /** ISO-8601 UTC */
    endAt: string;
    hangupCause: number | null;
    outcome: "answered" | "busy" | "no_answer" | "congestion" | "invalid_number" | "machine" | "abandoned" | "failed" | null;
    endReason: string;
    recordingName: string | null;
    /** GET /api/reports/calls/{id}/recording serves it */
    hasRecording: boolean;
  }>;
};
