import type { z } from 'zod';
import type { auditEventSchema, outboxMessageSchema } from '../../shared/audit.js';
import type { invitationSchema, loginResponse } from '../../shared/auth.js';
import type { officeSchema, userSchema } from '../../shared/offices.js';
import type { partnerContactSchema } from '../../shared/partners.js';

export type { Me } from '../../shared/auth.js';
export type { Guide, GuideCreateInput, GuideDetail, GuideListItem, GuidePatchInput } from '../../shared/guides.js';
export type { Office } from '../../shared/offices.js';
export type { Partner, PartnerContactInput, PartnerCreateInput, PartnerPatchInput } from '../../shared/partners.js';
export type { District, ReferenceItem } from '../../shared/reference.js';

export type Session = z.infer<typeof loginResponse>;
export type Invitation = z.infer<typeof invitationSchema>;
export type PartnerContact = z.infer<typeof partnerContactSchema>;
export type Account = z.infer<typeof userSchema>;
export type AuditEvent = z.infer<typeof auditEventSchema>;
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
export type OfficeWithCounts = z.infer<typeof officeSchema>;
