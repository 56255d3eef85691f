import type { MixEntry } from './behaviour-book';
import type { AriSimulatorControl } from './sim-control';

const human = (ringMs: number, talkMs: number) => ({ ringMs, result: 'answer', talkMs } as const);

/**
 * A plausible day for demo mode: most customers answer after a few rings and talk a while, some
 * are busy, don't answer, or are machines; a few numbers are dead. Weights are percentages.
 */
export const demoCustomerMix: readonly MixEntry[] = [
  { weight: 14, behaviour: human(3000, 40_000) },
  { weight: 14, behaviour: human(5000, 75_000) },
  { weight: 12, behaviour: human(8000, 120_000) },
  { weight: 8, behaviour: human(2000, 20_000) },
  { weight: 5, behaviour: human(4000, 9000) },
  { weight: 5, behaviour: { ringMs: 3000, result: 'answer', talkMs: 60_000, dtmf: ['1'], dtmfAfterMs: 4000 } },
  { weight: 10, behaviour: { ringMs: 4000, result: 'machine', talkMs: 35_000 } },
  { weight: 10, behaviour: { ringMs: 3000, result: 'busy' } },
  { weight: 15, behaviour: { result: 'no_answer' } },
  { weight: 3, behaviour: { result: 'congestion' } },
  { weight: 4, behaviour: { result: 'invalid' } },
];

/** Numbers outside the reference dialplan's 09xx test prefixes get the demo mix; agents keep the reference rules. */
export const demoCustomerPattern = /^(?!09\d\d)/;

export function installDemoBehaviours(control: AriSimulatorControl): void {
  control.setRandomMix(demoCustomerPattern, demoCustomerMix, { party: 'customer' });
}
