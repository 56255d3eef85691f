import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { meetsGoal } from '../../bench/summary/bench-figure';
import { benchPlan } from '../../bench/summary/bench-plan';

const root = path.resolve(__dirname, '..', '..', '..');

describe('npm run bench', () => {
  it('when a bench:* script exists in package.json, then the summary runs it at both sizes, from a compiled script', () => {
    const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const named = Object.keys(scripts).filter((k) => k.startsWith('bench:')).map((k) => k.slice('bench:'.length)).sort();
    for (const size of ['ci', 'full'] as const) {
      const plan = benchPlan(size, 'http://127.0.0.1:8088');
      for (const name of named) assert.ok(plan.some((b) => b.bench === name), `bench:${name} is in the plan`);
      assert.ok(plan.some((b) => b.args.includes('--ari-url')), 'with a real Asterisk, its connect latency is measured');
      assert.ok(!benchPlan(size).some((b) => b.args.includes('--ari-url')), 'without one, it is left out');
      for (const b of plan) assert.ok(existsSync(path.join(root, 'dist', 'bench', b.script)), `${b.script} is built`);
    }
    assert.match(scripts.bench!, /run-benches/);
  });

  it('when the pacing bench runs at CI size, then it uses its own --ci mode (two hours of one 10-agent scenario, with its bound)', () => {
    const pacing = (size: 'ci' | 'full') => benchPlan(size).find((b) => b.bench === 'pacing')!;
    assert.deepEqual(pacing('ci').args, ['--ci']);
    assert.deepEqual(pacing('full').args, []);
  });

  it('when a figure is judged, then the goal is a ceiling for lower-is-better figures and a floor for the others', () => {
    const f = { name: 'x', unit: 'ms', goal: 20 };
    assert.equal(meetsGoal({ ...f, value: 20, better: 'lower' }), true);
    assert.equal(meetsGoal({ ...f, value: 20.1, better: 'lower' }), false);
    assert.equal(meetsGoal({ ...f, value: 19.9, better: 'higher' }), false);
    assert.equal(meetsGoal({ ...f, value: 20, better: 'higher' }), true);
  });
});
