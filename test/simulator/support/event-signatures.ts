import type { AriEvent } from './trace-file';

/**
 * Reduces a run (recorded trace or live) to one sequence of event signatures per channel, so two
 * runs of the same scenario can be compared even though ids, names and timestamps differ.
 *
 * Channels are labelled by the endpoint they were originated to (`Local/1001@sim-agents;1`, its
 * far half `…;2`, `PJSIP/09010001@sim-trunk`); bridges by creation order (`bridge#1`).
 *
 * Rules, each one because the real server is not deterministic or the difference is not ours:
 * - Far (;2) halves keep only state changes, hangup requests and ChannelDestroyed: their dialplan
 *   events depend on which test dialplan variant runs (see the reference README), and apps ignore them.
 * - BRIDGEPEER values and RTP statistics are reduced to "set"/"cleared".
 * - Pairs the real server reports in either order are put in one order: `Dial ""` / Ringing state,
 *   `Dial RINGING` / Ringing state, ChannelLeftBridge / a non-soft hangup request, and on a far
 *   half the Busy state / its hangup request.
 */
export interface LabelledRun {
  readonly events: readonly AriEvent[];
  /** Originates and creates in the order they were made: endpoint and the id the server gave. */
  readonly originated: ReadonlyArray<{ readonly endpoint: string; readonly id: string; readonly name: string }>;
  /** Bridge ids in creation order. */
  readonly bridges: readonly string[];
}

export type Sequences = Map<string, string[]>;

function labelChannels(run: LabelledRun): Map<string, string> {
  const labels = new Map<string, string>();
  const used = new Map<string, number>();
  const nameToLabel = new Map<string, string>();
  for (const o of run.originated) {
    const n = (used.get(o.endpoint) ?? 0) + 1;
    used.set(o.endpoint, n);
    const base = n === 1 ? o.endpoint : `${o.endpoint}#${n}`;
    const local = o.name.endsWith(';1');
    labels.set(o.id, local ? `${base};1` : base);
    if (local) nameToLabel.set(o.name.replace(/;1$/, ';2'), `${base};2`);
  }
  for (const e of run.events) {
    const ch = e.channel ?? e.peer;
    if (ch && !labels.has(ch.id)) {
      const label = nameToLabel.get(ch.name);
      if (label) labels.set(ch.id, label);
    }
  }
  run.bridges.forEach((id, i) => labels.set(`bridge:${id}`, `bridge#${i + 1}`));
  return labels;
}

function signature(e: AriEvent): string {
  switch (e.type) {
    case 'ChannelStateChange': return `State:${e.channel?.state}`;
    case 'Dial': return `Dial:${String(e.dialstatus)}`;
    case 'ChannelVarset': {
      const variable = String(e.variable);
      const value = String(e.value);
      if (variable === 'BRIDGEPEER' || variable.startsWith('RTPAUDIOQOS')) return `Var:${variable}=${value === '' ? '' : '*'}`;
      return `Var:${variable}=${value}`;
    }
    case 'ChannelHangupRequest': return `Hangup:${String(e.cause)}${e.soft ? '/soft' : ''}`;
    case 'ChannelDestroyed': return `Destroyed:${String(e.cause)}`;
    case 'StasisStart': return `StasisStart:${(e.args as string[]).join(',')}`;
    case 'ChannelEnteredBridge': return `Entered:${e.bridge?.bridge_type}`;
    case 'ChannelLeftBridge': return `Left:${e.bridge?.bridge_type}`;
    case 'ChannelDtmfReceived': return `DTMF:${String(e.digit)}`;
    case 'ChannelDialplan': return `Dialplan:${String(e.dialplan_app)}`;
    case 'PlaybackStarted': case 'PlaybackContinuing': case 'PlaybackFinished':
      return `${e.type}:${e.playback?.media_uri}:${e.playback?.state}`;
    case 'RecordingStarted': case 'RecordingFinished': return `${e.type}:${e.recording?.state}`;
    default: return e.type;
  }
}

function subjectOf(e: AriEvent): string | undefined {
  if (e.playback) return e.playback.target_uri.startsWith('channel:') ? e.playback.target_uri.slice(8) : e.playback.target_uri;
  if (e.recording) return e.recording.target_uri.startsWith('channel:') ? e.recording.target_uri.slice(8) : e.recording.target_uri;
  if (e.type === 'BridgeDestroyed' && e.bridge) return `bridge:${e.bridge.id}`;
  return (e.channel ?? e.peer)?.id;
}

