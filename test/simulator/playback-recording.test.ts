import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AriEvent } from './support/trace-file';
import { call, failure, startHarness, type Harness } from './support/ari-harness';

const playbackEvents = (events: readonly AriEvent[], id: string) =>
  events.filter((e) => e.playback?.id === id).map((e) => `${e.type}:${e.playback?.media_uri}:${e.playback?.state}`);

describe('ARI simulator: playbacks and DTMF (ivr.jsonl)', () => {
  let h: Harness;
  beforeEach(async () => { h = await startHarness(); });
  afterEach(async () => {
    assert.deepEqual(h.sim.control.errors, []);
    await h.close();
  });

  async function answered(number: string, id: string): Promise<void> {
    await call(h.client, 'channels', 'originate', { endpoint: `Local/${number}@sim-customers`, app: 'dialer', appArgs: 'ivr', channelId: id });
    await h.events.waitFor((e) => e.type === 'StasisStart');
  }

  it('when 0905 presses 1 during a long prompt, then DTMF arrives while it plays, and stopping it ends it as done', async () => {
    await answered('09050001', 'ivr');
    const playback = await call<{ state: string; target_uri: string }>(h.client, 'channels', 'playWithId', { channelId: 'ivr', playbackId: 'prompt', media: 'sound:demo-congrats', lang: 'en' });
    assert.equal(playback.state, 'queued');
    assert.equal(playback.target_uri, 'channel:ivr');
    const dtmf = await h.events.waitFor((e) => e.type === 'ChannelDtmfReceived');
    assert.equal(dtmf.digit, '1');
    assert.equal(dtmf.duration_ms, 100);
    assert.equal((await call<{ state: string }>(h.client, 'playbacks', 'get', { playbackId: 'prompt' })).state, 'playing');
    await call(h.client, 'playbacks', 'stop', { playbackId: 'prompt' });
    await h.sim.control.settle();
    assert.deepEqual(playbackEvents(h.events.all, 'prompt'), ['PlaybackStarted:sound:demo-congrats:playing', 'PlaybackFinished:sound:demo-congrats:done']);
    assert.equal((await failure(call(h.client, 'playbacks', 'get', { playbackId: 'prompt' }))).message, '{"message":"Playback not found"}');
  });

  it('when a media list is played, then one playback id goes Started, Continuing, Started, Finished; a missing sound fails at once', async () => {
    await answered('09010001', 'list');
    const list = await call<{ id: string; next_media_uri?: string }>(h.client, 'channels', 'play', { channelId: 'list', media: ['sound:vm-goodbye', 'digits:1'] });
    assert.equal(list.next_media_uri, 'digits:1');
    await h.events.waitFor((e) => e.type === 'PlaybackFinished' && e.playback?.id === list.id);
    assert.deepEqual(playbackEvents(h.events.all, list.id), [
      'PlaybackStarted:sound:vm-goodbye:playing', 'PlaybackContinuing:sound:vm-goodbye:continuing',
      'PlaybackStarted:digits:1:playing', 'PlaybackFinished:digits:1:done',
    ]);
    const missing = await call<{ id: string }>(h.client, 'channels', 'play', { channelId: 'list', media: 'sound:no-such-prompt' });
    await h.sim.control.settle();
    assert.deepEqual(playbackEvents(h.events.all, missing.id), ['PlaybackStarted:sound:no-such-prompt:playing', 'PlaybackFinished:sound:no-such-prompt:failed']);
  });

  it('when prompts are played back to back, then the second waits (queued) and lasts as long as the real sound file', async () => {
    await answered('09010001', 'q');
    const start = h.sim.control.now();
    await call(h.client, 'channels', 'playWithId', { channelId: 'q', playbackId: 'one', media: 'sound:vm-press' });
    await call(h.client, 'channels', 'playWithId', { channelId: 'q', playbackId: 'two', media: 'digits:123' });
    assert.equal((await call<{ state: string }>(h.client, 'playbacks', 'get', { playbackId: 'two' })).state, 'queued');
    await h.events.waitFor((e) => e.type === 'PlaybackFinished' && e.playback?.id === 'two');
    assert.equal(h.sim.control.now() - start, 723 + 911 + 747 + 838);
  });

  it('when the caller hangs up during a prompt, then the playback finishes as failed before the channel leaves Stasis', async () => {
    await answered('09010001', 'gone');
    await call(h.client, 'channels', 'playWithId', { channelId: 'gone', playbackId: 'p', media: 'sound:demo-congrats' });
    await h.sim.control.advance(200);
    await call(h.client, 'channels', 'hangup', { channelId: 'gone' });
    await h.sim.control.settle();
    const order = h.events.all.filter((e) => e.channel?.id === 'gone' || e.playback).map((e) => e.type).slice(-5);
    assert.deepEqual(order, ['ChannelHangupRequest', 'PlaybackFinished', 'StasisEnd', 'ChannelVarset', 'ChannelDestroyed']);
    assert.equal(h.events.find((e) => e.type === 'PlaybackFinished')?.playback?.state, 'failed');
  });

  it('when 0908123 answers, then the digits arrive one event each, about 350 ms apart', async () => {
    await answered('0908123', 'keys');
    await h.events.waitFor((e) => e.type === 'ChannelDtmfReceived' && e.digit === '3');
    const keys = h.events.all.filter((e) => e.type === 'ChannelDtmfReceived');
    assert.deepEqual(keys.map((e) => e.digit), ['1', '2', '3']);
    const times = keys.map((e) => Date.parse(String(e.timestamp).replace('+0000', 'Z')));
    assert.deepEqual(times.slice(1).map((t, i) => t - times[i]!), [351, 351]);
  });
});

