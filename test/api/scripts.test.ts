import assert from 'node:assert/strict';
import { actOk, approvedCampaign, createCampaign } from '../support/campaign-helpers';
import { startTestApp, type TestApp } from '../support/test-app';

type Who = { token: string; id: number };

describe('scripts over HTTP', () => {
  let app: TestApp;
  let owner: Who;
  let author: Who;
  let other: Who;
  beforeEach(async () => {
    app = await startTestApp();
    owner = await app.login('owner');
    author = await app.login('admin');
    other = await app.login('admin');
  });
  afterEach(async () => { await app.close(); });

  const createScript = async (who: Who, body: Record<string, unknown> = {}) => {
    const res = await app.request('POST', '/api/scripts', { token: who.token, body: { name: 'Greeting', sharing: 'all_admins', ...body } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  };

  it('when a script is created with questions, then they come back in order with their options', async () => {
    const s = await createScript(author, {
      guidance: 'Smile while you talk.',
      questions: [
        { kind: 'free_text', text: 'What is your name?' },
        { kind: 'single_choice', text: 'Interested?', options: ['Yes', 'No'] },
        { kind: 'multiple_choice', text: 'Which channels?', options: ['TV', 'Radio', 'Web'] },
      ],
    });
    assert.equal(s.guidance, 'Smile while you talk.');
    assert.deepEqual(s.questions.map((q: any) => [q.position, q.kind, q.options.length]), [[1, 'free_text', 0], [2, 'single_choice', 2], [3, 'multiple_choice', 3]]);
    const rows = app.services.db.prepare('SELECT position, text FROM script_questions WHERE script_id = ? ORDER BY position').all(s.id);
    assert.equal(rows.length, 3);
  });

  it('when questions are added, changed, reordered and deleted, then positions stay 1..n in the new order', async () => {
    const s = await createScript(author);
    for (const text of ['one', 'two', 'three']) {
      assert.equal((await app.request('POST', `/api/scripts/${s.id}/questions`, { token: author.token, body: { kind: 'free_text', text } })).status, 201);
    }
    const ids = (await app.request('GET', `/api/scripts/${s.id}`, { token: author.token })).body.questions.map((q: any) => q.id);
    const reordered = await app.request('PUT', `/api/scripts/${s.id}/question-order`, { token: author.token, body: { questionIds: [ids[2], ids[0], ids[1]] } });
    assert.deepEqual(reordered.body.questions.map((q: any) => [q.position, q.text]), [[1, 'three'], [2, 'one'], [3, 'two']]);
    const partial = await app.request('PUT', `/api/scripts/${s.id}/question-order`, { token: author.token, body: { questionIds: [ids[0], ids[1]] } });
    assert.equal(partial.status, 400);
    assert.equal(partial.body.error.field, 'questionIds');
    const changed = await app.request('PATCH', `/api/scripts/${s.id}/questions/${ids[0]}`, {
      token: author.token, body: { kind: 'single_choice', options: ['a', 'b'] },
    });
    assert.deepEqual(changed.body.questions.find((q: any) => q.id === ids[0]).options, ['a', 'b']);
    const oneOption = await app.request('PATCH', `/api/scripts/${s.id}/questions/${ids[0]}`, { token: author.token, body: { options: ['a'] } });
    assert.equal(oneOption.status, 400);
    assert.equal(oneOption.body.error.field, 'options');
    const afterDelete = await app.request('DELETE', `/api/scripts/${s.id}/questions/${ids[2]}`, { token: author.token });
    assert.deepEqual(afterDelete.body.questions.map((q: any) => [q.position, q.text]), [[1, 'one'], [2, 'two']]);
    assert.equal((await app.request('DELETE', `/api/scripts/${s.id}/questions/${ids[2]}`, { token: author.token })).status, 404);
  });

  it('when scripts are shared in each way, then each admin lists only what they may see and owners see all', async () => {
    const chosen = await app.login('admin');
    await createScript(author, { name: 'A public' });
    const mine = await createScript(author, { name: 'B private', sharing: 'only_me' });
    await createScript(author, { name: 'C chosen', sharing: 'chosen_admins', sharedWith: [chosen.id] });
    const names = async (who: Who) => (await app.request('GET', '/api/scripts', { token: who.token })).body.items.map((s: any) => s.name);
    assert.deepEqual(await names(author), ['A public', 'B private', 'C chosen']);
    assert.deepEqual(await names(other), ['A public']);
    assert.deepEqual(await names(chosen), ['A public', 'C chosen']);
    assert.deepEqual(await names(owner), ['A public', 'B private', 'C chosen']);
    assert.equal((await app.request('GET', `/api/scripts/${mine.id}`, { token: other.token })).status, 404);
    const page = await app.request('GET', '/api/scripts?limit=1&offset=1', { token: chosen.token });
    assert.deepEqual([page.body.total, page.body.items[0].name], [2, 'C chosen']);
  });

  it('when an admin shares with someone who is not an admin, or lists admins without chosen_admins, then 400 names sharedWith', async () => {
    const agent = await app.login('agent');
    const toAgent = await app.request('POST', '/api/scripts', { token: author.token, body: { name: 'x', sharing: 'chosen_admins', sharedWith: [agent.id] } });
    assert.equal(toAgent.body.error.field, 'sharedWith.0');
    const wrongKind = await app.request('POST', '/api/scripts', { token: author.token, body: { name: 'x', sharing: 'only_me', sharedWith: [other.id] } });
    assert.equal(wrongKind.body.error.field, 'sharedWith');
  });

  it('when another admin may see a shared script, then they may attach it but not change it', async () => {
    const s = await createScript(author);
    const c = await createCampaign(app, other.token, { scriptId: s.id });
    assert.equal(c.scriptId, s.id);
    const res = await app.request('PATCH', `/api/scripts/${s.id}`, { token: other.token, body: { guidance: 'mine now' } });
    assert.equal(res.status, 403);
    assert.match(res.body.error.message, /created a script, or an owner/);
  });

  it('when a script is not shared with an admin, then they cannot attach it', async () => {
    const s = await createScript(author, { sharing: 'only_me' });
    const res = await app.request('POST', '/api/campaigns', { token: other.token, body: { name: 'x', dialingMode: 'manual', scriptId: s.id } });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.field, 'scriptId');
  });

  it('when the campaigns using a script move past draft, then the admin may no longer change it, the owner only while pending', async () => {
    const s = await createScript(author, { questions: [{ kind: 'free_text', text: 'q' }] });
    const c = await createCampaign(app, author.token, { scriptId: s.id });
    assert.equal((await app.request('PATCH', `/api/scripts/${s.id}`, { token: author.token, body: { name: 'Draft use' } })).status, 200);
    await actOk(app, author.token, c.id, 'submit');
    const blocked = await app.request('PATCH', `/api/scripts/${s.id}`, { token: author.token, body: { name: 'Pending use' } });
    assert.equal(blocked.status, 409);
    assert.equal(blocked.body.error.code, 'E_IN_USE');
    assert.match(blocked.body.error.message, /pending approval/);
    assert.equal((await app.request('POST', `/api/scripts/${s.id}/questions`, { token: author.token, body: { kind: 'free_text', text: 'more' } })).status, 409);
    assert.equal((await app.request('DELETE', `/api/scripts/${s.id}`, { token: author.token })).status, 409);
    assert.equal((await app.request('PATCH', `/api/scripts/${s.id}`, { token: owner.token, body: { name: 'Owner fix' } })).status, 200);
    await actOk(app, owner.token, c.id, 'approve');
    const approved = await app.request('PATCH', `/api/scripts/${s.id}`, { token: owner.token, body: { name: 'Too late' } });
    assert.equal(approved.status, 409);
    assert.match(approved.body.error.message, /approved/);
    assert.equal((await app.request('DELETE', `/api/scripts/${s.id}`, { token: owner.token })).status, 409);
    assert.equal((await app.request('GET', `/api/scripts/${s.id}`, { token: owner.token })).body.name, 'Owner fix');
  });

  it('when a script used only by drafts is deleted, then the drafts lose it and the script is gone', async () => {
    const s = await createScript(author);
    const c = await createCampaign(app, author.token, { scriptId: s.id });
    assert.equal((await app.request('DELETE', `/api/scripts/${s.id}`, { token: author.token })).status, 204);
    assert.equal((await app.request('GET', `/api/campaigns/${c.id}`, { token: author.token })).body.scriptId, null);
    assert.equal((await app.request('GET', `/api/scripts/${s.id}`, { token: owner.token })).status, 404);
  });

  it('when a script is attached to a campaign past draft, then 409 names scriptId; attaching to a draft works', async () => {
    const s = await createScript(author);
    const pending = await createCampaign(app, author.token);
    await actOk(app, author.token, pending.id, 'submit');
    const res = await app.request('PATCH', `/api/campaigns/${pending.id}`, { token: owner.token, body: { scriptId: s.id } });
    assert.equal(res.status, 409);
    assert.equal(res.body.error.field, 'scriptId');
    const approved = await approvedCampaign(app, author.token, owner.token);
    assert.equal((await app.request('PATCH', `/api/campaigns/${approved.id}`, { token: owner.token, body: { scriptId: s.id } })).status, 409);
    const draft = await createCampaign(app, author.token);
    const attached = await app.request('PATCH', `/api/campaigns/${draft.id}`, { token: author.token, body: { scriptId: s.id } });
    assert.equal(attached.body.scriptId, s.id);
    const row = app.services.db.prepare('SELECT script_id FROM campaigns WHERE id = ?').get(draft.id);
    assert.deepEqual(row, { script_id: s.id });
  });
});
