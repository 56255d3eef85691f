import { notFound, notInStasis } from './http-error';
import type { SimWorld } from './sim-world';
import type { SimChannel } from './sim-types';

/** The channel or 404 "Channel not found". */
export function findChannel(w: SimWorld, id: string | undefined): SimChannel {
  const ch = id === undefined ? undefined : w.channels.get(id);
  if (!ch?.alive) throw notFound('Channel');
  return ch;
}

/** The channel, which must be in a Stasis app (409 "Channel not in Stasis application" otherwise). */
export function findStasisChannel(w: SimWorld, id: string | undefined): SimChannel {
  const ch = findChannel(w, id);
  if (!ch.stasis) throw notInStasis();
  return ch;
}
