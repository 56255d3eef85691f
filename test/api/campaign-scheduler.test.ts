import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { actOk, approvedCampaign } from '../support/campaign-helpers';
import { ManualTimers } from '../support/manual-timers';
import { startAppOn, type RestartableApp } from '../support/restartable-app';
import { ManualClock } from '../support/test-app';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('the campaign scheduler', () => {
  let dir: string;
  let clock: ManualClock;
  let timers: ManualTimers;
  let app: RestartableApp;
  let owner: { token: string; id: number };
  let admin: { token: string; id: number };

  const login = async (role: 'owner' | 'admin', username: string) => {
    const password = 'correct horse battery';
    const user = await app.services.users.createUnchecked({ username, displayName: username, role, password });
    return { token: (await app.services.auth.login(username, password)).token, id: user.id };
  };
  const at = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();
  const state = async (id: number) => (await app.request('GET', `/api/campaigns/${id}`, { token: owner.token })).body.state;
  const kinds = (userId: number) => (app.services.db.prepare('SELECT kind FROM notifications WHERE user_id = ? ORDER BY id')
    .all(userId) as { kind: string }[]).map((r) => r.kind);

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dialer-sched-'));
    clock = new ManualClock();
    timers = new ManualTimers(clock);
    app = await startAppOn(dir, clock, timers);
    owner = await login('owner', 'boss');
    admin = await login('admin', 'lan');
  });
  afterEach(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('when an activated campaign reaches its start and end times, then it starts and ends by itself and people are told', async () => {
    const c = await approvedCampaign(app, admin.token, owner.token, { startAt: at(2 * HOUR), endAt: at(5 * HOUR) });
    assert.equal((await actOk(app, admin.token, c.id, 'activate')).state, 'scheduled');
    timers.advance(2 * HOUR - MINUTE);
    assert.equal(await state(c.id), 'scheduled');
    timers.advance(MINUTE);
    const running = (await app.request('GET', `/api/campaigns/${c.id}`, { token: owner.token })).body;
    assert.equal(running.state, 'running');
    assert.equal(running.startedAt, c.startAt);
    timers.advance(3 * HOUR);
    assert.equal(await state(c.id), 'ended');
    assert.deepEqual(kinds(admin.id), ['campaign_approved', 'campaign_started', 'campaign_ended']);
    const events = (await app.request('GET', `/api/campaigns/${c.id}/events`, { token: owner.token })).body.items;
    assert.deepEqual(events.slice(-2).map((e: any) => [e.action, e.actorId, e.at]), [['start', null, c.startAt], ['finish', null, c.endAt]]);
    assert.equal(timers.armed, 1, 'one timer stays armed');
  });

  it('when a paused campaign reaches its end time, then it ends too; one with no end time keeps running', async () => {
    const paused = await approvedCampaign(app, admin.token, owner.token, { endAt: at(HOUR) });
    await actOk(app, admin.token, paused.id, 'activate');
    await actOk(app, admin.token, paused.id, 'pause');
    const open = await approvedCampaign(app, admin.token, owner.token, { name: 'open ended' });
    await actOk(app, admin.token, open.id, 'activate');
    timers.advance(10 * HOUR); // less than a session lifetime, so the tokens stay valid
    assert.equal(await state(paused.id), 'ended');
    assert.equal(await state(open.id), 'running');
  });

  it('when a campaign is ended by hand before its start time, then the scheduler does not start it', async () => {
    const c = await approvedCampaign(app, admin.token, owner.token, { startAt: at(HOUR) });
    await actOk(app, admin.token, c.id, 'activate');
    await actOk(app, owner.token, c.id, 'end');
    timers.advance(2 * HOUR);
    assert.equal(await state(c.id), 'ended');
    assert.deepEqual(kinds(admin.id), ['campaign_approved', 'campaign_ended']);
  });

  it('when the process is down over start and end times, then on restart it catches up from the database', async () => {
    const startsWhileDown = await approvedCampaign(app, admin.token, owner.token, { name: 'starts', startAt: at(HOUR), endAt: at(10 * HOUR) });
    const bothWhileDown = await approvedCampaign(app, admin.token, owner.token, { name: 'both', startAt: at(HOUR), endAt: at(2 * HOUR) });
    const endsWhileDown = await approvedCampaign(app, admin.token, owner.token, { name: 'ends', endAt: at(2 * HOUR) });
    const later = await approvedCampaign(app, admin.token, owner.token, { name: 'later', startAt: at(6 * HOUR) });
    for (const c of [startsWhileDown, bothWhileDown, endsWhileDown, later]) await actOk(app, admin.token, c.id, 'activate');
    assert.equal(await state(endsWhileDown.id), 'running');

    await app.close();
    clock.advance(3 * HOUR); // nothing runs: the process is down
    app = await startAppOn(dir, clock, timers);

    assert.equal(await state(startsWhileDown.id), 'running');
    assert.equal(await state(bothWhileDown.id), 'ended');
    assert.equal(await state(endsWhileDown.id), 'ended');
    assert.equal(await state(later.id), 'scheduled');
    const events = (await app.request('GET', `/api/campaigns/${startsWhileDown.id}/events`, { token: owner.token })).body.items;
    assert.match(events.at(-1).note, /late: was due at/);
    const both = (await app.request('GET', `/api/campaigns/${bothWhileDown.id}/events`, { token: owner.token })).body.items;
    assert.deepEqual(both.slice(-1).map((e: any) => [e.action, e.fromState, e.toState]), [['finish', 'scheduled', 'ended']]);

    timers.advance(3 * HOUR);
    assert.equal(await state(later.id), 'running', 'the re-armed timer still fires after the restart');
  });

  it('when the scheduler is stopped, then no timer is left armed', async () => {
    const c = await approvedCampaign(app, admin.token, owner.token, { startAt: at(HOUR) });
    await actOk(app, admin.token, c.id, 'activate');
    assert.equal(timers.armed, 1);
    app.scheduler.stop();
    assert.equal(timers.armed, 0);
    timers.advance(2 * HOUR);
    assert.equal(await state(c.id), 'scheduled');
  });
});
