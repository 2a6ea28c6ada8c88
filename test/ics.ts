/**
 * Reads an iCalendar file back with ical.js — a parser independent of the library that wrote
 * it (ical-generator) — so the tests check what a calendar would understand, not our own text.
 */
import ICAL from 'ical.js';

export interface ParsedInvitation {
  method: string | null;
  uid: string;
  sequence: number;
  status: string | null;
  start: Date;
  end: Date;
  /** DTSTART's zone as written: `Z` (UTC) or a TZID. */
  startZone: string;
  location: string | null;
  url: string | null;
  description: string;
  organizer: string | null;
  attendees: string[];
}

export function parseInvitation(text: string): ParsedInvitation {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent');
  if (events.length !== 1) throw new Error(`expected one VEVENT, found ${events.length}`);
  const vevent = events[0] as ICAL.Component;
  const event = new ICAL.Event(vevent);
  const value = (name: string) => {
    const v = vevent.getFirstPropertyValue(name);
    return v === null || v === undefined ? null : String(v);
  };
  return {
    method: calendar.getFirstPropertyValue('method')?.toString() ?? null,
    uid: event.uid,
    sequence: event.sequence,
    status: value('status'),
    start: event.startDate.toJSDate(),
    end: event.endDate.toJSDate(),
    startZone: event.startDate.zone?.tzid ?? '',
    location: event.location,
    url: value('url'),
    description: event.description,
    organizer: value('organizer'),
    attendees: event.attendees.map((a) => String(a.getFirstValue())),
  };
}

/** Every VEVENT of a calendar feed, as a calendar app subscribed to it would list them. */
export function parseFeed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const event = new ICAL.Event(v);
    return {
      uid: event.uid,
      sequence: event.sequence,
      summary: event.summary,
      status: String(v.getFirstPropertyValue('status') ?? ''),
      start: event.startDate.toJSDate().toISOString(),
    };
  });
}
