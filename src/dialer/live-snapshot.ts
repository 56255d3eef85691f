import type { ContactStatus } from '../domain/contact-status';
import { AGENT_STATE_KINDS, type AgentStateKind } from '../domain/dialer/agent-session-state';
import type { Disposition } from '../domain/disposition';
import { pendingExit } from './agent-view';
import type { CampaignRunner } from './campaign-runner';
import type { TelephonyStatus } from './dialer-telephony';
import type { HopperStats } from './hopper/lead-hopper';

/** What the supervisor dashboard shows of one campaign, at one instant. */
export interface LiveSnapshot {
  campaignId: number;
  at: string;
  state: string;
  mode: string;
  agents: {
    agentId: number;
    name: string;
    state: AgentStateKind;
    reason: string | null;
    since: string;
    timeInStateMs: number;
    calls: number;
    talkMs: number;
    dispositions: Partial<Record<Disposition, number>>;
    /** A leave or pause the agent asked for that waits for customers already dialed ("leaving after this call"). */
    pendingExit: 'leave' | 'not_ready' | null;
  }[];
  agentsByState: Record<AgentStateKind, number>;
  calls: { ringing: number; talking: number; waiting: number; longestWaitMs: number };
  abandon: { target: number; campaignRate: number; rollingRate: number };
  /** Predictive: lines in use per logged-in agent after the pacer's last decision; null in other modes. */
  dialLevel: number | null;
  /** Whether calls can be placed: anything but `ready` (Asterisk restarting, unreachable) holds every campaign. */
  telephony: TelephonyStatus;
  list: Partial<Record<ContactStatus, number>>;
  /** The campaign's lead hopper; null when hoppers are off or no lead has been asked for yet. */
  hopper: HopperStats | null;
}

export function liveSnapshot(r: CampaignRunner, now: Date): LiveSnapshot {
  const d = r.d;
  const byState = Object.fromEntries(AGENT_STATE_KINDS.map((k) => [k, 0])) as Record<AgentStateKind, number>;
  const stats = new Map(d.attempts.agentStats(r.id).map((s) => [s.agentId, s]));
  const agents = [...r.sessions.values()].map((s) => {
    byState[s.kind]++;
    const st = stats.get(s.agentId);
    return {
      agentId: s.agentId, name: d.agents.get(s.agentId)?.displayName ?? '', state: s.kind,
      reason: s.state.kind === 'not_ready' ? s.state.reason : null, since: s.since.toISOString(), timeInStateMs: now.getTime() - s.since.getTime(),
      calls: st?.calls ?? 0, talkMs: st?.talkMs ?? 0, dispositions: st?.dispositions ?? {}, pendingExit: pendingExit(s)?.kind ?? null,
    };
  });
  const calls = [...r.calls.values()];
  const waiting = calls.filter((c) => c.answeredAt !== null && c.connectedAt === null);
  const rates = r.pool?.pacing.rates(now) ?? { campaign: 0, rolling: 0 };
  return {
    campaignId: r.id, at: now.toISOString(), state: r.campaign.state, mode: r.campaign.dialingMode,
    agents, agentsByState: byState,
    calls: {
      ringing: calls.filter((c) => c.answeredAt === null).length,
      talking: calls.filter((c) => c.connectedAt !== null).length,
      waiting: waiting.length,
      longestWaitMs: waiting.reduce((m, c) => Math.max(m, now.getTime() - c.answeredAt!.getTime()), 0),
    },
    abandon: { target: r.campaign.abandonRateTarget, campaignRate: rates.campaign, rollingRate: rates.rolling },
    dialLevel: r.pool && r.campaign.dialingMode === 'predictive' ? r.pool.pacing.last?.dialLevel ?? 0 : null,
    list: d.leads.statusCounts(r.id),
    hopper: r.selector.hopperStats(r.id),
    telephony: d.telephony.status,
  };
}
