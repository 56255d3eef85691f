import { emitDialplan, emitHangupRequest, emitStateChange, emitVarset } from './channel-events';
import { createInboundChannel } from './channel-factory';
import { destroyChannel, endCall, releaseChannel } from './hangup';
import type { SimWorld } from './sim-world';
import type { SimCall, SimChannel } from './sim-types';
import { enterStasis } from './stasis';

/** The project's inbound context (dialplan/extensions_dialer.conf). */
export const INBOUND_CALLBACK_CONTEXT = 'dialer-inbound-callback';

/** The project's context for inbound calls to the agents. */
export const INBOUND_AGENTS_CONTEXT = 'dialer-inbound';

/** A caller reaching the inbound callback context (or, with `context`, dialer-inbound) from a trunk. */
export interface InboundCallRequest {
  /** Default dialer-inbound-callback. */
  readonly context?: typeof INBOUND_CALLBACK_CONTEXT | typeof INBOUND_AGENTS_CONTEXT;
  /** The caller ID number the trunk presents ('' when withheld). */
  readonly callerNumber: string;
  /** Keys the caller presses at the offer; '' presses nothing (default '1'). */
  readonly keys?: string;
  /** When the first key is pressed, after the offer starts (default 1500 ms, scaled). */
  readonly keysAfterMs?: number;
  /** The dialled number (DID); default 's'. */
  readonly exten?: string;
  /** PJSIP endpoint the call arrives on; default the first configured trunk. */
  readonly trunk?: string;
}

const READ_TRIES = 2;
const READ_WAIT_MS = 4000;
const ABSOLUTE_TIMEOUT_MS = 120_000;
/** Asterisk's soft-hangup flag for TIMEOUT(absolute). */
const SOFT_HANGUP_TIMEOUT = 8;

function at(w: SimWorld, ch: SimChannel, priority: number, appName: string, appData: string, label = 's'): void {
  ch.dialplan = { context: INBOUND_CALLBACK_CONTEXT, exten: label, priority, appName, appData };
  emitDialplan(w.hub, ch);
}

function promptMs(w: SimWorld, files: string): number {
  let total = 0;
  for (const file of files.split('&')) {
    const digits = /^digits\/(\d+)$/.exec(file);
    const length = w.sounds.length(digits ? `digits:${digits[1]}` : `sound:${file}`);
    if (length.ok) total += length.ms ?? 0;
  }
  return w.scaled(total);
}

/**
 * `dialer-inbound-callback` as the project ships it: Answer, TIMEOUT(absolute)=120, Read one key
 * (offer prompt, 2 tries, 4 s each); 1 → Stasis(${DIALER_INBOUND_APP},callback-request,<caller>),
 * or an apology when no dialer is connected; anything else → vm-goodbye and Hangup. The app hears
 * nothing until StasisStart and nothing after StasisEnd (it is not subscribed otherwise).
 */
export function placeInboundCall(w: SimWorld, req: InboundCallRequest): SimChannel {
  if (req.context === INBOUND_AGENTS_CONTEXT) return placeAgentsCall(w, req);
  const exten = req.exten ?? 's';
  const ch = createInboundChannel(w, req.trunk ?? w.options.trunks[0] ?? 'trunk', { name: '', number: req.callerNumber }, INBOUND_CALLBACK_CONTEXT, exten);
  const call: SimCall = {
    near: ch, far: null, mode: 'inbound', dialstring: '', plan: null, farContext: INBOUND_CALLBACK_CONTEXT, farExten: exten,
    after: { kind: 'stasis' }, phase: 'answered', timers: [], timeoutMs: 0, dialStartedAt: w.clock.now(),
  };
  ch.call = call;
  const later = (ms: number, run: () => void) => call.timers.push(w.clock.after(ms, () => { if (ch.alive && call.phase !== 'ended') run(); }));
  w.soon(() => {
    if (exten !== 's') at(w, ch, 1, 'Goto', 's,1', exten);
    at(w, ch, 1, 'NoOp', `dialer: inbound call from ${req.callerNumber}`);
    at(w, ch, 2, 'Answer', '');
    ch.state = 'Up';
    emitStateChange(w.hub, ch);
    at(w, ch, 3, 'Set', 'TIMEOUT(absolute)=120');
    call.timers.push(w.clock.after(ABSOLUTE_TIMEOUT_MS, () => absoluteTimeout(w, call)));
    const offer = w.globals.get('DIALER_CALLBACK_OFFER') || 'vm-press&digits/1';
    at(w, ch, 4, 'Set', `OFFER=${offer}`);
    at(w, ch, 5, 'Read', `DIALER_KEY,${offer},1,,${READ_TRIES},${READ_WAIT_MS / 1000}`);
    const window = READ_TRIES * (promptMs(w, offer) + READ_WAIT_MS);
    const keys = req.keys ?? '1';
    const pressAt = keys ? w.scaled(req.keysAfterMs ?? 1500) : Number.POSITIVE_INFINITY;
    later(Math.min(pressAt, window), () => afterRead(w, call, pressAt <= window ? keys.charAt(0) : ''));
  });
  return ch;
}

