import type { AriBridge, AriChannel, AriEvent } from '../../src/telephony/ari/ari-events';
import { decodeAriEvent } from '../../src/telephony/ari/ari-events';
import type { AriRest } from '../../src/telephony/ari/ari-rest';
import type { SocketState } from '../../src/telephony/ari/ari-connection';
import { toDialerError } from '../../src/telephony/ari/to-dialer-error';
import type { AriLink } from '../../src/telephony/ari-telephony';

/**
 * An ARI connection the test scripts: REST calls are recorded (and can be made to fail with the
 * bodies Asterisk sends), events are raw JSON as Asterisk sends them, decoded like real ones.
 */
export class FakeAriLink implements AriLink {
  readonly app = 'dialer-test-1';
  readonly calls: string[] = [];
  readonly failWith = new Map<string, string>();
  channels: AriChannel[] = [];
  startedAt = '2026-11-25T08:00:00.000+0000';
  bridgeList: AriBridge[] = [];
  private readonly events = new Set<(e: AriEvent) => void>();
  private readonly states = new Set<(s: SocketState) => void>();

  private async rec(op: string, detail: string): Promise<void> {
    this.calls.push(detail ? `${op} ${detail}` : op);
    const body = this.failWith.get(op);
    if (body) throw toDialerError(new Error(body), op);
  }

  readonly api: AriRest = {
    createChannel: (p) => this.rec('create', `${p.endpoint} ${p.channelId} ${p.appArgs} ${JSON.stringify(p.variables)}`),
    dial: (id, t) => this.rec('dial', `${id} ${t}`),
    continueInDialplan: (id, c, e, p) => this.rec('continue', `${id} ${c},${e},${p}`),
    hangup: (id) => this.rec('hangup', id),
    listChannels: async () => { await this.rec('listChannels', ''); return this.channels; },
    createBridge: (id, type) => this.rec('createBridge', `${id} ${type}`),
    addChannel: (b, c) => this.rec('addChannel', `${b} ${c}`),
    destroyBridge: (id) => this.rec('destroyBridge', id),
    listBridges: async () => { await this.rec('listBridges', ''); return this.bridgeList; },
    startBridgeMoh: (id, moh) => this.rec('moh', `${id} ${moh}`),
    play: (c, pb, media) => this.rec('play', `${c} ${pb} ${media.join(',')}`),
    stopPlayback: (pb) => this.rec('stopPlayback', pb),
    recordBridge: (b, name, f) => this.rec('record', `${b} ${name} ${f}`),
    stopRecording: (name) => this.rec('stopRecording', name),
    storedRecordingNames: async () => [],
    setGlobalVar: (v, value) => this.rec('setGlobalVar', `${v}=${value}`),
    getGlobalVar: async (v) => { await this.rec('getGlobalVar', v); return this.app; },
    startupTime: async () => { await this.rec('info', ''); return this.startedAt; },
  };

  onEvent(l: (e: AriEvent) => void) { this.events.add(l); return () => this.events.delete(l); }
  onState(l: (s: SocketState) => void) { this.states.add(l); return () => this.states.delete(l); }

  socket(s: SocketState): void { for (const l of [...this.states]) l(s); }

  emit(raw: Record<string, unknown>): void {
    const d = decodeAriEvent(raw);
    if (!d.ok) throw new Error(`test event not decodable: ${JSON.stringify(raw)}`);
    for (const l of [...this.events]) l(d.event);
  }

  /** Shorthands for the events of one channel, shaped as Asterisk sends them. */
  ch(id: string, state = 'Up', app_data = ''): AriChannel {
    return { id, name: `Local/x-00000001;1`, state, caller: { name: '', number: '' }, dialplan: { context: 'default', exten: 's', priority: 1, app_name: app_data ? 'Stasis' : '', app_data } };
  }
}
