import { dialLevelCalls } from './dial-level';
import type { DialPolicyFactory } from './dial-policy';

/** A fixed dial level in VICIdial's sense (see dialLevelCalls). */
export function fixedRatioPolicy(level: number): DialPolicyFactory {
  return () => ({
    name: `fixed ${level.toFixed(1)}`,
    decide: (v) => dialLevelCalls(v, level),
  });
}
