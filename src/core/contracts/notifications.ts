import { z } from 'zod';
import { CursorQuerySchema, DateTimeSchema, IdSchema } from './common.ts';

/**
 * The kinds of notification Handoff raises. Each has a default per channel and a label the
 * preferences page shows. Account messages (verification, password reset) are not here: they
 * are always e-mailed and cannot be turned off, so they are not a preference.
 */
export const NOTIFICATION_TYPES = [
  'team.invitation',
  'job.invitation',
  // Talent — network
  'listing.approved',
  'listing.rejected',
  'connection.requested',
  'connection.accepted',
  'recommendation.requested',
  // Hiring — trials
  'trial.invited',
  'trial.cancelled',
  'trial.closed',
  'trial.reminder',
  'trial.submitted',
  // Hiring — shortlist
  'bid.shortlisted',
  'bid.declined',
  // Hiring — interviews and award
  'interview.proposed',
  'interview.other-times',
  'interview.scheduled',
  'interview.cancelled',
  'contract.offered',
  'contract.accepted',
  'contract.declined',
  'contract.withdrawn',
  // Contract workspace — the contract's state and amendments (issue 12)
  'contract.state-changed',
  'contract.amendment-proposed',
  'contract.amendment-answered',
  'bid.not-selected',
  // Hiring — NDAs and the specification
  'nda.sent',
  'nda.signed',
  'spec.updated',
  // Hiring — bids (issue 11)
  'bid.submitted',
  'question.asked',
  'question.answered',
  // Contract workspace — progress reports (issue 12)
  'report.due',
  'report.late',
  'report.submitted',
  // Work — messages (issue 12, item 5)
  'contract.message',
  // Work — contract issues (issue 12, item 4)
  'issue.assigned',
  'issue.commented',
  // Contract workspace — meetings (issue 12)
  'meeting.soon',
  // Work — time (issue 12)
  'time.week-awaiting',
  'time.week-reviewed',
  'time.week-auto-approved',
] as const;
export const NotificationTypeSchema = z.enum(NOTIFICATION_TYPES);
export type NotificationType = z.infer<typeof NotificationTypeSchema>;

/** Where a person hears of one type: in the app only, in the app and by e-mail, or not at all. */
export const NotificationChannelSchema = z.enum(['in_app', 'email', 'off']);
export type NotificationChannel = z.infer<typeof NotificationChannelSchema>;

export const NotificationSchema = z
  .object({
    id: IdSchema,
    type: NotificationTypeSchema,
    /** One line, in the recipient's words: "Bright Bakery invited you to its team". */
    title: z.string(),
    body: z.string().nullable(),
    /** An app path to the thing the notification is about, e.g. `/invitations/<token>`. */
    link: z.string().nullable(),
    readAt: DateTimeSchema.nullable(),
    createdAt: DateTimeSchema,
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationParamsSchema = z.object({ notificationId: IdSchema });

export const NotificationsQuerySchema = CursorQuerySchema.extend({
  unread: z.stringbool().optional(),
});
export type NotificationsQuery = z.input<typeof NotificationsQuerySchema>;

export const NotificationPageSchema = z.object({
  items: z.array(NotificationSchema),
  nextCursor: z.string().nullable(),
  unread: z.number().int().min(0),
});
export type NotificationPage = z.infer<typeof NotificationPageSchema>;

export const UnreadCountSchema = z.object({ unread: z.number().int().min(0) });
export type UnreadCount = z.infer<typeof UnreadCountSchema>;

export const NotificationPreferenceSchema = z.object({
  type: NotificationTypeSchema,
  label: z.string(),
  description: z.string(),
  channel: NotificationChannelSchema,
});
export type NotificationPreference = z.infer<typeof NotificationPreferenceSchema>;

export const NotificationPreferencesSchema = z.object({
  items: z.array(NotificationPreferenceSchema),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferencesSchema>;

export const UpdateNotificationPreferencesSchema = z.object({
  items: z
    .array(z.object({ type: NotificationTypeSchema, channel: NotificationChannelSchema }))
    .min(1)
    .max(NOTIFICATION_TYPES.length)
    // Two channels for one type would be a contradiction, not a choice: name the second.
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        if (seen.has(item.type))
          ctx.addIssue({ code: 'custom', path: [i, 'type'], message: 'Listed twice' });
        seen.add(item.type);
      });
    }),
});
export type UpdateNotificationPreferences = z.input<typeof UpdateNotificationPreferencesSchema>;

/**
 * What the live stream (`GET /api/v1/notifications/stream`, server-sent events) sends:
 * event `notification` with this data when one arrives, `read` when the unread count changes
 * because the person read something (in another tab, on another device).
 */
export const NotificationEventSchema = z.object({
  unread: z.number().int().min(0),
  notification: NotificationSchema.optional(),
});
export type NotificationEvent = z.infer<typeof NotificationEventSchema>;
