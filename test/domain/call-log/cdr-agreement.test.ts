import assert from 'node:assert/strict';
import { compareWithCdr, customerLegs, describeDisagreement, type LoggedCall } from '../../../src/domain/call-log/cdr/cdr-agreement';
import { parseCdrCsv, splitCsvLine } from '../../../src/domain/call-log/cdr/cdr-csv';

const P = 'dialer';
/** A Master.csv line in cdr_csv's layout (loguniqueid, loguserfield). */
const line = (o: { dst: string; channel: string; app: string; start: string; answer?: string; end: string; duration: number; billsec: number; disposition: string; uniqueid: string }) =>
  ['', '', o.dst, 'sim-customers', '"" <>', o.channel, '', o.app, 'x', o.start, o.answer, o.end, o.duration, o.billsec, o.disposition, 'DOCUMENTATION', o.uniqueid, '']
    .map((v) => (v === undefined ? '' : typeof v === 'number' ? String(v) : `"${String(v).replaceAll('"', '""')}"`)).join(',');

const MASTER = [
  line({ dst: '0901000001', channel: 'Local/0901000001@sim-customers-00000001;2', app: 'Playback', start: '2026-12-08 09:00:00', answer: '2026-12-08 09:00:02', end: '2026-12-08 09:00:32', duration: 32, billsec: 30, disposition: 'ANSWERED', uniqueid: `${P}.customer.11.aaaa;2` }),
  // The same leg's near half (in Stasis) — the far half above speaks for it.
  line({ dst: '1001', channel: 'Local/0901000001@sim-customers-00000001;1', app: 'Stasis', start: '2026-12-08 09:00:00', answer: '2026-12-08 09:00:02', end: '2026-12-08 09:00:32', duration: 32, billsec: 30, disposition: 'ANSWERED', uniqueid: `${P}.customer.11.aaaa` }),
  line({ dst: '0902000001', channel: 'Local/0902000001@sim-customers-00000003;2', app: 'Busy', start: '2026-12-08 09:01:00', end: '2026-12-08 09:01:01', duration: 1, billsec: 0, disposition: 'NO ANSWER', uniqueid: `${P}.customer.12.bbbb;2` }),
  // An agent's phone, and another dialer's customer on the same PBX: neither is ours to compare.
  line({ dst: '1001', channel: 'Local/1001@sim-agents-00000000;2', app: 'Wait', start: '2026-12-08 09:00:00', answer: '2026-12-08 09:00:01', end: '2026-12-08 09:00:32', duration: 32, billsec: 31, disposition: 'ANSWERED', uniqueid: `${P}.agent.11.cccc;2` }),
  line({ dst: '0901000009', channel: 'Local/0901000009@sim-customers-00000009;2', app: 'Playback', start: '2026-12-08 09:00:00', answer: '2026-12-08 09:00:02', end: '2026-12-08 09:00:10', duration: 10, billsec: 8, disposition: 'ANSWERED', uniqueid: 'other.customer.11.dddd;2' }),
].join('\n');

const at = (s: string) => new Date(`2026-12-08T${s}Z`);
const calls = (): LoggedCall[] => [
  { callRecordId: 1, ref: '11', phoneNumber: '0901000001', dialAt: at('09:00:00.200'), answerAt: at('09:00:02.300'), endAt: at('09:00:32.600') },
  { callRecordId: 2, ref: '12', phoneNumber: '0902000001', dialAt: at('09:01:00.100'), answerAt: null, endAt: at('09:01:01.500') },
];

describe('the call log against Asterisk\'s CSV call detail records', () => {
  it('when a Master.csv line has quoted fields with doubled quotes and bare empty ones, then every field is read', () => {
    assert.deepEqual(splitCsvLine('"","a ""b"" c",,"2026-12-08 09:00:00",5,""'), ['', 'a "b" c', '', '2026-12-08 09:00:00', '5', '']);
    const { rows, bad } = parseCdrCsv(`${MASTER}\n"short","line"\n`);
    assert.equal(rows.length, 5);
    assert.deepEqual(bad.map((b) => b.line), [6]);
    assert.match(bad[0]!.reason, /loguniqueid/);
    assert.equal(rows[0]!.answer, '2026-12-08 09:00:02');
    assert.equal(rows[2]!.answer, '');
    assert.equal(rows[0]!.billsec, 30);
  });

  it('when the CDR holds both halves of a Local customer channel, agents and another dialer\'s calls, then one leg per channel of ours is kept, the far half', () => {
    const legs = customerLegs(parseCdrCsv(MASTER).rows, P);
    assert.deepEqual([...legs.keys()], [`${P}.customer.11.aaaa`, `${P}.customer.12.bbbb`]);
    assert.equal(legs.get(`${P}.customer.11.aaaa`)!.row.lastapp, 'Playback');
  });

  it('when the log and the CDR hold the same calls, then they agree: counts, answered split, durations within a second', () => {
    const r = compareWithCdr(calls(), parseCdrCsv(MASTER).rows, P, () => true);
    assert.deepEqual(r.disagreements.map(describeDisagreement), []);
    assert.deepEqual([r.logged, r.inCdr, r.matched, r.loggedAnswered, r.cdrAnswered], [2, 2, 2, 1, 1]);
  });

  it('when a call is missing on either side, answered on one side only, or lasted longer in one, then each is named', () => {
    const rows = parseCdrCsv(MASTER).rows;
    const [answered, busy] = calls();
    const r = compareWithCdr([{ ...answered!, endAt: at('09:00:35.000') }, { ...busy!, ref: '13' }], rows, P, () => true);
    assert.deepEqual(r.disagreements.map((d) => d.kind).sort(), ['billed', 'duration', 'missing_in_cdr', 'missing_in_log']);
    const noAnswer = compareWithCdr([{ ...answered!, answerAt: null }], rows, P, (ref) => ref === '11');
    assert.deepEqual(noAnswer.disagreements.map((d) => d.kind), ['answered']);
    assert.match(describeDisagreement(noAnswer.disagreements[0]!), /not answered in the log, ANSWERED in the CDR/);
  });

  it('when the CDR holds calls outside what was asked for (another campaign), then they are not counted against the log', () => {
    const r = compareWithCdr(calls().slice(0, 1), parseCdrCsv(MASTER).rows, P, (ref) => ref === '11');
    assert.deepEqual(r.disagreements, []);
    assert.equal(r.inCdr, 1);
  });
});
