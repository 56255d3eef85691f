import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Registry } from 'prom-client';
import { createMetrics } from '../../src/api/metrics';
import { MetricsQueries } from '../../src/store/metrics/metrics-queries';
import { CallRecordRepository } from '../../src/store/call-record-repository';
import { openTestDb } from '../support/test-db';

const DASHBOARD = path.resolve(__dirname, '..', '..', '..', 'config', 'grafana', 'dialer.json');
const HISTOGRAM_SUFFIX = /_(bucket|sum|count)$/;
/** Labels Prometheus adds itself, and the bucket label of histograms. */
const SCRAPE_LABELS = new Set(['job', 'instance', 'le']);

interface Panel { id: number; title: string; gridPos: { x: number; y: number; w: number; h: number }; targets: { expr: string }[] }

describe('the Grafana dashboard in config/grafana/', () => {
  const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as { panels: Panel[]; templating: { list: { query?: unknown }[] } };
  let t: ReturnType<typeof openTestDb>;
  let registry: Registry;
  before(() => {
    t = openTestDb();
    registry = new Registry();
    createMetrics({ registry, callRecords: new CallRecordRepository(t.db), queries: new MetricsQueries(t.db), telephonyStatus: () => 'ready', live: () => [] });
  });
  after(() => t.close());

  const exprs = () => [
    ...dashboard.panels.flatMap((p) => p.targets.map((x) => ({ where: p.title, expr: x.expr }))),
    ...dashboard.templating.list.filter((v) => typeof v.query === 'string' && /dialer_/.test(v.query as string)).map((v) => ({ where: 'variable', expr: v.query as string })),
  ];

  it('when its queries are read, then every metric they name is one the dialer exposes, with the labels they use', () => {
    let checked = 0;
    for (const { where, expr } of exprs()) {
      for (const m of expr.matchAll(/(dialer_[a-z0-9_]+)(\{([^}]*)\})?/g)) {
        const name = m[1]!;
        const metric = registry.getSingleMetric(name) ?? registry.getSingleMetric(name.replace(HISTOGRAM_SUFFIX, ''));
        assert.ok(metric, `${where}: ${name} is exposed`);
        const labels = new Set<string>((metric as unknown as { labelNames: string[] }).labelNames);
        for (const [, label] of (m[3] ?? '').matchAll(/([a-z_]+)\s*=~?/g)) {
          assert.ok(labels.has(label!) || SCRAPE_LABELS.has(label!), `${where}: ${name} has label ${label}`);
        }
        checked++;
      }
      for (const [, list] of expr.matchAll(/by \(([^)]*)\)/g)) {
        for (const label of list!.split(',').map((s) => s.trim())) {
          const names = [...expr.matchAll(/dialer_[a-z0-9_]+/g)].map((x) => x[0].replace(HISTOGRAM_SUFFIX, ''));
          const has = names.some((n) => (registry.getSingleMetric(n) as unknown as { labelNames?: string[] } | undefined)?.labelNames?.includes(label));
          assert.ok(has || SCRAPE_LABELS.has(label), `${where}: grouped by ${label}, a label of its metric`);
        }
      }
    }
    assert.ok(checked >= 15, `${checked} metric references`);
  });

  it('when its panels are laid out, then ids are unique and no two panels overlap', () => {
    const ids = dashboard.panels.map((p) => p.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const a of dashboard.panels) {
      for (const b of dashboard.panels) {
        if (a === b) continue;
        const overlap = a.gridPos.x < b.gridPos.x + b.gridPos.w && b.gridPos.x < a.gridPos.x + a.gridPos.w
          && a.gridPos.y < b.gridPos.y + b.gridPos.h && b.gridPos.y < a.gridPos.y + a.gridPos.h;
        assert.ok(!overlap, `${a.title} and ${b.title} overlap`);
      }
    }
  });

  it('when the supervisor\'s picture is looked for, then calls, agents, abandon rates, dial level, hold-to-agent latency and due leads are all on it', () => {
    const all = exprs().map((e) => e.expr).join('\n');
    for (const name of ['dialer_calls_total', 'dialer_calls_in_progress', 'dialer_agents', 'dialer_abandon_rate', 'dialer_pacing_abandon_rate',
      'dialer_dial_level', 'dialer_answer_to_bridge_seconds_bucket', 'dialer_due_leads', 'dialer_import_rows_total', 'dialer_ari_connection_state']) {
      assert.ok(all.includes(name), name);
    }
  });
});
