/**
 * The smallest value a JSON Schema (as the OpenAPI document gives it) accepts: required properties only,
 * the first enum value, the lowest number allowed, strings that match the pattern. Field names guide the
 * strings a schema cannot say (a phone, an e-mail) and ids point at resources the tests made (id 1), so a
 * sample passes validation and reaches the service. Undefined when no value is found; callers check the
 * sample against the route's own zod schema, which also knows the refinements JSON Schema cannot carry.
 */
export interface JsonSchema {
  type?: string;
  enum?: unknown[];
  nullable?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
}

const BY_NAME: [RegExp, string][] = [
  [/phone/i, '+84912345678'], [/email/i, 'a@example.com'], [/timezone/i, 'Asia/Ho_Chi_Minh'], [/birthday/i, '1990-05-17'],
  [/At$|From$|To$/, '2026-11-25T09:00:00.000Z'], [/password/i, 'correct horse battery'], [/username/i, 'sampleuser'],
];
const STRINGS = ['x', 'sample', '09:00', '18:00', '+84912345678', 'step_1', '1', 'a@example.com', '2026-11-25', '2026-11-25T09:00:00.000Z', 'Asia/Ho_Chi_Minh'];

function fits(s: string, schema: JsonSchema): boolean {
  if (schema.minLength !== undefined && s.length < schema.minLength) return false;
  if (schema.maxLength !== undefined && s.length > schema.maxLength) return false;
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(s)) return false;
  if (schema.format === 'date-time' && Number.isNaN(Date.parse(s))) return false;
  if (schema.format === 'email' && !s.includes('@')) return false;
  return true;
}

function sampleString(schema: JsonSchema, key: string): string | undefined {
  const named = BY_NAME.find(([re]) => re.test(key))?.[1];
  const candidates = [...(named ? [named] : []), ...STRINGS];
  if (schema.format === 'date-time') candidates.unshift('2026-11-25T09:00:00.000Z');
  if (schema.format === 'email') candidates.unshift('a@example.com');
  return candidates.find((s) => fits(s, schema)) ?? (schema.minLength ? 'x'.repeat(schema.minLength) : undefined);
}

function sampleNumber(schema: JsonSchema, key: string): number {
  const exclusive = schema.exclusiveMinimum === true || typeof schema.exclusiveMinimum === 'number';
  const floor = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : schema.minimum;
  let n = /(^id$|Id$|Ids$)/.test(key) ? 1 : (floor ?? 1);
  if (floor !== undefined && (n < floor || (exclusive && n <= floor))) n = floor + (exclusive ? 1 : 0);
  if (schema.maximum !== undefined && n > schema.maximum) n = schema.maximum;
  return n;
}

export function sampleOf(schema: JsonSchema, key = ''): unknown {
  if (schema.default !== undefined) return schema.default;
  if (schema.enum) return schema.enum[0];
  const options = schema.anyOf ?? schema.oneOf;
  if (options) {
    for (const option of options) {
      const v = sampleOf(option, key);
      if (v !== undefined) return v;
    }
    return undefined;
  }
  switch (schema.type) {
    case 'string': return sampleString(schema, key);
    case 'integer': case 'number': return sampleNumber(schema, key);
    case 'boolean': return false;
    case 'array': {
      if (!schema.minItems) return [];
      const item = sampleOf(schema.items ?? {}, key);
      return item === undefined ? undefined : Array.from({ length: schema.minItems }, () => item);
    }
    case 'object': case undefined: {
      if (!schema.properties) return schema.type === 'object' ? {} : undefined;
      const out: Record<string, unknown> = {};
      for (const name of schema.required ?? []) {
        const v = sampleOf(schema.properties[name] ?? {}, name);
        if (v === undefined) return undefined;
        out[name] = v;
      }
      return out;
    }
    default: return undefined;
  }
}

/**
 * A sample the route's own schema accepts: starts from the required properties and, while the schema
 * names a missing optional property (a refinement such as "give either contactIds or filter"), adds it,
 * with one item if it is a list. `firstIssue` answers the path of the schema's first complaint, or undefined.
 */
