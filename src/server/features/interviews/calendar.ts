/**
 * An interview as an iCalendar object (RFC 5545, with RFC 5546's METHOD), written by
 * ical-generator. Times are written in UTC (`…Z`): a calendar shows them in its own zone, and
 * no VTIMEZONE can then be wrong about a zone's rules.
 *
 * One interview is one event for its whole life: the UID is fixed when it is created and every
 * message after the first carries a higher SEQUENCE, so calendars update (or remove) the same
 * entry instead of adding another.
 */
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';

export interface CalendarInterview {
  icalUid: string;
  sequence: number;
  startsAt: Date;
  durationMinutes: number;
  callLink: string;
  jobTitle: string;
  businessName: string;
  organizer: { name: string; email: string };
  professional: { name: string; email: string };
  /** When this version of the event was written (DTSTAMP). */
  stamp: Date;
}

export type CalendarMethod = 'REQUEST' | 'CANCEL';

/** The .ics text for an invitation (REQUEST) or its cancellation (CANCEL). */
export function interviewCalendar(interview: CalendarInterview, method: CalendarMethod): string {
  const cancelled = method === 'CANCEL';
  const calendar = ical({
    prodId: { company: 'Handoff', product: 'Interviews', language: 'EN' },
    method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  const end = new Date(interview.startsAt.getTime() + interview.durationMinutes * 60_000);
  calendar.createEvent({
    id: interview.icalUid,
    sequence: interview.sequence,
    stamp: interview.stamp,
    start: interview.startsAt,
    end,
    summary: `Interview: ${interview.jobTitle} (${interview.businessName} and ${interview.professional.name})`,
    description: `Interview about “${interview.jobTitle}” between ${interview.businessName} and ${interview.professional.name}.\n\nJoin the call: ${interview.callLink}`,
    location: interview.callLink,
    url: interview.callLink,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: interview.organizer,
    attendees: [
      {
        name: interview.professional.name,
        email: interview.professional.email,
        role: ICalAttendeeRole.REQ,
        status: cancelled ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.ACCEPTED,
      },
    ],
  });
  return calendar.toString();
}
