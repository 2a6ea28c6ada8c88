/**
 * A person's booked interviews as events of their private calendar feed (the feed itself is the
 * meetings feature's, `meetings/feeds.ts`): the same event the invitations e-mail, so calendars
 * merge the two, and a cancelled interview stays in the feed as STATUS:CANCELLED.
 */
import type { Tx } from '../../db/client.ts';
import type { CalendarEvent } from '../../lib/ical.ts';
import { calendarInterviewOf, interviewEvent } from './calendar.ts';
import { listCalendarInterviews } from './queries.ts';

export async function interviewFeedEvents(
  tx: Tx,
  userId: string,
  fallbackOrganizerEmail: string,
): Promise<CalendarEvent[]> {
  const rows = await listCalendarInterviews(tx, userId);
  return rows.map((r) => ({
    ...interviewEvent(calendarInterviewOf(r, fallbackOrganizerEmail)),
    cancelled: r.interview.status === 'cancelled',
  }));
}
