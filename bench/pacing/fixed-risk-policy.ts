import { pacingSettings, type PacingSettings } from '../../src/domain/pacing/pacing-settings';
import type { DialPolicyFactory } from './dial-policy';
import { predictivePolicy } from './predictive-policy';
import type { ShiftScenario } from './shift-scenario';

/**
 * Our pacer's forecast with its feedback switched off: every call may carry the same predicted
 * abandon probability `risk`, whatever the abandon rate measured so far. The hindsight bound
 * searches `risk`; the adaptive pacer's gap to it is what its feedback costs (or gains).
 */
export function fixedRiskSettings(s: ShiftScenario, risk: number): PacingSettings {
  const base = pacingSettings({ abandonTarget: s.abandonTarget, holdLimitMs: s.holdLimitMs, ringTimeoutMs: s.ringTimeoutMs, wrapUpLimitMs: s.wrapUp.limitMs });
  const factor = risk / s.abandonTarget;
  return {
    ...base,
    safety: { ...base.safety, gain: 0, maxFactor: factor, minFactor: factor, hourSlackRelaxed: -Infinity, hourSlackTight: -Infinity },
  };
}

export function fixedRiskPolicy(s: ShiftScenario, risk: number): DialPolicyFactory {
  const make = predictivePolicy(fixedRiskSettings(s, risk));
  return () => ({ name: `fixed risk ${(risk * 100).toFixed(1)}%`, decide: make().decide });
}
