import assert from 'node:assert/strict';
import type { Actor } from '../../src/domain/roles';
import { loadOurDialplan, realAsteriskSettings, type RealAsteriskSettings } from '../support/asterisk-target';
import { leftovers } from './support/campaign-checks';
import { RealEngine } from './support/real-engine';

const settings = realAsteriskSettings();

/**
 * Click-to-call on a real Asterisk: the agent's phone (Local/1001@sim-agents) rings first, then the customer
 * (Local/0901…@sim-customers answers, 0902… busy, 0903… never answers), dialled in the national form the
 * simulated dialplan wants (clickToCall.dialNational). Nothing with our id prefix is left on the PBX after.
 */
async function clickToCalls(s: RealAsteriskSettings) {
  const e = new RealEngine(s, {}, { clickToCall: { dialNational: true, callingStart: '00:00', callingEnd: '00:00' } });
  try {
    await e.boot();
    const ann: Actor = { id: e.agent('ann', '1001'), role: 'agent' };
    const contact = e.services.crm.contacts.create(ann, { name: 'Lan Nguyen', phones: ['0901 234 567'] });
    const calls = e.engine.calls;
    const ended = () => e.until(() => calls.current(ann.id)?.state === 'ended' && calls.current(ann.id)?.callRecordId !== null, 60_000, 'the call ended and recorded');
    const seen: string[] = [];
    e.onMessage(ann.id, (m) => { if (m.type === 'call.view' && m.call) seen.push(m.call.state); });

    e.services.clickToCall.start(ann, calls, { contactId: contact.id, phone: '0901 234 567' });
    await e.until(() => calls.current(ann.id)?.state === 'talking', 30_000, 'talking');
    await new Promise((r) => setTimeout(r, 1000));
    calls.hangup(ann.id);
    await ended();
    // Pushes reach the listener on a later turn of the event loop (setImmediate), after the state changed.
    await new Promise((r) => setTimeout(r, 100));
    const connected = { end: calls.current(ann.id)!.end, states: [...new Set(seen)] };
    e.services.clickToCall.close(ann, calls, 'spoke with Lan');

    e.services.clickToCall.start(ann, calls, { phone: '0902 000 001' });
    await ended();
    const busy = calls.current(ann.id)!.end;
    e.services.clickToCall.close(ann, calls, '');

    e.services.clickToCall.start(ann, calls, { phone: '0903 000 001' });
    await ended();
    const noAnswer = calls.current(ann.id)!.end;
    e.services.clickToCall.close(ann, calls, '');

    await new Promise((r) => setTimeout(r, 500));
    return {
      connected, busy, noAnswer,
      records: e.rows('SELECT flow, campaign_id, agent_id, contact_id, phone_number, outcome, end_reason, hangup_cause, note FROM call_records ORDER BY id'),
      notes: e.rows('SELECT contact_id, agent_id, call_record_id, body FROM contact_notes'),
      agentId: ann.id, contactId: contact.id,
      left: await leftovers(s, e.idPrefix),
      stats: e.telephony.port.stats(),
    };
  } finally {
    await e.stop().catch(() => undefined);
  }
}

if (!settings) {
  process.stdout.write('real-Asterisk click-to-call skipped: DIALER_IT_ARI_URL not set\n');
  describe('click-to-call on real Asterisk', () => {
    it('skipped: DIALER_IT_ARI_URL (with DIALER_IT_ARI_USER and DIALER_IT_ARI_PASSWORD) is not set', function () { this.skip(); });
  });
} else {
  describe('click-to-call on real Asterisk', function () {
    this.timeout(120_000);
    let run: ReturnType<typeof clickToCalls>;
    before(function () {
      this.timeout(20_000);
      loadOurDialplan(settings.port);
      run = clickToCalls(settings);
      run.catch(() => undefined);
    });

    it('when the agent answers and the customer answers, then they talk until End, and the record and the note name the agent and the contact', async () => {
      const r = await run;
      assert.equal(r.connected.end, 'completed');
      for (const s of ['ringing_agent', 'ringing_customer', 'talking', 'ended']) assert.ok(r.connected.states.includes(s), `${s} in ${r.connected.states.join(',')}`);
      const first = r.records[0];
      assert.deepEqual([first.flow, first.campaign_id, first.agent_id, first.contact_id, first.phone_number, first.outcome, first.end_reason, first.note],
        ['click-to-call', null, r.agentId, r.contactId, '+84901234567', 'answered', 'agent_hangup', 'spoke with Lan']);
      assert.equal(r.notes.length, 1);
      assert.deepEqual(r.notes[0], { contact_id: r.contactId, agent_id: r.agentId, call_record_id: 1, body: 'spoke with Lan' });
    });

    it('when the customer is busy or never answers, then the call ends busy / no answer with the PBX\'s cause', async () => {
      const r = await run;
      assert.equal(r.busy, 'busy');
      assert.equal(r.noAnswer, 'no_answer');
      assert.deepEqual(r.records.slice(1).map((x: any) => [x.flow, x.contact_id, x.outcome, x.end_reason]),
        [['click-to-call', null, 'busy', 'not_reached'], ['click-to-call', null, 'no_answer', 'not_reached']]);
      assert.equal(r.records[1].hangup_cause, 17, 'user busy');
    });

    it('when the calls are over, then no channel or bridge of ours is left on the PBX and nothing is tracked', async () => {
      const r = await run;
      assert.deepEqual(r.left, []);
      assert.deepEqual(r.stats, { legs: 0, watchers: 0, playbacks: 0 });
    });
  });
}
