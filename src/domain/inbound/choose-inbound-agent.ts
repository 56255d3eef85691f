/**
 * Who takes an inbound call: among the agents who are ON (users.lead_receiving) and have a phone, those free now
 * (no click-to-call, no other inbound call, not on a campaign call or wrap-up: a joined agent only while ready
 * and idle), not already rung for this call, the one idle longest (never called since the start: first, by id).
 */
export interface InboundCandidate {
  agentId: number;
  extension: string | null;
  /** Free for an inbound call now. */
  free: boolean;
  /** When their last call ended (null: none since the dialer started). */
  idleSince: Date | null;
}

export interface InboundChoice {
  agent: { agentId: number; extension: string } | null;
  /** Some agent is ON with a phone (busy or already tried): the caller waits rather than hears the closing message. */
  anyOn: boolean;
}

export function chooseInboundAgent(candidates: readonly InboundCandidate[], tried: readonly number[]): InboundChoice {
  const on = candidates.filter((c) => c.extension);
  const pick = on
    .filter((c) => c.free && !tried.includes(c.agentId))
    .sort((a, b) => (a.idleSince?.getTime() ?? -Infinity) - (b.idleSince?.getTime() ?? -Infinity) || a.agentId - b.agentId)[0];
  return { agent: pick ? { agentId: pick.agentId, extension: pick.extension! } : null, anyOn: on.length > 0 };
}
