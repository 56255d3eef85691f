import assert from 'node:assert/strict';
import { realAsteriskLatency } from '../../bench/telephony/real-asterisk-latency';
import { loadOurDialplan, realAsteriskSettings } from '../support/asterisk-target';

const settings = realAsteriskSettings();

if (!settings) {
  process.stdout.write('real-Asterisk tier skipped (connect-latency bench smoke run): DIALER_IT_ARI_URL not set\n');
} else {
  describe('npm run bench:telephony -- --ari-url, CI size (a smoke run, no timing asserted)', function () {
    this.timeout(180_000);
    before(function () {
      this.timeout(20_000);
      loadOurDialplan(settings.port);
    });

    it('when 10 pairs run through the bare floor, the dialer on both event paths and the floor again, then every call connects and the ratio is reported', async () => {
      const lines: string[] = [];
      const { figures, runs } = await realAsteriskLatency(settings, [10], 20, (l) => lines.push(l));
      assert.deepEqual(runs.map((r) => [r.who, r.connected, r.samples]), [
        ['floor', 10, 10], ['dialer', 10, 10], ['dialer via ari-client', 10, 10], ['floor', 10, 10],
      ]);
      assert.equal(figures.length, 1);
      assert.ok(Number.isFinite(figures[0]!.value) && figures[0]!.value > 0);
      assert.ok(lines.some((l) => /dialer p99 \/ floor p99 = /.test(l)), lines.join('\n'));
    });
  });
}
