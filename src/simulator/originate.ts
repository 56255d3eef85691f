import { startDial } from './call-progress';
import { emitCallerId, emitConnectedLine, emitDialplan, emitVarset } from './channel-events';
import { channelIdTaken, createLocalPair, createPjsipChannel, parseCallerId } from './channel-factory';
import { parseEndpoint, type ParsedEndpoint } from './endpoint-parser';
import { destroyChannel } from './hangup';
import { AriHttpError, notFound, notInStasis } from './http-error';
import type { CallPlan } from './party-behaviour';
import type { SimWorld } from './sim-world';
import type { AfterAnswer, CallerId, SimCall, SimChannel } from './sim-types';
import { enterStasis, splitArgs } from './stasis';

export interface OriginateRequest {
  readonly endpoint?: string;
  readonly app?: string;
  readonly appArgs?: string;
  readonly context?: string;
  readonly extension?: string;
  readonly priority?: number;
  readonly callerId?: string;
  /** Seconds; 0 or less means no timeout. */
  readonly timeout: number;
  readonly channelId?: string;
  readonly otherChannelId?: string;
  readonly variables: Readonly<Record<string, string>>;
}

interface NewCall {
  readonly near: SimChannel;
  readonly far: SimChannel | null;
  readonly call: SimCall;
}

function planFor(w: SimWorld, ep: ParsedEndpoint): CallPlan | null {
  return ep.party ? w.behaviours.resolve(ep.party, ep.exten) : null;
}

function buildCall(w: SimWorld, req: { endpoint?: string; channelId?: string; otherChannelId?: string }, caller: CallerId, mode: SimCall['mode'], after: AfterAnswer): NewCall {
  if (!req.endpoint) throw new AriHttpError(400, 'Endpoint must be specified');
  const ep = parseEndpoint(req.endpoint, w.options);
  if (channelIdTaken(w, req)) throw new AriHttpError(409, 'Channel with given unique ID already exists');
  const dialing = mode === 'originate';
  const [near, far] = ep.kind === 'local'
    ? createLocalPair(w, ep, req, caller, dialing)
    : [createPjsipChannel(w, ep, req.channelId, caller, dialing), null];
  const call: SimCall = {
    near, far, mode, after, plan: planFor(w, ep), phase: 'created', timers: [], timeoutMs: 0, dialStartedAt: 0,
    dialstring: ep.kind === 'local' ? `${ep.exten}@${ep.context}` : req.endpoint.slice(req.endpoint.indexOf('/') + 1),
    farContext: ep.kind === 'local' ? ep.context : ep.party === 'customer' ? 'sim-customers' : 'sim-agents',
    farExten: ep.exten,
  };
  near.call = call;
  if (far) far.call = call;
  return { near, far, call };
}

/** Channel variables from the request body; CALLERID(name)/CALLERID(num) set the caller id instead. */
function applyVariables(ch: SimChannel, variables: Readonly<Record<string, string>>): string[] {
  const plain: string[] = [];
  for (const [name, value] of Object.entries(variables)) {
    if (name === 'CALLERID(name)') ch.caller = { ...ch.caller, name: value };
    else if (name === 'CALLERID(num)' || name === 'CALLERID(number)') ch.caller = { ...ch.caller, number: value };
    else {
      ch.vars.set(name, value);
      plain.push(name);
    }
  }
  return plain;
}

