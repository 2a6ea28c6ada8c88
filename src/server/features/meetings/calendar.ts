/**
 * A meeting as a calendar event (`lib/ical.ts`): the UID is the meeting's `uid` for its whole
 * life and `sequence` rises with every change, so an update or a cancellation replaces the
 * entry a calendar already has.
 */
import type { CalendarEvent, CalendarPerson } from '../../lib/ical.ts';
import type { MeetingRow } from './queries.ts';

export function meetingEvent(
  meeting: MeetingRow,
  {
    contractTitle,
    organizer,
    attendees,
    link,
  }: {
    contractTitle: string;
    organizer: CalendarPerson;
    attendees: CalendarPerson[];
    /** The meeting's page, for the description. */
    link: string;
  },
): CalendarEvent {
  const agenda = meeting.agenda.trim() === '' ? '' : `\n\nAgenda:\n${meeting.agenda.trim()}`;
  const call = meeting.callLink ? `\n\nJoin the call: ${meeting.callLink}` : '';
  return {
    uid: meeting.uid,
    sequence: meeting.sequence,
    stamp: meeting.updatedAt,
    start: meeting.startsAt,
    durationMinutes: meeting.durationMinutes,
    summary: meeting.title,
    description: `A meeting on the contract “${contractTitle}”.${call}${agenda}\n\n${link}`,
    callLink: meeting.callLink,
    cancelled: meeting.status === 'cancelled',
    organizer,
    attendees,
  };
}
