import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { startAriSimulator } from '../../src/simulator/start-ari-simulator';
import { compareSequences, eventSequences, type SequenceOptions } from './support/event-signatures';
import { haveTraces, loadTrace, referenceDir, traceNames } from './support/trace-file';
import { TraceReplayer, type ReplayResult, type ReplayTarget } from './support/trace-replayer';

function differences(name: string, result: ReplayResult, options: SequenceOptions = {}): string[] {
  const lines = loadTrace(name);
  const expected = eventSequences(TraceReplayer.recorded(lines), options);
  const actual = eventSequences(result, options);
  const statuses = result.rest
    .filter((r) => r.status !== r.expectedStatus)
    .map((r) => `${r.method} ${r.path}: expected ${r.expectedStatus}, got ${r.status} ${JSON.stringify(r.body)}`);
  return [...compareSequences(expected, actual), ...statuses];
}

/** The key order of an event and of the objects in it, e.g. `type,timestamp,channel,… channel:id,name,…`. */
function shape(value: unknown, path = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const keys = Object.keys(value);
  const nested = keys.flatMap((k) => shape((value as Record<string, unknown>)[k], `${path}${k}.`));
  return [`${path}{${keys.join(',')}}`, ...nested];
}

function recordedShapes(): Map<string, Set<string>> {
  const shapes = new Map<string, Set<string>>();
  for (const name of traceNames()) {
    for (const line of loadTrace(name)) {
      if (line.kind !== 'event') continue;
      const set = shapes.get(line.event.type) ?? new Set<string>();
      set.add(shape(line.event).join(' '));
      shapes.set(line.event.type, set);
    }
  }
  return shapes;
}

describe('ARI simulator replaying the recorded Asterisk traces', () => {
  if (!haveTraces()) {
    it.skip(`skipped: reference traces not found in ${referenceDir()}`, () => undefined);
    return;
  }
  const shapesSeen = new Map<string, Set<string>>();
  for (const name of traceNames()) {
    it(`when ${name}.jsonl is replayed, then each channel gets the recorded events in order and each request the recorded status`, async () => {
      const sim = await startAriSimulator({ settleMs: 2 });
      try {
        const start = sim.control.now();
        const target: ReplayTarget = {
          baseUrl: sim.url, user: 'dialer', password: 'dialer',
          advanceTo: async (ms) => {
            const due = start + ms - sim.control.now();
            await (due > 0 ? sim.control.advance(due) : sim.control.settle());
          },
          waitFor: async (done, maxMs) => { await sim.control.runUntil(done, maxMs); },
          restart: () => sim.control.restart(),
        };
        const result = await new TraceReplayer(target).replay(loadTrace(name));
        assert.deepEqual(differences(name, result), []);
        assert.deepEqual(sim.control.errors, []);
        for (const e of result.events) shapesSeen.set(e.type, (shapesSeen.get(e.type) ?? new Set()).add(shape(e).join(' ')));
      } finally {
        await sim.stop();
      }
    });
  }

  it('when every trace has been replayed, then each event the simulator sent had the fields, nesting and key order of the same event type in the recordings', () => {
    const recorded = recordedShapes();
    const odd: string[] = [];
    for (const [type, shapes] of shapesSeen) {
      for (const s of shapes) if (recorded.has(type) && !recorded.get(type)?.has(s)) odd.push(`${type}: ${s}`);
    }
    assert.ok(shapesSeen.size > 15, 'the replays produced the usual event types');
    assert.deepEqual(odd, []);
  });
});

describe('the same trace replays against a real Asterisk', function () {
  this.timeout(120_000);
  const url = process.env.DIALER_IT_ARI_URL;
  const user = process.env.DIALER_IT_ARI_USER;
  const password = process.env.DIALER_IT_ARI_PASSWORD;
  if (!url || !user || !password || !haveTraces()) {
    it.skip('skipped: set DIALER_IT_ARI_URL, DIALER_IT_ARI_USER and DIALER_IT_ARI_PASSWORD (and have the reference traces) to run it', () => undefined);
    return;
  }
  // sip-trunk needs PJSIP, which the shared test Asterisk lacks; restart needs its CLI (DIALER_IT_ASTERISK_CLI).
  const cli = process.env.DIALER_IT_ASTERISK_CLI;
  const replay = async (name: string): Promise<string[]> => {
    const start = Date.now();
    const target: ReplayTarget = {
      baseUrl: url, user, password,
      advanceTo: async (ms) => {
        const due = start + ms - Date.now();
        if (due > 0) await new Promise((r) => setTimeout(r, due));
      },
      waitFor: async (done, maxMs) => {
        const limit = Date.now() + maxMs;
        while (!done() && Date.now() < limit) await new Promise((r) => setTimeout(r, 5));
      },
      restart: async () => {
        // Like the recorder: run `core restart now` and carry on while it works.
        if (cli) execFile(cli, ['--port', new URL(url).port, 'core restart now'], () => undefined);
      },
    };
    // Each replay has its own application and ids, so they share the PBX at once; amd.jsonl keeps `dialer`, the
    // application the test dialplan's dialer-out context hands its calls to.
    const own = name === 'amd' ? { idPrefix: 'amd-' } : { app: `dialer-${name}`, idPrefix: `${name}-` };
    const result = await new TraceReplayer(target, own).replay(loadTrace(name));
    return differences(name, result, { eitherCauseAfterFarHangup: true, leadingRingingOptional: true, lenientShutdown: true });
  };
  const together = traceNames().filter((n) => n !== 'sip-trunk' && n !== 'restart');
  let runs: Map<string, Promise<string[]>>;
  before(() => {
    runs = new Map(together.map((name) => [name, replay(name)]));
    for (const p of runs.values()) p.catch(() => undefined);
  });
  for (const name of together) {
    it(`when ${name}.jsonl is replayed on ${url} (alongside the others), then the normalised events match the recording`, async () => {
      assert.deepEqual(await runs.get(name), []);
    });
  }
  if (cli) {
    // Last and alone: it restarts the PBX under everything else.
    it(`when restart.jsonl is replayed on ${url}, then the normalised events match the recording`, async () => {
      assert.deepEqual(await replay('restart'), []);
    });
  } else {
    it.skip('restart.jsonl on real Asterisk skipped: set DIALER_IT_ASTERISK_CLI to the shared Asterisk\'s cli (.ci/run does)', () => undefined);
  }
});
