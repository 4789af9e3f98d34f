import { z } from 'zod';
import { fileSlug } from '../../documents/index.js';
import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule } from '../../server/routing.js';
import { idParams } from '../../shared/common.js';
import {
  allowanceExportQuery,
  allowanceOverviewSchema,
  guideMonthParams,
  hourCategoryInput,
  hourCategoryListSchema,
  hourCategoryPatch,
  hourCategorySchema,
  hourEntryCorrectionInput,
  hourEntryInput,
  hourEntryPatch,
  hourEntrySchema,
  hourProfileInput,
  monthParams,
  programmeRuleSetInput,
  programmeRuleSetListSchema,
  programmeRuleSetPatch,
  programmeRuleSetSchema,
  queueListSchema,
  queueQuery,
  timeSheetReturnInput,
  timeSheetSchema,
  totalsQuery,
  totalsSchema,
  yearQuery,
} from '../../shared/timesheets.js';

const tags = ['Hours and time sheets'];
const errors = problemResponses;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const timesheetRoutes: RouteModule = (api, { timesheets }) => {
  api.get('/hour-categories', {
    schema: { tags, summary: "The office's hour categories", response: { 200: hourCategoryListSchema, ...errors } },
    handler: (req) => timesheets.categories(requireActor(req)),
  });
  api.post('/hour-categories', {
    schema: {
      tags,
      summary: 'Add an hour category (coordinator)',
      body: hourCategoryInput,
      response: { 201: hourCategorySchema, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await timesheets.createCategory(requireActor(req), req.body)),
  });
  api.patch('/hour-categories/:id', {
    schema: {
      tags,
      summary: 'Rename, reorder or archive an hour category (coordinator)',
      params: idParams,
      body: hourCategoryPatch,
      response: { 200: hourCategorySchema, ...errors },
    },
    handler: (req) => timesheets.updateCategory(requireActor(req), req.params.id, req.body),
  });

  api.post('/hour-entries', {
    config: { idempotent: true },
    schema: {
      tags,
      summary: 'Log hours outside deployments (the guide for themselves, a coordinator for a guide)',
      description:
        'Send an `Idempotency-Key` header (a UUID made when the entry was typed) to make a repeat safe: the same key answers the first result again (header `idempotent-replayed`) and creates nothing; the same key with another body is 422 `idempotency_key_reused`.',
      body: hourEntryInput,
      response: { 201: hourEntrySchema, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await timesheets.logEntry(requireActor(req), req.body)),
  });
  api.patch('/hour-entries/:id', {
    schema: {
      tags,
      summary: 'Change an entry while its month is open (guide) or not approved (coordinator)',
      params: idParams,
      body: hourEntryPatch,
      response: { 200: hourEntrySchema, ...errors },
    },
    handler: (req) => timesheets.updateEntry(requireActor(req), req.params.id, req.body),
  });
  api.delete('/hour-entries/:id', {
    schema: {
      tags,
      summary: 'Delete an entry of an editable month',
      params: idParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await timesheets.deleteEntry(requireActor(req), req.params.id);
      return reply.code(204).send(null);
    },
  });
  api.post('/hour-entries/:id/correct', {
    schema: {
      tags,
      summary: 'Correct an entry of an approved month: a reversal and, unless withdrawn, a new entry (coordinator)',
      params: idParams,
      body: hourEntryCorrectionInput,
      response: { 200: timeSheetSchema, ...errors },
    },
    handler: (req) => timesheets.correctEntry(requireActor(req), req.params.id, req.body),
  });

  api.get('/me/time-sheets/:month', {
    schema: {
      tags,
      summary: "The signed-in guide's time sheet of a month",
      params: monthParams,
      response: { 200: timeSheetSchema, ...errors },
    },
    handler: (req) => timesheets.mySheet(requireActor(req), req.params.month),
  });
  api.post('/me/time-sheets/:month/submit', {
    schema: {
      tags,
      summary: 'Submit the month (open or returned) for approval',
      params: monthParams,
      response: { 200: timeSheetSchema, ...errors },
    },
    handler: (req) => timesheets.submitMine(requireActor(req), req.params.month),
  });
  api.get('/guides/:id/time-sheets/:month', {
    schema: {
      tags,
      summary: "A guide's time sheet of a month (coordinator)",
      params: guideMonthParams,
      response: { 200: timeSheetSchema, ...errors },
    },
    handler: (req) => timesheets.guideSheet(requireActor(req), req.params.id, req.params.month),
  });
  api.get('/time-sheets', {
    schema: {
      tags,
      summary: 'Time sheets by status with their totals: the approval queue (coordinator)',
      querystring: queueQuery,
      response: { 200: queueListSchema, ...errors },
    },
    handler: (req) => timesheets.queue(requireActor(req), req.query.status),
  });
  api.post('/time-sheets/:id/approve', {
    schema: {
      tags,
      summary: "Approve a submitted month: it is locked, the month's deployment activities too",
      params: idParams,
      response: { 200: timeSheetSchema, ...errors },
    },
    handler: (req) => timesheets.approve(requireActor(req), req.params.id),
  });
  api.post('/time-sheets/:id/return', {
    schema: {
      tags,
      summary: 'Return a submitted month to the guide with a comment (mailed in their language)',
      params: idParams,
      body: timeSheetReturnInput,
      response: { 200: timeSheetSchema, ...errors },
    },
    handler: (req) => timesheets.returnSheet(requireActor(req), req.params.id, req.body.comment),
  });
  api.get('/hour-totals', {
    schema: {
      tags,
      summary: 'Minutes of a year per guide, month, category and deployment (a guide sees their own)',
      querystring: totalsQuery,
      response: { 200: totalsSchema, ...errors },
    },
    handler: (req) => timesheets.totals(requireActor(req), req.query.year, req.query.guideId),
  });

  api.get('/programme-rule-sets', {
    schema: {
      tags,
      summary: "The office's programme rule sets, each version with its valid-from date",
      response: { 200: programmeRuleSetListSchema, ...errors },
    },
    handler: (req) => timesheets.ruleSets(requireActor(req)),
  });
  api.post('/programme-rule-sets', {
    schema: {
      tags,
      summary: 'Create a programme rule set, or a new version of one (same name, new valid-from date)',
      body: programmeRuleSetInput,
      response: { 201: programmeRuleSetSchema, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await timesheets.createRuleSet(requireActor(req), req.body)),
  });
  api.patch('/programme-rule-sets/:id', {
    schema: {
      tags,
      summary:
        'Move or change a planned rule-set version; a version in use is evidence (409 programme_rule_set_in_use)',
      params: idParams,
      body: programmeRuleSetPatch,
      response: { 200: programmeRuleSetSchema, ...errors },
    },
    handler: (req) => timesheets.updateRuleSet(requireActor(req), req.params.id, req.body),
  });
  api.delete('/programme-rule-sets/:id', {
    schema: {
      tags,
      summary: 'Delete a planned rule-set version; a version in use is evidence (409 programme_rule_set_in_use)',
      params: idParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await timesheets.deleteRuleSet(requireActor(req), req.params.id);
      return reply.code(204).send(null);
    },
  });

  api.get('/hour-allowances', {
    schema: {
      tags,
      summary: 'Caps and allowances of a year per guide (coordinator)',
      querystring: yearQuery,
      response: { 200: allowanceOverviewSchema, ...errors },
    },
    handler: (req) => timesheets.overview(requireActor(req), req.query.year),
  });
  api.get('/hour-allowances/form-2b.xlsx', {
    schema: {
      tags,
      summary:
        "Every guide's paid hours per month and allowance of a year, in the shape of Hessen's Formblatt 2b (XLSX)",
      querystring: allowanceExportQuery,
      produces: [XLSX],
    },
    handler: async (req, reply) => {
      const actor = requireActor(req);
      const { bytes, year } = await timesheets.form2bXlsx(actor, req.query.year, actor.locale);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="Formblatt-2b-${year}.xlsx"`)
        .send(bytes);
    },
  });
  api.put('/guides/:id/hour-profile', {
    schema: {
      tags,
      summary: 'Coordinating guide and Bürgergeld/AsylbLG (coordinator only)',
      params: idParams,
      body: hourProfileInput,
      response: { 200: hourProfileInput, ...errors },
    },
    handler: (req) => timesheets.setProfile(requireActor(req), req.params.id, req.body),
  });
  api.get('/guides/:id/allowances.xlsx', {
    schema: {
      tags,
      summary: "A guide's allowances of a year per month as XLSX, for their report to the benefits office",
      params: idParams,
      querystring: allowanceExportQuery,
      produces: [XLSX],
    },
    handler: async (req, reply) => {
      const actor = requireActor(req);
      const { bytes, name } = await timesheets.allowancesXlsx(actor, req.params.id, req.query.year, actor.locale);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="${fileSlug(`Aufwandsentschaedigung-${name}`, 60)}.xlsx"`)
        .send(bytes);
    },
  });
};
