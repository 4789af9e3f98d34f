/**
 * The app's own route table (collected by an onRoute hook in `buildApp`) as operations the suites walk. Unlike the
 * OpenAPI document it includes hidden routes (`schema.hide`) and plugin routes (`/api/docs/*`), so a route cannot
 * escape the office-isolation, bad-input and fuzz suites by not being documented.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { RouteTableEntry } from '../../src/server/routeTable.js';
import { HTTP_METHODS, type HttpMethod, type OpenApiOperation, type OpenApiSchema } from './api.js';

export type JsonSchema = OpenApiSchema & {
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  const?: unknown;
  default?: unknown;
  prefixItems?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  $ref?: string;
};

/** A route of the table with its input schemas as JSON Schema (the side a client sends). */
export type RouteOperation = {
  key: string;
  method: HttpMethod;
  path: string;
  route: RouteTableEntry;
  /** The same shape the OpenAPI document gives, so table-driven suites read either. */
  operation: OpenApiOperation;
  input: { params?: JsonSchema; querystring?: JsonSchema; body?: JsonSchema };
};

const isZod = (schema: unknown): schema is z.ZodType => schema instanceof z.ZodType;

/** Zod schemas convert like the OpenAPI writer does (input side); plugin routes carry JSON Schema already. */
export function toJsonSchema(schema: unknown, io: 'input' | 'output' = 'input'): JsonSchema | undefined {
  if (schema === undefined || schema === null) return undefined;
  if (isZod(schema))
    return z.toJSONSchema(schema, { io, unrepresentable: 'any', cycles: 'ref', reused: 'inline' }) as JsonSchema;
  return schema as JsonSchema;
}

const METHODS = new Set<string>(HTTP_METHODS.map((m) => m.toUpperCase()));

/**
 * Every route of the table except Fastify's automatic HEAD twins (they run the GET route's handler and input
 * rules). A method outside GET/POST/PUT/PATCH/DELETE makes this throw: the suites would not know how to call it.
 */
export function routeOperations(app: FastifyInstance): RouteOperation[] {
  if (!app.routeTable?.length) throw new Error('the app exposes no route table (collectRouteTable in buildApp)');
  const ops: RouteOperation[] = [];
  for (const route of app.routeTable) {
    if (route.autoHead) continue;
    if (!METHODS.has(route.method)) throw new Error(`${route.key}: no suite knows how to call ${route.method}`);
    const input = {
      params: toJsonSchema(route.schema.params),
      querystring: toJsonSchema(route.schema.querystring),
      body: toJsonSchema(route.schema.body),
    };
    const parameters = [
      ...Object.entries(input.params?.properties ?? {}).map(([name, schema]) => ({
        in: 'path',
        name,
        required: true,
        schema,
      })),
      ...Object.entries(input.querystring?.properties ?? {}).map(([name, schema]) => ({
        in: 'query',
        name,
        required: input.querystring?.required?.includes(name) ?? false,
        schema,
      })),
    ];
    ops.push({
      key: route.key,
      method: route.method as HttpMethod,
      path: route.path,
      route,
      operation: {
        parameters,
        ...(input.body ? { requestBody: { content: { 'application/json': { schema: input.body } } } } : {}),
      },
      input,
    });
  }
  return ops;
}

/** Every zod schema reachable from `root`: wrappers, object shapes, array elements, union options, pipes, records. */
export function zodSchemasIn(root: unknown): Set<z.ZodType> {
  const seen = new Set<z.ZodType>();
  const visit = (value: unknown, depth: number) => {
    if (depth > 64 || value === null || typeof value !== 'object') return;
    if (value instanceof z.ZodType) {
      if (seen.has(value)) return;
      seen.add(value);
      visit(value._zod.def, depth + 1);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
    } else if (Object.getPrototypeOf(value) === Object.prototype) {
      for (const item of Object.values(value)) visit(item, depth + 1);
    }
  };
  visit(root, 0);
  return seen;
}
