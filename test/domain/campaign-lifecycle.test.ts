import assert from 'node:assert/strict';
import {
  CAMPAIGN_ACTIONS, CAMPAIGN_STATES, decideTransition,
  type CampaignAction, type CampaignActor, type CampaignState, type CampaignTimes, type TransitionTarget,
} from '../../src/domain/campaign-lifecycle';

/*
 * The expected answer for every state × action × actor × moment, written out by hand. Nothing here
 * re-derives the rule: each cell is what the issue asks for (and what docs/the report describe).
 */
type Expect = TransitionTarget | 409;
type TimeCase = 'noTimes' | 'beforeStart' | 'duringWindow' | 'afterEnd';
type PerTime = { [K in TimeCase]: Expect };
type Cell = Expect | PerTime;
type Row = Record<CampaignState, Cell>;
type ActorClass = 'owner' | 'adminRelated' | 'adminUnrelated' | 'agent' | 'system';

const NOW = new Date('2026-11-25T08:00:00Z');
const HOUR = 3600_000;
const TIMES: Record<TimeCase, CampaignTimes> = {
  noTimes: { startAt: null, endAt: null },
  beforeStart: { startAt: new Date(NOW.getTime() + HOUR), endAt: new Date(NOW.getTime() + 9 * HOUR) },
  duringWindow: { startAt: new Date(NOW.getTime() - HOUR), endAt: new Date(NOW.getTime() + HOUR) },
  afterEnd: { startAt: new Date(NOW.getTime() - 9 * HOUR), endAt: new Date(NOW.getTime() - HOUR) },
};

/** Columns in this order: draft, pending_approval, approved, rejected, scheduled, running, paused, ended. */
function row(...cells: [Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell]): Row {
  return Object.fromEntries(CAMPAIGN_STATES.map((s, i) => [s, cells[i]!])) as Row;
}
const t = (noTimes: Expect, beforeStart: Expect, duringWindow: Expect, afterEnd: Expect): PerTime =>
  ({ noTimes, beforeStart, duringWindow, afterEnd });
const X = 409 as const;

const TABLE: Record<CampaignAction, Record<ActorClass, 403 | Row>> = {
  //                                   draft      pending             approved  rejected   scheduled running paused ended
  edit: {
    owner:          row('draft', 'pending_approval', X, 'draft', X, X, X, X),
    adminRelated:   row('draft', X, X, 'draft', X, X, X, X),
    adminUnrelated: 403, agent: 403, system: 403,
  },
  delete: {
    owner:          row('deleted', 'deleted', X, 'deleted', X, X, X, X),
    adminRelated:   row('deleted', X, X, 'deleted', X, X, X, X),
    adminUnrelated: 403, agent: 403, system: 403,
  },
  submit: {
    owner:          row('pending_approval', X, X, 'pending_approval', X, X, X, X),
    adminRelated:   row('pending_approval', X, X, 'pending_approval', X, X, X, X),
    adminUnrelated: 403, agent: 403, system: 403,
  },
  approve: {
    owner:          row(X, 'approved', X, X, X, X, X, X),
    adminRelated: 403, adminUnrelated: 403, agent: 403, system: 403,
  },
  reject: {
    owner:          row(X, 'rejected', X, X, X, X, X, X),
    adminRelated: 403, adminUnrelated: 403, agent: 403, system: 403,
  },
  activate: {
    owner:          row(X, X, t('running', 'scheduled', 'running', X), X, X, X, X, X),
    adminRelated:   row(X, X, t('running', 'scheduled', 'running', X), X, X, X, X, X),
    adminUnrelated: 403, agent: 403, system: 403,
  },
  pause: {
    owner:          row(X, X, X, X, X, 'paused', X, X),
    adminRelated:   row(X, X, X, X, X, 'paused', X, X),
    adminUnrelated: 403, agent: 403, system: 403,
  },
  resume: {
    owner:          row(X, X, X, X, X, X, t('running', 'running', 'running', X), X),
    adminRelated:   row(X, X, X, X, X, X, t('running', 'running', 'running', X), X),
    adminUnrelated: 403, agent: 403, system: 403,
  },
  end: {
    owner:          row(X, X, 'ended', X, 'ended', 'ended', 'ended', X),
    adminRelated:   row(X, X, 'ended', X, 'ended', 'ended', 'ended', X),
    adminUnrelated: 403, agent: 403, system: 403,
  },
  start: {
    system:         row(X, X, X, X, t('running', X, 'running', X), X, X, X),
    owner: 403, adminRelated: 403, adminUnrelated: 403, agent: 403,
  },
  finish: {
    system:         row(X, X, X, X, t(X, X, X, 'ended'), t(X, X, X, 'ended'), t(X, X, X, 'ended'), X),
    owner: 403, adminRelated: 403, adminUnrelated: 403, agent: 403,
  },
};

