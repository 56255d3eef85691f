import { registerCallFlowScenarios } from '../scenarios/call-flow-scenarios';
import { simulatorTarget } from '../support/simulator-target';

/** The call-flow scenarios of test/asterisk/, unchanged, against the ARI simulator (no Asterisk needed). */
describe('call flows on the ARI simulator', function () {
  this.timeout(30_000);
  describe('events read by our own WebSocket', () => registerCallFlowScenarios(() => simulatorTarget(), 'own'));
  describe("events read by ari-client's WebSocket", () => registerCallFlowScenarios(() => simulatorTarget(), 'ari-client'));
});
