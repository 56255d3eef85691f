import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestApp, type TestApp } from '../../support/test-app';
import { seedCalls, type SeededCalls, type Who } from './seed-calls';

describe('call recordings', () => {
  let app: TestApp;
  let s: SeededCalls;
  let dir: string;
  const wav = Buffer.concat([Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'), Buffer.alloc(2000, 7)]);
  const get = async (who: Who, id: number, query = '', headers: Record<string, string> = {}) => {
    const res = await fetch(`${app.url}/api/reports/calls/${id}/recording${query}`, { headers: { authorization: `Bearer ${s.t[who].token}`, ...headers } });
    const body = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, body, json: () => JSON.parse(body.toString('utf8')) };
  };

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dialer-recordings-'));
    writeFileSync(path.join(dir, 'dialer-c1-abc.wav'), wav);
    app = await startTestApp({ recordings: { dir } });
    s = await seedCalls(app);
  });
  afterEach(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('when someone who may see the call asks, then the file from the recording directory, inline or as a download, with byte ranges', async () => {
    for (const who of ['boss', 'sue', 'ann'] as const) {
      const r = await get(who, s.c.c1);
      assert.equal(r.status, 200, who);
      assert.equal(r.headers.get('content-type'), 'audio/wav');
      assert.match(r.headers.get('content-disposition')!, /^inline; filename="call-\d+-dialer-c1-abc\.wav"$/);
      assert.deepEqual(r.body, wav, who);
    }
    const dl = await get('boss', s.c.c1, '?download=1');
    assert.match(dl.headers.get('content-disposition')!, /^attachment;/);
    const part = await get('boss', s.c.c1, '', { range: 'bytes=0-3' });
    assert.deepEqual([part.status, part.body.toString('latin1')], [206, 'RIFF'], 'the player can seek');
  });

  it('when someone who may not see the call asks, then 403, the same rule as its row', async () => {
    for (const who of ['max', 'ben'] as const) {
      const r = await get(who, s.c.c1);
      assert.deepEqual([r.status, r.json().error.code], [403, 'E_FORBIDDEN'], who);
    }
  });

  it('when the call was not recorded, the file is gone, or there is no such call, then 404 saying which', async () => {
    const none = await get('boss', s.c.c2);
    assert.deepEqual([none.status, none.json().error.code], [404, 'E_NOT_FOUND']);
    assert.match(none.json().error.message, /was not recorded/);
    const gone = await get('boss', s.c.c3);
    assert.deepEqual([gone.status, gone.json().error.code], [404, 'E_RECORDING_GONE']);
    assert.match(gone.json().error.message, /dialer-c3-gone\.wav\) is not in the recording directory/);
    assert.equal((await get('boss', 999_999)).status, 404);
    assert.equal((await get('boss', s.c.line)).status, 404, 'an agent line is not a call of the log');
  });

  it('when a stored recording name would leave the directory, then it is not served', async () => {
    writeFileSync(path.join(path.dirname(dir), 'secret.wav'), 'x');
    app.services.db.prepare("UPDATE call_records SET recording_name = '../secret' WHERE id = ?").run(s.c.c2);
    const r = await get('boss', s.c.c2);
    assert.deepEqual([r.status, r.json().error.code], [404, 'E_RECORDING_GONE']);
    rmSync(path.join(path.dirname(dir), 'secret.wav'));
  });
});
