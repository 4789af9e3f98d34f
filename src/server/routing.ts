import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemSchema } from '../shared/common.js';
import type { Services } from './services.js';

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}
/** The Fastify instance every module's routes register on, typed by the zod provider. */
export type Api = ReturnType<typeof typed>;
export type RouteModule = (api: Api, services: Services) => void;

/** The error responses every authenticated route documents (RFC 9457 problem details). */
export const problemResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
} as const;

/** A PDF download: every PDF route answers with the same type and attachment header. */
export function sendPdf(reply: FastifyReply, fileName: string, bytes: Uint8Array) {
  return reply
    .type('application/pdf')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .send(Buffer.from(bytes));
}
