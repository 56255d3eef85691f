import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { apiRoutes } from '../src/api/api-routes';
import { createApp } from '../src/api/create-app';
import { startHttpServer } from '../src/api/http-server';
import { loadConfig } from '../src/config';
import { PassThrough } from 'node:stream';
import { createLogger, logContext, maskPhone, type LogFormat } from '../src/logger';
import { createServices } from '../src/services/create-services';
import { openDatabase } from '../src/store/database';
import { migrate } from '../src/store/migrator';
import { ManualClock } from './support/test-app';

describe('logging', () => {
  it('when requests are served, then every line is JSON with a request id, and passwords never appear', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dialer-log-'));
    const file = path.join(dir, 'dialer.log');
    const log = createLogger({ level: 'http', file, console: false });
    const db = openDatabase(':memory:');
    migrate(db);
    const config = loadConfig({ env: {}, localFile: path.join(dir, 'none.json'), overrides: { dataDir: dir } });
    const services = createServices(db, config, new ManualClock(), log);
    await services.users.createUnchecked({ username: 'lan', displayName: 'Lan', role: 'admin', password: 'super secret pw' });
    const http = await startHttpServer(createApp({ log, auth: services.auth, routes: apiRoutes(services), version: '0', health: () => ({ status: 'ok', db: true, telephony: '' }) }), '127.0.0.1', 0);
    const login = await fetch(`${http.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'req-42' }, body: JSON.stringify({ username: 'lan', password: 'super secret pw' }) });
    assert.equal(login.status, 200);
    log.info('call connected', { password: 'super secret pw', token: 'abc' });
    await http.stop();
    await new Promise<void>((resolve) => { log.on('finish', () => resolve()); log.end(); });
    await new Promise((r) => setTimeout(r, 50));
    const text = readFileSync(file, 'utf8');
    const lines = text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const duringRequest = lines.filter((l) => l.message === 'user logged in' || l.message === 'request');
    assert.equal(duringRequest.length, 2);
    for (const line of duringRequest) assert.equal(line.requestId, 'req-42');
    assert.ok(!text.includes('super secret pw'), 'a password reached the log');
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function consoleLines(format: LogFormat): Promise<string[]> {
    const stream = new PassThrough();
    const chunks: string[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
    const log = createLogger({ level: 'info', format, stream }).child({ component: 'engine' });
    logContext.run({ requestId: 'req-7' }, () => {
      log.info('call connected', { campaignId: 3, callId: 'c-1', agentId: 12, password: 'super secret pw', note: 'two words' });
    });
    await new Promise((r) => setImmediate(r));
    return chunks.join('').trim().split('\n');
  }

  it('when the console format is json, then each line is an object carrying the ids, the request id and no secret', async () => {
    const [line] = await consoleLines('json');
    const entry = JSON.parse(line!) as Record<string, unknown>;
    assert.equal(entry.message, 'call connected');
    assert.equal(entry.level, 'info');
    assert.equal(entry.campaignId, 3);
    assert.equal(entry.callId, 'c-1');
    assert.equal(entry.agentId, 12);
    assert.equal(entry.component, 'engine');
    assert.equal(entry.requestId, 'req-7');
    assert.equal(entry.password, '[redacted]');
    assert.ok(typeof entry.timestamp === 'string');
  });

  it('when the console format is text, then a line reads time level message key=value and hides secrets', async () => {
    const [line] = await consoleLines('text');
    assert.match(line!, /^\d{4}-\d\d-\d\dT\S+ info call connected /);
    for (const field of ['campaignId=3', 'callId=c-1', 'agentId=12', 'component=engine', 'requestId=req-7', 'note="two words"']) {
      assert.ok(line!.includes(field), `${field} missing from: ${line}`);
    }
    assert.ok(!line!.includes('super secret pw'));
    assert.throws(() => JSON.parse(line!));
  });

  it('when DIALER_LOG_FORMAT is set, then the setting follows it, and it is text by default', () => {
    const localFile = path.join(tmpdir(), 'dialer-no-such-config.json');
    assert.equal(loadConfig({ env: {}, localFile }).logFormat, 'text');
    assert.equal(loadConfig({ env: { DIALER_LOG_FORMAT: 'json' }, localFile }).logFormat, 'json');
    assert.throws(() => loadConfig({ env: { DIALER_LOG_FORMAT: 'xml' }, localFile }));
  });

  it('when a phone number is masked, then only the last 4 digits stay', () => {
    assert.equal(maskPhone('+84912345678'), '********5678');
    assert.equal(maskPhone('123'), '123');
  });
});
