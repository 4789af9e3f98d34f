import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule, sendPdf } from '../../server/routing.js';
import { idParams, listOf } from '../../shared/common.js';
import {
  privacyExportParams,
  privacyExportSchema,
  recordReadSchema,
  SUBJECT_PATHS,
  type SubjectKind,
} from '../../shared/privacy.js';

const tags = ['Privacy'];
const errors = problemResponses;

/** "Datenauskunft-guide-2026-12-03.json": ASCII, no personal data in the name. */
const fileName = (kind: SubjectKind, now: Date, ext: 'json' | 'pdf') =>
  `Datenauskunft-${kind}-${now.toISOString().slice(0, 10)}.${ext}`;

/**
 * Art. 15 / Art. 20 DS-GVO: the same content as two downloads, a JSON file for machines (portability) and a PDF
 * for people. Each download is audited as a read of the person's record.
 */
export const privacyRoutes: RouteModule = (api, { privacy, ctx }) => {
  api.get('/privacy/:kind/:id/export.json', {
    schema: {
      tags,
      summary: 'Art. 15 file of a guide, user account or accompanied person (request) as JSON (coordinator, audited)',
      params: privacyExportParams,
      response: { 200: privacyExportSchema, ...errors },
    },
    handler: async (req, reply) => {
      const kind = SUBJECT_PATHS[req.params.kind];
      const { file } = await privacy.exportSubject(requireActor(req), kind, req.params.id, 'json');
      return reply
        .header('content-disposition', `attachment; filename="${fileName(kind, ctx.now(), 'json')}"`)
        .send(file);
    },
  });
  api.get('/privacy/:kind/:id/export.pdf', {
    schema: {
      tags,
      summary: 'Art. 15 file of a guide, user account or accompanied person (request) as PDF (coordinator, audited)',
      params: privacyExportParams,
      produces: ['application/pdf'],
    },
    handler: async (req, reply) => {
      const kind = SUBJECT_PATHS[req.params.kind];
      const { pdf } = await privacy.exportSubject(requireActor(req), kind, req.params.id, 'pdf');
      return sendPdf(reply, fileName(kind, ctx.now(), 'pdf'), pdf as Uint8Array);
    },
  });
  api.get('/me/data-export.json', {
    schema: {
      tags,
      summary: 'Your own data as JSON (Art. 15 / 20): a guide gets their guide record, others their account (audited)',
      response: { 200: privacyExportSchema, ...errors },
    },
    handler: async (req, reply) => {
      const { file } = await privacy.exportOwn(requireActor(req), 'json');
      return reply
        .header('content-disposition', `attachment; filename="${fileName(file.subject.kind, ctx.now(), 'json')}"`)
        .send(file);
    },
  });
  api.get('/me/data-export.pdf', {
    schema: {
      tags,
      summary: 'Your own data as PDF (Art. 15): a guide gets their guide record, others their account (audited)',
      produces: ['application/pdf'],
    },
    handler: async (req, reply) => {
      const { file, pdf } = await privacy.exportOwn(requireActor(req), 'pdf');
      return sendPdf(reply, fileName(file.subject.kind, ctx.now(), 'pdf'), pdf as Uint8Array);
    },
  });
  api.get('/guides/:id/reads', {
    schema: {
      tags,
      summary: "Who read this guide's record, and when: views, exports, PDFs (coordinator)",
      params: idParams,
      response: { 200: listOf(recordReadSchema), ...errors },
    },
    handler: (req) => privacy.readsOfGuide(requireActor(req), req.params.id),
  });
};
