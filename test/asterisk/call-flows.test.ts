import { registerCallFlowScenarios } from '../scenarios/call-flow-scenarios';
import { loadOurDialplan, realAsteriskSettings, realAsteriskTarget } from '../support/asterisk-target';

const settings = realAsteriskSettings();

if (!settings) {
  process.stdout.write('real-Asterisk tier skipped: DIALER_IT_ARI_URL not set\n');
} else {
  describe('call flows on real Asterisk', function () {
    this.timeout(30_000);
    before(function () {
      this.timeout(20_000);
      loadOurDialplan(settings.port);
    });
    describe('events read by our own WebSocket', () => registerCallFlowScenarios(() => realAsteriskTarget(settings), 'own'));
    describe("events read by ari-client's WebSocket", () => registerCallFlowScenarios(() => realAsteriskTarget(settings), 'ari-client'));
  });
}