/** Every actor the function can meet, each with the class its expectations are listed under. */
const ACTORS: { name: string; actor: CampaignActor; cls: ActorClass }[] = [
  { name: 'the scheduler', actor: { kind: 'system' }, cls: 'system' },
];
for (const role of ['owner', 'admin', 'agent'] as const) {
  for (const isCreator of [false, true]) {
    for (const isManager of [false, true]) {
      const cls: ActorClass = role === 'owner' ? 'owner' : role === 'agent' ? 'agent'
        : isCreator || isManager ? 'adminRelated' : 'adminUnrelated';
      ACTORS.push({ name: `an ${role} (creator: ${isCreator}, manager: ${isManager})`, actor: { kind: 'user', role, isCreator, isManager }, cls });
    }
  }
}

describe('campaign lifecycle: decideTransition', () => {
  it('when the table is read, then it covers every action and the actors cover every role and relation', () => {
    assert.deepEqual(Object.keys(TABLE).sort(), [...CAMPAIGN_ACTIONS].sort());
    assert.equal(ACTORS.length, 13);
  });

  for (const action of CAMPAIGN_ACTIONS) {
    describe(`action ${action}`, () => {
      for (const { name, actor, cls } of ACTORS) {
        const expected = TABLE[action][cls];
        const summary = expected === 403 ? 'it is refused with 403 in every state'
          : `it leads where the table says in each of the ${CAMPAIGN_STATES.length} states`;
        it(`when ${name} tries it, then ${summary}`, () => {
          for (const state of CAMPAIGN_STATES) {
            for (const timeCase of Object.keys(TIMES) as TimeCase[]) {
              const got = decideTransition(state, action, actor, NOW, TIMES[timeCase]);
              const where = `${action} by ${name} in ${state} (${timeCase})`;
              const cell = expected === 403 ? 403 : expected[state];
              const want = typeof cell === 'object' ? cell[timeCase] : cell;
              if (want === 403 || want === 409) {
                assert.equal(got.ok, false, where);
                if (got.ok) continue;
                assert.equal(got.status, want, `${where}: ${got.reason}`);
                assert.ok(got.reason.length > 10, `${where} gives a reason`);
              } else {
                assert.deepEqual(got, { ok: true, next: want }, where);
              }
            }
          }
        });
      }
    });
  }

  it('when a transition is refused, then the reason says why in words', () => {
    const admin: CampaignActor = { kind: 'user', role: 'admin', isCreator: true, isManager: false };
    const stranger: CampaignActor = { kind: 'user', role: 'admin', isCreator: false, isManager: false };
    const agent: CampaignActor = { kind: 'user', role: 'agent', isCreator: false, isManager: true };
    const reason = (d: ReturnType<typeof decideTransition>) => (d.ok ? '' : d.reason);
    assert.match(reason(decideTransition('ended', 'resume', admin, NOW, TIMES.noTimes)), /ended is final/);
    assert.match(reason(decideTransition('pending_approval', 'edit', admin, NOW, TIMES.noTimes)), /only an owner/);
    assert.match(reason(decideTransition('draft', 'approve', admin, NOW, TIMES.noTimes)), /admin role may not approve/);
    assert.match(reason(decideTransition('draft', 'edit', stranger, NOW, TIMES.noTimes)), /created or manage/);
    assert.match(reason(decideTransition('running', 'pause', agent, NOW, TIMES.noTimes)), /agent role may not pause/);
    assert.match(reason(decideTransition('approved', 'activate', admin, NOW, TIMES.afterEnd)), /end time has passed/);
  });
});
