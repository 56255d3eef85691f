import assert from 'node:assert/strict';
import { campaignDefaults } from '../../src/domain/campaign-settings';
import { CampaignRepository } from '../../src/store/campaign-repository';
import { AttemptRepository } from '../../src/store/attempt-repository';
import { LeadRepository } from '../../src/store/lead-repository';
import { insertUser, openTestDb } from '../support/test-db';

const NOW = new Date('2026-11-25T09:00:00.000Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);

describe('the dialer lead store on campaign lists', () => {
  let t: ReturnType<typeof openTestDb>;
  let leads: LeadRepository;
  let attempts: AttemptRepository;
  let campaignId: number;

  beforeEach(() => {
    t = openTestDb();
    const owner = insertUser(t.db, 'owner', 'owner');
    campaignId = new CampaignRepository(t.db).create(campaignDefaults('List', 'progressive'), owner, NOW).id;
    leads = new LeadRepository(t.db);
    attempts = new AttemptRepository(t.db);
  });
  afterEach(() => t.close());

  const add = (phone: string) => leads.add({ campaignId, contactId: null, name: `Customer ${phone}`, phones: [phone] }, NOW);

  it('when two callers claim the same entry from the same read, then exactly one wins and it is in progress', () => {
    const lead = add('+84901000001');
    assert.equal(leads.claim(lead, NOW), true);
    assert.equal(leads.claim(lead, NOW), false);
    assert.equal(leads.get(lead.id)!.status, 'in_progress');
  });

  it('when an entry changed after it was read, then the claim from the stale read fails', () => {
    const lead = add('+84901000002');
    assert.equal(leads.save(lead.id, 'not_started', { ...lead, status: 'failed_will_retry', attempts: 1 }, NOW), true);
    assert.equal(leads.claim(lead, NOW), false);
    assert.equal(leads.get(lead.id)!.status, 'failed_will_retry');
  });

  it('when entries wait, then only due ones are candidates, due callbacks first (oldest first), and the rest starts where asked', () => {
    const plain = [1, 2, 3, 4].map((i) => add(`+8490100001${i}`));
    const cbLate = add('+84901000021');
    const cbEarly = add('+84901000022');
    const notDue = add('+84901000023');
    leads.save(cbLate.id, 'not_started', { ...cbLate, status: 'callback_scheduled', callbackAt: later(-60_000), nextCallAt: later(-60_000) }, NOW);
    leads.save(cbEarly.id, 'not_started', { ...cbEarly, status: 'callback_scheduled', callbackAt: later(-120_000), nextCallAt: later(-120_000) }, NOW);
    leads.save(notDue.id, 'not_started', { ...notDue, status: 'failed_will_retry', attempts: 1, nextCallAt: later(60_000) }, NOW);
    const fromStart = leads.candidates({ campaignId, now: NOW, limit: 10, start: 0 }).map((l) => l.id);
    assert.deepEqual(fromStart, [cbEarly.id, cbLate.id, ...plain.map((l) => l.id)]);
    const fromMiddle = leads.candidates({ campaignId, now: NOW, limit: 10, start: 0.5 }).map((l) => l.id);
    assert.deepEqual(fromMiddle.slice(0, 2), [cbEarly.id, cbLate.id]);
    assert.deepEqual(new Set(fromMiddle), new Set(fromStart), 'starting elsewhere still reaches every due entry');
    assert.notDeepEqual(fromMiddle, fromStart);
    assert.deepEqual(leads.nextDueAt(campaignId, NOW), later(60_000));
  });

  it('when a caller asks for a callback twice, then one contact holds the number and its entry is queued again', () => {
    const first = leads.add({ campaignId, contactId: null, name: '', phones: ['+84901000031'], status: 'callback_scheduled', callbackAt: NOW }, NOW);
    leads.save(first.id, 'callback_scheduled', { ...first, status: 'success', callbackAt: null }, NOW);
    const again = leads.add({ campaignId, contactId: null, name: '', phones: ['+84901000031'], status: 'callback_scheduled', callbackAt: later(1000) }, later(1000));
    assert.equal(again.id, first.id);
    assert.equal(again.contactId, first.contactId);
    assert.deepEqual([again.status, again.callbackAt], ['callback_scheduled', later(1000)]);
  });

  it('when an attempt is moved to dialling, then only the first mover may dial, and it ends once', () => {
    const lead = add('+84901000041');
    const a = attempts.create({ campaignId, leadId: lead.id, contactId: lead.contactId, agentId: null, mode: 'progressive', at: NOW });
    assert.equal(attempts.markDialing(a.id, lead.phones[0]!, NOW), true);
    assert.equal(attempts.markDialing(a.id, lead.phones[0]!, NOW), false, 'a second dial of the same attempt is refused');
    assert.equal(attempts.end(a.id, 'busy', 'not_reached', later(5000)), true);
    assert.equal(attempts.end(a.id, 'no_answer', 'not_reached', later(6000)), false);
    assert.deepEqual([attempts.get(a.id)!.state, attempts.get(a.id)!.outcome], ['ended', 'busy']);
  });

  it('when script answers are autosaved, then the latest value of each question is kept and an empty one removes it', () => {
    const lead = add('+84901000051');
    const a = attempts.create({ campaignId, leadId: lead.id, contactId: lead.contactId, agentId: null, mode: 'progressive', at: NOW });
    attempts.saveAnswers(a.id, [{ questionId: 1, value: 'draft' }, { questionId: 2, value: ['a', 'b'] }], NOW);
    attempts.saveAnswers(a.id, [{ questionId: 1, value: 'final' }, { questionId: 2, value: [] }], later(1000));
    assert.deepEqual(attempts.answers(a.id), [{ questionId: 1, value: 'final' }]);
  });
});
