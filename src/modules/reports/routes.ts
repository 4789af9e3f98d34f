import { fileSlug } from '../../documents/index.js';
import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule } from '../../server/routing.js';
import { officeReportSchema, reportQuery } from '../../shared/reports.js';

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
};
