import { messages, t, type MessageKey } from '../i18n.js';
import type { AgentStateKind, CallOutcome, CallPhase, CustomerAccess, DialingMode, Disposition } from './types.js';

/** The dialer's words in the page's language; each key is checked against the dictionary at build time. */
export const agentLabels = {
  state: (k: AgentStateKind): string => t(`agent.state.${k}`),
  mode: (m: DialingMode): string => t(`agent.mode.${m}`),
  phase: (p: CallPhase): string => t(`agent.phase.${p}`),
  outcome: (o: CallOutcome): string => t(`agent.outcome.${o}`),
  disposition: (d: Disposition): string => t(`agent.disposition.${d}`),
  access: (a: CustomerAccess): string => t(`agent.access.${a}`),
  /** Reasons the engine or the page's presets use are translated; a reason the agent typed is shown as typed. */
  reason: (r: string): string => {
    const key = `agent.reason.${r}`;
    return key in messages.en ? t(key as MessageKey) : r;
  },
};
