import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { loadConfig } from '../config';
import { compareWithCdr, describeDisagreement } from '../domain/call-log/cdr/cdr-agreement';
import { parseCdrCsv } from '../domain/call-log/cdr/cdr-csv';
import type { Db } from '../store/database';
import { DialledCalls, type DialledCallFilter } from '../store/call-log/dialled-calls';

const USAGE = `usage: npm run report:cdr-check -- --cdr /var/log/asterisk/cdr-csv/Master.csv [--campaign ID] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--prefix ARI_APP]
  Compares the dialer's call log with Asterisk's own CSV call detail records, call by call: the same calls,
  the same answered/unanswered split, durations within 1 s. Exit code 0 when they agree, 3 when they do not.
  --from/--to are UTC days (to included); --prefix is the start of the dialer's channel ids (default: ari.app).`;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function main(): number {
  let values: { cdr?: string; campaign?: string; from?: string; to?: string; prefix?: string };
  try {
    ({ values } = parseArgs({ options: { cdr: { type: 'string' }, campaign: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, prefix: { type: 'string' } } }));
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${USAGE}`);
  }
  if (!values.cdr) throw new Error(USAGE);
  for (const k of ['from', 'to'] as const) if (values[k] !== undefined && !DAY.test(values[k]!)) throw new Error(`--${k}: a day as YYYY-MM-DD\n${USAGE}`);
  if (values.campaign !== undefined && !/^[1-9]\d*$/.test(values.campaign)) throw new Error(`--campaign: a campaign id\n${USAGE}`);
  const config = loadConfig();
  const prefix = values.prefix ?? config.ari.app;
  const filter: DialledCallFilter = {
    campaignId: values.campaign ? Number(values.campaign) : undefined,
    from: values.from ? `${values.from}T00:00:00.000Z` : undefined,
    to: values.to ? new Date(Date.parse(`${values.to}T00:00:00.000Z`) + 86_400_000).toISOString() : undefined,
  };
  const { rows, bad } = parseCdrCsv(readFileSync(path.resolve(values.cdr), 'utf8'));
  const db = new Database(path.join(config.dataDir, 'dialer.db'), { readonly: true, fileMustExist: true }) as unknown as Db;
  try {
    const calls = new DialledCalls(db);
    const result = compareWithCdr(calls.list(filter), rows, prefix, calls.belongs(filter));
    const out = process.stdout;
    out.write(`calls: ${result.logged} in the call log, ${result.inCdr} customer channels in the CDR (${result.matched} matched)\n`);
    out.write(`answered: ${result.loggedAnswered} in the call log, ${result.cdrAnswered} in the CDR\n`);
    for (const b of bad) out.write(`skipped CDR line ${b.line}: ${b.reason}\n`);
    for (const d of result.disagreements) out.write(`DISAGREES: ${describeDisagreement(d)}\n`);
    out.write(result.disagreements.length === 0 ? 'the call log agrees with the CDR\n' : `${result.disagreements.length} disagreement(s)\n`);
    return result.disagreements.length === 0 ? 0 : 3;
  } finally {
    db.close();
  }
}

try {
  process.exitCode = main();
} catch (err: unknown) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
