import { decidePacing } from '../../src/domain/pacing/decide-pacing';
import type { PacingSettings } from '../../src/domain/pacing/pacing-settings';
import type { DialPolicyFactory } from './dial-policy';

/** Our pacer, fed exactly what the engine would feed it. */
export function predictivePolicy(settings: PacingSettings): DialPolicyFactory {
  return () => ({
    name: 'predictive',
    decide: (v) => decidePacing({
      settings,
      history: v.history,
      agents: { ready: v.ready, talkingElapsedMs: v.talkingElapsedMs, wrapUpElapsedMs: v.wrapUpElapsedMs },
      calls: { ringingElapsedMs: v.ringingElapsedMs, waitingElapsedMs: v.waitingElapsedMs },
    }).callsToPlace,
  });
}
