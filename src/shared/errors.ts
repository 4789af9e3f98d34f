/** Stable error codes returned in problem+json `code`. Clients switch on these, never on messages. */
export const ERROR_CODES = [
  'validation_failed',
  'malformed_json',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'csrf_failed',
  'rate_limited',
  'invalid_credentials',
  'account_disabled',
  'token_invalid',
  'password_too_weak',
  'email_taken',
  'invalid_status_transition',
  'certificate_required',
  'offer_expired',
  'request_taken',
  'capacity_reached',
  'not_implemented',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
