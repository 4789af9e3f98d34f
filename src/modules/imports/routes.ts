import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule } from '../../server/routing.js';
import { problemSchema } from '../../shared/common.js';
import { importFileInput, importKindParams, importPreviewSchema, importResultSchema } from '../../shared/imports.js';
import { sampleFileName } from './sample.js';

const tags = ['Imports'];
const errors = { ...problemResponses, 413: problemSchema, 422: problemSchema };
/** A 2 MB file is about 2.8 MB in base64; somewhat larger ones still reach the service and get `file_too_large`. */
const bodyLimit = 5 * 1024 * 1024;

export const importRoutes: RouteModule = (api, { imports }) => {
  api.post('/imports/:kind/preview', {
    bodyLimit,
    schema: {
      tags,
      summary: 'Read an XLSX or CSV file of guides or partners: columns, mapping, and per row create/update or errors',
      params: importKindParams,
      body: importFileInput,
      response: { 200: importPreviewSchema, ...errors },
    },
    handler: (req) => imports.preview(requireActor(req), req.params.kind, req.body),
  });
  api.post('/imports/:kind/commit', {
    bodyLimit,
    schema: {
      tags,
      summary: 'Import the file all-or-nothing (422 with the row errors); re-running it updates, never duplicates',
      params: importKindParams,
      body: importFileInput,
      response: { 200: importResultSchema, ...errors },
    },
    handler: (req) => imports.commit(requireActor(req), req.params.kind, req.body),
  });
  api.get('/imports/:kind/sample.xlsx', {
    schema: {
      tags,
      summary: 'A sample file: the header row, an invented example row, and a sheet explaining the columns',
      params: importKindParams,
      produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    },
    handler: async (req, reply) => {
      const actor = requireActor(req);
      const bytes = await imports.sample(actor, req.params.kind);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(sampleFileName(req.params.kind, actor.locale))}`,
        )
        .send(bytes);
    },
  });
};
