import assert from 'node:assert/strict';
import { CAMPAIGN_STATES, type CampaignState } from '../../src/domain/campaign-lifecycle';
import type { Actor } from '../../src/domain/roles';
import { questionProblems, type ScriptSharing } from '../../src/domain/script';
import { canSeeScript, decideScriptChange } from '../../src/domain/script-rules';

const CREATOR = 10;
const owner: Actor = { id: 1, role: 'owner' };
const creator: Actor = { id: CREATOR, role: 'admin' };
const otherAdmin: Actor = { id: 11, role: 'admin' };
const chosenAdmin: Actor = { id: 12, role: 'admin' };
const agent: Actor = { id: 20, role: 'agent' };

describe('script rules', () => {
  describe('who sees a script', () => {
    const TABLE: Record<ScriptSharing, [owner: boolean, creator: boolean, other: boolean, chosen: boolean, agent: boolean]> = {
      all_admins: [true, true, true, true, false],
      only_me: [true, true, false, false, false],
      chosen_admins: [true, true, false, true, false],
    };
    for (const [sharing, expected] of Object.entries(TABLE) as [ScriptSharing, boolean[]][]) {
      it(`when a script is shared as ${sharing}, then owner/creator/other admin/chosen admin/agent see it: ${expected.join('/')}`, () => {
        const script = { createdBy: CREATOR, sharing, sharedWith: [chosenAdmin.id] };
        assert.deepEqual([owner, creator, otherAdmin, chosenAdmin, agent].map((a) => canSeeScript(a, script)), expected);
      });
    }
  });

  describe('who may edit or delete a script, by the states of the campaigns using it', () => {
    // Columns: draft, pending_approval, approved, rejected, scheduled, running, paused, ended. ok | 403 | 409.
    type Cell = 'ok' | 403 | 409;
    const TABLE: { name: string; actor: Actor; unused: Cell; byState: Cell[] }[] = [
      { name: 'an owner', actor: owner, unused: 'ok', byState: ['ok', 'ok', 409, 'ok', 409, 409, 409, 409] },
      { name: 'the creating admin', actor: creator, unused: 'ok', byState: ['ok', 409, 409, 'ok', 409, 409, 409, 409] },
      { name: 'an admin it is shared with', actor: chosenAdmin, unused: 403, byState: [403, 403, 403, 403, 403, 403, 403, 403] },
      { name: 'an agent', actor: agent, unused: 403, byState: [403, 403, 403, 403, 403, 403, 403, 403] },
    ];
    const script = { createdBy: CREATOR, sharing: 'chosen_admins' as const, sharedWith: [chosenAdmin.id] };
    const result = (actor: Actor, usedBy: CampaignState[]): Cell => {
      const d = decideScriptChange(actor, script, usedBy);
      return d.ok ? 'ok' : d.status;
    };
    for (const row of TABLE) {
      it(`when ${row.name} changes it, then unused and under each campaign state the answer follows the table`, () => {
        assert.equal(result(row.actor, []), row.unused, 'unused');
        CAMPAIGN_STATES.forEach((state, i) => assert.equal(result(row.actor, [state]), row.byState[i], state));
        // One blocking campaign among drafts is enough to block.
        CAMPAIGN_STATES.forEach((state, i) => assert.equal(result(row.actor, ['draft', state, 'draft']), row.byState[i], `draft+${state}`));
      });
    }

    it('when a change is blocked by use, then the reason names the blocking state', () => {
      const d = decideScriptChange(creator, script, ['draft', 'running']);
      assert.equal(d.ok, false);
      assert.match(d.ok ? '' : d.reason, /running/);
    });
  });

  describe('questions', () => {
    const cases: [string, { kind: 'free_text' | 'single_choice' | 'multiple_choice'; options: string[] }, string | undefined][] = [
      ['a free text question with no options', { kind: 'free_text', options: [] }, undefined],
      ['a free text question with options', { kind: 'free_text', options: ['a'] }, 'options'],
      ['a single choice with one option', { kind: 'single_choice', options: ['yes'] }, 'options'],
      ['a multiple choice with two options', { kind: 'multiple_choice', options: ['tv', 'radio'] }, undefined],
      ['a choice with an option listed twice in another case', { kind: 'single_choice', options: ['Yes', 'No', 'yes'] }, 'options.2'],
    ];
    for (const [what, q, field] of cases) {
      it(`when ${what}, then ${field ? `the problem names ${field}` : 'there is no problem'}`, () => {
        const problems = questionProblems(q);
        assert.deepEqual(problems.map((p) => p.field), field ? [field] : []);
      });
    }
  });
});
