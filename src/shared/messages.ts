/** Messages to guides (Rundmails), their frozen recipient lists and reply threads (issue 12 §3). */
import { z } from 'zod';
import { isoDateTimeOut, listOf, pagination, shortText } from './common.js';
import { GUIDE_STATUSES } from './enums.js';
import { guideListQuery } from './guides.js';

/**
 * How a recipient gets a message, fixed when it is sent: by mail (and in the app), or in the app only because the
 * guide opted out of broadcast mail or has no e-mail address.
 */
export const RECIPIENT_CHANNELS = ['mail', 'opted_out', 'no_email'] as const;
export type RecipientChannel = (typeof RECIPIENT_CHANNELS)[number];

/** Who wrote a post of a thread: the recipient guide or a coordinator of the office. */
export const THREAD_AUTHOR_ROLES = ['guide', 'coordinator'] as const;

/** Long enough for any letter to guides; the API's 10,000-character probe of every text field is refused. */
const messageBody = z.string().trim().min(1).max(8000);

/**
 * The filters of the guide list (the same query parameters, parsed by the same schema) plus a course: guides enrolled
 * in or having completed it. No name search, sorting or paging: a message goes to the whole filtered group.
 */
export const messageFilterQuery = guideListQuery
  .pick({ language: true, districtId: true, specialization: true, field: true, status: true, hasCapacity: true })
  .extend({ courseId: z.uuid().optional() });
export type MessageFilter = z.output<typeof messageFilterQuery>;

/** The same filter in a JSON body (arrays and booleans instead of query strings); stored with the message. */
export const messageFilter = z.strictObject({
  language: z.string().max(10).optional(),
  districtId: z.uuid().optional(),
  specialization: z.string().max(40).optional(),
  field: z.string().max(40).optional(),
  status: z.array(z.enum(GUIDE_STATUSES)).max(GUIDE_STATUSES.length).optional(),
  hasCapacity: z.boolean().optional(),
  courseId: z.uuid().optional(),
});

/** Who a filter reaches today: the live count of the compose form. */
export const recipientPreviewSchema = z.object({
  total: z.number().int(),
  /** By mail (one mail each, To: the guide alone) and in the app. */
  byMail: z.number().int(),
  /** In the app only: opted out of broadcast mail, or no e-mail address. */
  inAppOnly: z.number().int(),
  optedOut: z.number().int(),
  noEmail: z.number().int(),
});
export type RecipientPreview = z.infer<typeof recipientPreviewSchema>;

export const messageCreateInput = z.strictObject({
  subject: shortText(200),
  body: messageBody,
  filter: messageFilter.default({}),
});
export type MessageCreateInput = z.output<typeof messageCreateInput>;

export const messageListQuery = z.strictObject({ ...pagination });
export const myMessageListQuery = z.strictObject({ ...pagination });

export const deliveryCountsSchema = z.object({
  total: z.number().int(),
  byMail: z.number().int(),
  optedOut: z.number().int(),
  noEmail: z.number().int(),
  /** Mails handed to the mail server / waiting or stored / failed (from the outbox). */
  mailSent: z.number().int(),
  mailPending: z.number().int(),
  mailFailed: z.number().int(),
  read: z.number().int(),
  /** Threads with at least one reply from the guide. */
  replied: z.number().int(),
});

export const messageSummarySchema = z.object({
  id: z.uuid(),
  subject: z.string(),
  authorName: z.string(),
  sentAt: isoDateTimeOut,
  counts: deliveryCountsSchema,
});
export type MessageSummary = z.infer<typeof messageSummarySchema>;

export const threadPostSchema = z.object({
  id: z.uuid(),
  authorRole: z.enum(THREAD_AUTHOR_ROLES),
  authorName: z.string(),
  body: z.string(),
  createdAt: isoDateTimeOut,
});
export type ThreadPost = z.infer<typeof threadPostSchema>;

export const messageRecipientSchema = z.object({
  guideId: z.uuid(),
  name: z.string(),
  channel: z.enum(RECIPIENT_CHANNELS),
  /** The mail's state in the outbox (null for in-app only). */
  mailStatus: z.string().nullable(),
  readAt: isoDateTimeOut.nullable(),
  posts: z.array(threadPostSchema),
});

export const messageDetailSchema = messageSummarySchema.extend({
  body: z.string(),
  filter: messageFilter,
  recipients: z.array(messageRecipientSchema),
});
export type MessageDetail = z.infer<typeof messageDetailSchema>;

export const threadParams = z.strictObject({ id: z.uuid(), guideId: z.uuid() });
export const threadPostInput = z.strictObject({ body: messageBody });

/** A message in a guide's inbox: never the recipient list, only the guide's own thread. */
export const inboxItemSchema = z.object({
  id: z.uuid(),
  subject: z.string(),
  authorName: z.string(),
  sentAt: isoDateTimeOut,
  readAt: isoDateTimeOut.nullable(),
  postCount: z.number().int(),
});
export const inboxListSchema = listOf(inboxItemSchema).extend({ unread: z.number().int() });
export type InboxItem = z.infer<typeof inboxItemSchema>;

export const inboxMessageSchema = inboxItemSchema.extend({
  body: z.string(),
  posts: z.array(threadPostSchema),
});
export type InboxMessage = z.infer<typeof inboxMessageSchema>;

/** The guide's broadcast opt-out; mail about their own offers and deployments is not affected. */
export const messageSettingsSchema = z.object({ broadcastOptOut: z.boolean() });
export const messageSettingsInput = z.strictObject({ broadcastOptOut: z.boolean() });
