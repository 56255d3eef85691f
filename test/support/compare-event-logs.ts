import { readFileSync } from 'node:fs';

/**
 * Compares two DIALER_IT_EVENT_LOG files (real Asterisk and the simulator running the same
 * scenarios): per scenario and per channel, the sequence of events, with our random id parts,
 * Local channel counters and run-specific names taken out. Prints the channels that differ.
 *
 *   node dist/test/support/compare-event-logs.js real.jsonl sim.jsonl [IgnoredType,…]
 */
/** The fields of an ARI event the comparison reads (the log holds them as received). */
interface LoggedEvent {
  type: string; dialstatus?: string; variable?: string; value?: string; cause?: number; soft?: boolean; args?: string[];
  digit?: string; dialplan_app?: string; dialplan_app_data?: string;
  channel?: { id: string; state: string }; peer?: { id: string }; bridge?: { id: string };
  playback?: { state: string; target_uri: string }; recording?: { state: string; target_uri: string };
}
interface Logged { scenario: string; event: LoggedEvent }

const norm = (s: unknown): string => String(s ?? '')
  .replace(/it[0-9a-f]{6}\.([a-z]+)\.([A-Za-z0-9_-]+)\.[0-9a-f]{8}/g, '$1.$2')
  .replace(/it[0-9a-f]{6}-([A-Za-z0-9_-]+)-[0-9a-f]{8}/g, 'rec.$1')
  .replace(/dialer-it-\d+-[0-9a-f]{6}/g, 'APP')
  .replace(/(Local\/\S+?)-[0-9a-f]{8};/g, '$1;')
  .replace(/it-caller-\d+-\d+;2|\b\d{10}\.\d+\b/g, 'INBOUND')
  .replace(/PJSIP\/(\S+)-[0-9a-f]{8}/g, 'PJSIP/$1');

function label(e: LoggedEvent): string {
  switch (e.type) {
    case 'Dial': return `Dial:${String(e.dialstatus)}`;
    case 'ChannelStateChange': return `State:${String(e.channel?.state)}`;
    case 'ChannelVarset': return `Var:${String(e.variable)}=${e.variable === 'BRIDGEPEER' ? (e.value ? 'x' : '') : norm(e.value)}`;
    case 'ChannelHangupRequest': return `Hangup:${String(e.cause)}${e.soft ? '/soft' : ''}`;
    case 'ChannelDestroyed': return `Destroyed:${String(e.cause)}`;
    case 'StasisStart': return `StasisStart:${norm((e.args ?? []).join(','))}`;
    case 'ChannelDtmfReceived': return `DTMF:${String(e.digit)}`;
    case 'ChannelEnteredBridge': case 'ChannelLeftBridge': return `${e.type.slice(7, -6)}:${norm(e.bridge?.id)}`;
    case 'ChannelDialplan': return `DP:${String(e.dialplan_app)}(${norm(e.dialplan_app_data)})`;
    default:
      if (e.playback) return `${e.type}:${e.playback.state}`;
      if (e.recording) return `${e.type}:${e.recording.state}`;
      return e.type;
  }
}

function subject(e: LoggedEvent): string {
  const ch = e.channel ?? e.peer;
  if (ch) return norm(ch.id);
  return norm(e.playback?.target_uri ?? e.recording?.target_uri ?? e.bridge?.id ?? '-');
}

function load(file: string, ignored: Set<string>): Map<string, Map<string, string[]>> {
  const out = new Map<string, Map<string, string[]>>();
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const { scenario, event } = JSON.parse(line) as Logged;
    const l = label(event);
    if (ignored.has(l.split(':')[0]!)) continue;
    const channels = out.get(scenario) ?? new Map<string, string[]>();
    out.set(scenario, channels);
    channels.set(subject(event), [...(channels.get(subject(event)) ?? []), l]);
  }
  return out;
}

export function compareEventLogs(realFile: string, simFile: string, ignoredTypes: string[] = []): string[] {
  const ignored = new Set(ignoredTypes);
  const [real, sim] = [load(realFile, ignored), load(simFile, ignored)];
  const report: string[] = [];
  for (const [scenario, channels] of real) {
    const other = sim.get(scenario) ?? new Map<string, string[]>();
    for (const id of new Set([...channels.keys(), ...other.keys()])) {
      const [a, b] = [(channels.get(id) ?? []).join(' '), (other.get(id) ?? []).join(' ')];
      if (a !== b) report.push(`${scenario} | ${id}\n  real: ${a}\n  sim:  ${b}`);
    }
  }
  return report;
}

if (require.main === module) {
  const [realFile, simFile, ignored] = process.argv.slice(2);
  if (!realFile || !simFile) {
    process.stderr.write('usage: compare-event-logs REAL.jsonl SIM.jsonl [IgnoredLabel,…]\n');
    process.exit(2);
  }
  const report = compareEventLogs(realFile, simFile, ignored ? ignored.split(',') : []);
  process.stdout.write(report.length ? `${report.join('\n')}\n` : 'no differences\n');
}
