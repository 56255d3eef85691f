import { appendFileSync } from 'node:fs';

/**
 * DIALER_IT_EVENT_LOG=<file>: every ARI event the dialer receives is appended to the file as a
 * JSON line with the target and the scenario, to compare the simulator with real Asterisk.
 */
export function eventLogFromEnv(targetName: string, env: NodeJS.ProcessEnv = process.env) {
  const file = env.DIALER_IT_EVENT_LOG;
  let scenario = '';
  return {
    tap: file ? (text: string) => appendFileSync(file, `${JSON.stringify({ target: targetName, scenario, event: JSON.parse(text) as unknown })}\n`) : undefined,
    beginScenario: (title: string) => { scenario = title; },
  };
}
