import { legEndReason, type Effect, type FlowInput, type Step } from './flow-types';
import { customerGone, finish, MESSAGE_TIMEOUT_MS, stay, type CustomerCallState, type IvrQuestion } from './customer-call-state';
import { beginReachAgent } from './reach-agent-steps';

/**
 * The questionnaire of an IVR call: each question is a prompt and one key, with a timeout that
 * starts when the prompt ends and a number of retries. A key pressed during the prompt stops it
 * (ARI does not barge in by itself). Answers are reported as they are given.
 */
function question(s: CustomerCallState): IvrQuestion | undefined {
  return s.opts.ivr?.questions[s.ivr.index];
}

function ask(s: CustomerCallState, index: number, tries: number, media: readonly string[]): Step<CustomerCallState> {
  const playback = `q${index}.${tries}`;
  return {
    state: { ...s, phase: 'asking', ivr: { ...s.ivr, index, tries, playback } },
    effects: [
      { kind: 'play', leg: 'customer', playback, media },
      { kind: 'startTimer', timer: 'prompt', ms: MESSAGE_TIMEOUT_MS },
    ],
  };
}

function goodbye(s: CustomerCallState, effects: Effect[]): Step<CustomerCallState> {
  const media = s.opts.ivr?.goodbyeMedia ?? [];
  if (media.length === 0) {
    const end = finish(s, 'ivr_complete');
    return { state: end.state, effects: [...effects, ...end.effects] };
  }
  return {
    state: { ...s, phase: 'goodbye', ivr: { ...s.ivr, playback: null } },
    effects: [...effects, { kind: 'play', leg: 'customer', playback: 'goodbye', media }, { kind: 'startTimer', timer: 'message', ms: MESSAGE_TIMEOUT_MS }],
  };
}

/** Moves past the current question, to the next one or to the goodbye. */
function next(s: CustomerCallState, effects: Effect[]): Step<CustomerCallState> {
  const index = s.ivr.index + 1;
  const q = s.opts.ivr?.questions[index];
  if (!q) return goodbye(s, effects);
  const asked = ask(s, index, 0, q.prompt);
  return { state: asked.state, effects: [...effects, ...asked.effects] };
}

function stopPrompt(s: CustomerCallState): Effect[] {
  const out: Effect[] = [{ kind: 'cancelTimer', timer: 'prompt' }, { kind: 'cancelTimer', timer: 'question' }];
  if (s.ivr.playback) out.push({ kind: 'stopPlayback', playback: s.ivr.playback });
  return out;
}

function retryOrSkip(s: CustomerCallState, q: IvrQuestion, invalid: boolean): Step<CustomerCallState> {
  const stop = stopPrompt(s);
  if (s.ivr.tries < q.retries) {
    const media = invalid ? [...(s.opts.ivr?.invalidMedia ?? []), ...q.prompt] : q.prompt;
    const asked = ask(s, s.ivr.index, s.ivr.tries + 1, media);
    return { state: asked.state, effects: [...stop, ...asked.effects] };
  }
  const answered = { ...s, ivr: { ...s.ivr, playback: null, answers: { ...s.ivr.answers, [q.id]: null } } };
  return next(answered, [...stop, { kind: 'notify', notice: { kind: 'answerStored', questionId: q.id, answer: null } }]);
}

function onKey(s: CustomerCallState, q: IvrQuestion, digit: string): Step<CustomerCallState> {
  const branch = q.branches?.[digit];
  if (!branch && !q.validDigits.includes(digit)) return retryOrSkip(s, q, true);
  const stored: CustomerCallState = { ...s, ivr: { ...s.ivr, playback: null, answers: { ...s.ivr.answers, [q.id]: digit } } };
  const effects: Effect[] = [...stopPrompt(s), { kind: 'notify', notice: { kind: 'answerStored', questionId: q.id, answer: digit } }];
  if (branch === 'hangup') return goodbye(stored, effects);
  if (branch === 'agent') {
    const reach = beginReachAgent(stored);
    return { state: reach.state, effects: [...effects, ...reach.effects] };
  }
  return next(stored, effects);
}

export function beginIvr(s: CustomerCallState): Step<CustomerCallState> {
  const q = s.opts.ivr?.questions[0];
  if (!q) return goodbye(s, []);
  return ask(s, 0, 0, q.prompt);
}

export function stepIvr(s: CustomerCallState, input: FlowInput): Step<CustomerCallState> {
  if (input.kind === 'legEnded' && input.leg === 'customer') return finish(customerGone(s, input.signals), legEndReason(input.signals, 'customer_hangup'));
  if (s.phase === 'goodbye') {
    const over = (input.kind === 'playbackFinished' && input.playback === 'goodbye') || (input.kind === 'timer' && input.timer === 'message');
    return over ? finish(s, 'ivr_complete') : stay(s);
  }
  const q = question(s);
  if (!q) return stay(s);
  switch (input.kind) {
    case 'playbackFinished':
      if (input.playback !== s.ivr.playback) return stay(s);
      return {
        state: { ...s, ivr: { ...s.ivr, playback: null } },
        effects: [{ kind: 'cancelTimer', timer: 'prompt' }, { kind: 'startTimer', timer: 'question', ms: q.timeoutSeconds * 1000 }],
      };
    case 'dtmf':
      return input.leg === 'customer' ? onKey(s, q, input.digit) : stay(s);
    case 'timer':
      return input.timer === 'question' || input.timer === 'prompt' ? retryOrSkip(s, q, false) : stay(s);
    default:
      return stay(s);
  }
}