const farHalfKeeps = /^(State|Hangup|Destroyed):/;
const commuting: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^Dial:$/, /^State:Ringing$/],
  [/^State:Ringing$/, /^Dial:RINGING$/],
  [/^Hangup:\d+$/, /^Left:/],
  [/^State:Busy$/, /^Hangup:0$/],
];

/** Puts pairs the real server sends in either order into the first order of `commuting`. */
function canonical(seq: string[]): string[] {
  const out = [...seq];
  for (let i = 0; i + 1 < out.length; i++) {
    for (const [first, second] of commuting) {
      if (second.test(out[i]!) && first.test(out[i + 1]!)) {
        [out[i], out[i + 1]] = [out[i + 1]!, out[i]!];
        i = Math.max(-1, i - 2);
        break;
      }
    }
  }
  return out;
}

export interface SequenceOptions {
  /**
   * The shared test Asterisk (silence files instead of transmit_silence) may end a far-end hangup
   * of an unbridged Local call with ChannelDestroyed 16 instead of 0; reference point 4 covers both.
   */
  readonly eitherCauseAfterFarHangup?: boolean;
  /**
   * On a live server, whether a channel's first ringing events reach the app depends on how soon its
   * subscription lands after the originate (the amd trace missed them; a replay may not). With this
   * set, ringing signals before a channel's first other event are left out on both sides.
   */
  readonly leadingRingingOptional?: boolean;
  /**
   * While Asterisk shuts down, the non-soft hangup requests that follow a channel's shutdown soft hangup (cause 4)
   * come, move past ChannelLeftBridge and StasisEnd, or do not come at all (three runs on 22.10.1 gave three
   * orders). With this set they are left out after a `Hangup:4/soft`, on both sides.
   */
  readonly lenientShutdown?: boolean;
}

const RINGING = /^(Dial:|Dial:RINGING|State:Ringing)$/;

function withoutLeadingRinging(seq: string[]): string[] {
  const first = seq.findIndex((s) => !RINGING.test(s));
  return first <= 0 ? seq : seq.slice(first);
}

function withoutShutdownHangups(seq: string[]): string[] {
  const at = seq.indexOf('Hangup:4/soft');
  return at < 0 ? seq : [...seq.slice(0, at + 1), ...seq.slice(at + 1).filter((s) => !/^Hangup:\d+$/.test(s))];
}

function lenientFarHangup(seq: string[]): string[] {
  const hungUp = seq.includes('Hangup:16');
  return seq.map((s) => (hungUp && (s === 'Destroyed:0' || s === 'Destroyed:16') ? 'Destroyed:0|16' : s));
}

export function eventSequences(run: LabelledRun, options: SequenceOptions = {}): Sequences {
  const labels = labelChannels(run);
  const out: Sequences = new Map();
  for (const e of run.events) {
    const subject = subjectOf(e);
    const label = subject === undefined ? (e.type === 'ApplicationReplaced' ? 'app' : undefined) : labels.get(subject);
    if (!label) continue;
    const sig = signature(e);
    if (label.endsWith(';2') && !farHalfKeeps.test(sig)) continue;
    const list = out.get(label) ?? [];
    list.push(sig);
    out.set(label, list);
  }
  for (const [label, seq] of out) {
    const ordered = canonical(seq);
    const lenient = options.eitherCauseAfterFarHangup && !label.endsWith(';2') ? lenientFarHangup(ordered) : ordered;
    const shutdown = options.lenientShutdown ? withoutShutdownHangups(lenient) : lenient;
    out.set(label, options.leadingRingingOptional ? withoutLeadingRinging(shutdown) : shutdown);
  }
  return out;
}

/** Human-readable differences between two sets of sequences (empty when they agree). */
export function compareSequences(expected: Sequences, actual: Sequences): string[] {
  const problems: string[] = [];
  for (const label of new Set([...expected.keys(), ...actual.keys()])) {
    const want = expected.get(label) ?? [];
    const got = actual.get(label) ?? [];
    if (want.join('|') === got.join('|')) continue;
    const at = want.findIndex((s, i) => got[i] !== s);
    const index = at < 0 ? want.length : at;
    problems.push(`${label}: differs at #${index}\n    expected: ${want.slice(index, index + 4).join(' → ') || '(end)'}\n    actual:   ${got.slice(index, index + 4).join(' → ') || '(end)'}\n    full expected: ${want.join(' → ')}\n    full actual:   ${got.join(' → ')}`);
  }
  return problems;
}
