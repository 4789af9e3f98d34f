import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule } from '../../server/routing.js';
import { idParams, problemSchema } from '../../shared/common.js';
import {
  bankAccountInput,
  bankAccountResult,
  expenseApproveInput,
  expenseApproveResult,
  expenseClaimInput,
  expenseClaimListSchema,
  expenseClaimQuery,
  expenseClaimSchema,
  expenseOptionsSchema,
  expenseReturnInput,
  expenseSettingsInput,
  expenseSettingsSchema,
  payoutRunInput,
  payoutRunListSchema,
  payoutRunSchema,
  RECEIPT_BODY_LIMIT,
} from '../../shared/expenses.js';

const tags = ['Expenses'];
const errors = problemResponses;
const uploadErrors = { ...problemResponses, 413: problemSchema, 415: problemSchema };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) =>
  `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export const expenseRoutes: RouteModule = (api, { expenses }) => {
  // The guide, from the phone.
  api.get('/me/expense-options', {
    schema: {
      tags,
      summary: "What the guide's claim form offers: their deployments, the office's categories, today's km rate",
      response: { 200: expenseOptionsSchema, ...errors },
    },
    handler: (req) => expenses.options(requireActor(req)),
  });
  api.get('/me/expense-claims', {
    schema: {
      tags,
      summary: "The signed-in guide's expense claims",
      response: { 200: expenseClaimListSchema, ...errors },
    },
    handler: (req) => expenses.mine(requireActor(req)),
  });
  api.post('/me/expense-claims', {
    bodyLimit: RECEIPT_BODY_LIMIT,
    schema: {
      tags,
      summary: 'File an expense claim (submitted at once), with a receipt as base64 JSON (photo or PDF, at most 5 MB)',
      body: expenseClaimInput,
      response: { 201: expenseClaimSchema, ...uploadErrors },
    },
    handler: async (req, reply) => reply.code(201).send(await expenses.create(requireActor(req), req.body)),
  });
  api.put('/me/expense-claims/:id', {
    bodyLimit: RECEIPT_BODY_LIMIT,
    schema: {
      tags,
      summary: 'Edit a submitted or returned claim and submit it again (approved and paid claims are locked)',
      params: idParams,
      body: expenseClaimInput,
      response: { 200: expenseClaimSchema, ...uploadErrors },
    },
    handler: (req) => expenses.update(requireActor(req), req.params.id, req.body),
  });
  api.get('/me/bank-account', {
    schema: {
      tags,
      summary: "The signed-in guide's own bank details",
      response: { 200: bankAccountResult, ...errors },
    },
    handler: (req) => expenses.myBankAccount(requireActor(req)),
  });
  api.put('/me/bank-account', {
    schema: {
      tags,
      summary: 'The guide enters their own IBAN and account holder',
      body: bankAccountInput,
      response: { 200: bankAccountResult, ...errors },
    },
    handler: (req) => expenses.saveMyBankAccount(requireActor(req), req.body),
  });

  // Both: the receipt of a claim (the guide who owns it, the office's coordinators).
  api.get('/expense-claims/:id/receipt', {
    schema: {
      tags,
      summary: "A claim's receipt as a download (the owning guide and the office's coordinators only)",
      params: idParams,
      produces: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'],
    },
    handler: async (req, reply) => {
      const file = await expenses.receipt(requireActor(req), req.params.id);
      return reply
        .type(file.contentType)
        .header('content-disposition', attachment(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(file.bytes);
    },
  });

  // The coordinator.
  api.get('/expense-claims', {
    schema: {
      tags,
      summary: "The office's expense claims (the approval queue: status=submitted)",
      querystring: expenseClaimQuery,
      response: { 200: expenseClaimListSchema, ...errors },
    },
    handler: (req) => expenses.queue(requireActor(req), req.query),
  });
  api.post('/expense-claims/approve', {
    schema: {
      tags,
      summary: 'Approve submitted claims in bulk',
      body: expenseApproveInput,
      response: { 200: expenseApproveResult, ...errors },
    },
    handler: (req) => expenses.approve(requireActor(req), req.body.ids),
  });
  api.post('/expense-claims/:id/return', {
    schema: {
      tags,
      summary: 'Return a submitted claim to the guide with a comment (mailed to the guide)',
      params: idParams,
      body: expenseReturnInput,
      response: { 200: expenseClaimSchema, ...errors },
    },
    handler: (req) => expenses.returnClaim(requireActor(req), req.params.id, req.body.comment),
  });
  api.get('/guides/:id/bank-account', {
    schema: {
      tags,
      summary: "A guide's bank details (coordinators only; never in guide lists or partner exports)",
      params: idParams,
      response: { 200: bankAccountResult, ...errors },
    },
    handler: (req) => expenses.bankAccount(requireActor(req), req.params.id),
  });
  api.put('/guides/:id/bank-account', {
    schema: {
      tags,
      summary: "Enter or change a guide's bank details",
      params: idParams,
      body: bankAccountInput,
      response: { 200: bankAccountResult, ...errors },
    },
    handler: (req) => expenses.saveBankAccount(requireActor(req), req.params.id, req.body),
  });
  api.get('/expense-settings', {
    schema: {
      tags,
      summary: "The office's own account that payouts are made from (the SEPA debtor)",
      response: { 200: expenseSettingsSchema, ...errors },
    },
    handler: (req) => expenses.settings(requireActor(req)),
  });
  api.put('/expense-settings', {
    schema: {
      tags,
      summary: "Set the office's own account (name, IBAN, BIC) for payouts",
      body: expenseSettingsInput,
      response: { 200: expenseSettingsSchema, ...errors },
    },
    handler: (req) => expenses.saveSettings(requireActor(req), req.body),
  });
  api.get('/payout-runs', {
    schema: { tags, summary: "The office's payout runs", response: { 200: payoutRunListSchema, ...errors } },
    handler: (req) => expenses.runs(requireActor(req)),
  });
  api.post('/payout-runs', {
    schema: {
      tags,
      summary: 'Pay approved claims (default: all) on a date; they become paid with that date',
      body: payoutRunInput,
      response: { 201: payoutRunSchema, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await expenses.createRun(requireActor(req), req.body)),
  });
  api.get('/payout-runs/:id/payout.xlsx', {
    schema: { tags, summary: 'The payout run as XLSX for the accounts department', params: idParams, produces: [XLSX] },
    handler: async (req, reply) => {
      const { run, bytes } = await expenses.runXlsx(requireActor(req), req.params.id);
      return reply
        .type(XLSX)
        .header('content-disposition', attachment(`${run.reference}.xlsx`))
        .send(bytes);
    },
  });
  api.get('/payout-runs/:id/sepa.xml', {
    schema: {
      tags,
      summary: 'The payout run as a SEPA credit transfer file (pain.001.001.03) for online banking',
      params: idParams,
      produces: ['application/xml'],
    },
    handler: async (req, reply) => {
      const { run, xml } = await expenses.runSepa(requireActor(req), req.params.id);
      return reply
        .type('application/xml; charset=utf-8')
        .header('content-disposition', attachment(`${run.reference}.xml`))
        .send(xml);
    },
  });
};
