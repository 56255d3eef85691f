import type { CallPlan } from './party-behaviour';

/**
 * One step of a call's far end, at `at` ms after the dial started. `dialplan` and `var` steps are
 * what the ;2 half of a Local channel shows (ChannelDialplan / ChannelVarset); the others drive the
 * call itself and happen for PJSIP calls too.
 */
export type FarStep =
  | { readonly at: number; readonly kind: 'dialplan'; readonly app: string; readonly data: string; readonly priority: number; readonly context?: string; readonly exten?: string }
  | { readonly at: number; readonly kind: 'var'; readonly name: string; readonly value: string }
  | { readonly at: number; readonly kind: 'ringing' | 'ringDial' | 'answer' | 'busy' | 'congestion' | 'unallocated' }
  | { readonly at: number; readonly kind: 'dtmf'; readonly digit: string }
  | { readonly at: number; readonly kind: 'hangup'; readonly cause: number };

type StepBody = FarStep extends infer S ? (S extends FarStep ? Omit<S, 'at'> : never) : never;

class Script {
  readonly steps: FarStep[] = [];
  constructor(private readonly context: string, private readonly exten: string) {}
  add(at: number, ...bodies: StepBody[]): void {
    for (const body of bodies) this.steps.push({ at, ...body } as FarStep);
  }
  dp(priority: number, app: string, data = '', where?: { context: string; exten: string }): StepBody {
    return { kind: 'dialplan', app, data, priority, context: where?.context ?? this.context, exten: where?.exten ?? this.exten };
  }
}

function noOpText(plan: CallPlan, exten: string): string {
  return plan.party === 'agent' ? `sim-agent ${exten}: ${plan.label}` : `sim-customer ${exten}: ${plan.label}`;
}

/** The far end's steps, modelled on the reference dialplan (see ari-reference/README.md). */
export function farEndScript(plan: CallPlan, context: string, exten: string): FarStep[] {
  const s = new Script(context, exten);
  const ring = plan.ringMs;
  s.add(0, s.dp(1, 'NoOp', noOpText(plan, exten)));
  if (plan.outcome === 'congestion') {
    s.add(0, s.dp(2, 'Congestion', '10'), { kind: 'congestion' });
    return s.steps;
  }
  if (plan.outcome === 'unallocated') {
    s.add(0, s.dp(2, 'Hangup', '1'), { kind: 'unallocated' });
    return s.steps;
  }
  const ringing = ring > 0 || plan.outcome !== 'answer';
  if (ringing) {
    const waitFor = plan.outcome === 'no_answer' ? '3600' : String(Math.round(ring / 1000));
    s.add(0, s.dp(2, 'Ringing'), { kind: 'ringing' }, s.dp(3, 'Wait', waitFor), { kind: 'ringDial' });
  }
  if (plan.outcome === 'no_answer') return s.steps;
  if (plan.outcome === 'busy') {
    s.add(ring, s.dp(4, 'Busy', '10'), { kind: 'busy' });
    return s.steps;
  }
  answeredSteps(s, plan, ring);
  return s.steps.filter((step) => step.kind === 'hangup' || !hangupBefore(plan, ring, step.at)).sort((a, b) => a.at - b.at);
}

function hangupBefore(plan: CallPlan, answerAt: number, at: number): boolean {
  return plan.talkMs !== null && at > answerAt + plan.talkMs;
}

function answeredSteps(s: Script, plan: CallPlan, at: number): void {
  const end = plan.talkMs === null ? null : at + plan.talkMs;
  const hangup = (priority: number, ...before: StepBody[]) => {
    if (end !== null) s.add(end, ...before, s.dp(priority, 'Hangup', String(plan.hangupCause)), { kind: 'hangup', cause: plan.hangupCause });
  };
  const human = { context: 'sim-human', exten: 's' };
  switch (plan.style) {
    case 'human':
      s.add(at, s.dp(4, 'Gosub', 'sim-human,s,1'), { kind: 'var', name: 'LOCAL(ARGC)', value: '0' }, s.dp(1, 'Answer', '', human), { kind: 'answer' });
      s.add(at + 10, s.dp(2, 'Playback', 'hello', human));
      s.add(at + 796, { kind: 'var', name: 'PLAYBACKSTATUS', value: 'SUCCESS' }, s.dp(3, 'Wait', '30', human));
      hangup(5, s.dp(4, 'Return', '', human));
      return;
    case 'machine':
      s.add(at, s.dp(4, 'Answer'), { kind: 'answer' });
      s.add(at + 10, s.dp(5, 'Playback', 'vm-theperson&vm-isunavail&vm-intro'));
      s.add(at + 8950, { kind: 'var', name: 'PLAYBACKSTATUS', value: 'SUCCESS' }, s.dp(6, 'Playback', 'beep'));
      s.add(at + 9380, { kind: 'var', name: 'PLAYBACKSTATUS', value: 'SUCCESS' }, s.dp(7, 'Wait', '30'));
      hangup(8);
      return;
    case 'keys':
      keySteps(s, plan, at);
      hangup(8);
      return;
    default:
      s.add(at, s.dp(4, 'Answer'), { kind: 'answer' });
      const waitSeconds = plan.style === 'early-hangup' ? Math.max(0, Math.round(((plan.talkMs ?? 0) - 500) / 1000)) : 3600;
      s.add(at + 500, s.dp(5, 'Wait', String(waitSeconds)));
      hangup(6);
  }
}

function keySteps(s: Script, plan: CallPlan, at: number): void {
  s.add(at, s.dp(4, 'Answer'), { kind: 'answer' });
  s.add(at + 10, s.dp(5, 'Wait', String(Math.round(plan.dtmfAfterMs / 1000))));
  const first = at + plan.dtmfAfterMs;
  s.add(Math.max(at + 10, first - 200), s.dp(6, 'SendDTMF', plan.dtmf.join('')));
  plan.dtmf.forEach((digit, i) => s.add(first + i * plan.dtmfGapMs, { kind: 'dtmf', digit }));
  const last = first + Math.max(0, plan.dtmf.length - 1) * plan.dtmfGapMs;
  s.add(last + 250, s.dp(7, 'Wait', '30'));
}
