import assert from 'node:assert/strict';
import { BehaviourBook } from '../../src/simulator/behaviour-book';
import { parseCallerId } from '../../src/simulator/channel-factory';
import { parseEndpoint } from '../../src/simulator/endpoint-parser';
import { farEndScript } from '../../src/simulator/far-end-script';
import { AriHttpError } from '../../src/simulator/http-error';
import { builtinAgentPlan, builtinCustomerPlan } from '../../src/simulator/party-behaviour';
import { createSeededRandom } from '../../src/simulator/seeded-random';
import { resolveOptions } from '../../src/simulator/simulator-options';
import { SoundLibrary } from '../../src/simulator/sound-library';

describe('simulated far ends: the reference numbers', () => {
  const table: Array<[string, string | null, number, string | null]> = [
    // number, outcome, ring ms, style
    ['09000001', 'unallocated', 0, 'unallocated'],
    ['09010001', 'answer', 1000, 'human'],
    ['09020001', 'busy', 1000, 'busy'],
    ['09030001', 'no_answer', 1000, 'no-answer'],
    ['09040001', 'congestion', 0, 'congestion'],
    ['09050001', 'answer', 1000, 'keys'],
    ['09060001', 'answer', 1000, 'machine'],
    ['09070001', 'answer', 1000, 'early-hangup'],
    ['0908123', 'answer', 1000, 'keys'],
    ['090908001', 'answer', 8000, 'human'],
    ['0901', null, 0, null],
    ['09011', null, 0, null],
    ['5555', null, 0, null],
  ];
  for (const [number, outcome, ringMs, style] of table) {
    it(`when ${number} is dialed, then the plan is ${outcome ?? 'no such extension'}`, () => {
      const plan = builtinCustomerPlan(number);
      assert.equal(plan?.outcome ?? null, outcome);
      if (plan) {
        assert.equal(plan.ringMs, ringMs);
        assert.equal(plan.style, style);
      }
    });
  }

  it('when 0908123 answers, then it presses 1, 2, 3 2.2 s after answer, 351 ms apart', () => {
    const steps = farEndScript(builtinCustomerPlan('0908123')!, 'sim-customers', '0908123').filter((s) => s.kind === 'dtmf');
    assert.deepEqual(steps.map((s) => [s.at, 'digit' in s ? s.digit : '']), [[3200, '1'], [3551, '2'], [3902, '3']]);
  });

  it('when agents are dialed, then 8XXX is busy, 9XXX never answers, others answer after 1 s and stay an hour', () => {
    assert.equal(builtinAgentPlan('8001')?.outcome, 'busy');
    assert.equal(builtinAgentPlan('9001')?.outcome, 'no_answer');
    assert.deepEqual([builtinAgentPlan('1001')?.outcome, builtinAgentPlan('1001')?.talkMs], ['answer', 3_600_000]);
    assert.equal(builtinAgentPlan('80011')?.outcome, 'answer');
    assert.equal(builtinAgentPlan('x'), null);
  });

  it('when a human answers, then the far half runs Gosub(sim-human) then Answer, and the app-visible steps come in the recorded order', () => {
    const steps = farEndScript(builtinCustomerPlan('09010001')!, 'sim-customers', '09010001');
    const first = steps.filter((s) => s.at === 0).map((s) => (s.kind === 'dialplan' ? `${s.app}` : s.kind));
    assert.deepEqual(first, ['NoOp', 'Ringing', 'ringing', 'Wait', 'ringDial']);
    const atAnswer = steps.filter((s) => s.at === 1000).map((s) => (s.kind === 'dialplan' ? `${s.app}` : s.kind));
    assert.deepEqual(atAnswer, ['Gosub', 'var', 'Answer', 'answer']);
    assert.equal(steps.at(-1)?.kind, 'hangup');
    assert.equal(steps.at(-1)?.at, 1000 + 30_800);
  });

  it('when a rule is scripted, then it wins over the reference numbers; newest first; scoped rules skip the other party', () => {
    const book = new BehaviourBook(createSeededRandom(1));
    book.set('0902*', { result: 'answer' });
    book.set('09020001', { result: 'congestion' });
    book.set('1001', { result: 'busy' }, { party: 'customer' });
    assert.equal(book.resolve('customer', '09020001')?.outcome, 'congestion');
    assert.equal(book.resolve('customer', '09020002')?.outcome, 'answer');
    assert.equal(book.resolve('agent', '1001')?.outcome, 'answer');
    book.clear();
    assert.equal(book.resolve('customer', '09020002')?.outcome, 'busy');
  });

  it('when a mix is drawn with the same seed twice, then the same sequence comes out', () => {
    const draw = () => {
      const book = new BehaviourBook(createSeededRandom(7));
      book.setMix('*', [{ weight: 1, behaviour: { result: 'busy' } }, { weight: 1, behaviour: { result: 'answer' } }, { weight: 1, behaviour: { result: 'no_answer' } }]);
      return Array.from({ length: 20 }, () => book.resolve('customer', '123')?.outcome);
    };
    assert.deepEqual(draw(), draw());
    assert.equal(new Set(draw()).size, 3);
  });
});

