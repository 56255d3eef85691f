import type { EngineHarness, Message } from './engine-harness';

/** Simulator numbers: `[prefix, count]` pairs, numbered on from 0001 across the pairs (0901 answers, 0902 is busy …). */
export const numbersOf = (spec: [string, number][]): string[] => {
  let serial = 0;
  return spec.flatMap(([prefix, n]) => Array.from({ length: n }, () => `${prefix}${String(++serial).padStart(4, '0')}`));
};

/** An agent bot that disposes every customer it may as interested. */
export const disposeEverything = (h: EngineHarness, agentId: number) => (m: Message) => {
  if (m.type !== 'agent.view' || !m.view.allowed.dispose) return;
  try { h.engine.dispose(agentId, m.view.customer.attemptId, 'interested'); } catch { /* a newer view moved on */ }
};
