import type { Actor } from '../../server/context.js';

/**
 * The funder (Land or region) sees aggregates of its programme's offices and nothing else: no office, no record of a
 * person. Programmes and their offices are platform administration.
 */
export const landPolicy = {
  viewFigures: (actor: Actor) => actor.role === 'funder' && actor.officeId === null,
  manageProgrammes: (actor: Actor) => actor.role === 'platform_admin',
};
