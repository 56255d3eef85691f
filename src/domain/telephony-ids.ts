/**
 * Ids the dialer makes itself before asking Asterisk for anything (channels, bridges, playbacks,
 * recordings), so that an event can never arrive for an id we do not know yet. Branded strings: a
 * LegId cannot be passed where a BridgeId is expected.
 */
export type LegId = string & { readonly __brand: 'LegId' };
export type BridgeId = string & { readonly __brand: 'BridgeId' };
export type PlaybackId = string & { readonly __brand: 'PlaybackId' };

export const legId = (id: string): LegId => id as LegId;
export const bridgeId = (id: string): BridgeId => id as BridgeId;
export const playbackId = (id: string): PlaybackId => id as PlaybackId;
