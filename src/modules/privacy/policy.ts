import type { Actor } from '../../server/context.js';

export const privacyPolicy = {
  /** The office produces the Art. 15 file of anyone whose data it holds, and reads who looked at a record. */
  exportAny: (actor: Actor) => actor.role === 'coordinator' && actor.officeId !== null,
  readLog: (actor: Actor) => actor.role === 'coordinator' && actor.officeId !== null,
  /** Everyone with an office account downloads their own data (a guide: their guide record and account). */
  exportOwn: (actor: Actor) => actor.officeId !== null && !actor.accountless,
};
