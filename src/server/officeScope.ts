import type { Tx } from '../db/client.js';
import { inScope } from '../db/scope.js';
import type { Actor, AppContext } from './context.js';
import { notFound } from './errors.js';

/** Runs work in the actor's office scope; an actor without an office finds nothing there (404). */
export function inOfficeOf<T>(
  ctx: AppContext,
  actor: Actor,
  work: (tx: Tx, officeId: string) => Promise<T>,
): Promise<T> {
  if (!actor.officeId) throw notFound();
  const officeId = actor.officeId;
  return inScope(ctx.database.db, { officeId }, (tx) => work(tx, officeId));
}
