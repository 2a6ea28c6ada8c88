/**
 * Meetings of a contract: either side books one for some of the contract's people, everyone
 * invited gets an iCalendar invitation by e-mail that follows every later change (same UID,
 * higher SEQUENCE; a cancellation is METHOD:CANCEL), a reminder goes 15 minutes before, and
 * the minutes' action items each become one issue.
 */
import type {
  ActionItemIssue,
  ActionItemIssueResult,
  BookMeeting,
  Meeting,
  MeetingMinutes,
  MeetingPerson,
  UpdateMeeting,
} from '../../../core/contracts/meetings.ts';
import { contractCan } from '../../../core/contract-access.ts';
import { actionItems, actionItemTitle } from '../../../core/meeting-minutes.ts';
import type { ContractStatus } from '../../../core/hiring.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { badRequest, conflict, forbidden, notFound } from '../../lib/errors.ts';
import { invitationCalendar, type CalendarMethod } from '../../lib/ical.ts';
import { newId } from '../../lib/ids.ts';
import type { Mailer } from '../../lib/mail.ts';
import { publishContractChange } from '../contracts/live.ts';
import { authorizeContractAction, type ContractScope } from '../contracts/policy.ts';
import type { ContractRecord } from '../contracts/queries.ts';
import { when } from '../notifications/templates.ts';
import { createWorkIssue } from '../work-issues/create.ts';
import { meetingEvent } from './calendar.ts';
import { presentMeeting } from './present.ts';
import {
  attendeesOf,
  contractPeople,
  findMeeting,
  findUserName,
  insertMeeting,
  issuesFromMeetings,
  listMeetings,
  replaceAttendees,
  updateMeeting,
  type MeetingRow,
  type PersonRow,
} from './queries.ts';
import type { MeetingReminders } from './reminders.ts';

export type MeetingScope = ContractScope & { readonly meetingId: string };

/** A calendar file: its name and text, for the download route. */
export interface CalendarFile {
  filename: string;
  text: string;
}

/** Meetings are booked on a running contract (a paused one still talks); not on an ended one. */
const BOOKABLE: readonly ContractStatus[] = ['active', 'paused'];

type Person = Omit<PersonRow, 'side'>;

