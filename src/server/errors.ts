import type { ErrorCode } from '../shared/errors.js';

export type FieldError = {
  path: string;
  code: string;
  params?: Record<string, unknown>;
  /**
   * Params the client may see as they are (the booking in the way: title and ISO times), so the SPA can word them
   * in the user's locale and time zone. Only for values the caller may read anyway.
   */
  shownParams?: Record<string, string>;
};

/** An expected failure with a stable code; the error handler turns it into problem+json. */
export class AppError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: ErrorCode,
    public readonly fieldErrors?: FieldError[],
    public readonly headers?: Record<string, string>,
  ) {
    super(code);
  }
}

export const notFound = () => new AppError(404, 'not_found');
export const forbidden = () => new AppError(403, 'forbidden');
export const unauthenticated = () => new AppError(401, 'unauthenticated');
export const conflict = () => new AppError(409, 'conflict');
/** A single field failed a rule that needs the database (e.g. a district of another office). */
export const invalidField = (path: string, code: string) => new AppError(400, 'validation_failed', [{ path, code }]);
