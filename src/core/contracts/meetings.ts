/**
 * Meetings of a contract (issue 12, item 3): booked by either side with a title, an agenda,
 * a start, a length, attendees from the contract's people and a call link; minutes afterwards,
 * whose action items each become an issue once; and each person's private calendar feed.
 *
 * Instants travel as ISO 8601 with an offset and are stored in UTC: the booking form turns the
 * booker's wall-clock time into an instant, and every page shows it in its reader's zone.
 */
import { z } from 'zod';
import { MEETING_STATUSES } from '../work.ts';
import { DateTimeSchema, freeText, IdSchema } from './common.ts';
import { CallLinkSchema } from './interviews.ts';

export const MeetingStatusSchema = z.enum(MEETING_STATUSES);

/** A meeting lasts 15 minutes to 8 hours. */
export const MeetingDurationSchema = z
  .number()
  .int()
  .min(15, 'A meeting lasts at least 15 minutes')
  .max(480, 'A meeting lasts at most 8 hours');

const TitleSchema = freeText(200).min(1, 'Give the meeting a title');
const AgendaSchema = freeText(20_000, { trim: false });
const AttendeesSchema = z
  .array(IdSchema)
  .min(1, 'Invite at least one person')
  .max(50)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'A person is invited twice' });

export const BookMeetingSchema = z
  .object({
    title: TitleSchema,
    agenda: AgendaSchema.default(''),
    startsAt: DateTimeSchema,
    durationMinutes: MeetingDurationSchema.default(30),
    /** The contract's people (the professional, members of the business); the booker is added. */
    attendeeIds: AttendeesSchema,
    callLink: CallLinkSchema.nullable().default(null),
  })
  .strict();
export type BookMeeting = z.infer<typeof BookMeetingSchema>;
export type BookMeetingInput = z.input<typeof BookMeetingSchema>;

/** An edit or a move: every attendee gets an update with the same UID and a higher SEQUENCE. */
export const UpdateMeetingSchema = z
  .object({
    title: TitleSchema.optional(),
    agenda: AgendaSchema.optional(),
    startsAt: DateTimeSchema.optional(),
    durationMinutes: MeetingDurationSchema.optional(),
    attendeeIds: AttendeesSchema.optional(),
    callLink: CallLinkSchema.nullable().optional(),
  })
  .strict();
export type UpdateMeeting = z.infer<typeof UpdateMeetingSchema>;

export const MeetingMinutesSchema = z
  .object({ minutes: freeText(50_000, { trim: false }) })
  .strict();
export type MeetingMinutes = z.infer<typeof MeetingMinutesSchema>;

/** Turns one action item of the minutes (named by its text) into an issue. */
export const ActionItemIssueSchema = z
  .object({ text: freeText(5_000).min(1, 'Name the action item') })
  .strict();
export type ActionItemIssue = z.infer<typeof ActionItemIssueSchema>;

export const MeetingPersonSchema = z.object({
  id: IdSchema,
  name: z.string(),
  timeZone: z.string(),
  side: z.enum(['business', 'professional']),
});
export type MeetingPerson = z.infer<typeof MeetingPersonSchema>;

export const IssueRefSchema = z.object({ id: IdSchema, number: z.number().int() });

export const ActionItemSchema = z.object({
  text: z.string(),
  done: z.boolean(),
  /** The issue made from it, once made. */
  issue: IssueRefSchema.nullable(),
});
export type ActionItemView = z.infer<typeof ActionItemSchema>;

export const MeetingSchema = z
  .object({
    id: IdSchema,
    contractId: IdSchema,
    status: MeetingStatusSchema,
    title: z.string(),
    agenda: z.string(),
    /** The agenda as safe HTML (raw HTML off, unsafe links dropped). */
    agendaHtml: z.string(),
    startsAt: DateTimeSchema,
    endsAt: DateTimeSchema,
    durationMinutes: z.number().int(),
    callLink: z.string().nullable(),
    /** The booker's zone, written into the invitation; everyone reads the time in their own. */
    timeZone: z.string(),
    attendees: z.array(MeetingPersonSchema),
    minutes: z.string(),
    minutesHtml: z.string(),
    actionItems: z.array(ActionItemSchema),
    /** The invitation's SEQUENCE: raised by every change a calendar must see. */
    sequence: z.number().int(),
    createdBy: z.object({ id: IdSchema, name: z.string() }).nullable(),
    createdAt: DateTimeSchema,
    updatedAt: DateTimeSchema,
    cancelledAt: DateTimeSchema.nullable(),
  })
  .meta({ id: 'Meeting' });
export type Meeting = z.infer<typeof MeetingSchema>;

export const ActionItemIssueResultSchema = z.object({
  issue: IssueRefSchema,
  /** False when the item had already been made an issue: that one is returned. */
  created: z.boolean(),
  meeting: MeetingSchema,
});
export type ActionItemIssueResult = z.infer<typeof ActionItemIssueResultSchema>;

export const MeetingParamsSchema = z.object({ contractId: IdSchema, meetingId: IdSchema });

/** Whether the caller has a calendar feed; its address is shown only when it is made. */
export const CalendarFeedStatusSchema = z.object({ createdAt: DateTimeSchema.nullable() });
export type CalendarFeedStatus = z.infer<typeof CalendarFeedStatusSchema>;

export const CalendarFeedSchema = z.object({
  /** The https address (for calendars that take one) and the same as webcal:// (subscribe). */
  url: z.string(),
  webcalUrl: z.string(),
  createdAt: DateTimeSchema,
});
export type CalendarFeed = z.infer<typeof CalendarFeedSchema>;

export const CalendarFeedParamsSchema = z.object({ token: z.string().max(200) });
