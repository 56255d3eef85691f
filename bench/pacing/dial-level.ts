import type { ShiftView } from './dial-policy';

/**
 * New calls a VICIdial-style dial level asks for: lines in use (ringing, on hold, connected to an
 * agent) are topped up to level × agents ready or in a call — an agent in wrap-up sits paused on
 * the dispo screen there and is not counted.
 */
export function dialLevelCalls(v: ShiftView, level: number): number {
  return Math.floor(level * (v.ready + v.talking)) - (v.ringing + v.waiting + v.talking);
}
