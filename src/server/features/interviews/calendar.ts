/**
 * An interview as an iCalendar invitation (see `lib/ical.ts`: UTC times, one UID for the
 * interview's life, SEQUENCE rising with each change).
 */
import { invitationCalendar, type CalendarMethod } from '../../lib/ical.ts';

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

/** The .ics text for an invitation (REQUEST) or its cancellation (CANCEL). */
export function interviewCalendar(interview: CalendarInterview, method: CalendarMethod): string {
  return invitationCalendar(
    {
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
    },
    method,
    'Interviews',
  );
}
