/** What the agent says a call came to. `skip` exists in manual mode only. */
export const DISPOSITIONS = ['closed_deal', 'interested', 'not_interested', 'callback', 'do_not_call_again', 'skip'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];
