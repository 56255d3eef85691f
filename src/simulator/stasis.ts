import { emitStasisEnd, emitStasisStart, emitVarset } from './channel-events';
import type { SimWorld } from './sim-world';
import type { SimChannel, StasisApp } from './sim-types';

export interface StasisEntry {
  readonly fromDialplan: boolean;
  /** Stasis() arguments as written (`customer,HUMAN,HUMAN-803-800`), for dialplan.app_data. */
  readonly rawArgs: string;
}

/**
 * The channel enters the app: `STASISSTATUS=` then StasisStart. A channel that enters from the
 * dialplan is subscribed for as long as it stays (unless the app subscribed to it already).
 * `w.stasisDelayMs` (fault injection) holds StasisStart back; until then the channel is not in Stasis.
 */
export function enterStasis(w: SimWorld, ch: SimChannel, app: StasisApp, args: readonly string[], entry: StasisEntry): void {
  const go = () => {
    if (!ch.alive || ch.stasis) return;
    const previous = ch.dialplan;
    ch.dialplan = { ...previous, appName: 'Stasis', appData: entry.rawArgs ? `${app.name},${entry.rawArgs}` : app.name };
    emitVarset(w.hub, ch, 'STASISSTATUS', '');
    // Stasis() subscribes the app only now: it does not see the STASISSTATUS reset above.
    const implicitSubscription = entry.fromDialplan && !ch.subs.includes(app);
    if (implicitSubscription) w.hub.subscribeChannel(app, ch);
    ch.stasis = { app, args, fromDialplan: entry.fromDialplan, implicitSubscription, previous };
    ch.leftStasis = false;
    emitStasisStart(w.hub, ch, args);
  };
  if (w.stasisDelayMs > 0) w.clock.after(w.stasisDelayMs, go);
  else go();
}

/**
 * StasisEnd; a subscription that came with the dialplan's Stasis() ends with it. `statusVars`
 * STASISSTATUS=SUCCESS events follow while the channel still shows Stasis as its application (a
 * hangup: one per Stasis() it is inside, checked on Asterisk 22); /continue sends none.
 */
export function leaveStasis(w: SimWorld, ch: SimChannel, statusVars = 0): void {
  const membership = ch.stasis;
  if (!membership) return;
  emitStasisEnd(w.hub, ch);
  ch.stasis = null;
  ch.leftStasis = true;
  if (membership.implicitSubscription) w.hub.unsubscribeChannel(membership.app, ch);
  for (let i = 0; i < statusVars; i++) emitVarset(w.hub, ch, 'STASISSTATUS', 'SUCCESS');
  ch.dialplan = membership.previous;
}

/** Splits Stasis arguments the way app_stasis does (comma separated; none → []). */
export function splitArgs(raw: string | undefined): string[] {
  return raw ? raw.split(',') : [];
}