/** POST /channels and POST /channels/{id}: the channel is returned Down; dialing starts right after. */
export function originate(w: SimWorld, req: OriginateRequest): SimChannel {
  if (req.endpoint && !req.app && !req.extension) throw new AriHttpError(400, 'Application or extension must be specified');
  const after: AfterAnswer = req.app
    ? { kind: 'app', app: req.app, args: splitArgs(req.appArgs), rawArgs: req.appArgs ?? '' }
    : { kind: 'dialplan', context: req.context || 'default', exten: req.extension ?? 's', priority: req.priority ?? 1 };
  const { near, far, call } = buildCall(w, req, parseCallerId(req.callerId), 'originate', after);
  call.timeoutMs = req.timeout > 0 ? req.timeout * 1000 : 0;
  const app = req.app ? w.hub.apps.get(req.app) : undefined;
  if (app) for (const ch of far ? [near, far] : [near]) w.hub.subscribeChannel(app, ch);
  const announced = far ?? near;
  const names = applyVariables(near, req.variables);
  if (far) applyVariables(far, req.variables);
  if (far) far.caller = near.caller;
  near.connected = near.caller;
  announced.connected = announced.caller;
  w.soon(() => {
    if (!announced.alive) return;
    for (const name of names) if (far) emitVarset(w.hub, far, name, far.vars.get(name) ?? '');
    if (far && (announced.caller.name || announced.caller.number)) {
      emitCallerId(w.hub, far);
      emitConnectedLine(w.hub, far);
    }
    startDial(w, call);
  });
  return near;
}

export interface CreateRequest {
  readonly endpoint?: string;
  readonly app?: string;
  readonly appArgs?: string;
  readonly channelId?: string;
  readonly otherChannelId?: string;
  readonly variables: Readonly<Record<string, string>>;
}

/**
 * The variables of a create, in the order given, as events: ChannelVarset for a plain one, and
 * ChannelCallerId for CALLERID(num)/CALLERID(name), each showing the caller id as far as it is set
 * by then (checked on Asterisk 22).
 */
function announceVariables(w: SimWorld, ch: SimChannel, variables: Readonly<Record<string, string>>): void {
  const caller = ch.caller;
  ch.caller = parseCallerId(undefined);
  for (const [name, value] of Object.entries(variables)) {
    if (name === 'CALLERID(name)') ch.caller = { ...ch.caller, name: value };
    else if (name === 'CALLERID(num)' || name === 'CALLERID(number)') ch.caller = { ...ch.caller, number: value };
    else {
      emitVarset(w.hub, ch, name, value);
      continue;
    }
    emitCallerId(w.hub, ch);
  }
  ch.caller = caller;
}

/** POST /channels/create: the channel enters the app (StasisStart, state Down) and waits for /dial. */
export function createChannel(w: SimWorld, req: CreateRequest): SimChannel {
  const rawArgs = req.appArgs ?? '';
  const { near, far } = buildCall(w, req, parseCallerId(undefined), 'create', { kind: 'stasis' });
  applyVariables(near, req.variables);
  const app = req.app ? w.hub.activeApp(req.app) : undefined;
  if (app) w.hub.subscribeChannel(app, near);
  w.soon(() => {
    if (!near.alive) return;
    if (!app) {
      // No such app: Stasis() fails and the new channel is simply gone.
      destroyChannel(w, near, 16);
      if (far) destroyChannel(w, far, 16);
      return;
    }
    announceVariables(w, near, req.variables);
    near.dialplan = { ...near.dialplan, appName: 'Stasis', appData: rawArgs ? `${app.name},${rawArgs}` : app.name };
    emitDialplan(w.hub, near);
    near.dialplan = { ...near.dialplan, appName: '', appData: '' };
    enterStasis(w, near, app, splitArgs(rawArgs), { fromDialplan: false, rawArgs });
  });
  return near;
}

/** POST /channels/{id}/dial on a created channel. */
export function dialCreated(w: SimWorld, ch: SimChannel | undefined, timeoutSeconds: number): void {
  if (!ch?.alive) throw notFound('Channel');
  if (!ch.stasis) throw notInStasis();
  const call = ch.call;
  if (!call || call.mode !== 'create' || call.phase !== 'created' || ch.state !== 'Down' || ch.half === 2) {
    throw new AriHttpError(409, "Channel is not in the 'Down' state");
  }
  call.timeoutMs = timeoutSeconds > 0 ? timeoutSeconds * 1000 : 0;
  call.phase = 'dialing';
  w.soon(() => startDial(w, call));
}
