/**
 * An interview as an iCalendar invitation (see `lib/ical.ts`: UTC times, one UID for the
 * interview's life, SEQUENCE rising with each change).
 */
import { invitationCalendar, type CalendarEvent, type CalendarMethod } from '../../lib/ical.ts';
import type { InterviewRecord } from './queries.ts';

export type { CalendarMethod };

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

/**
 * The interview as it stands, from its record: the member who proposed it organizes it, or the
 * business under the deployment's address once that member's account is gone.
 */
export function calendarInterviewOf(
  r: InterviewRecord,
  fallbackOrganizerEmail: string,
): CalendarInterview {
  const startsAt = r.interview.startsAt;
  if (!startsAt) throw new Error('a calendar needs a booked time');
  return {
    icalUid: r.interview.icalUid,
    sequence: r.interview.sequence,
    startsAt,
    durationMinutes: r.interview.durationMinutes,
    callLink: r.interview.callLink,
    jobTitle: r.jobTitle,
    businessName: r.business.name,
    organizer: r.creator ?? { name: r.business.name, email: fallbackOrganizerEmail },
    professional: { name: r.professional.name, email: r.professional.email },
    stamp: r.interview.updatedAt,
  };
}

/**
 * The interview as one calendar event: the e-mailed invitations and the calendar feed write
 * this same event (same UID and SEQUENCE), so a calendar that has both keeps one entry.
 */
export function interviewEvent(interview: CalendarInterview): Omit<CalendarEvent, 'cancelled'> {
  return {
    uid: interview.icalUid,
    sequence: interview.sequence,
    stamp: interview.stamp,
    start: interview.startsAt,
    durationMinutes: interview.durationMinutes,
    summary: `Interview: ${interview.jobTitle} (${interview.businessName} and ${interview.professional.name})`,
    description: `Interview about “${interview.jobTitle}” between ${interview.businessName} and ${interview.professional.name}.\n\nJoin the call: ${interview.callLink}`,
    callLink: interview.callLink,
    organizer: interview.organizer,
    attendees: [interview.professional],
  };
}

/** The .ics text for an invitation (REQUEST) or its cancellation (CANCEL). */
export function interviewCalendar(interview: CalendarInterview, method: CalendarMethod): string {
  return invitationCalendar(interviewEvent(interview), method, 'Interviews');
}
