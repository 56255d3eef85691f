import { decidePacing } from '../../src/domain/pacing/decide-pacing';
import type { PacingSettings } from '../../src/domain/pacing/pacing-settings';
import type { DialPolicyFactory } from './dial-policy';

/** Our pacer, fed exactly what the engine would feed it. */
export function predictivePolicy(settings: PacingSettings): DialPolicyFactory {
  return () => ({
    name: 'predictive',
    decide: (v) => {
      const d = v.details();
      return decidePacing({
        settings,
        history: d.history,
        agents: { ready: v.ready, talkingElapsedMs: d.talkingElapsedMs, wrapUpElapsedMs: d.wrapUpElapsedMs },
        calls: { ringingElapsedMs: d.ringingElapsedMs, waitingElapsedMs: d.waitingElapsedMs },
      }).callsToPlace;
    },
  });
}
