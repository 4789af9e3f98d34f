import { z } from 'zod';
import { fileSlug } from '../../documents/index.js';
import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule, sendPdf } from '../../server/routing.js';
import {
  certificateCodeParams,
  certificateListSchema,
  certificateRevokeInput,
  certificateSchema,
  certificateVerificationSchema,
  courseFundingInput,
  courseReportSchema,
  documentLanguageQuery,
  fundingRuleSetInput,
  fundingRuleSetListSchema,
  fundingRuleSetSchema,
  fundingTemplateListSchema,
} from '../../shared/certificates.js';
import { idParams } from '../../shared/common.js';
import { courseEnrolmentParams, courseSessionParams } from '../../shared/courses.js';
import { attendanceListFileName, certificateFileName } from './pdf.js';

const tags = ['Certificates and course funding'];
const errors = problemResponses;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const certificateRoutes: RouteModule = (api, { certificates, funding }) => {
  api.get('/courses/:id/certificates', {
    schema: {
      tags,
      summary: 'The certificates issued for a course',
      params: idParams,
      response: { 200: certificateListSchema, ...errors },
    },
    handler: (req) => certificates.listForCourse(requireActor(req), req.params.id),
  });
  api.get('/courses/:id/certificates.pdf', {
    schema: {
      tags,
      summary: 'All certificates of a course in one PDF (issues those not yet issued)',
      params: idParams,
      querystring: documentLanguageQuery,
      produces: ['application/pdf'],
    },
    handler: async (req, reply) => {
      const pdf = await certificates.bulkPdf(requireActor(req), req.params.id, req.query.language);
      return sendPdf(reply, `${fileSlug(`Zertifikate-${pdf.title}`, 60)}.pdf`, pdf.bytes);
    },
  });
  api.get('/courses/:id/enrolments/:enrolmentId/certificate.pdf', {
    schema: {
      tags,
      summary: 'The certificate of one completed enrolment (issued on first print)',
      params: courseEnrolmentParams,
      querystring: documentLanguageQuery,
      produces: ['application/pdf'],
    },
    handler: async (req, reply) => {
      const { bytes, row } = await certificates.certificatePdf(
        requireActor(req),
        req.params.id,
        req.params.enrolmentId,
        req.query.language,
      );
      return sendPdf(reply, certificateFileName(row.holderName, row.code), bytes);
    },
  });
  api.post('/certificates/:id/revoke', {
    schema: {
      tags,
      summary: 'Withdraw a certificate; its verification then says so',
      params: idParams,
      body: certificateRevokeInput,
      response: { 200: certificateSchema, ...errors },
    },
    handler: (req) => certificates.revoke(requireActor(req), req.params.id, req.body.reason),
  });
  api.get('/me/certificates', {
    schema: {
      tags,
      summary: "The signed-in guide's certificates",
      response: { 200: certificateListSchema, ...errors },
    },
    handler: (req) => certificates.mine(requireActor(req)),
  });
  api.get('/me/certificates/:id/certificate.pdf', {
    schema: {
      tags,
      summary: "One of the signed-in guide's certificates as PDF",
      params: idParams,
      querystring: documentLanguageQuery,
      produces: ['application/pdf'],
    },
    handler: async (req, reply) => {
      const { bytes, row } = await certificates.myPdf(requireActor(req), req.params.id, req.query.language);
      return sendPdf(reply, certificateFileName(row.holderName, row.code), bytes);
    },
  });
  api.get('/public/certificates/:code', {
    config: { public: true },
    schema: {
      tags,
      summary: 'Public: confirms a certificate by its code (name, course and date only)',
      params: certificateCodeParams,
      response: { 200: certificateVerificationSchema, ...errors },
    },
    handler: (req) => certificates.verify(req.params.code, req.ip),
  });
  api.get('/courses/:id/sessions/:sessionId/attendance-list.pdf', {
    schema: {
      tags,
      summary: 'The attendance list (Teilnehmendenliste) of a session for signatures',
      params: courseSessionParams,
      querystring: documentLanguageQuery,
      produces: ['application/pdf'],
    },
    handler: async (req, reply) => {
      const pdf = await certificates.attendanceListPdf(
        requireActor(req),
        req.params.id,
        req.params.sessionId,
        req.query.language,
      );
      return sendPdf(reply, attendanceListFileName(pdf.title, pdf.day), pdf.bytes);
    },
  });

  api.get('/funding-templates', {
    schema: {
      tags,
      summary: "The funders' published rules built in (Niedersachsen, Hessen WIR), to start a rule set from",
      response: { 200: fundingTemplateListSchema, ...errors },
    },
    handler: (req) => {
      requireActor(req);
      const items = funding.templates();
      return { items, total: items.length };
    },
  });
  api.get('/funding-rule-sets', {
    schema: {
      tags,
      summary: "The office's funding rule sets, each version with its valid-from date",
      response: { 200: fundingRuleSetListSchema, ...errors },
    },
    handler: (req) => funding.listRuleSets(requireActor(req)),
  });
  api.post('/funding-rule-sets', {
    schema: {
      tags,
      summary: 'Create a rule set, or a new version of one (same name, new valid-from date)',
      body: fundingRuleSetInput,
      response: { 201: fundingRuleSetSchema, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await funding.createRuleSet(requireActor(req), req.body)),
  });
  api.delete('/funding-rule-sets/:id', {
    schema: { tags, summary: 'Delete a rule set version', params: idParams, response: { 204: z.null(), ...errors } },
    handler: async (req, reply) => {
      await funding.deleteRuleSet(requireActor(req), req.params.id);
      return reply.code(204).send(null);
    },
  });
  api.put('/courses/:id/funding', {
    schema: {
      tags,
      summary: "Choose a course's rule set and record its material costs; answers the course report",
      params: idParams,
      body: courseFundingInput,
      response: { 200: courseReportSchema, ...errors },
    },
    handler: (req) => funding.setCourseFunding(requireActor(req), req.params.id, req.body),
  });
  api.get('/courses/:id/report', {
    schema: {
      tags,
      summary: 'Course report: participants, UE held, attendance rate, completions and the fundable amount',
      params: idParams,
      response: { 200: courseReportSchema, ...errors },
    },
    handler: (req) => funding.report(requireActor(req), req.params.id),
  });
  api.get('/courses/:id/report.xlsx', {
    schema: { tags, summary: 'The course report as XLSX', params: idParams, produces: [XLSX] },
    handler: async (req, reply) => {
      const actor = requireActor(req);
      const { bytes, title } = await funding.reportXlsx(actor, req.params.id, actor.locale);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="${fileSlug(`Kursbericht-${title}`, 60)}.xlsx"`)
        .send(bytes);
    },
  });
};
