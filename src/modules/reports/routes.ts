import { fileSlug } from '../../documents/index.js';
import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule, sendPdf } from '../../server/routing.js';
import { officeReportSchema, reportQuery, sachberichtInput } from '../../shared/reports.js';

const tags = ['Reports'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const reportRoutes: RouteModule = (api, { reports }) => {
  api.get('/reports/office', {
    schema: {
      tags,
      summary: "The office's figures for a period (from–to, both included) and the period before, for comparison",
      querystring: reportQuery,
      response: { 200: officeReportSchema, ...problemResponses },
    },
    handler: (req) => reports.office(requireActor(req), req.query),
  });
  api.get('/reports/office.xlsx', {
    schema: {
      tags,
      summary: "The office's figures as XLSX: a cover sheet with office, period and filters, then one sheet per figure",
      querystring: reportQuery,
      produces: [XLSX],
    },
    handler: async (req, reply) => {
      const actor = requireActor(req);
      const { bytes, report } = await reports.officeXlsx(actor, req.query, actor.locale);
      const name = fileSlug(`Bericht-${report.office.name}-${report.period.from}-${report.period.to}`, 80);
      return reply.type(XLSX).header('content-disposition', `attachment; filename="${name}.xlsx"`).send(bytes);
    },
  });
  api.get('/reports/verwendungsnachweis.xlsx', {
    schema: {
      tags,
      summary:
        'The numerical part of an einfacher Verwendungsnachweis (Niedersachsen) for a period (from–to, both included): a ' +
        'cover (office, Träger, programme, period), the courses under a per-UE rule set that ended in the period with ' +
        'their fundable amounts, and the expenditure lines and figures the product knows',
      querystring: reportQuery,
      produces: [XLSX],
    },
    handler: async (req, reply) => {
      const actor = requireActor(req);
      const { bytes, report } = await reports.verwendungsnachweisXlsx(actor, req.query, actor.locale);
      const name = fileSlug(`Verwendungsnachweis-${report.office.name}-${report.period.from}-${report.period.to}`, 80);
      return reply.type(XLSX).header('content-disposition', `attachment; filename="${name}.xlsx"`).send(bytes);
    },
  });
  // A POST only because the coordinator's texts can be long; it renders a PDF and writes nothing (texts are not kept).
  api.post('/reports/sachbericht.pdf', {
    schema: {
      tags,
      summary:
        "A Sachbericht draft as PDF in the caller's language: the office's figures for the period beside the period " +
        "before (bar charts, each with its table) and the coordinator's texts per section; nothing is stored",
      body: sachberichtInput,
      produces: ['application/pdf'],
    },
    handler: async (req, reply) => {
      const actor = requireActor(req);
      const { bytes, report } = await reports.sachberichtPdf(actor, req.body, actor.locale);
      return sendPdf(reply, `${fileSlug(`Sachbericht-${report.office.name}-${report.period.from}`, 80)}.pdf`, bytes);
    },
  });
};
