import assert from 'node:assert/strict';
import { EngineHarness } from './support/engine-harness';
import { startEngineHttp, type EngineHttp } from './support/engine-http';

/**
 * Click-to-call over HTTP with the engine on the simulator in virtual time: the agent's phone rings (1001 answers,
 * 9001 never does), then the customer (0901… answers, 0902… busy, 0903… never answers), dialled in the national
 * form as the simulated dialplan wants (clickToCall.dialNational).
 */
describe('click-to-call over HTTP on the simulator', function () {
  this.timeout(90_000);
  let h: EngineHarness;
  let api: EngineHttp;
  let ids: Record<string, number>;
  const call = (method: string, path: string, who?: string, body?: unknown) => api.call(method, path, who, body);

  beforeEach(async () => {
    h = await EngineHarness.start({ dnc: ['+84901999999'], config: { clickToCall: { dialNational: true, callerId: '02812345' } } });
    api = await startEngineHttp(h, [['boss', 'owner', null], ['ann', 'agent', '1001'], ['deaf', 'agent', '9001']]);
    ({ ids } = api);
  });

  afterEach(async () => {
    await api.http.stop();
    await h.stop();
  });

  const contactOf = (who: string, phones: string[]) => h.services.crm.contacts.create({ id: ids[who]!, role: 'agent' }, { name: 'Lan Nguyen', phones });
  const stateOf = async (who: string) => (await call('GET', '/api/calls/current', who)).body.call;
  const until = (who: string, fn: (c: any) => boolean, ms = 60_000) => h.run(() => {
    const c = h.engine.calls.current(ids[who]!);
    return c !== null && fn(c);
  }, ms);
  const records = () => h.rows('SELECT flow, campaign_id, agent_id, contact_id, phone_number, outcome, end_reason, hangup_cause, dial_at, answer_at, bridge_at, end_at, note FROM call_records ORDER BY id');

  it('when an agent calls one of a contact\'s phones and the customer answers, then ringing → talking is pushed, End ends it, and Save and close stores the note on the contact with agent and call', async () => {
    const contact = contactOf('ann', ['0912 000 111', '0901 234 567']);
    const started = await call('POST', '/api/calls', 'ann', { contactId: contact.id, phone: '0901 234 567' });
    assert.equal(started.status, 200, JSON.stringify(started.body));
    assert.deepEqual([started.body.state, started.body.contactId, started.body.contactName, started.body.number], ['ringing_agent', contact.id, 'Lan Nguyen', '+84901234567']);
    assert.ok(await until('ann', (c) => c.state === 'talking'), 'talking');
    const talking = await stateOf('ann');
    assert.ok(talking.answeredAt, 'answered at is set');
    const early = await call('POST', '/api/calls/current/close', 'ann', { note: 'too early' });
    assert.deepEqual([early.status, early.body.error.code], [409, 'E_CONFLICT']);
    const again = await call('POST', '/api/calls', 'ann', { phone: '0901 555 666' });
    assert.deepEqual([again.status, again.body.error.code], [409, 'E_CONFLICT'], 'one call at a time');

    assert.equal((await call('POST', '/api/calls/current/hangup', 'ann')).status, 200);
    assert.ok(await until('ann', (c) => c.state === 'ended' && c.callRecordId !== null, 10_000));
    const ended = await stateOf('ann');
    assert.equal(ended.end, 'completed');
    const pushed = h.messagesOf(ids.ann!, 'call.view').map((m) => m.call?.state);
    for (const s of ['ringing_agent', 'ringing_customer', 'talking', 'ended']) assert.ok(pushed.includes(s), `pushed ${s}: ${pushed.join(',')}`);

    const closed = await call('POST', '/api/calls/current/close', 'ann', { note: 'Wants a quote <b>by Friday</b>' });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    assert.equal((await stateOf('ann')), null, 'the call is closed');
    assert.equal(h.messagesOf(ids.ann!, 'call.view').at(-1)!.call, null, 'the pop-up is told to close');
    const [rec] = records();
    assert.deepEqual([rec.flow, rec.campaign_id, rec.agent_id, rec.contact_id, rec.phone_number, rec.outcome, rec.end_reason, rec.note],
      ['click-to-call', null, ids.ann, contact.id, '+84901234567', 'answered', 'agent_hangup', 'Wants a quote <b>by Friday</b>']);
    assert.ok(rec.dial_at && rec.answer_at && rec.bridge_at && rec.end_at);
    const notes = (await call('GET', `/api/contacts/${contact.id}/notes`, 'ann')).body.notes;
    assert.deepEqual(notes.map((n: any) => [n.body, n.agentId, n.agentName, n.callRecordId, n.call.outcome, n.call.flow]),
      [['Wants a quote <b>by Friday</b>', ids.ann, 'ann', closed.body.callRecordId, 'answered', 'click-to-call']]);
    assert.equal((await call('GET', `/api/contacts/${contact.id}/notes`, 'boss')).body.notes.length, 1, 'admins see the notes too');
    const history = (await call('GET', `/api/contacts/${contact.id}/calls`, 'ann')).body.calls;
    assert.deepEqual(history.map((c: any) => [c.flow, c.direction, c.agentName, c.phoneNumber, c.outcome, c.note, c.id]),
      [['click-to-call', 'outbound', 'ann', '+84901234567', 'answered', 'Wants a quote <b>by Friday</b>', closed.body.callRecordId]]);
    assert.ok(history[0].dialAt && history[0].answerAt && history[0].endAt);
    assert.equal((await call('GET', `/api/contacts/${contact.id}/calls`, 'deaf')).status, 404, 'not another agent\'s');
    assert.equal(h.proc.telephony.runner.active, 0);
    assert.equal(h.sim.control.snapshot().channels, 0, 'no channels left');
    assert.equal(h.sim.control.snapshot().bridges, 0, 'no bridges left');
  });

  it('when a typed-in number is busy or never answers, then the call ends busy / no answer and its record has no contact; the note stays on the record', async () => {
    const busy = await call('POST', '/api/calls', 'ann', { phone: '0902 000 001' });
    assert.equal(busy.status, 200, JSON.stringify(busy.body));
    assert.equal(busy.body.contactId, null);
    assert.ok(await until('ann', (c) => c.state === 'ended' && c.callRecordId !== null));
    assert.equal((await stateOf('ann')).end, 'busy');
    assert.deepEqual((await call('POST', '/api/calls/current/close', 'ann', { note: 'line busy' })).body.noteId, null, 'no contact: no contact note');

    assert.equal((await call('POST', '/api/calls', 'ann', { phone: '+84903000001' })).status, 200);
    assert.ok(await until('ann', (c) => c.state === 'ended' && c.callRecordId !== null, 90_000));
    assert.equal((await stateOf('ann')).end, 'no_answer');
    assert.equal((await call('POST', '/api/calls/current/close', 'ann', { note: '' })).status, 200);
    assert.deepEqual(records().map((r) => [r.flow, r.contact_id, r.outcome, r.note]), [['click-to-call', null, 'busy', 'line busy'], ['click-to-call', null, 'no_answer', null]]);
    assert.equal(h.rows('SELECT COUNT(*) AS n FROM contact_notes')[0].n, 0);
    assert.equal(h.sim.control.snapshot().channels, 0);
  });

  it('when the agent does not answer their own phone, then the customer is never dialled and the call ends agent_no_answer', async () => {
    assert.equal((await call('POST', '/api/calls', 'deaf', { phone: '0901 234 567' })).status, 200);
    assert.ok(await until('deaf', (c) => c.state === 'ended' && c.callRecordId !== null, 90_000));
    assert.equal((await stateOf('deaf')).end, 'agent_no_answer');
    const [rec] = records();
    assert.deepEqual([rec.outcome, rec.end_reason, rec.dial_at], [null, 'agent_unreachable', null]);
  });

  it('when the number is on the DNC list, the contact is do-not-contact, or the agent is OFF, then 409 with the reason and nothing is dialled', async () => {
    const dnc = await call('POST', '/api/calls', 'ann', { phone: '0901 999 999' });
    assert.deepEqual([dnc.status, dnc.body.error.code, dnc.body.error.field], [409, 'E_CONTACT_DNC', 'phone']);
    assert.match(dnc.body.error.message, /do-not-call/);
    const contact = contactOf('ann', ['0901 777 888']);
    h.services.crm.contacts.setDoNotContact({ id: ids.boss!, role: 'owner' }, contact.id, true, 'asked us');
    const flagged = await call('POST', '/api/calls', 'ann', { contactId: contact.id, phone: '0901777888' });
    assert.equal(flagged.status, 409, JSON.stringify(flagged.body));
    assert.equal(flagged.body.error.code, 'E_CONTACT_DNC');

    assert.equal((await call('PUT', `/api/leads/agents/${ids.ann}/receiving`, 'ann', { on: false })).status, 200);
    const off = await call('POST', '/api/calls', 'ann', { phone: '0901 234 567' });
    assert.deepEqual([off.status, off.body.error.code], [409, 'E_CONFLICT']);
    assert.match(off.body.error.message, /OFF/);
    assert.equal(records().length, 0, 'no call record');
    assert.equal(h.proc.telephony.runner.active, 0, 'no flow was started');
    assert.equal(h.sim.control.snapshot().channels, 0, 'nothing was dialled');
    assert.equal(await stateOf('ann'), null);
  });

  it('when it is night on the contact\'s own clock, then 409 outside calling hours; a contact without a time zone is read in the default one', async () => {
    // 09:00 UTC: 16:00 in Asia/Ho_Chi_Minh (the default), 04:00 in New York.
    const far = h.services.crm.contacts.create({ id: ids.ann!, role: 'agent' }, { name: 'Far away', phones: ['0901 321 321'], timezone: 'America/New_York' });
    const night = await call('POST', '/api/calls', 'ann', { contactId: far.id, phone: '0901 321 321' });
    assert.deepEqual([night.status, night.body.error.code], [409, 'E_CONFLICT']);
    assert.match(night.body.error.message, /outside calling hours.*America\/New_York/);
    assert.equal(h.proc.telephony.runner.active, 0);
    const near = contactOf('ann', ['0901 123 123']);
    assert.equal((await call('POST', '/api/calls', 'ann', { contactId: near.id, phone: '0901 123 123' })).status, 200);
  });

  it('when the input is wrong, then 4xx naming the field', async () => {
    const contact = contactOf('ann', ['0901 234 567']);
    const cases: [unknown, number, string][] = [
      [{ phone: 'call me' }, 400, 'phone'],
      [{ phone: '' }, 400, 'phone'],
      [{ contactId: contact.id, phone: '0901 000 002' }, 400, 'phone'],
      [{ contactId: 'x', phone: '0901 234 567' }, 400, 'contactId'],
      [{ phone: '0901 234 567', extra: 1 }, 400, ''],
    ];
    for (const [body, status, field] of cases) {
      const r = await call('POST', '/api/calls', 'ann', body);
      assert.equal(r.status, status, JSON.stringify([body, r.body]));
      if (field) assert.equal(r.body.error.field, field, JSON.stringify([body, r.body]));
    }
    const other = contactOf('deaf', ['0901 444 555']);
    assert.equal((await call('POST', '/api/calls', 'ann', { contactId: other.id, phone: '0901 444 555' })).status, 404, 'another agent\'s contact does not exist for ann');
    assert.equal((await call('POST', '/api/calls', 'boss', { phone: '0901 234 567' })).status, 403);
    assert.equal((await call('POST', '/api/calls/current/hangup', 'ann')).status, 404, 'no call open');
  });

  it('when the agent is in wrap-up or ready in a campaign, then 409; during a click-to-call the agent cannot go ready', async () => {
    const c = h.campaign({ dialingMode: 'preview', previewSeconds: 10, agentIds: [ids.ann!], wrapUpSeconds: 120 });
    h.addLeads(c.id, ['09010001']);
    await call('POST', `/api/agent/campaigns/${c.id}/join`, 'ann');
    const free = await call('POST', '/api/calls', 'ann', { phone: '0901 234 567' });
    assert.equal(free.status, 200, 'joined and not ready: allowed');
    const ready = await call('POST', `/api/agent/campaigns/${c.id}/ready`, 'ann');
    assert.deepEqual([ready.status, ready.body.error.code], [409, 'E_CONFLICT'], 'no campaign customer during a click-to-call');
    await call('POST', '/api/calls/current/hangup', 'ann');
    assert.ok(await until('ann', (x) => x.state === 'ended' && x.callRecordId !== null, 10_000));
    await call('POST', '/api/calls/current/close', 'ann', { note: '' });

    assert.equal((await call('POST', `/api/agent/campaigns/${c.id}/ready`, 'ann')).body.state.kind, 'previewing');
    const previewing = await call('POST', '/api/calls', 'ann', { phone: '0901 234 567' });
    assert.deepEqual([previewing.status, previewing.body.error.code], [409, 'E_CONFLICT']);
    assert.match(previewing.body.error.message, /ready in a campaign/);
    await call('POST', `/api/agent/campaigns/${c.id}/call-now`, 'ann');
    await h.run(() => h.engine.view(ids.ann!).call?.phase === 'connected', 60_000);
    const onCall = await call('POST', '/api/calls', 'ann', { phone: '0901 234 567' });
    assert.match(onCall.body.error.message, /campaign call/);
    await call('POST', `/api/agent/campaigns/${c.id}/hangup`, 'ann');
    await h.run(() => h.engine.view(ids.ann!).state.kind === 'wrap_up', 10_000);
    const wrap = await call('POST', '/api/calls', 'ann', { phone: '0901 234 567' });
    assert.deepEqual([wrap.status, wrap.body.error.code], [409, 'E_CONFLICT']);
    assert.match(wrap.body.error.message, /wrap-up/);
  });
});