export function validSample(schema: JsonSchema, firstIssue: (value: unknown) => string[] | undefined): unknown {
  let value = sampleOf(schema);
  for (let tries = 0; tries < 5 && value !== undefined; tries++) {
    const issue = firstIssue(value);
    if (!issue) return value;
    const key = issue[0];
    const prop = key === undefined ? undefined : schema.properties?.[key];
    if (!prop || (value as Record<string, unknown>)[key!] !== undefined) return undefined;
    const added = prop.type === 'array' ? [sampleOf(prop.items ?? {}, key)] : sampleOf(prop, key);
    value = { ...(value as object), [key!]: added };
  }
  return undefined;
}

/** Every leaf of a sample (strings, numbers, booleans, empty arrays), with its dotted path as validation errors name it. */
export function leavesOf(value: unknown, prefix: string[] = []): { path: string[]; value: unknown }[] {
  if (Array.isArray(value) && value.length > 0) return value.flatMap((v, i) => leavesOf(v, [...prefix, String(i)]));
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
    return Object.entries(value).flatMap(([k, v]) => leavesOf(v, [...prefix, k]));
  }
  return prefix.length ? [{ path: prefix, value }] : [];
}

/** A copy of `value` with the leaf at `path` replaced. */
export function withLeaf(value: unknown, path: string[], leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(value)) return value.map((v, i) => (String(i) === head ? withLeaf(v, rest, leaf) : v));
  const obj = value as Record<string, unknown>;
  return { ...obj, [head]: withLeaf(obj[head], rest, leaf) };
}

export interface SchemaNode {
  path: string[];
  schema: JsonSchema;
  /** Below a union (anyOf), the union's path: a wrong value there is reported at the union, not inside it. */
  unionAt?: string[];
}

/** Every property of a schema at any depth, with its path (list items as index 0). */
export function schemaNodes(schema: JsonSchema, prefix: string[] = [], unionAt?: string[]): SchemaNode[] {
  const out: SchemaNode[] = [];
  for (const [k, s] of Object.entries(schema.properties ?? {})) out.push({ path: [...prefix, k], schema: s, unionAt }, ...schemaNodes(s, [...prefix, k], unionAt));
  if (schema.type === 'array' && schema.items) out.push({ path: [...prefix, '0'], schema: schema.items, unionAt }, ...schemaNodes(schema.items, [...prefix, '0'], unionAt));
  for (const option of schema.anyOf ?? schema.oneOf ?? []) out.push(...schemaNodes(option, prefix, unionAt ?? prefix));
  return out;
}

/** `base` with `value` at `path`, making the objects and lists on the way from their samples. */
export function placeAt(schema: JsonSchema, base: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  const option = schema.anyOf?.find((o) => (head === '0' ? o.type === 'array' : o.properties?.[head])) ?? schema;
  if (head === '0' && option.type === 'array') {
    const list = Array.isArray(base) && base.length > 0 ? [...base] : [sampleOf(option.items ?? {})];
    list[0] = placeAt(option.items ?? {}, list[0], rest, value);
    return list;
  }
  const start = base !== null && typeof base === 'object' && !Array.isArray(base) ? base : (sampleOf({ ...option, default: undefined }) ?? {});
  const obj = { ...(start as Record<string, unknown>) };
  obj[head] = placeAt(option.properties?.[head] ?? {}, obj[head], rest, value);
  return obj;
}

type JsonType = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'null';

/** The JSON types a node accepts (integer counts as number). */
export function acceptedTypes(schema: JsonSchema): Set<JsonType> {
  const out = new Set<JsonType>();
  for (const option of schema.anyOf ?? schema.oneOf ?? []) for (const t of acceptedTypes(option)) out.add(t);
  if (schema.enum) for (const v of schema.enum) out.add(v === null ? 'null' : (Array.isArray(v) ? 'array' : typeof v) as JsonType);
  if (schema.type) out.add(schema.type === 'integer' ? 'number' : schema.type as JsonType);
  if (schema.nullable) out.add('null');
  if (!schema.type && !schema.enum && !schema.anyOf && !schema.oneOf && schema.properties) out.add('object');
  return out;
}
