import { emitDialplan, emitVarset } from './channel-events';
import type { SimWorld } from './sim-world';
import type { AfterAnswer, SimCall, SimChannel } from './sim-types';
import { enterStasis } from './stasis';

type DialplanTarget = Extract<AfterAnswer, { kind: 'dialplan' }>;

function step(w: SimWorld, ch: SimChannel, context: string, exten: string, priority: number, appName: string, appData: string): void {
  ch.dialplan = { context, exten, priority, appName, appData };
  emitDialplan(w.hub, ch);
}

/** ${NAME} substitution as the dialplan does it. */
function expand(template: string, lookup: (name: string) => string): string {
  return template.replace(/\$\{([^}]+)\}/g, (_, name: string) => lookup(name));
}

/**
 * The reference `dialer-out` context: Goto(amd,1), AMD(), then
 * Stasis(${DIALER_APP},customer,${AMDSTATUS},${AMDCAUSE}). The app hears nothing of this unless it
 * subscribed to the channel; StasisStart is the first event it gets otherwise.
 */
export function runAmdContext(w: SimWorld, call: SimCall, target: DialplanTarget, fail: () => void): void {
  const ch = call.near;
  const amd = call.plan?.amd;
  if (!amd) return;
  const context = target.context;
  step(w, ch, context, target.exten, target.priority, 'Goto', 'amd,1');
  step(w, ch, context, 'amd', 1, 'NoOp', `${context}: AMD on ${ch.name}`);
  step(w, ch, context, 'amd', 2, 'AMD', '');
  call.timers.push(w.clock.after(w.scaled(amd.afterMs), () => {
    if (call.phase !== 'answered' || !ch.alive) return;
    ch.vars.set('AMDSTATUS', amd.status);
    ch.vars.set('AMDCAUSE', amd.cause);
    emitVarset(w.hub, ch, 'AMDSTATUS', amd.status);
    emitVarset(w.hub, ch, 'AMDCAUSE', amd.cause);
    step(w, ch, context, 'amd', 3, 'NoOp', `${context}: AMD result ${amd.status} ${amd.cause}`);
    const data = expand(w.options.amdStasis, (name) => ch.vars.get(name) ?? (name === 'DIALER_APP' ? w.options.defaultApp : ''));
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
