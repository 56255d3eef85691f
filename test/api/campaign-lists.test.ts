import assert from 'node:assert/strict';
import { CsvParser } from '../../src/spreadsheet/csv-parser';
import { createCampaign } from '../support/campaign-helpers';
import { download, importFile, readSheet, workbook } from '../support/spreadsheets';
import { startTestApp, type TestApp } from '../support/test-app';

describe('campaign lists API', () => {
  let app: TestApp;
  let admin: string;
  let campaign: { id: number };
  const ids: Record<string, number> = {};

  beforeEach(async () => {
    app = await startTestApp();
    admin = (await app.login('admin')).token;
    campaign = await createCampaign(app, admin, { maxAttempts: 3 });
    const add = async (key: string, body: object) => { ids[key] = (await app.request('POST', '/api/contacts', { token: admin, body })).body.id; };
    await add('an', { name: 'Nguyễn Văn An', phones: ['0912000001'], tags: ['vip'] });
    await add('binh', { name: 'Trần Thị Bình', phones: ['0912000002'], tags: ['vip'] });
    await add('cuong', { name: 'Lê Cường', phones: ['0912000003'] });
    await add('dung', { name: 'Phạm Dũng', phones: ['0912000004'] });
    await add('twin', { name: 'Nguyễn Văn An (2)', phones: ['0912000001'], allowSharedPhones: true });
    await app.request('POST', '/api/block-lists/dnc', { token: admin, body: { phone: '0912000003', reason: 'asked' } });
    await app.request('POST', '/api/block-lists/blacklist', { token: admin, body: { phone: '0912000004', reason: 'fraud' } });
  });
  afterEach(async () => { await app.close(); });

  const entries = async (q = '') => (await app.request('GET', `/api/campaign-entries?campaignId=${campaign.id}${q}`, { token: admin })).body;
  const addToList = (body: object) => app.request('POST', `/api/campaigns/${campaign.id}/list`, { token: admin, body });

  it('when contacts are added by id, then DNC and blacklisted ones enter as dnc / blocked, none is dropped, and re-adding adds nothing', async () => {
    const res = await addToList({ contactIds: [ids.an, ids.cuong, ids.dung, 99999] });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { selected: 3, added: 3, alreadyListed: 0, duplicatePhones: 0, dnc: 1, blocked: 1 });
    const list = await entries();
    assert.equal(list.total, 3);
    const byName = new Map<string, { status: string; phone: string }>(list.items.map((e: { name: string; status: string; phone: string }) => [e.name, e]));
    assert.deepEqual([byName.get('Nguyễn Văn An')!.status, byName.get('Lê Cường')!.status, byName.get('Phạm Dũng')!.status], ['not_started', 'dnc', 'blocked']);
    assert.equal(byName.get('Nguyễn Văn An')!.phone, '+84912000001');
    assert.equal((await addToList({ contactIds: [ids.an] })).body.alreadyListed, 1);
  });

  it('when contacts are added from a filter, a saved filter and a group, then the matching ones are listed', async () => {
    assert.equal((await addToList({ filter: { tag: ['vip'] } })).body.added, 2);
    const saved = (await app.request('POST', '/api/contact-filters', { token: admin, body: { name: 'lê', filter: { name: 'le' } } })).body;
    assert.equal((await addToList({ savedFilterId: saved.id })).body.added, 1);
    const group = (await app.request('POST', '/api/contact-groups', { token: admin, body: { name: 'g' } })).body;
    await app.request('POST', `/api/contact-groups/${group.id}/members`, { token: admin, body: { contactIds: [ids.dung, ids.an] } });
    assert.deepEqual((await addToList({ groupId: group.id })).body, { selected: 2, added: 1, alreadyListed: 1, duplicatePhones: 0, dnc: 0, blocked: 1 });
    const bad = await addToList({ contactIds: [ids.an], groupId: group.id });
    assert.equal(bad.status, 400);
  });

  it('when the list is searched by name, status, phone and time added, then the matches come back', async () => {
    await addToList({ contactIds: [ids.an, ids.binh] });
    app.clock.advance(3600_000);
    await addToList({ contactIds: [ids.cuong] });
    const names = async (q: string) => (await entries(q)).items.map((e: { name: string }) => e.name);
    assert.deepEqual(await names('&name=nguyen'), ['Nguyễn Văn An']);
    assert.deepEqual(await names('&status=dnc'), ['Lê Cường']);
    assert.deepEqual(await names('&status=dnc,not_started'), ['Lê Cường', 'Trần Thị Bình', 'Nguyễn Văn An']);
    assert.deepEqual(await names(`&phone=${encodeURIComponent('+84 912 000 002')}`), ['Trần Thị Bình']);
    assert.deepEqual(await names('&addedFrom=2026-11-25T08:30:00Z'), ['Lê Cường']);
    assert.deepEqual(await names('&addedTo=2026-11-25T08:30:00Z'), ['Trần Thị Bình', 'Nguyễn Văn An']);
    const badStatus = await app.request('GET', `/api/campaign-entries?campaignId=${campaign.id}&status=happy`, { token: admin });
    assert.equal(badStatus.body.error.field, 'status.0');
  });

  it('when one contact is paused, resumed and removed, then its status follows and the contact itself stays', async () => {
    await addToList({ contactIds: [ids.an, ids.cuong] });
    const an = (await entries('&name=nguyen')).items[0];
    const paused = await app.request('POST', `/api/campaign-entries/${an.id}/pause`, { token: admin });
    assert.equal(paused.body.status, 'paused');
    const twice = await app.request('POST', `/api/campaign-entries/${an.id}/pause`, { token: admin });
    assert.equal(twice.status, 409);
    assert.equal((await app.request('POST', `/api/campaign-entries/${an.id}/resume`, { token: admin })).body.status, 'not_started');
    app.services.db.prepare("UPDATE campaign_contacts SET status = 'in_progress' WHERE id = ?").run(an.id);
    assert.equal((await app.request('DELETE', `/api/campaign-entries/${an.id}`, { token: admin })).status, 409, 'not during a live call');
    assert.equal((await app.request('DELETE', `/api/contacts/${ids.an}`, { token: admin })).status, 409, 'the contact neither');
    app.services.db.prepare("UPDATE campaign_contacts SET status = 'failed_will_retry', attempts = 1 WHERE id = ?").run(an.id);
    assert.equal((await app.request('DELETE', `/api/campaign-entries/${an.id}`, { token: admin })).status, 204);
    assert.equal((await entries()).total, 1);
    assert.equal((await app.request('GET', `/api/contacts/${ids.an}`, { token: admin })).status, 200);
  });

  it('when two entries share a phone, then they are listed as duplicates; keep one, keep all, or dedupe automatically', async () => {
    await addToList({ contactIds: [ids.an, ids.twin, ids.binh] });
    const dups = (await app.request('GET', `/api/campaigns/${campaign.id}/duplicates`, { token: admin })).body;
    assert.equal(dups.total, 1);
    assert.equal(dups.items[0].phone, '+84912000001');
    assert.deepEqual(dups.items[0].entries.map((e: { contactId: number }) => e.contactId), [ids.an, ids.twin]);
    const keepAll = await app.request('POST', `/api/campaigns/${campaign.id}/duplicates/resolve`, { token: admin, body: { phone: '0912000001', keep: 'all' } });
    assert.deepEqual(keepAll.body, { removed: 0, kept: 2 });
    assert.equal((await app.request('GET', `/api/campaigns/${campaign.id}/duplicates`, { token: admin })).body.total, 0);
    assert.equal((await app.request('POST', `/api/campaigns/${campaign.id}/dedupe`, { token: admin })).body.removed, 0, 'kept on purpose');
    const keepTwin = dups.items[0].entries[1].id;
    const keepOne = await app.request('POST', `/api/campaigns/${campaign.id}/duplicates/resolve`, { token: admin, body: { phone: '+84912000001', keep: 'one', entryId: keepTwin } });
    assert.deepEqual(keepOne.body, { removed: 1, kept: 1 });
    assert.deepEqual((await entries('&phone=0912000001')).items.map((e: { id: number }) => e.id), [keepTwin]);
  });

  it('when added with dedupe, or deduplicated afterwards, then each phone keeps its earliest entry', async () => {
    const auto = await addToList({ contactIds: [ids.an, ids.twin], dedupe: true });
    assert.deepEqual([auto.body.added, auto.body.duplicatePhones], [1, 1]);
    const other = await createCampaign(app, admin);
    await app.request('POST', `/api/campaigns/${other.id}/list`, { token: admin, body: { contactIds: [ids.twin, ids.an] } });
    assert.equal((await app.request('POST', `/api/campaigns/${other.id}/dedupe`, { token: admin })).body.removed, 1);
    const left = (await app.request('GET', `/api/campaign-entries?campaignId=${other.id}`, { token: admin })).body.items;
    assert.deepEqual(left.map((e: { contactId: number }) => e.contactId), [ids.twin]);
  });

  it('when a file is imported into the campaign, then its contacts are listed, phones already in the list are duplicates, DNC ones enter as dnc', async () => {
    await addToList({ contactIds: [ids.an] });
    const file = workbook({ List: [['Họ tên', 'SĐT'], ['Nguyễn Văn An', '0912 000 001'], ['Khách Mới', '0912 555 666'], ['Khách Mới Lặp', '+84912555666'], ['Lê Cường', '0912000003'], ['Trần Thị Bình', '84912000002']] });
    const job = await importFile(app, admin, file, { campaignId: campaign.id });
    assert.equal(job.status, 'done');
    assert.deepEqual(job.counts, { imported: 1, updated: 0, duplicate: 2, rejected: 0, blockedHits: 1, listed: 3 });
    const list = await entries();
    assert.deepEqual(list.items.map((e: { name: string; status: string }) => [e.name, e.status]).sort(), [
      ['Khách Mới', 'not_started'], ['Lê Cường', 'dnc'], ['Nguyễn Văn An', 'not_started'], ['Trần Thị Bình', 'not_started'],
    ]);
    const rejections = (await app.request('GET', `/api/imports/${job.id}/rejections`, { token: admin })).body.items;
    assert.deepEqual(rejections.map((r: { row: number; reason: string }) => [r.row, r.reason]), [
      [2, `phone +84912000001 is already in the list of campaign ${campaign.id}`], [4, 'phone +84912555666 repeats row 3'],
    ]);
    const again = await importFile(app, admin, file, { campaignId: campaign.id });
    assert.deepEqual([again.counts.listed, again.counts.duplicate], [0, 5]);
  });

  it('when the list is exported, then statuses, attempts and dispositions are in the file', async () => {
    await addToList({ contactIds: [ids.an, ids.cuong] });
    app.services.db.prepare("UPDATE campaign_contacts SET status = 'callback_scheduled', attempts = 2, last_disposition = 'callback', callback_at = '2026-11-26T09:00:00.000Z' WHERE contact_id = ?").run(ids.an);
    const csvFile = await download(app, admin, '/api/exports/campaign-list', { campaignId: campaign.id, format: 'csv' });
    const rows: string[][] = [];
    const parser = new CsvParser(',', (f) => rows.push(f));
    parser.push(csvFile.body.toString('utf8').slice(1));
    parser.end();
    assert.deepEqual(rows[0]!.slice(0, 8), ['Name', 'Phone', 'Status', 'Attempts', 'Next call at', 'Callback at', 'Last outcome', 'Last disposition']);
    const an = rows.find((r) => r[0] === 'Nguyễn Văn An')!;
    assert.deepEqual([an[2], an[3], an[5], an[7]], ['callback_scheduled', '2', '2026-11-26T09:00:00.000Z', 'callback']);
    assert.equal(rows.find((r) => r[0] === 'Lê Cường')![2], 'dnc');
    const xlsx = await download(app, admin, '/api/exports/campaign-list', { campaignId: campaign.id, format: 'xlsx' });
    assert.equal(readSheet(xlsx.body).length, 3);
  });

  it('when an admin who does not manage the campaign, or an agent, touches its list, then 403; an ended campaign takes no one', async () => {
    const other = await app.login('admin');
    assert.equal((await app.request('POST', `/api/campaigns/${campaign.id}/list`, { token: other.token, body: { contactIds: [ids.an] } })).status, 403);
    assert.equal((await app.request('GET', `/api/campaign-entries?campaignId=${campaign.id}`, { token: other.token })).status, 403);
    assert.equal((await app.request('GET', '/api/campaign-entries', { token: admin })).body.error.field, 'campaignId');
    const agent = await app.login('agent');
    assert.equal((await app.request('POST', `/api/campaigns/${campaign.id}/list`, { token: agent.token, body: { contactIds: [ids.an] } })).status, 403);
    app.services.db.prepare("UPDATE campaigns SET state = 'ended' WHERE id = ?").run(campaign.id);
    assert.equal((await addToList({ contactIds: [ids.an] })).status, 409);
  });
});
