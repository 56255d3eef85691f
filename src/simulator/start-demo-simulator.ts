import path from 'node:path';
import type { Logger } from 'winston';
import { installDemoBehaviours } from './demo-behaviours';
import { startAriSimulator, type AriSimulator } from './start-ari-simulator';

export interface DemoSimulatorOptions {
  readonly port?: number;
  readonly host?: string;
  readonly user?: string;
  readonly password?: string;
  readonly seed?: number;
  /** Below 1 the simulated day runs faster (0.5: calls ring and last half as long). */
  readonly timeScale?: number;
  readonly log?: Logger;
}

/**
 * Demo mode: the simulator on the wall clock. Agent phones (PJSIP/<ext>, Local/<ext>@sim-agents)
 * answer after a second; customers outside the reference 09xx numbers get a seeded random mix of
 * answers, busy, no answer and machines; the project's prompts play for their real length and any
 * other sound for 2 s instead of failing.
 */
export async function startDemoSimulator(options: DemoSimulatorOptions = {}): Promise<AriSimulator> {
  const sim = await startAriSimulator({
    // The project's own prompts (sounds/en next to dist/) play for their real length.
    soundDirs: [path.resolve(__dirname, '..', '..', '..', 'sounds', 'en')],
    clock: 'real', unknownSoundMs: 2000, port: options.port ?? 0, host: options.host, user: options.user,
    password: options.password, seed: options.seed ?? Date.now() % 100_000, timeScale: options.timeScale, log: options.log,
  });
  installDemoBehaviours(sim.control);
  return sim;
}
