import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from './services.js';

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}
/** The Fastify instance every module's routes register on, typed by the zod provider. */
export type Api = ReturnType<typeof typed>;
export type RouteModule = (api: Api, services: Services) => void;
