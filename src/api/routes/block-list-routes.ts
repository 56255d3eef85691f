import { z } from 'zod';
import type { BlockListService } from '../../services/block-list-service';
import { defineRoute, type RouteSpec } from '../route';
import { blockBody, blockCheckDto, blockedNumberDto, blockListParams, pageQuery } from '../schemas/contact-schemas';

export function blockListRoutes(blocks: BlockListService): RouteSpec[] {
  return [
    defineRoute({
      method: 'get', path: '/api/block-lists/check', tag: 'block-lists', summary: 'Is this number (any form) on the DNC list or the blacklist?',
      query: z.object({ phone: z.string().min(1).max(40) }), response: blockCheckDto,
      handler: ({ query }) => blocks.checkAny(query.phone),
    }),
    defineRoute({
      method: 'get', path: '/api/block-lists/:list', tag: 'block-lists', summary: 'Entries of the DNC list or the blacklist, newest first',
      params: blockListParams, query: pageQuery, response: z.object({ entries: z.array(blockedNumberDto), total: z.number() }),
      handler: ({ actor, params, query }) => blocks.page(actor, params.list, query.page, query.pageSize),
    }),
    defineRoute({
      method: 'post', path: '/api/block-lists/:list', tag: 'block-lists', summary: 'Add a number with a reason and a source',
      params: blockListParams, body: blockBody, response: z.object({ entry: blockedNumberDto, added: z.boolean() }),
      handler: ({ actor, params, body }) => blocks.add(actor, params.list, body),
    }),
    defineRoute({
      method: 'delete', path: '/api/block-lists/:list/:phone', tag: 'block-lists', summary: 'Remove a number (any form, URL-encoded)',
      params: blockListParams.extend({ phone: z.string().min(1).max(40) }),
      handler: ({ actor, params }) => { blocks.remove(actor, params.list, params.phone); },
    }),
  ];
}
