/** What a dial attempt came to, from telephony's point of view (before any agent disposition). */
export const CALL_OUTCOMES = ['answered', 'busy', 'no_answer', 'congestion', 'invalid_number', 'machine', 'abandoned', 'failed'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
