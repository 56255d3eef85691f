import { emitDialplan, emitVarset } from './channel-events';
import type { SimWorld } from './sim-world';
import type { AfterAnswer, SimCall, SimChannel } from './sim-types';
import { enterStasis } from './stasis';

type DialplanTarget = Extract<AfterAnswer, { kind: 'dialplan' }>;

/**
 * A dialplan context of the AMD-then-Stasis shape: `s` and numbers Goto(amd,1); amd,1 NoOp;
 * amd,2 AMD(); amd,3 NoOp; amd,4 Stasis(<stasis>); amd,5 Hangup(). Texts use ${VAR} from the
 * channel (CHANNEL is its name).
 */
export interface AmdContextDef {
  readonly name: string;
  readonly noOpBefore: string;
  readonly noOpAfter: string;
  /** What Stasis() gets; the first item is the app. */
  readonly stasis: string;
}

/** `dialer-out` of the reference dialplan (../shared/asterisk/etc/extensions.conf). */
export const referenceAmdContext: AmdContextDef = {
  name: 'dialer-out',
  noOpBefore: 'dialer-out: AMD on ${CHANNEL}',
  noOpAfter: 'dialer-out: AMD result ${AMDSTATUS} ${AMDCAUSE}',
  stasis: '${DIALER_APP},customer,${AMDSTATUS},${AMDCAUSE}',
};

/** `dialer-outbound` of the project's dialplan/extensions_dialer.conf: the context the dialer uses. */
export const projectAmdContext: AmdContextDef = {
  name: 'dialer-outbound',
  noOpBefore: 'dialer: AMD for ${DIALER_ROLE} ${DIALER_REF} on ${CHANNEL}',
  noOpAfter: 'dialer: AMD said ${AMDSTATUS} ${AMDCAUSE}',
  stasis: '${DIALER_APP},${DIALER_ROLE},${DIALER_REF},amd,${AMDSTATUS},${AMDCAUSE}',
};

/** Another project's AMD context, named by the simulator options. */
export function customAmdContext(name: string, stasis = referenceAmdContext.stasis): AmdContextDef {
  return { name, noOpBefore: `${name}: AMD on \${CHANNEL}`, noOpAfter: `${name}: AMD result \${AMDSTATUS} \${AMDCAUSE}`, stasis };
}

export function findAmdContext(w: SimWorld, context: string): AmdContextDef | undefined {
  return w.options.amdContexts.find((c) => c.name === context);
}

function step(w: SimWorld, ch: SimChannel, context: string, exten: string, priority: number, appName: string, appData: string): void {
  ch.dialplan = { context, exten, priority, appName, appData };
  emitDialplan(w.hub, ch);
}

/** ${NAME} substitution as the dialplan does it. */
function expand(w: SimWorld, ch: SimChannel, template: string): string {
  return template.replace(/\$\{([^}]+)\}/g, (_, name: string) => {
    if (name === 'CHANNEL') return ch.name;
    return ch.vars.get(name) ?? (name === 'DIALER_APP' ? w.options.defaultApp : '');
  });
}

/**
 * Runs an AMD context on an answered call: AMD() decides after the far end's `amd.afterMs`, then
 * Stasis(...) with the result. The app hears nothing of this unless it is subscribed to the
 * channel; StasisStart is the first event it gets otherwise. Entered at `amd` (what the dialer's
 * /continue does) there is no Goto step.
 */
export function runAmdContext(w: SimWorld, call: SimCall, def: AmdContextDef, target: DialplanTarget, fail: () => void): void {
  const ch = call.near;
  const amd = call.plan?.amd;
  if (!amd) return;
  const context = def.name;
  if (target.exten !== 'amd') step(w, ch, context, target.exten, target.priority, 'Goto', 'amd,1');
  step(w, ch, context, 'amd', 1, 'NoOp', expand(w, ch, def.noOpBefore));
  step(w, ch, context, 'amd', 2, 'AMD', '');
  // AMD listens to the far end's audio, which started at answer: a late start (the app's
  // /continue a moment after answer) does not delay the result (checked on Asterisk 22).
  const answeredAt = call.dialStartedAt + w.scaled(call.plan?.ringMs ?? 0);
  call.timers.push(w.clock.at(Math.max(w.clock.now(), answeredAt + w.scaled(amd.afterMs)), () => {
    if (call.phase !== 'answered' || !ch.alive) return;
    ch.vars.set('AMDSTATUS', amd.status);
    ch.vars.set('AMDCAUSE', amd.cause);
    emitVarset(w.hub, ch, 'AMDSTATUS', amd.status);
    emitVarset(w.hub, ch, 'AMDCAUSE', amd.cause);
    step(w, ch, context, 'amd', 3, 'NoOp', expand(w, ch, def.noOpAfter));
    const data = expand(w, ch, def.stasis);
    const [appName = '', ...args] = data.split(',');
    step(w, ch, context, 'amd', 4, 'Stasis', data);
    const app = w.hub.activeApp(appName);
    if (app) return enterStasis(w, ch, app, args, { fromDialplan: true, rawArgs: args.join(',') });
    emitVarset(w.hub, ch, 'STASISSTATUS', '');
    emitVarset(w.hub, ch, 'STASISSTATUS', 'FAILED');
    step(w, ch, context, 'amd', 5, 'Hangup', '');
    fail();
  }));
}
