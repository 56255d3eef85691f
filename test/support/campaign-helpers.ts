import assert from 'node:assert/strict';
import type { TestApp } from './test-app';

type Requester = Pick<TestApp, 'request'>;

/** Creates a draft through the API and returns its body (asserting 201). */
export async function createCampaign(app: Requester, token: string, settings: Record<string, unknown> = {}): Promise<any> {
  const res = await app.request('POST', '/api/campaigns', { token, body: { name: 'Spring sale', dialingMode: 'progressive', ...settings } });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

/** Runs one lifecycle action through the API and returns the raw answer. */
export function act(app: Requester, token: string, id: number, action: string, note?: string) {
  return app.request('POST', `/api/campaigns/${id}/${action}`, { token, body: note === undefined ? undefined : { note } });
}

/** Like act, but asserts success and returns the campaign. */
export async function actOk(app: Requester, token: string, id: number, action: string, note?: string): Promise<any> {
  const res = await act(app, token, id, action, note);
  assert.equal(res.status, 200, `${action}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A campaign created by `admin` and approved by `owner`. */
export async function approvedCampaign(app: Requester, admin: string, owner: string, settings: Record<string, unknown> = {}): Promise<any> {
  const c = await createCampaign(app, admin, settings);
  await actOk(app, admin, c.id, 'submit');
  return actOk(app, owner, c.id, 'approve', 'looks good');
}
