import { randomBytes } from 'node:crypto';
import type { Logger } from 'winston';
import { startDemoSimulator } from '../simulator/start-demo-simulator';

/** The built-in ARI simulator standing in for Asterisk, and the agent phones it simulates. */
export interface DemoPbx {
  readonly ari: { url: string; user: string; password: string };
  /** Extensions whose simulated phones answer (PJSIP/<ext> or Local/<ext>@sim-agents), one per demo agent. */
  readonly agentExtensions: string[];
  /** `core restart now` on the simulated PBX: resolves once it accepts connections again. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Agent phones 1001, 1002, …: the simulator answers any extension but 8XXX (busy), 9XXX (no answer) and 2001. */
export function demoAgentExtensions(count: number): string[] {
  return Array.from({ length: count }, (_, i) => String(1001 + i));
}

/**
 * Demo mode: the ARI simulator in this process, on the wall clock, on a free loopback port with
 * credentials made up for this run. Customers get the simulator's demo mix (answers, busy, no
 * answer, machines); agent phones answer after a second.
 */
export async function startDemoPbx(options: { agents: number; log: Logger }): Promise<DemoPbx> {
  const user = 'dialer-demo';
  const password = randomBytes(12).toString('base64url');
  const sim = await startDemoSimulator({ host: '127.0.0.1', port: 0, user, password, log: options.log });
  return {
    ari: { url: sim.url, user, password },
    agentExtensions: demoAgentExtensions(options.agents),
    restart: () => sim.control.restart(),
    stop: () => sim.stop(),
  };
}
