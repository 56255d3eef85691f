import type { RealAsteriskSettings } from '../../support/asterisk-target';
import type { Pushed, RealEngine } from './real-engine';

/** Channels and bridges of one dialer process still on the PBX, read from ARI directly. */
export async function leftovers(s: RealAsteriskSettings, prefix: string): Promise<string[]> {
  const auth = 'Basic ' + Buffer.from(`${s.user}:${s.password}`).toString('base64');
  const get = async (p: string) => (await (await fetch(`${s.url}/ari${p}`, { headers: { authorization: auth } })).json()) as { id: string }[];
  return [...await get('/channels'), ...await get('/bridges')].map((x) => x.id).filter((id) => id.startsWith(`${prefix}.`));
}

/** Numbers with these four-digit prefixes (the simulated dialplan's behaviours), each unique from `from` on. */
export function numbers(spec: [string, number][], from = 0): string[] {
  let n = from;
  return spec.flatMap(([p, k]) => Array.from({ length: k }, () => `${p}${String(++n).padStart(4, '0')}`));
}

/**
 * A test-driven agent: hangs up `talkMs` after being connected (short calls, no sleeps in the engine) unless the
 * customer's number starts with one of `letCustomerHangUp`, disposes as the number asks, and presses "next
 * customer" to end the wrap-up. 0906 (a machine reached by an agent) is disposed not interested. `onNoAnswer` hears
 * each time the agent is set not ready for not answering their phone; the agent does not press ready again.
 */
export function talkingAgent(e: RealEngine, agentId: number, campaignId: number, opts: { talkMs?: number; letCustomerHangUp?: string[]; onNoAnswer?: () => void } = {}): void {
  const hungUp = new Set<number>();
  let noAnswerSince = '';
  const act = (fn: () => void) => { try { fn(); } catch { /* the call or wrap-up moved on meanwhile */ } };
  e.onMessage(agentId, (m: Pushed) => {
    if (m.type === 'agent.event' && m.event === 'call_connected' && !hungUp.has(m.attemptId)) {
      hungUp.add(m.attemptId);
      const phone = e.engine.view(agentId).customer?.phones[0] ?? '';
      if ((opts.letCustomerHangUp ?? []).some((p) => phone.startsWith(p))) return;
      setTimeout(() => act(() => e.engine.hangup(agentId, campaignId)), opts.talkMs ?? 300);
    }
    if (m.type !== 'agent.view') return;
    const v = m.view;
    if (opts.onNoAnswer && v.state.kind === 'not_ready' && v.state.reason === 'no answer') {
      if (noAnswerSince === v.state.since) return;
      noAnswerSince = v.state.since;
      opts.onNoAnswer();
      return;
    }
    if (v.allowed.dispose && v.customer) {
      act(() => e.engine.dispose(agentId, v.customer.attemptId, v.customer.phones[0].startsWith('0906') ? 'not_interested' : 'interested'));
    } else if (v.state.kind === 'wrap_up' && v.allowed.nextCustomer && !v.awaitingDisposition) {
      act(() => e.engine.nextCustomer(agentId, campaignId));
    }
  });
}

/** Waits for the agents to finish their calls and wrap-ups, makes them leave, and lets the last flows end. */
export async function leaveAll(e: RealEngine, agents: number[], campaignId: number): Promise<void> {
  await e.until(() => agents.every((a) => ['ready', 'not_ready'].includes(e.engine.view(a).state.kind)), 30_000, 'agents to be idle');
  for (const a of agents) e.engine.leave(a, campaignId);
  await e.until(() => e.telephony.runner.active === 0, 15_000, 'flows to end');
  await new Promise((r) => setTimeout(r, 500));
}

interface CallRow {
  phone: string; status: string; attempts: number; attempt_outcome: string | null; records: number;
  outcome: string | null; hangup_cause: number | null; dial_status: string | null; amd_status: string | null; end_reason: string | null;
}

/**
 * One line per dialled attempt of the campaign: the contact's status and attempts, the attempt's outcome, and its
 * call record (count, outcome, Q.850 cause, Dial status, AMD result, end reason), e.g.
 * `success 1 answered | 1 answered 16 ANSWER - agent_hangup`. Grouped by number prefix: prefix → distinct lines.
 */
export function callTable(e: RealEngine, campaignId: number): Record<string, string[]> {
  const rows = e.rows<CallRow>(`
    SELECT c.phone, c.status, c.attempts, a.outcome AS attempt_outcome,
           (SELECT COUNT(*) FROM call_records r WHERE r.attempt_id = a.id) AS records,
           r.outcome, r.hangup_cause, r.dial_status, r.amd_status, r.end_reason
      FROM dial_attempts a JOIN campaign_contacts c ON c.id = a.lead_id
      LEFT JOIN call_records r ON r.attempt_id = a.id
     WHERE c.campaign_id = ? AND a.dialing_at IS NOT NULL`, campaignId);
  const table: Record<string, string[]> = {};
  for (const r of rows) {
    const line = `${r.status} ${r.attempts} ${r.attempt_outcome} | ${r.records} ${r.outcome} ${r.hangup_cause ?? '-'} ${r.dial_status ?? '-'} ${r.amd_status ?? '-'} ${r.end_reason}`;
    const list = (table[r.phone.slice(0, 4)] ??= []);
    if (!list.includes(line)) list.push(line);
  }
  for (const list of Object.values(table)) list.sort();
  return table;
}
