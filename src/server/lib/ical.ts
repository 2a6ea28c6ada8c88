/**
 * Calendar files (RFC 5545, with RFC 5546's METHOD for invitations), written by ical-generator.
 * Shared by interviews and meetings: an invitation or cancellation of one event, and a feed of
 * many. Times are written in UTC (`…Z`): a calendar shows them in its own zone, and no VTIMEZONE
 * can then be wrong about a zone's rules.
 *
 * An event keeps its UID for its whole life and every message after the first carries a higher
 * SEQUENCE, so calendars update (or remove) the same entry instead of adding another.
 */
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';

export interface CalendarPerson {
  name: string;
  email: string;
}

export interface CalendarEvent {
  uid: string;
  sequence: number;
  start: Date;
  durationMinutes: number;
  summary: string;
  description: string;
  /** A call link, written as LOCATION and URL. */
  callLink?: string | null;
  cancelled: boolean;
  organizer: CalendarPerson;
  attendees: CalendarPerson[];
  /** When this version of the event was written (DTSTAMP). */
  stamp: Date;
}

export type CalendarMethod = 'REQUEST' | 'CANCEL';

function addEvent(calendar: ReturnType<typeof ical>, e: CalendarEvent) {
  calendar.createEvent({
    id: e.uid,
    sequence: e.sequence,
    stamp: e.stamp,
    start: e.start,
    end: new Date(e.start.getTime() + e.durationMinutes * 60_000),
    summary: e.summary,
    description: e.description,
    location: e.callLink ?? null,
    url: e.callLink ?? null,
    status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: e.organizer,
    attendees: e.attendees.map((a) => ({
      name: a.name,
      email: a.email,
      role: ICalAttendeeRole.REQ,
      status: e.cancelled ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.ACCEPTED,
    })),
  });
}

/** The .ics text of one event's invitation (REQUEST) or its cancellation (CANCEL). */
export function invitationCalendar(
  event: Omit<CalendarEvent, 'cancelled'>,
  method: CalendarMethod,
  product: string,
): string {
  const calendar = ical({
    prodId: { company: 'Handoff', product, language: 'EN' },
    method: method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  addEvent(calendar, { ...event, cancelled: method === 'CANCEL' });
  return calendar.toString();
}

/**
 * A subscribed feed (no METHOD: it is published, not sent): every event, cancelled ones kept
 * with STATUS:CANCELLED so a subscribed calendar drops them rather than keeping a stale copy.
 */
export function feedCalendar(name: string, events: CalendarEvent[]): string {
  const calendar = ical({
    prodId: { company: 'Handoff', product: 'Calendar feed', language: 'EN' },
    name,
    ttl: 15 * 60,
  });
  for (const e of events) addEvent(calendar, e);
  return calendar.toString();
}