/**
 * `dialer-inbound` as the project ships it: NoOp, Answer, TIMEOUT(absolute)=3600, then
 * Stasis(${DIALER_INBOUND_APP},inbound,<DID>), or the apology when no dialer is connected.
 */
function placeAgentsCall(w: SimWorld, req: InboundCallRequest): SimChannel {
  const exten = req.exten && req.exten !== 's' ? req.exten : '0';
  const ch = createInboundChannel(w, req.trunk ?? w.options.trunks[0] ?? 'trunk', { name: '', number: req.callerNumber }, INBOUND_AGENTS_CONTEXT, exten);
  const call: SimCall = {
    near: ch, far: null, mode: 'inbound', dialstring: '', plan: null, farContext: INBOUND_AGENTS_CONTEXT, farExten: exten,
    after: { kind: 'stasis' }, phase: 'answered', timers: [], timeoutMs: 0, dialStartedAt: w.clock.now(),
  };
  ch.call = call;
  const step = (priority: number, appName: string, appData: string, label = exten) => {
    ch.dialplan = { context: INBOUND_AGENTS_CONTEXT, exten: label, priority, appName, appData };
    emitDialplan(w.hub, ch);
  };
  w.soon(() => {
    step(1, 'NoOp', `dialer: inbound call to ${exten} from ${req.callerNumber}`);
    step(2, 'Answer', '');
    ch.state = 'Up';
    emitStateChange(w.hub, ch);
    step(3, 'Set', 'TIMEOUT(absolute)=3600');
    const app = w.globals.get('DIALER_INBOUND_APP') ?? '';
    step(4, 'GotoIf', `${app === '' ? 1 : 0}?nodialer`);
    const rawArgs = `inbound,${exten}`;
    if (app !== '') {
      step(5, 'Stasis', `${app},${rawArgs}`);
      const active = w.hub.activeApp(app);
      if (active) return enterStasis(w, ch, active, rawArgs.split(','), { fromDialplan: true, rawArgs });
      emitVarset(w.hub, ch, 'STASISSTATUS', 'FAILED');
    }
    playThenHangUp(w, call, 6, w.globals.get('DIALER_INBOUND_SORRY') || 'sorry&please-try-call-later');
  });
  return ch;
}

function afterRead(w: SimWorld, call: SimCall, key: string): void {
  const ch = call.near;
  ch.vars.set('DIALER_KEY', key);
  emitVarset(w.hub, ch, 'DIALER_KEY', key);
  at(w, ch, 6, 'GotoIf', `${key === '1' ? 1 : 0}?request`);
  if (key !== '1') return playThenHangUp(w, call, 7, 'vm-goodbye');
  const app = w.globals.get('DIALER_INBOUND_APP') ?? '';
  at(w, ch, 9, 'GotoIf', `${app === '' ? 1 : 0}?nodialer`);
  if (app === '') return apologise(w, call);
  const rawArgs = `callback-request,${ch.caller.number}`;
  at(w, ch, 10, 'Stasis', `${app},${rawArgs}`);
  const active = w.hub.activeApp(app);
  if (active) return enterStasis(w, ch, active, rawArgs.split(','), { fromDialplan: true, rawArgs });
  emitVarset(w.hub, ch, 'STASISSTATUS', '');
  emitVarset(w.hub, ch, 'STASISSTATUS', 'FAILED');
  apologise(w, call);
}

/** The `nodialer` label: the apology, then Hangup(). Also where a /continue from Stasis lands. */
function apologise(w: SimWorld, call: SimCall): void {
  playThenHangUp(w, call, 11, w.globals.get('DIALER_CALLBACK_SORRY') || 'sorry&please-try-call-later');
}

function playThenHangUp(w: SimWorld, call: SimCall, priority: number, files: string): void {
  const ch = call.near;
  at(w, ch, priority, 'Playback', files);
  call.timers.push(w.clock.after(promptMs(w, files), () => {
    if (!ch.alive) return;
    emitVarset(w.hub, ch, 'PLAYBACKSTATUS', 'SUCCESS');
    at(w, ch, priority + 1, 'Hangup', '');
    dialplanHangup(w, call, 16);
  }));
}

function dialplanHangup(w: SimWorld, call: SimCall, cause: number): void {
  const ch = call.near;
  if (!ch.alive || ch.stasis) return;
  endCall(w, call);
  destroyChannel(w, ch, cause);
}

/** TIMEOUT(absolute) hangs the caller up wherever it is, in Stasis too (not checked against Asterisk). */
function absoluteTimeout(w: SimWorld, call: SimCall): void {
  const ch = call.near;
  if (!ch.alive) return;
  emitHangupRequest(w.hub, ch, SOFT_HANGUP_TIMEOUT, true);
  releaseChannel(w, ch);
  endCall(w, call);
  destroyChannel(w, ch, 16);
}

/** POST /channels/{id}/continue on an inbound caller in Stasis: the dialplan goes on after Stasis(). */
export function continueInboundCall(w: SimWorld, ch: SimChannel): void {
  if (ch.call?.mode === 'inbound' && ch.alive) apologise(w, ch.call);
}