describe('ARI simulator: prompts read from WAV files', () => {
  it('when a directory of WAV prompts is given, then they play for as long as the files last', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sim-sounds-'));
    const samples = 2400; // 300 ms at 8 kHz, 16-bit mono
    const wav = Buffer.alloc(44 + samples * 2);
    wav.write('RIFF', 0, 'ascii'); wav.writeUInt32LE(36 + samples * 2, 4); wav.write('WAVE', 8, 'ascii');
    wav.write('fmt ', 12, 'ascii'); wav.writeUInt32LE(16, 16); wav.writeUInt16LE(1, 20); wav.writeUInt16LE(1, 22);
    wav.writeUInt32LE(8000, 24); wav.writeUInt32LE(16000, 28); wav.writeUInt16LE(2, 32); wav.writeUInt16LE(16, 34);
    wav.write('data', 36, 'ascii'); wav.writeUInt32LE(samples * 2, 40);
    writeFileSync(path.join(dir, 'dialer-test-prompt.wav'), wav);
    const h = await startHarness({ soundDirs: [dir] });
    try {
      await call(h.client, 'channels', 'originate', { endpoint: 'Local/1001@sim-agents', app: 'dialer', channelId: 'p' });
      await h.events.waitFor((e) => e.type === 'StasisStart');
      const started = h.sim.control.now();
      await call(h.client, 'channels', 'play', { channelId: 'p', media: 'sound:dialer-test-prompt' });
      const finished = await h.events.waitFor((e) => e.type === 'PlaybackFinished');
      assert.equal(finished.playback?.state, 'done');
      assert.equal(h.sim.control.now() - started, 300);
    } finally {
      await h.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('ARI simulator: recordings', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    for (const id of ['r1', 'r2']) await call(h.client, 'channels', 'originate', { endpoint: 'Local/1001@sim-agents', app: 'dialer', channelId: id });
    await h.sim.control.advance(1100);
    await call(h.client, 'bridges', 'create', { bridgeId: 'b' });
    await call(h.client, 'bridges', 'addChannel', { bridgeId: 'b', channel: 'r1,r2' });
  });
  afterEach(async () => { await h.close(); });

  const stored = async () => (await call<Array<{ name: string; format: string }>>(h.client, 'recordings', 'listStored')).map((r) => `${r.name}.${r.format}`);

  it('when a bridge is recorded and stopped, then RecordingStarted, RecordingFinished with its duration, and a stored recording', async () => {
    const live = await call<{ name: string; state: string; target_uri: string }>(h.client, 'bridges', 'record', { bridgeId: 'b', name: 'call-42', format: 'wav' });
    assert.deepEqual([live.name, live.state, live.target_uri], ['call-42', 'queued', 'bridge:b']);
    await h.sim.control.advance(3200);
    await call(h.client, 'recordings', 'stop', { recordingName: 'call-42' });
    await h.sim.control.settle();
    const finished = h.events.find((e) => e.type === 'RecordingFinished');
    assert.equal(finished?.recording?.state, 'done');
    assert.equal((finished?.recording as { duration?: number } | undefined)?.duration, 3);
    assert.deepEqual(await stored(), ['call-42.wav']);
    assert.equal((await failure(call(h.client, 'bridges', 'record', { bridgeId: 'b', name: 'call-42', format: 'wav' }))).message,
      '{"message":"Recording \'call-42\' already exists and can not be overwritten"}');
    await call(h.client, 'recordings', 'deleteStored', { recordingName: 'call-42' });
    assert.deepEqual(await stored(), []);
  });

  it('when a recording is cancelled, then it still finishes as "done" but is not stored; bad name or format are refused as Asterisk does', async () => {
    await call(h.client, 'bridges', 'record', { bridgeId: 'b', name: 'oops', format: 'wav' });
    await h.sim.control.advance(500);
    await call(h.client, 'recordings', 'cancel', { recordingName: 'oops' });
    await h.sim.control.settle();
    assert.equal(h.events.find((e) => e.type === 'RecordingFinished')?.recording?.state, 'done');
    assert.deepEqual(await stored(), []);
    assert.equal((await failure(call(h.client, 'bridges', 'record', { bridgeId: 'b', name: 'x', format: 'bogus' }))).message, '{"message":"specified format is unknown on this system"}');
    assert.equal((await failure(call(h.client, 'channels', 'record', { channelId: 'r1', format: 'wav' }))).message, '{"message":"Error parsing request"}');
  });

  it('when the bridge is destroyed while recording, then the recording finishes and is stored', async () => {
    await call(h.client, 'bridges', 'record', { bridgeId: 'b', name: 'cut', format: 'wav', maxDurationSeconds: 60 });
    await h.sim.control.advance(1000);
    await call(h.client, 'bridges', 'destroy', { bridgeId: 'b' });
    await h.sim.control.settle();
    assert.deepEqual(await stored(), ['cut.wav']);
  });
});
