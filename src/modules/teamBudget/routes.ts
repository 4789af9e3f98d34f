import { requireActor } from '../../server/plugins/session.js';
import { problemResponses, type RouteModule } from '../../server/routing.js';
import { teamBudgetMoveInput, teamBudgetSchema } from '../../shared/teamBudget.js';
import { yearQuery } from '../../shared/timesheets.js';

const tags = ['Hours and time sheets'];
const errors = problemResponses;

export const teamBudgetRoutes: RouteModule = (api, { teamBudget }) => {
  api.get('/team-budget', {
    schema: {
      tags,
      summary: "The team budget of a year: each guide's cap, paid hours used and share (coordinator)",
      querystring: yearQuery,
      response: { 200: teamBudgetSchema, ...errors },
    },
    handler: (req) => teamBudget.overview(requireActor(req), req.query.year),
  });
  api.post('/team-budget/moves', {
    schema: {
      tags,
      summary: "Move hours of the team budget between guides' shares; never above a guide's cap (coordinator)",
      body: teamBudgetMoveInput,
      response: { 200: teamBudgetSchema, ...errors },
    },
    handler: (req) => teamBudget.move(requireActor(req), req.body),
  });
};
