/**
 * Database schema, one file per capability. Every office-owned table has `office_id`; row-level security is applied
 * to every such table automatically by `security.ts`, so a new table is covered without extra work.
 */
export * from './accounts.js';
export * from './audit.js';
export * from './certificates.js';
export * from './consent.js';
export * from './courses.js';
export * from './deployments.js';
export * from './directory.js';
export * from './events.js';
export * from './expenses.js';
export * from './funding.js';
export * from './guides.js';
export * from './hours.js';
export * from './idempotency.js';
export * from './imports.js';
export * from './mail.js';
export * from './messages.js';
export * from './notifications.js';
export * from './offers.js';
export * from './offices.js';
export * from './partners.js';
export * from './privacy.js';
export * from './push.js';
export * from './recognition.js';
export * from './recruitment.js';
export * from './reference.js';
export * from './requests.js';
export * from './retention.js';
export * from './rooms.js';
