import { AuditService } from '../modules/audit/service.js';
import { AuthService } from '../modules/auth/service.js';
import { GuideService } from '../modules/guides/service.js';
import { OutboxService } from '../modules/mail/outboxService.js';
import { OfficeService } from '../modules/offices/service.js';
import { PartnerService } from '../modules/partners/service.js';
import { ReferenceService } from '../modules/reference/service.js';
import { UserService } from '../modules/users/service.js';
import type { AppContext } from './context.js';

/** Wires the services once; routes, the CLI and tests share them. */
export function createServices(ctx: AppContext) {
  const auth = new AuthService(ctx);
  const users = new UserService(ctx, auth);
  return {
    ctx,
    auth,
    users,
    offices: new OfficeService(ctx, users),
    guides: new GuideService(ctx),
    partners: new PartnerService(ctx, users),
    reference: new ReferenceService(ctx),
    audit: new AuditService(ctx),
    outbox: new OutboxService(ctx),
  };
}
export type Services = ReturnType<typeof createServices>;
