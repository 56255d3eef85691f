import type { LegId } from '../../src/domain/telephony-ids';
import { startAriSimulator } from '../../src/simulator/start-ari-simulator';
import type { ScenarioTarget } from '../scenarios/scenario-target';
import { ariProbe } from './ari-probe';
import { eventLogFromEnv } from './event-log-from-env';
import { TcpProxy } from './tcp-proxy';

export interface SimulatorTargetOptions {
  /** Far ends' durations (ring, talk, keys, AMD, prompts) are multiplied by this; the dialer's own timeouts are not. */
  timeScale?: number;
}

/**
 * The ARI simulator as a scenario target, on the wall clock (the scenarios wait in real time) with
 * the far ends sped up. The dialer reaches it through the same cuttable TCP proxy as real Asterisk,
 * and the scenario acts on it over the same REST calls; only what has no REST form (an inbound
 * caller, `core restart now`) goes through the simulator's control.
 */
export async function simulatorTarget(options: SimulatorTargetOptions = {}): Promise<ScenarioTarget> {
  const sim = await startAriSimulator({ clock: 'real', timeScale: options.timeScale ?? 0.1, restartDowntimeMs: 200 });
  const events = eventLogFromEnv('simulator');
  const proxy = new TcpProxy('127.0.0.1', sim.port, events.tap);
  const proxyPort = await proxy.start();
  const probe = ariProbe(sim.url, 'dialer', 'dialer');
  return {
    ...probe,
    name: 'ARI simulator',
    ari: { url: `http://127.0.0.1:${proxyPort}`, user: 'dialer', password: 'dialer' },
    telephony: { customerEndpoint: 'Local/{number}@sim-customers', agentEndpoint: 'Local/{extension}@sim-agents', customerContext: 'dialer-outbound' },
    beginScenario: events.beginScenario,
    hangUpFarEnd: (leg: LegId) => probe.hangUpFarEnd(leg),
    placeCallbackRequestCall: async (number) => { sim.control.placeInboundCall({ callerNumber: number, keys: '1', keysAfterMs: 3000 }); },
    placeInboundCall: async (number, did) => {
      const id = sim.control.placeInboundCall({ callerNumber: number, context: 'dialer-inbound', exten: did });
      return { hangUp: async () => { sim.control.hangUpFarEnd(id); } };
    },
    restartPbx: async () => { await sim.control.restart(); },
    cutAri: async () => proxy.pause(),
    resumeAri: async () => proxy.resume(),
    close: async () => {
      await proxy.stop();
      await sim.stop();
      if (sim.control.errors.length > 0) throw new Error(`simulator errors: ${sim.control.errors.map(String).join('; ')}`);
    },
  };
}