describe('simulated far ends: parsing', () => {
  const options = resolveOptions({});
  const table: Array<[string, string]> = [
    ['Local/09010001@sim-customers', 'local customer 09010001'],
    ['Local/1001@sim-agents', 'local agent 1001'],
    ['Local/1001@elsewhere', 'local none 1001'],
    ['Local/1001@sim-agents/n', 'local agent 1001'],
    ['PJSIP/09010001@trunk', 'pjsip customer 09010001'],
    ['PJSIP/09010001@sim-trunk', 'pjsip customer 09010001'],
    ['PJSIP/1001', 'pjsip agent 1001'],
    ['PJSIP/2001', '500'],
    ['PJSIP/nobody', '500'],
    ['PJSIP/1@other', '500'],
    ['Bogus/5555', '500'],
    ['5555', '400'],
  ];
  for (const [endpoint, expected] of table) {
    it(`when the endpoint is ${endpoint}, then it is ${expected}`, () => {
      let got: string;
      try {
        const ep = parseEndpoint(endpoint, options);
        got = `${ep.kind} ${ep.party ?? 'none'} ${ep.exten}`;
      } catch (err) {
        got = err instanceof AriHttpError ? String(err.status) : 'throws';
      }
      assert.equal(got, expected);
    });
  }

  it('when caller ids are written in the usual forms, then name and number are split as Asterisk does', () => {
    assert.deepEqual(parseCallerId('"Sales" <555>'), { name: 'Sales', number: '555' });
    assert.deepEqual(parseCallerId('Dialer <1000>'), { name: 'Dialer', number: '1000' });
    assert.deepEqual(parseCallerId('12345'), { name: '', number: '12345' });
    assert.deepEqual(parseCallerId(undefined), { name: '', number: '' });
  });

  it('when media URIs are measured, then sounds, digits and numbers last as the recorded prompts do; unknown ones fail', () => {
    const sounds = new SoundLibrary(null, () => undefined);
    assert.deepEqual(sounds.length('sound:vm-press'), { ok: true, ms: 723 });
    assert.deepEqual(sounds.length('digits:123'), { ok: true, ms: 911 + 747 + 838 });
    assert.deepEqual(sounds.length('number:42'), { ok: true, ms: 948 + 747 });
    assert.deepEqual(sounds.length('tone:ring'), { ok: true, ms: null });
    assert.deepEqual(sounds.length('sound:no-such-prompt'), { ok: false });
    assert.deepEqual(sounds.length('hello'), { ok: false });
    assert.deepEqual(new SoundLibrary(1500, () => undefined).length('sound:custom/welcome'), { ok: true, ms: 1500 });
  });
});
