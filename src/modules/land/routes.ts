import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule } from '../../server/routing.js';
import { idParams, listOf } from '../../shared/common.js';
import {
  fundingProgrammeInput,
  fundingProgrammeOfficesInput,
  fundingProgrammePatch,
  fundingProgrammeSchema,
  landFiguresSchema,
  landPeriodQuery,
  programmeFunderInviteInput,
  programmeFunderParams,
  programmeFunderSchema,
} from '../../shared/land.js';

const tags = ['Land view'];
const errors = problemResponses;

export const landRoutes: RouteModule = (api, { land, programmeFunders }) => {
  api.get('/land/figures', {
    schema: {
      tags,
      summary: "The funder's comparison: aggregated figures per office of its programme, small cells withheld",
      querystring: landPeriodQuery,
      response: { 200: landFiguresSchema, ...errors },
    },
    handler: (req) => land.figures(requireActor(req), req.query),
  });
  api.get('/land/figures.xlsx', {
    schema: {
      tags,
      summary: 'The comparison as XLSX: a cover sheet with programme and period, then the comparison sheet',
      querystring: landPeriodQuery,
      produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    },
    handler: async (req, reply) => {
      const actor = requireActor(req);
      const { bytes, figures } = await land.figuresXlsx(actor, req.query, actor.locale);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="land-${figures.from}-${figures.to}.xlsx"`)
        .send(bytes);
    },
  });

  api.get('/funding-programmes', {
    schema: {
      tags,
      summary: 'List funding programmes with their offices (platform admin)',
      response: { 200: listOf(fundingProgrammeSchema), ...errors },
    },
    handler: (req) => land.list(requireActor(req)),
  });
  api.post('/funding-programmes', {
    schema: {
      tags,
      summary: 'Create a funding programme (platform admin)',
      body: fundingProgrammeInput,
      response: { 201: fundingProgrammeSchema, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await land.create(requireActor(req), req.body)),
  });
  api.patch('/funding-programmes/:id', {
    schema: {
      tags,
      summary: 'Rename a funding programme or change its region (platform admin)',
      params: idParams,
      body: fundingProgrammePatch,
      response: { 200: fundingProgrammeSchema, ...errors },
    },
    handler: (req) => land.update(requireActor(req), req.params.id, req.body),
  });
  api.put('/funding-programmes/:id/offices', {
    schema: {
      tags,
      summary: "Set the programme's offices; an office in another programme moves to this one (platform admin)",
      params: idParams,
      body: fundingProgrammeOfficesInput,
      response: { 200: fundingProgrammeSchema, ...errors },
    },
    handler: (req) => land.setOffices(requireActor(req), req.params.id, req.body),
  });

  api.get('/funding-programmes/:id/funders', {
    schema: {
      tags,
      summary: "List the programme's funder accounts, deactivated ones included (platform admin)",
      params: idParams,
      response: { 200: listOf(programmeFunderSchema), ...errors },
    },
    handler: (req) => programmeFunders.list(requireActor(req), req.params.id),
  });
  api.post('/funding-programmes/:id/funders', {
    schema: {
      tags,
      summary: 'Invite a funder account for the programme by mail (platform admin)',
      params: idParams,
      body: programmeFunderInviteInput,
      response: { 201: programmeFunderSchema, ...errors },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await programmeFunders.invite(requireActor(req), req.params.id, req.body)),
  });
  api.post('/funding-programmes/:id/funders/:userId/deactivate', {
    schema: {
      tags,
      summary: 'Deactivate a funder account: its sessions end and it can no longer sign in (platform admin)',
      params: programmeFunderParams,
      response: { 200: programmeFunderSchema, ...errors },
    },
    handler: (req) => programmeFunders.deactivate(requireActor(req), req.params.id, req.params.userId),
  });
};
