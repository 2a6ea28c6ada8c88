/**
 * A person's private calendar feed: a secret address a calendar app subscribes to (webcal://),
 * listing every meeting of every contract they are a party to, and their booked interviews. Only the token's SHA-256 is
 * kept, so the address is shown once, when made; making a new one revokes the old.
 */
import type { CalendarFeed, CalendarFeedStatus } from '../../../core/contracts/meetings.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { notFound } from '../../lib/errors.ts';
import { feedCalendar } from '../../lib/ical.ts';
import { newSecret, sha256 } from '../../lib/ids.ts';
import type { UserScope } from '../../lib/scope.ts';
import { interviewFeedEvents } from '../interviews/feed.ts';
import { meetingEvent } from './calendar.ts';
import {
  attendeesOf,
  deleteFeed,
  feedMeetings,
  findFeed,
  findFeedOwner,
  upsertFeed,
} from './queries.ts';

/** The token's shape: anything else is not looked up (and is a 404 like an unknown token). */
const TOKEN = /^cal_[A-Za-z0-9_-]{43}$/;

export function createCalendarFeedService({
  db,
  clock,
  baseUrl,
  mailFrom,
}: {
  db: Db;
  clock: Clock;
  baseUrl: string;
  mailFrom: string;
}) {
  const fallbackOrganizer = {
    name: 'Handoff',
    email: /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom,
  };
  return {
    async status({ userId }: UserScope): Promise<CalendarFeedStatus> {
      const feed = await db.transaction((tx) => findFeed(tx, userId));
      return { createdAt: feed?.createdAt.toISOString() ?? null };
    },

    /** Makes (or remakes, revoking the old) the caller's feed and returns its address once. */
    async make({ userId }: UserScope): Promise<CalendarFeed> {
      const token = newSecret('cal');
      const now = clock.now();
      await db.transaction((tx) => upsertFeed(tx, userId, sha256(token), now));
      const url = `${baseUrl}/api/v1/calendar/${token}.ics`;
      return {
        url,
        webcalUrl: url.replace(/^https?:\/\//, 'webcal://'),
        createdAt: now.toISOString(),
      };
    },

    async revoke({ userId }: UserScope): Promise<void> {
      await db.transaction((tx) => deleteFeed(tx, userId));
    },

    /** The feed's .ics text; an unknown (or revoked) token is a 404. */
    async feed(token: string): Promise<string> {
      return db.transaction(async (tx) => {
        const owner = TOKEN.test(token) ? await findFeedOwner(tx, sha256(token)) : undefined;
        if (!owner) throw notFound('Calendar feed');
        const rows = await feedMeetings(tx, owner.id);
        const attendees = await attendeesOf(
          tx,
          rows.map((r) => r.meeting.id),
        );
        const events = rows.map(({ meeting, contractTitle }) => {
          const people = attendees.get(meeting.id) ?? [];
          const creator = people.find((p) => p.id === meeting.createdBy);
          return meetingEvent(meeting, {
            contractTitle,
            organizer: creator ? { name: creator.name, email: creator.email } : fallbackOrganizer,
            attendees: people.map((p) => ({ name: p.name, email: p.email })),
            link: `${baseUrl}/app/contracts/${meeting.contractId}/meetings`,
          });
        });
        // Interviews too (a professional's booked ones, a member's own): one feed per person.
        const interviews = await interviewFeedEvents(tx, owner.id, fallbackOrganizer.email);
        return feedCalendar(`Handoff meetings of ${owner.name}`, [...events, ...interviews]);
      });
    },
  };
}

export type CalendarFeedService = ReturnType<typeof createCalendarFeedService>;
