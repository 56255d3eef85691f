import { z } from 'zod';
import { BLOCK_LISTS } from '../../domain/block-list';
import type { BlockListService } from '../../services/block-list-service';
import { STAFF, defineRoute, type RouteSpec } from '../route';
import { blockBody, blockCheckDto, blockedNumberDto, pageQuery } from '../schemas/contact-schemas';
import { pagedOf } from '../schemas/pagination';

const LABEL = { dnc: 'the DNC list', blacklist: 'the blacklist' } as const;

/** /api/block-lists/dnc/… and /api/block-lists/blacklist/…: the same routes for both lists. */
export function blockListRoutes(blocks: BlockListService): RouteSpec[] {
  return [
    defineRoute({
      method: 'get', path: '/api/block-lists/check/:phone', tag: 'block-lists', roles: STAFF,
      summary: 'Is this number (any form, URL-encoded) on the DNC list or the blacklist?',
      params: z.object({ phone: z.string().min(1).max(40) }), response: blockCheckDto,
      handler: ({ actor, params }) => blocks.checkAny(actor, params.phone),
    }),
    ...BLOCK_LISTS.flatMap((list) => [
      defineRoute({
        method: 'get', path: `/api/block-lists/${list}`, tag: 'block-lists', roles: STAFF, summary: `Numbers on ${LABEL[list]}, newest first`,
        query: pageQuery, response: pagedOf(blockedNumberDto),
        handler: ({ actor, query }) => ({ ...blocks.page(actor, list, query.offset, query.limit), limit: query.limit, offset: query.offset }),
      }),
      defineRoute({
        method: 'post', path: `/api/block-lists/${list}`, tag: 'block-lists', roles: STAFF, summary: `Add a number to ${LABEL[list]} with a reason and a source`,
        body: blockBody, response: z.object({ entry: blockedNumberDto, added: z.boolean() }),
        handler: ({ actor, body }) => blocks.add(actor, list, body),
      }),
      defineRoute({
        method: 'delete', path: `/api/block-lists/${list}/:phone`, tag: 'block-lists', roles: STAFF, summary: `Remove a number (any form, URL-encoded) from ${LABEL[list]}`,
        params: z.object({ phone: z.string().min(1).max(40) }),
        handler: ({ actor, params }) => { blocks.remove(actor, list, params.phone); },
      }),
    ]),
  ];
}
