import type { Db } from '../../src/store/database';

/** Indexes dropped for a bulk load and rebuilt after it (faster than keeping them up row by row). */
function dropIndexes(db: Db, table: string): string[] {
  const rows = db.prepare<[string], { name: string; sql: string }>(
    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = ?").all(table);
  for (const r of rows) db.exec(`DROP INDEX ${r.name}`);
  return rows.map((r) => r.sql);
}

// ISO-8601 UTC text of a millisecond epoch, as the store writes it (strftime %f gives seconds with milliseconds).
const iso = (ms: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', (${ms}) / 1000.0, 'unixepoch')`;

/** `n` attempts claimed evenly over [fromMs, toMs): the j-th at fromMs + ⌊j × (toMs − fromMs) / n⌋, so exactly n fall in it. */
export interface Stretch { fromMs: number; toMs: number; n: number }

export interface BigCampaign {
  campaignId: number;
  /** Agents who take its answered calls. */
  agentIds: readonly number[];
  stretches: readonly Stretch[];
}

/**
 * A predictive campaign dialling around the clock at an even pace, generated in SQL (a recursive CTE, one
 * INSERT … SELECT per stretch): a third answered (each by one of its agents, with a disposition), some abandoned,
 * machines, busy, no answer, congestion, invalid numbers and failures, chosen by a multiplicative hash of the row
 * number so the history is the same on every run. Every attempt ends within 5 minutes of its claim. Answers the
 * attempts written.
 */
export function seedBigCampaign(db: Db, c: BigCampaign): number {
  const agents = c.agentIds.length;
  db.exec(`UPDATE campaigns SET dialing_mode = 'predictive' WHERE id = ${c.campaignId}`);
  let written = 0;
  for (const st of c.stretches) {
    if (st.n <= 0) continue;
    const base = written;
    db.transaction(() => db.prepare(`WITH RECURSIVE seq(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM seq WHERE j < ${st.n - 1}),
      gen AS (SELECT ${base} + j AS i, ${st.fromMs} + (j * ${st.toMs - st.fromMs}) / ${st.n} AS t FROM seq),
      hashed AS (SELECT i, t, (i * 2654435761) % 1000 AS h, (i * 40503) % 240 AS talk FROM gen),
      pick AS (SELECT i, t, talk, CASE WHEN h < 330 THEN 'answered' WHEN h < 350 THEN 'abandoned' WHEN h < 430 THEN 'machine' WHEN h < 530 THEN 'busy'
        WHEN h < 880 THEN 'no_answer' WHEN h < 930 THEN 'congestion' WHEN h < 970 THEN 'invalid_number' ELSE 'failed' END AS outcome FROM hashed)
      INSERT INTO dial_attempts (campaign_id, lead_id, agent_id, mode, state, phone_number, claimed_at, dialing_at, answered_at, connected_at, ended_at,
        outcome, end_reason, disposition, disposed_at)
      SELECT ${c.campaignId}, 10000000 + i, CASE WHEN outcome = 'answered' THEN (${agents > 0 ? `'${JSON.stringify(c.agentIds)}' ->> (i % ${agents})` : 'NULL'}) END,
        'predictive', 'ended', printf('+8490%07d', (i * 7919) % 10000000), ${iso('t')}, ${iso('t + 300')},
        CASE WHEN outcome IN ('answered', 'abandoned', 'machine') THEN ${iso('t + 15000')} END,
        CASE WHEN outcome = 'answered' THEN ${iso('t + 17000')} END,
        CASE WHEN outcome = 'answered' THEN ${iso('t + 37000 + talk * 1000')} WHEN outcome IN ('abandoned', 'machine') THEN ${iso('t + 25000')} ELSE ${iso('t + 30000')} END,
        outcome, CASE outcome WHEN 'answered' THEN 'customer_hangup' WHEN 'abandoned' THEN 'abandoned' WHEN 'machine' THEN 'machine' ELSE 'not_reached' END,
        CASE WHEN outcome = 'answered' THEN (CASE i % 6 WHEN 0 THEN 'closed_deal' WHEN 1 THEN 'interested' WHEN 2 THEN 'not_interested' WHEN 3 THEN 'callback'
          WHEN 4 THEN 'not_interested' ELSE 'interested' END) END,
        CASE WHEN outcome = 'answered' THEN ${iso('t + 67000 + talk * 1000')} END
      FROM pick`).run())();
    written += st.n;
  }
  return written;
}

/**
 * One call record per dialled attempt, written in SQL from dial_attempts (its indexes dropped for the load and
 * rebuilt after): the flow its mode runs, the number (made up from the attempt id where the attempt has none), the
 * times, a Q.850 cause and Dial status per outcome. Answers the call records written.
 */
export function seedCallRecords(db: Db): number {
  const indexes = dropIndexes(db, 'call_records');
  const n = db.transaction(() => db.prepare(`INSERT INTO call_records (flow, attempt_id, campaign_id, contact_id, agent_id, phone_number,
      dial_at, answer_at, bridge_at, end_at, hangup_cause, dial_status, amd_status, outcome, end_reason)
    SELECT CASE WHEN mode IN ('predictive', 'ivr') THEN 'customer-first' ELSE 'agent-first' END, id, campaign_id, NULL, agent_id,
      COALESCE(phone_number, printf('+849%08d', (id * 2654435761) % 100000000)),
      dialing_at, COALESCE(answered_at, CASE WHEN outcome = 'answered' THEN connected_at END), connected_at, COALESCE(ended_at, dialing_at),
      CASE outcome WHEN 'busy' THEN 17 WHEN 'no_answer' THEN 19 WHEN 'congestion' THEN 34 WHEN 'invalid_number' THEN 1 WHEN 'failed' THEN 0 ELSE 16 END,
      CASE outcome WHEN 'busy' THEN 'BUSY' WHEN 'no_answer' THEN 'NOANSWER' WHEN 'congestion' THEN 'CONGESTION' WHEN 'invalid_number' THEN 'CHANUNAVAIL'
        WHEN 'failed' THEN 'CHANUNAVAIL' ELSE 'ANSWER' END,
      CASE outcome WHEN 'machine' THEN 'MACHINE' WHEN 'answered' THEN 'HUMAN' END,
      outcome, COALESCE(end_reason, CASE outcome WHEN 'answered' THEN 'customer_hangup' WHEN 'abandoned' THEN 'abandoned' ELSE 'not_reached' END)
    FROM dial_attempts WHERE dialing_at IS NOT NULL ORDER BY id`).run().changes)();
  for (const sql of indexes) db.exec(sql);
  return n;
}
