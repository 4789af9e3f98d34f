import type { FastifyInstance, RouteOptions } from 'fastify';

/** One method + URL the server answers, as Fastify registered it (hidden routes and plugin routes included). */
export type RouteTableEntry = {
  method: string;
  /** Fastify's form: `/api/v1/guides/:id`, `/api/docs/static/*`. */
  url: string;
  /** OpenAPI's form: `/api/v1/guides/{id}`, `/api/docs/static/{*}`. */
  path: string;
  /** `GET /api/v1/guides/{id}`: the key the test tables use. */
  key: string;
  /** Answers without a session (`config.public`, or outside the session wall like `/api/docs`). */
  public: boolean;
  /** Left out of the OpenAPI document (`schema.hide`), but served all the same. */
  hidden: boolean;
  /** HEAD answered for a GET route (Fastify's `exposeHeadRoutes`): same handler, same input rules. */
  autoHead: boolean;
  /** The route's schemas as registered (zod schemas for the API, JSON Schema for plugin routes). */
  schema: { params?: unknown; querystring?: unknown; body?: unknown; response?: Record<string, unknown> };
};

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route of the app, filled by an onRoute hook before any route is added. */
    readonly routeTable: readonly RouteTableEntry[];
  }
}

export const toOpenApiPath = (url: string) =>
  url
    .replace(/:(\w+)/g, '{$1}')
    .replace(/\*$/, '{*}')
    .replace(/(.)\/$/, '$1');

/**
 * Collects the route table. Registered in `buildApp` before any route, so that tests (fuzzing, office isolation,
 * bad input) walk what the server really serves, not only what the OpenAPI document chooses to show.
 */
export function collectRouteTable(app: FastifyInstance) {
  const table: RouteTableEntry[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route: RouteOptions) => {
    const schema = (route.schema ?? {}) as RouteTableEntry['schema'] & { hide?: boolean };
    const path = toOpenApiPath(route.url);
    const methods = [route.method].flat().map((m) => String(m).toUpperCase());
    for (const upper of methods) {
      const entry: RouteTableEntry = {
        method: upper,
        url: route.url,
        path,
        key: `${upper} ${path}`,
        public: route.config?.public === true || !route.url.startsWith('/api/') || route.url.startsWith('/api/docs'),
        hidden: schema.hide === true,
        // Fastify adds the HEAD twin right after its GET (or a plugin registers both at once); a HEAD with a
        // handler of its own would come without a GET.
        autoHead:
          upper === 'HEAD' && (methods.includes('GET') || table.some((e) => e.method === 'GET' && e.url === route.url)),
        schema: {
          params: schema.params,
          querystring: schema.querystring,
          body: schema.body,
          response: schema.response,
        },
      };
      if (!table.some((e) => e.key === entry.key)) table.push(entry);
    }
  });
}
