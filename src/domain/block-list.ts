/** DNC: the customer asked not to be called. Blacklist: never dial (fraud, staff, emergency lines …). */
export const BLOCK_LISTS = ['dnc', 'blacklist'] as const;
export type BlockListName = (typeof BLOCK_LISTS)[number];

export type BlockCheck = { blocked: false } | { blocked: true; list: BlockListName; reason: string };

/** When a number is on both lists the blacklist wins: it is the stronger reason not to dial. */
export function strongestBlock(hits: readonly { list: BlockListName; reason: string }[]): BlockCheck {
  const hit = hits.find((h) => h.list === 'blacklist') ?? hits[0];
  return hit ? { blocked: true, list: hit.list, reason: hit.reason } : { blocked: false };
}
