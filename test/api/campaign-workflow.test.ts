import assert from 'node:assert/strict';
import { act, actOk, approvedCampaign, createCampaign } from '../support/campaign-helpers';
import { startTestApp, type TestApp } from '../support/test-app';

const HOUR = 3600_000;

describe('campaign workflow over HTTP', () => {
  let app: TestApp;
  let owner: { token: string; id: number };
  let admin: { token: string; id: number };
  beforeEach(async () => {
    app = await startTestApp();
    owner = await app.login('owner');
    admin = await app.login('admin');
  });
  afterEach(async () => { await app.close(); });

  const future = (hours: number) => new Date(app.clock.now().getTime() + hours * HOUR).toISOString();

  it('when an admin creates a campaign with a few settings, then it is a draft with the rest defaulted and a creation audit row', async () => {
    const c = await createCampaign(app, admin.token, { name: 'Renewals', dialingMode: 'predictive', maxAttempts: 5, callerId: '+842812345678' });
    assert.equal(c.state, 'draft');
    assert.equal(c.createdBy, admin.id);
    assert.equal(c.maxAttempts, 5);
    assert.equal(c.abandonRateTarget, 0.03);
    assert.equal(c.maxLinesPerAgent, 3);
    assert.equal(c.abandonLockoutHours, 72);
    assert.deepEqual(c.callingHours, { start: '08:00', end: '21:00', weekdays: [1, 2, 3, 4, 5, 6, 7] });
    assert.equal(c.timezone, 'UTC');
    const read = await app.request('GET', `/api/campaigns/${c.id}`, { token: owner.token });
    assert.deepEqual(read.body, c);
    const row = app.services.db.prepare('SELECT name, dialing_mode, state, caller_id FROM campaigns WHERE id = ?').get(c.id);
    assert.deepEqual(row, { name: 'Renewals', dialing_mode: 'predictive', state: 'draft', caller_id: '+842812345678' });
  });

  it('when a campaign goes draft → pending → approved → running ⇄ paused → ended, then each step is stored, audited and notified', async () => {
    const manager = await app.login('admin');
    const c = await createCampaign(app, admin.token, { managerIds: [manager.id] });
    assert.equal((await actOk(app, admin.token, c.id, 'submit')).state, 'pending_approval');
    assert.equal((await actOk(app, owner.token, c.id, 'approve', 'go ahead')).state, 'approved');
    const running = await actOk(app, manager.token, c.id, 'activate');
    assert.equal(running.state, 'running');
    assert.ok(running.startedAt);
    assert.equal((await actOk(app, owner.token, c.id, 'pause')).state, 'paused');
    assert.equal((await actOk(app, admin.token, c.id, 'resume')).state, 'running');
    const ended = await actOk(app, manager.token, c.id, 'end', 'target reached');
    assert.equal(ended.state, 'ended');
    assert.ok(ended.endedAt);

    const events = await app.request('GET', `/api/campaigns/${c.id}/events`, { token: owner.token });
    assert.deepEqual(events.body.items.map((e: any) => [e.action, e.fromState, e.toState, e.actorId]), [
      ['create', null, 'draft', admin.id],
      ['submit', 'draft', 'pending_approval', admin.id],
      ['approve', 'pending_approval', 'approved', owner.id],
      ['activate', 'approved', 'running', manager.id],
      ['pause', 'running', 'paused', owner.id],
      ['resume', 'paused', 'running', admin.id],
      ['end', 'running', 'ended', manager.id],
    ]);
    assert.equal(events.body.items[2].note, 'go ahead');
    assert.equal(events.body.items[6].note, 'target reached');

    const kinds = (userId: number) => (app.services.db.prepare('SELECT kind FROM notifications WHERE user_id = ? ORDER BY id').all(userId) as { kind: string }[]).map((r) => r.kind);
    assert.deepEqual(kinds(owner.id), ['campaign_submitted']);
    assert.deepEqual(kinds(admin.id), ['campaign_approved', 'campaign_started', 'campaign_ended']);
    assert.deepEqual(kinds(manager.id), ['campaign_approved']);
  });

  it('when a campaign has ended, then every further action answers 409 saying ended is final', async () => {
    const c = await approvedCampaign(app, admin.token, owner.token);
    await actOk(app, owner.token, c.id, 'end');
    for (const action of ['activate', 'pause', 'resume', 'end', 'submit']) {
      const res = await act(app, owner.token, c.id, action);
      assert.equal(res.status, 409, action);
      assert.equal(res.body.error.code, 'E_TRANSITION_DENIED');
      assert.match(res.body.error.message, /ended is final/);
    }
    const edit = await app.request('PATCH', `/api/campaigns/${c.id}`, { token: owner.token, body: { name: 'again' } });
    assert.equal(edit.status, 409);
  });

  it('when an owner rejects without a note, then 400 names the note; with a note the creator is told and an edit makes it a draft', async () => {
    const c = await createCampaign(app, admin.token);
    await actOk(app, admin.token, c.id, 'submit');
    const bare = await app.request('POST', `/api/campaigns/${c.id}/reject`, { token: owner.token, body: {} });
    assert.equal(bare.status, 400);
    assert.equal(bare.body.error.field, 'note');
    const blank = await act(app, owner.token, c.id, 'reject', '   ');
    assert.equal(blank.status, 400);
    const rejected = await actOk(app, owner.token, c.id, 'reject', 'caller ID missing');
    assert.equal(rejected.state, 'rejected');
    assert.equal(rejected.reviewNote, 'caller ID missing');
    const note = await app.request('GET', '/api/notifications', { token: admin.token });
    assert.equal(note.body.items[0].kind, 'campaign_rejected');
    assert.match(note.body.items[0].message, /caller ID missing/);

    const edited = await app.request('PATCH', `/api/campaigns/${c.id}`, { token: admin.token, body: { callerId: '0281234567' } });
    assert.equal(edited.status, 200);
    assert.equal(edited.body.state, 'draft');
    assert.equal((await actOk(app, admin.token, c.id, 'submit')).state, 'pending_approval');
    const events = await app.request('GET', `/api/campaigns/${c.id}/events`, { token: admin.token });
    const edit = events.body.items.find((e: any) => e.action === 'edit');
    assert.deepEqual([edit.fromState, edit.toState, edit.note], ['rejected', 'draft', 'changed callerId']);
  });

  it('when a rejected campaign is resubmitted unchanged, then it is pending again and owners are told again', async () => {
    const c = await createCampaign(app, admin.token);
    await actOk(app, admin.token, c.id, 'submit');
    await actOk(app, owner.token, c.id, 'reject', 'why not tomorrow');
    await actOk(app, admin.token, c.id, 'submit', 'tomorrow is too late');
    const kinds = app.services.db.prepare('SELECT kind FROM notifications WHERE user_id = ? ORDER BY id').all(owner.id);
    assert.deepEqual(kinds, [{ kind: 'campaign_submitted' }, { kind: 'campaign_submitted' }]);
  });

  it('when an approved campaign with a future start is activated, then it waits as scheduled; with a past end it cannot be', async () => {
    const later = await approvedCampaign(app, admin.token, owner.token, { startAt: future(2), endAt: future(5) });
    const scheduled = await actOk(app, admin.token, later.id, 'activate');
    assert.equal(scheduled.state, 'scheduled');
    assert.ok(scheduled.activatedAt);
    assert.equal(scheduled.startedAt, null);
    const over = await approvedCampaign(app, admin.token, owner.token, { startAt: future(1), endAt: future(2) });
    app.clock.advance(3 * HOUR);
    const res = await act(app, admin.token, over.id, 'activate');
    assert.equal(res.status, 409);
    assert.match(res.body.error.message, /end time has passed/);
    assert.equal((await actOk(app, owner.token, over.id, 'end')).state, 'ended');
  });

  it('when settings break a cross-field rule, then 400 names the field and nothing is stored', async () => {
    const agent = await app.login('agent');
    const cases: [Record<string, unknown>, string][] = [
      [{ startAt: future(5), endAt: future(1) }, 'endAt'],
      [{ previewSeconds: 30 }, 'previewSeconds'],
      [{ quota: { kind: 'per_day', min: 9, max: 3 } }, 'quota.max'],
      [{ dialingMode: 'ivr' }, 'ivr'],
      [{ machineAction: 'message' }, 'machineMessage'],
      [{ managerIds: [agent.id] }, 'managerIds.0'],
      [{ agentIds: [admin.id] }, 'agentIds.0'],
      [{ agentGroupIds: [999] }, 'agentGroupIds.0'],
      [{ scriptId: 999 }, 'scriptId'],
      [{ callingHours: { start: '20:00', end: '09:00', weekdays: [1] } }, 'callingHours.end'],
      [{ timezone: 'Europe/Nowhere' }, 'timezone'],
    ];
    for (const [settings, field] of cases) {
      const res = await app.request('POST', '/api/campaigns', { token: admin.token, body: { name: 'Bad', dialingMode: 'progressive', ...settings } });
      assert.equal(res.status, 400, JSON.stringify(settings));
      assert.equal(res.body.error.field, field, res.body.error.message);
      assert.match(res.body.error.message, new RegExp(field.split('.')[0]!));
    }
    assert.equal((app.services.db.prepare('SELECT COUNT(*) AS n FROM campaigns').get() as { n: number }).n, 0);
    const draft = await createCampaign(app, admin.token, { dialingMode: 'preview', previewSeconds: 20 });
    const patch = await app.request('PATCH', `/api/campaigns/${draft.id}`, { token: admin.token, body: { dialingMode: 'manual' } });
    assert.equal(patch.status, 400, 'switching away from preview while previewSeconds is set');
    assert.equal(patch.body.error.field, 'previewSeconds');
    const fixed = await app.request('PATCH', `/api/campaigns/${draft.id}`, { token: admin.token, body: { dialingMode: 'manual', previewSeconds: null } });
    assert.equal(fixed.status, 200);
  });

  it('when an IVR campaign is created with a survey, then the survey is stored and read back as JSON', async () => {
    const ivr = {
      steps: [
        { id: 'hello', kind: 'prompt', sound: 'custom/hello' },
        { id: 'rate', kind: 'question', sound: 'custom/rate', validDigits: ['1', '2', '3'], timeoutSeconds: 6, retries: 1, invalidSound: 'custom/sorry' },
      ],
      agentTransfer: { digit: '0', sound: 'custom/connecting' },
      goodbyeSound: 'custom/bye',
    };
    const c = await createCampaign(app, admin.token, { dialingMode: 'ivr', ivr });
    assert.deepEqual(c.ivr, ivr);
    const clash = await app.request('POST', '/api/campaigns', {
      token: admin.token, body: { name: 'x', dialingMode: 'ivr', ivr: { ...ivr, agentTransfer: { digit: '2' } } },
    });
    assert.equal(clash.status, 400);
    assert.equal(clash.body.error.field, 'ivr.steps.1.validDigits');
  });

  it('when a draft is deleted, then it is gone; an approved one cannot be deleted', async () => {
    const draft = await createCampaign(app, admin.token);
    assert.equal((await app.request('DELETE', `/api/campaigns/${draft.id}`, { token: admin.token })).status, 204);
    assert.equal((await app.request('GET', `/api/campaigns/${draft.id}`, { token: admin.token })).status, 404);
    const approved = await approvedCampaign(app, admin.token, owner.token);
    const res = await app.request('DELETE', `/api/campaigns/${approved.id}`, { token: owner.token });
    assert.equal(res.status, 409);
    assert.match(res.body.error.message, /cannot delete a campaign that is approved/);
  });

  it('when campaigns are listed, then they come paginated, filtered by state and sorted as asked', async () => {
    for (const name of ['Charlie', 'alpha', 'Bravo', 'delta']) await createCampaign(app, admin.token, { name });
    const c = await createCampaign(app, admin.token, { name: 'echo' });
    await actOk(app, admin.token, c.id, 'submit');
    const page1 = await app.request('GET', '/api/campaigns?sort=name&order=desc&limit=2', { token: owner.token });
    assert.equal(page1.status, 200);
    assert.equal(page1.body.total, 5);
    assert.deepEqual([page1.body.limit, page1.body.offset], [2, 0]);
    const page2 = await app.request('GET', '/api/campaigns?sort=name&order=desc&limit=2&offset=2', { token: owner.token });
    const names = [...page1.body.items, ...page2.body.items].map((x: any) => x.name);
    const expected = ['Bravo', 'Charlie', 'alpha', 'delta', 'echo'].sort().reverse().slice(0, 4);
    assert.deepEqual(names, expected);
    const pending = await app.request('GET', '/api/campaigns?state=pending_approval', { token: admin.token });
    assert.deepEqual(pending.body.items.map((x: any) => x.name), ['echo']);
    const bad = await app.request('GET', '/api/campaigns?state=lost', { token: admin.token });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, 'state');
  });
});
