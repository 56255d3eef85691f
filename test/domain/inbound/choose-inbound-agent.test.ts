import assert from 'node:assert/strict';
import { chooseInboundAgent, type InboundCandidate } from '../../../src/domain/inbound/choose-inbound-agent';

const t = (min: number) => new Date(Date.UTC(2026, 0, 1, 9, min));
const c = (agentId: number, over: Partial<InboundCandidate> = {}): InboundCandidate => ({ agentId, extension: `10${agentId}`, free: true, idleSince: null, ...over });

const rows: { when: string; candidates: InboundCandidate[]; tried?: number[]; agent: number | null; anyOn: boolean }[] = [
  { when: 'nobody is ON', candidates: [], agent: null, anyOn: false },
  { when: 'the only ON agent has no phone', candidates: [c(1, { extension: null })], agent: null, anyOn: false },
  { when: 'two agents are free', candidates: [c(2, { idleSince: t(5) }), c(3, { idleSince: t(1) })], agent: 3, anyOn: true },
  { when: 'one free agent has not had a call yet', candidates: [c(2, { idleSince: t(1) }), c(4)], agent: 4, anyOn: true },
  { when: 'the longest idle agent is busy', candidates: [c(2, { idleSince: t(1), free: false }), c(3, { idleSince: t(5) })], agent: 3, anyOn: true },
  { when: 'everyone ON is busy', candidates: [c(2, { free: false })], agent: null, anyOn: true },
  { when: 'the longest idle agent was already rung for this call', candidates: [c(2, { idleSince: t(1) }), c(3, { idleSince: t(5) })], tried: [2], agent: 3, anyOn: true },
  { when: 'every free agent was rung', candidates: [c(2)], tried: [2], agent: null, anyOn: true },
  { when: 'idle times are equal', candidates: [c(7, { idleSince: t(1) }), c(5, { idleSince: t(1) })], agent: 5, anyOn: true },
];

describe('choose inbound agent', () => {
  for (const r of rows) {
    it(`when ${r.when}, then ${r.agent === null ? 'nobody' : `agent ${r.agent}`} is chosen${r.anyOn ? ' (someone is ON)' : ''}`, () => {
      const got = chooseInboundAgent(r.candidates, r.tried ?? []);
      assert.equal(got.agent?.agentId ?? null, r.agent);
      assert.equal(got.anyOn, r.anyOn);
    });
  }
});
