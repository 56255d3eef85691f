import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compareWithCdr, describeDisagreement } from '../../src/domain/call-log/cdr/cdr-agreement';
import { parseCdrCsv } from '../../src/domain/call-log/cdr/cdr-csv';
import { DialledCalls } from '../../src/store/call-log/dialled-calls';
import { loadOurDialplan, realAsteriskSettings } from '../support/asterisk-target';
import { leaveAll, leftovers, numbers, talkingAgent } from './support/campaign-checks';
import { RealEngine } from './support/real-engine';

const settings = realAsteriskSettings();
const FINAL = ['success', 'retries_exhausted', 'call_error'];
const cliJs = path.resolve(__dirname, '..', '..', 'src', 'cli', 'cdr-check.js');

/** The shared Asterisk's CSV call detail records (README of ../shared/asterisk: DIR/log/cdr-csv/Master.csv). */
const masterCsv = (port: number) => path.join(process.env.DIALER_IT_ASTERISK_DIR ?? `/tmp/dialer-asterisk-${port}`, 'log', 'cdr-csv', 'Master.csv');

function runCli(args: string[], dataDir: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cliJs, ...args], { env: { PATH: process.env.PATH ?? '', DIALER_DATA_DIR: dataDir } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('the call log against what Asterisk itself recorded (real Asterisk)', function () {
  this.timeout(240_000);
  if (!settings) {
    it('is skipped: set DIALER_IT_ARI_URL, DIALER_IT_ARI_USER and DIALER_IT_ARI_PASSWORD (see ../shared/asterisk) to run it');
    return;
  }
  let e: RealEngine;
  before(() => { loadOurDialplan(settings.port); });
  after(async () => { await e?.stop().catch(() => undefined); });

  it('when a progressive campaign has finished, then its call log agrees call by call with Master.csv: the same calls, the same answered split, durations within 1 s', async function () {
    if (!existsSync(masterCsv(settings.port))) this.skip();
    e = new RealEngine(settings);
    await e.boot();
    const agents = [e.agent('ann', '1001'), e.agent('ben', '1002')];
    const c = e.campaign({ dialingMode: 'progressive', agentIds: agents, maxAttempts: 1 });
    // Answered (some hung up by the agent, some by the customer), busy, no answer, congestion, unallocated, machines.
    e.addLeads(c.id, numbers([['0901', 5], ['0907', 2], ['0902', 2], ['0903', 1], ['0904', 1], ['0900', 1], ['0906', 2]], 700));
    for (const a of agents) { talkingAgent(e, a, c.id, { talkMs: 1500, letCustomerHangUp: ['0907'] }); e.engine.join(a, c.id); e.engine.ready(a, c.id); }
    await e.until(() => e.leadsOf(c.id).every((l) => FINAL.includes(l.status)), 180_000, 'every contact settled');
    await leaveAll(e, agents, c.id);
    assert.deepEqual(await leftovers(settings, e.idPrefix), []);
    // cdr_csv writes a channel's line when the channel goes away: give the last ones a moment.
    await new Promise((r) => setTimeout(r, 1000));

    const calls = new DialledCalls(e.db);
    const filter = { campaignId: c.id };
    const logged = calls.list(filter);
    assert.equal(logged.length, 14, 'one call record per dialled contact');
    const result = compareWithCdr(logged, parseCdrCsv(readFileSync(masterCsv(settings.port), 'utf8')).rows, e.idPrefix, calls.belongs(filter));
    assert.deepEqual(result.disagreements.map(describeDisagreement), []);
    assert.equal(result.inCdr, logged.length, 'as many customer channels in the CDR as calls in the log');
    assert.equal(result.cdrAnswered, result.loggedAnswered);
    assert.ok(result.loggedAnswered >= 9 && result.loggedAnswered < logged.length, `${result.loggedAnswered} answered, the rest not`);

    // The same check as an administrator runs it.
    const cli = await runCli(['--cdr', masterCsv(settings.port), '--campaign', String(c.id), '--prefix', e.idPrefix], e.dir);
    assert.equal(cli.status, 0, cli.stdout + cli.stderr);
    assert.match(cli.stdout, new RegExp(`calls: ${logged.length} in the call log, ${logged.length} customer channels in the CDR`));
    assert.match(cli.stdout, /the call log agrees with the CDR/);
  });
});
