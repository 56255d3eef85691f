import type { CallOutcome } from './call-outcome';

/** Results of AMD() in the dialplan (AMDSTATUS). */
export const AMD_STATUSES = ['HUMAN', 'MACHINE', 'NOTSURE', 'HANGUP'] as const;
export type AmdStatus = (typeof AMD_STATUSES)[number];

/**
 * What telephony observed about one customer leg, folded from its events (see
 * src/telephony/leg-signals.ts for how each field is read from ARI).
 */
export interface LegSignals {
  /** The leg reached Up (Dial ANSWER or ChannelStateChange Up). */
  answered: boolean;
  /** The last final Dial.dialstatus (ANSWER, BUSY, CONGESTION, NOANSWER, CHANUNAVAIL, CANCEL, ...). */
  dialStatus?: string;
  /** The first real Q.850 cause: non-soft ChannelHangupRequest, else ChannelDestroyed (0 is "unknown"). */
  cause?: number;
  /** We hung the leg up before it answered (flow gave up, agent left, cancel). */
  withdrawn?: boolean;
  /** Asking for the call failed: allocation failed, invalid endpoint, telephony not ready. */
  requestFailed?: boolean;
  /**
   * The request failed because the PBX could not take calls at all (not connected, unreachable, shutting down):
   * nothing rang, and it says nothing about the number or the agent.
   */
  unavailable?: boolean;
  /** The PBX tore the leg down because it was shutting down or restarting (soft hangup cause 4). */
  pbxShutdown?: boolean;
  /** AMD result, for legs dialled through the AMD context. */
  amd?: AmdStatus;
  /** The flow gave up on an answered human who waited too long for an agent (or who hung up waiting). */
  abandoned?: boolean;
}

interface OutcomeRule {
  outcome: CallOutcome;
  when: (s: LegSignals) => boolean;
  /** Why the rule exists; the test table prints it. */
  because: string;
}

const hasCause = (s: LegSignals, causes: readonly number[]) => s.cause !== undefined && causes.includes(s.cause);

/** Q.850 causes, by what they mean for a contact. */
export const Q850 = {
  busy: [17, 21],                      // user busy, call rejected
  congestion: [34, 38, 41, 42, 44, 47], // no circuit, network out of order, temporary failure, switch congestion
  invalidNumber: [1, 3, 22, 28],        // unallocated, no route, number changed, invalid format
  noAnswer: [18, 19, 20],               // no user responding, no answer, subscriber absent
} as const;

/**
 * The one table from telephony signals to a CallOutcome; the first matching rule wins.
 * Order matters: the Dial status beats the cause, because with Local channels (and with
 * create-then-dial, where the app hangs up after BUSY) our leg ends with cause 0 or 19
 * whatever the far end said (reference README points 3-4).
 */
export const CALL_OUTCOME_RULES: readonly OutcomeRule[] = [
  { outcome: 'failed', because: 'the request never became a call', when: (s) => !s.answered && s.requestFailed === true },
  { outcome: 'abandoned', because: 'an answered human was given up on (or hung up) before reaching an agent', when: (s) => s.answered && s.abandoned === true },
  { outcome: 'machine', because: 'AMD heard an answering machine', when: (s) => s.answered && s.amd === 'MACHINE' },
  { outcome: 'answered', because: 'the far end answered (AMD HUMAN, NOTSURE or not run)', when: (s) => s.answered },
  { outcome: 'busy', because: 'Dial BUSY (Local legs carry cause 0, the 17 is on the far half)', when: (s) => s.dialStatus === 'BUSY' },
  { outcome: 'congestion', because: 'Dial CONGESTION (Local legs carry cause 0, the 34 is on the far half)', when: (s) => s.dialStatus === 'CONGESTION' },
  { outcome: 'busy', because: 'Q.850 17 user busy / 21 call rejected (SIP 486/603)', when: (s) => hasCause(s, Q850.busy) },
  { outcome: 'congestion', because: 'Q.850 34/38/41/42/44/47 network trouble (SIP 503)', when: (s) => hasCause(s, Q850.congestion) },
  { outcome: 'invalid_number', because: 'Q.850 1/3/22/28: the number does not exist (SIP 404, Dial NOANSWER with cause 1)', when: (s) => hasCause(s, Q850.invalidNumber) },
  { outcome: 'no_answer', because: 'Q.850 18/19/20: rang out (ring timeout ends with 19 and no final Dial status)', when: (s) => hasCause(s, Q850.noAnswer) },
  { outcome: 'no_answer', because: 'Dial NOANSWER without a better cause', when: (s) => s.dialStatus === 'NOANSWER' },
  { outcome: 'no_answer', because: 'we stopped the ringing ourselves', when: (s) => s.withdrawn === true },
  { outcome: 'no_answer', because: 'the PBX restarted while it rang: worth another try, not an error', when: (s) => s.pbxShutdown === true },
  { outcome: 'failed', because: 'Dial CHANUNAVAIL or nothing usable (e.g. no such extension: cause 0, no Dial event)', when: () => true },
];

export function callOutcome(signals: LegSignals): CallOutcome {
  for (const rule of CALL_OUTCOME_RULES) if (rule.when(signals)) return rule.outcome;
  return 'failed';
}

