import { OpenAPIRegistry, OpenApiGeneratorV3 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { RouteSpec } from './route';
import { topicDocument } from './ws-topics';

const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});

const binary = z.string().meta({ format: 'binary' });

/** Express ':id' → OpenAPI '{id}'. */
export const toOpenApiPath = (path: string): string => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/**
 * Each operation carries `x-roles` (who may call it; the role gate in mountRoutes answers 403 to the others)
 * and the document `x-websocket` (the topics of the hub and their roles).
 */
export function buildOpenApiDocument(routes: RouteSpec[], version: string): object {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  registry.registerComponent('securitySchemes', 'cookie', { type: 'apiKey', in: 'cookie', name: 'dialer_session' });
  for (const r of routes) {
    const okStatus = r.status ?? (r.method === 'post' ? 201 : 200);
    const responses: Record<string, object> = {
      400: { description: 'Invalid input; the message names the field', content: { 'application/json': { schema: errorBody } } },
    };
    if (r.produces) responses[okStatus] = { description: 'OK', content: { [r.produces]: { schema: z.string() } } };
    else if (r.response) responses[okStatus] = { description: 'OK', content: { 'application/json': { schema: r.response } } };
    else responses[r.response === undefined && r.method !== 'get' ? 204 : okStatus] = { description: 'OK' };
    if (!r.public) {
      responses[401] = { description: 'Not logged in', content: { 'application/json': { schema: errorBody } } };
      responses[403] = { description: 'Not allowed', content: { 'application/json': { schema: errorBody } } };
    }
    registry.registerPath({
      method: r.method,
      path: toOpenApiPath(r.path),
      summary: r.summary,
      description: r.public ? 'Public: no session needed.' : `Roles: ${r.roles.join(', ')}. Other signed-in users get 403 E_FORBIDDEN.`,
      ...(r.public ? {} : { 'x-roles': [...r.roles] }),
      tags: [r.tag],
      security: r.public ? [] : [{ bearer: [] }, { cookie: [] }],
      request: {
        ...(r.params instanceof z.ZodObject ? { params: r.params } : {}),
        ...(r.query instanceof z.ZodObject ? { query: r.query } : {}),
        ...(r.body ? { body: { content: { 'application/json': { schema: r.body } } } } : {}),
        ...(r.upload ? { body: { content: Object.fromEntries(r.upload.map((t) => [t, { schema: binary }])) } } : {}),
      },
      responses,
    });
  }
  const document = new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: '3.0.3',
    info: { title: 'Asterisk dialer API', version },
  });
  // Not an OpenAPI notion: the WebSocket and the topics it serves, with who may follow them (ws-topics.ts).
  return { ...document, 'x-websocket': topicDocument() };
}
