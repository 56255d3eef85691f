import type { Role } from '../../src/domain/roles';
import { sampleOf, type JsonSchema } from './sample-body';
import type { TestApp } from './test-app';

/** One operation as the served OpenAPI document describes it. */
export interface Operation {
  method: string;
  /** OpenAPI form: /api/campaigns/{id} */
  path: string;
  key: string;
  public: boolean;
  /** x-roles; undefined on public operations. */
  roles: Role[] | undefined;
  /** The JSON body schema, if the operation takes JSON. */
  body: JsonSchema | undefined;
  /** The media types of a file upload, if it is one. */
  upload: string[] | undefined;
  queryNames: string[];
  /** The required query parameters with a sample value each, as a query string ('' when none). */
  requiredQuery: string;
}

export interface ServedDocument {
  operations: Operation[];
  websocket: { path: string; topics: { topic: string; roles: Role[]; summary: string }[] };
}

/** Reads /api/openapi.json as the given user and lists its operations. */
export async function readServedDocument(app: TestApp, token: string): Promise<ServedDocument> {
  const res = await app.request('GET', '/api/openapi.json', { token });
  if (res.status !== 200) throw new Error(`openapi.json answered ${res.status}`);
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(res.body.paths as Record<string, Record<string, any>>)) {
    for (const [method, op] of Object.entries(item)) {
      const content: Record<string, { schema: JsonSchema }> = op.requestBody?.content ?? {};
      const json = content['application/json'];
      operations.push({
        method: method.toUpperCase(), path, key: `${method.toUpperCase()} ${path}`, public: op.security.length === 0, roles: op['x-roles'],
        body: json?.schema, upload: !json && Object.keys(content).length ? Object.keys(content) : undefined,
        queryNames: (op.parameters ?? []).filter((p: any) => p.in === 'query').map((p: any) => String(p.name)),
        requiredQuery: (op.parameters ?? []).filter((p: any) => p.in === 'query' && p.required)
          .map((p: any) => `${p.name}=${encodeURIComponent(String(sampleOf(p.schema ?? {}, String(p.name))))}`).join('&'),
      });
    }
  }
  return { operations, websocket: res.body['x-websocket'] };
}

/** The operation's URL with every path id `id`, and `{phone}` the given number. */
export function urlOf(op: Pick<Operation, 'path'>, id: number | string, phone: string, query = ''): string {
  const path = op.path.replace(/\{([A-Za-z0-9_]+)\}/g, (_, name: string) => (name === 'phone' ? encodeURIComponent(phone) : String(id)));
  return query ? `${path}?${query}` : path;
}

/** A small CSV that is a valid contacts import: what an upload operation gets. */
export const SAMPLE_CSV = 'name,phone\r\nHoa,+84911111111\r\n';
