import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule } from '../../server/routing.js';
import { idParams, listOf } from '../../shared/common.js';
import { userInviteInput, userPatchInput, userSchema } from '../../shared/offices.js';

const tags = ['Accounts'];
const errors = problemResponses;

export const userRoutes: RouteModule = (api, { users }) => {
  api.get('/users', {
    schema: { tags, summary: "List the office's accounts", response: { 200: listOf(userSchema), ...errors } },
    handler: (req) => users.list(requireActor(req)),
  });
  api.post('/users', {
    schema: {
      tags,
      summary: 'Invite a coordinator or a guide by e-mail',
      body: userInviteInput,
      response: { 201: userSchema, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await users.invite(requireActor(req), req.body)),
  });
  api.patch('/users/:id', {
    schema: {
      tags,
      summary: 'Disable or re-enable an account (disabling ends its sessions)',
      params: idParams,
      body: userPatchInput,
      response: { 200: userSchema, ...errors },
    },
    handler: (req) => users.setDisabled(requireActor(req), req.params.id, req.body.disabled),
  });
};
