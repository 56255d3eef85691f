import type { LegId } from '../../src/domain/telephony-ids';

/**
 * What the call-flow scenarios need from the system under test, so the same suite runs against
 * real Asterisk (test/asterisk/) and against the ARI simulator. Numbers follow the reference
 * dialplan: 0900 unallocated, 0901 human, 0902 busy, 0903 no answer, 0904 congestion, 0905 presses
 * 1, 0906 machine, 0908<digits> presses the digits; agents 8XXX busy, 9XXX never answer.
 */
export interface ScenarioTarget {
  readonly name: string;
  /** Where the dialer connects (for the real target, a proxy it can cut). */
  readonly ari: { url: string; user: string; password: string };
  readonly telephony: { customerEndpoint: string; agentEndpoint: string; customerContext: string };
  /** The far end of one of our legs hangs up, as the person on it would. */
  hangUpFarEnd(leg: LegId): Promise<void>;
  /** An inbound caller (caller ID `number`) reaches dialer-inbound-callback and presses 1. */
  placeCallbackRequestCall(number: string): Promise<void>;
  /** An inbound caller (caller ID `number`) dials `did`, routed to dialer-inbound; the caller stays on for about 30 s unless hung up. */
  placeInboundCall(number: string, did: string): Promise<{ hangUp(): Promise<void> }>;
  /** Ids of every channel and bridge the PBX holds, read directly (not through the dialer). */
  channelIds(): Promise<string[]>;
  bridges(): Promise<{ id: string; bridge_type: string; channels: string[] }[]>;
  storedRecordings(): Promise<string[]>;
  /** Cuts the dialer's connection to ARI (WebSocket and REST) until resumeAri(). */
  cutAri(): Promise<void>;
  resumeAri(): Promise<void>;
  /** Restarts the PBX (`core restart now`): live calls are torn down, then the WebSocket closes. */
  restartPbx(): Promise<void>;
  close(): Promise<void>;
  /** Called before each scenario with its title (event logging; see DIALER_IT_EVENT_LOG). */
  beginScenario?(title: string): void;
}