export function createMeetingService({
  db,
  clock,
  mailer,
  reminders,
  baseUrl,
  mailFrom,
}: {
  db: Db;
  clock: Clock;
  mailer: Pick<Mailer, 'enqueue'>;
  reminders: MeetingReminders;
  baseUrl: string;
  /** The deployment's sender: the organizer when the booker's account is gone. */
  mailFrom: string;
}) {
  const fallbackOrganizer = {
    name: 'Handoff',
    email: /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom,
  };
  const pageOf = (contractId: string) => `/app/contracts/${contractId}/meetings`;

  async function present(tx: Tx, rows: MeetingRow[], contractId: string): Promise<Meeting[]> {
    const ids = rows.map((m) => m.id);
    // One after another: a transaction is one connection, which runs one query at a time.
    const attendees = await attendeesOf(tx, ids);
    const issues = await issuesFromMeetings(tx, ids);
    const people = await contractPeople(tx, contractId);
    const names = new Map<string, string>();
    for (const list of attendees.values()) for (const p of list) names.set(p.id, p.name);
    for (const p of people) names.set(p.id, p.name);
    const presented: Meeting[] = [];
    for (const m of rows) {
      let creatorName = m.createdBy ? (names.get(m.createdBy) ?? null) : null;
      if (m.createdBy && creatorName === null)
        creatorName = (await findUserName(tx, m.createdBy))?.name ?? null;
      presented.push(
        presentMeeting(m, {
          attendees: attendees.get(m.id) ?? [],
          issues: issues.get(m.id) ?? [],
          people,
          creatorName,
        }),
      );
    }
    return presented;
  }

  async function presentOne(tx: Tx, row: MeetingRow): Promise<Meeting> {
    const [meeting] = await present(tx, [row], row.contractId);
    if (!meeting) throw new Error('a meeting vanished while presented');
    return meeting;
  }

  /** The invited people: each must be one of the contract's; the booker always comes too. */
  function attendeesFrom(ids: string[], people: PersonRow[], bookerId: string): string[] {
    const errors = ids.flatMap((id, i) =>
      people.some((p) => p.id === id)
        ? []
        : [{ path: `body.attendeeIds.${i}`, message: 'This person is not on the contract' }],
    );
    if (errors.length > 0) throw badRequest('Invite only the contract’s people.', errors);
    return [...new Set([bookerId, ...ids])];
  }

  function refusePast(startsAt: string) {
    if (Date.parse(startsAt) <= clock.now().getTime())
      throw badRequest('The meeting would start in the past.', [
        { path: 'body.startsAt', message: 'This time is in the past; pick a later one' },
      ]);
  }

  function requireBookable(record: ContractRecord) {
    if (!BOOKABLE.includes(record.contract.status))
      throw conflict(`This contract is ${record.contract.status}: no meetings can be booked.`);
  }

  function requireScheduled(m: MeetingRow) {
    if (m.status === 'cancelled') throw conflict('This meeting is cancelled.');
  }

  async function lockMeeting(tx: Tx, scope: MeetingScope): Promise<MeetingRow> {
    const meeting = await findMeeting(tx, scope.contractId, scope.meetingId, { forUpdate: true });
    if (!meeting) throw notFound('Meeting');
    return meeting;
  }

  async function organizerOf(tx: Tx, m: MeetingRow) {
    const creator = m.createdBy ? await findUserName(tx, m.createdBy) : undefined;
    return creator ? { name: creator.name, email: creator.email } : fallbackOrganizer;
  }

  function calendarText(
    m: MeetingRow,
    contractTitle: string,
    organizer: { name: string; email: string },
    attendees: Person[],
    method: CalendarMethod,
  ) {
    return invitationCalendar(
      meetingEvent(m, {
        contractTitle,
        organizer,
        attendees: attendees.map((a) => ({ name: a.name, email: a.email })),
        link: `${baseUrl}${pageOf(m.contractId)}`,
      }),
      method,
      'Meetings',
    );
  }

  /**
   * E-mails the invitation (or its cancellation) to `to`, each with the .ics attached and the
   * time on the reader's own clock. Always sent, whatever the notification preferences: a
   * calendar only learns of a change this way.
   */
  async function mailCalendar(
    tx: Tx,
    m: MeetingRow,
    contractTitle: string,
    attendees: Person[],
    to: Person[],
    method: CalendarMethod,
  ) {
    if (to.length === 0) return;
    const organizer = await organizerOf(tx, m);
    const ics = calendarText(m, contractTitle, organizer, attendees, method);
    const cancelled = method === 'CANCEL';
    const updated = m.sequence > 0;
    for (const p of to) {
      const at = when(m.startsAt, { name: p.name, timeZone: p.timeZone });
      const call = m.callLink ? `\n\nJoin the call: ${m.callLink}` : '';
      await mailer.enqueue(tx, {
        to: p.email,
        subject: cancelled
          ? `Cancelled: ${m.title}`
          : `${updated ? 'Updated' : 'Invitation'}: ${m.title}, ${at}`,
        text: cancelled
          ? `Hello ${p.name},\n\nThe meeting “${m.title}” on “${contractTitle}” at ${at} is cancelled (or you are no longer invited). The attached file removes it from your calendar.\n\n${baseUrl}${pageOf(m.contractId)}`
          : `Hello ${p.name},\n\n${organizer.name} ${updated ? 'changed' : 'invites you to'} the meeting “${m.title}” on “${contractTitle}”: ${at}, ${m.durationMinutes} minutes.${call}\n\nThe attached invitation ${updated ? 'updates it in' : 'adds it to'} your calendar.\n\n${baseUrl}${pageOf(m.contractId)}`,
        attachments: [
          {
            filename: 'meeting.ics',
            contentType: `text/calendar; charset=utf-8; method=${method}`,
            content: ics,
          },
        ],
      });
    }
  }

  async function attendeesOfOne(tx: Tx, meetingId: string): Promise<Person[]> {
    return (await attendeesOf(tx, [meetingId])).get(meetingId) ?? [];
  }

  return {
    /** The contract's meetings, soonest first, cancelled ones kept (marked). */
    async list(scope: ContractScope): Promise<{ items: Meeting[] }> {
      return db.transaction(async (tx) => {
        await authorizeContractAction(tx, scope, 'meetings.read');
        return {
          items: await present(tx, await listMeetings(tx, scope.contractId), scope.contractId),
        };
      });
    },

    /** Who a meeting of this contract may invite. */
    async people(scope: ContractScope): Promise<{ items: MeetingPerson[] }> {
      return db.transaction(async (tx) => {
        await authorizeContractAction(tx, scope, 'meetings.read');
        const people = await contractPeople(tx, scope.contractId);
        return {
          items: people.map(({ id, name, timeZone, side }) => ({ id, name, timeZone, side })),
        };
      });
    },

    async get(scope: MeetingScope): Promise<Meeting> {
      return db.transaction(async (tx) => {
        await authorizeContractAction(tx, scope, 'meetings.read');
        const meeting = await findMeeting(tx, scope.contractId, scope.meetingId);
        if (!meeting) throw notFound('Meeting');
        return presentOne(tx, meeting);
      });
    },

    async book(scope: ContractScope, input: BookMeeting): Promise<Meeting> {
      return db.transaction(async (tx) => {
        const { record } = await authorizeContractAction(tx, scope, 'meetings.manage');
        requireBookable(record);
        refusePast(input.startsAt);
        const people = await contractPeople(tx, scope.contractId);
        const invited = attendeesFrom(input.attendeeIds, people, scope.userId);
        const booker = people.find((p) => p.id === scope.userId);
        const now = clock.now();
        const id = newId();
        const meeting = await insertMeeting(tx, {
          id,
          contractId: scope.contractId,
          uid: `meeting-${id}@handoff`,
          sequence: 0,
          status: 'scheduled',
          title: input.title,
          agenda: input.agenda,
          startsAt: new Date(input.startsAt),
          durationMinutes: input.durationMinutes,
          callLink: input.callLink,
          timeZone: booker?.timeZone ?? 'UTC',
          createdBy: scope.userId,
          createdAt: now,
          updatedAt: now,
        });
        await replaceAttendees(tx, id, invited);
        const attendees = await attendeesOfOne(tx, id);
        await mailCalendar(tx, meeting, record.contract.title, attendees, attendees, 'REQUEST');
        await reminders.schedule(tx, meeting);
        await publishContractChange(tx, scope.contractId, 'meetings');
        return presentOne(tx, meeting);
      });
    },

    /**
     * An edit or a move: the invitation's SEQUENCE rises and every attendee gets the update;
     * someone taken off the list gets a cancellation instead.
     */
    async update(scope: MeetingScope, input: UpdateMeeting): Promise<Meeting> {
      return db.transaction(async (tx) => {
        const { record } = await authorizeContractAction(tx, scope, 'meetings.manage');
        const before = await lockMeeting(tx, scope);
        requireScheduled(before);
        requireBookable(record);
        if (
          input.startsAt !== undefined &&
          Date.parse(input.startsAt) !== before.startsAt.getTime()
        )
          refusePast(input.startsAt);
        const previous = await attendeesOfOne(tx, before.id);
        let invited = previous.map((p) => p.id);
        if (input.attendeeIds) {
          const people = await contractPeople(tx, scope.contractId);
          invited = attendeesFrom(input.attendeeIds, people, before.createdBy ?? scope.userId);
          await replaceAttendees(tx, before.id, invited);
        }
        const meeting = await updateMeeting(tx, before.id, {
          ...(input.title !== undefined && { title: input.title }),
          ...(input.agenda !== undefined && { agenda: input.agenda }),
          ...(input.startsAt !== undefined && { startsAt: new Date(input.startsAt) }),
          ...(input.durationMinutes !== undefined && { durationMinutes: input.durationMinutes }),
          ...(input.callLink !== undefined && { callLink: input.callLink }),
          sequence: before.sequence + 1,
          updatedAt: clock.now(),
        });
        const attendees = await attendeesOfOne(tx, meeting.id);
        const removed = previous.filter((p) => !invited.includes(p.id));
        await mailCalendar(tx, meeting, record.contract.title, attendees, attendees, 'REQUEST');
        await mailCalendar(tx, meeting, record.contract.title, removed, removed, 'CANCEL');
        await reminders.schedule(tx, meeting);
        await publishContractChange(tx, scope.contractId, 'meetings');
        return presentOne(tx, meeting);
      });
    },

    /** Cancels the meeting: a CANCEL with a higher SEQUENCE to everyone, the reminder dropped. */
    async cancel(scope: MeetingScope): Promise<Meeting> {
      return db.transaction(async (tx) => {
        const { record } = await authorizeContractAction(tx, scope, 'meetings.manage');
        const before = await lockMeeting(tx, scope);
        requireScheduled(before);
        const now = clock.now();
        const meeting = await updateMeeting(tx, before.id, {
          status: 'cancelled',
          sequence: before.sequence + 1,
          cancelledAt: now,
          updatedAt: now,
        });
        const attendees = await attendeesOfOne(tx, meeting.id);
        await mailCalendar(tx, meeting, record.contract.title, attendees, attendees, 'CANCEL');
        await reminders.cancel(tx, meeting.id);
        await publishContractChange(tx, scope.contractId, 'meetings');
        return presentOne(tx, meeting);
      });
    },

    /** Writes the minutes. Not a calendar change: no new invitation. */
    async writeMinutes(scope: MeetingScope, input: MeetingMinutes): Promise<Meeting> {
      return db.transaction(async (tx) => {
        await authorizeContractAction(tx, scope, 'meetings.manage');
        const before = await lockMeeting(tx, scope);
        requireScheduled(before);
        const meeting = await updateMeeting(tx, before.id, {
          minutes: input.minutes,
          updatedAt: clock.now(),
        });
        await publishContractChange(tx, scope.contractId, 'meetings');
        return presentOne(tx, meeting);
      });
    },

    /**
     * Turns an action item of the minutes into an issue, once: the item is known by its text,
     * and an issue from this meeting with that title is the one made before. The meeting's
     * row lock makes two clicks at once find the same issue.
     */
    async actionItemIssue(
      scope: MeetingScope,
      input: ActionItemIssue,
    ): Promise<ActionItemIssueResult> {
      return db.transaction(async (tx) => {
        const { party } = await authorizeContractAction(tx, scope, 'issues.write');
        if (!contractCan(party, 'meetings.read'))
          throw forbidden('Your part in this contract does not include its meetings.');
        const meeting = await lockMeeting(tx, scope);
        const text = input.text.replace(/\s+/g, ' ').trim();
        if (!actionItems(meeting.minutes).some((item) => item.text === text))
          throw badRequest('No such action item.', [
            { path: 'body.text', message: 'The minutes have no action item that reads so' },
          ]);
        const title = actionItemTitle(text);
        const made = (await issuesFromMeetings(tx, [meeting.id])).get(meeting.id) ?? [];
        const existing = made.find((i) => i.title === title);
        if (existing)
          return {
            issue: { id: existing.id, number: existing.number },
            created: false,
            meeting: await presentOne(tx, meeting),
          };
        const issue = await createWorkIssue(tx, {
          contractId: scope.contractId,
          title,
          description: `From the minutes of the meeting “${meeting.title}” (${meeting.startsAt.toISOString().slice(0, 10)}).`,
          sourceMeetingId: meeting.id,
          createdBy: scope.userId,
          now: clock.now(),
        });
        await publishContractChange(tx, scope.contractId, 'meetings');
        return {
          issue: { id: issue.id, number: issue.number },
          created: true,
          meeting: await presentOne(tx, meeting),
        };
      });
    },

    /** The meeting as an .ics file (a cancelled one as its cancellation). */
    async calendar(scope: MeetingScope): Promise<CalendarFile> {
      return db.transaction(async (tx) => {
        const { record } = await authorizeContractAction(tx, scope, 'meetings.read');
        const meeting = await findMeeting(tx, scope.contractId, scope.meetingId);
        if (!meeting) throw notFound('Meeting');
        const attendees = await attendeesOfOne(tx, meeting.id);
        return {
          filename: 'meeting.ics',
          text: calendarText(
            meeting,
            record.contract.title,
            await organizerOf(tx, meeting),
            attendees,
            meeting.status === 'cancelled' ? 'CANCEL' : 'REQUEST',
          ),
        };
      });
    },
  };
}

export type MeetingService = ReturnType<typeof createMeetingService>;
