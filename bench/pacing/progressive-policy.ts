import type { DialPolicyFactory } from './dial-policy';

/** Progressive 1:1: one call per ready agent not yet covered by a ringing or waiting call. Never abandons. */
export const progressivePolicy: DialPolicyFactory = () => ({
  name: 'progressive 1:1',
  decide: (v) => v.ready - v.ringing - v.waiting,
});
