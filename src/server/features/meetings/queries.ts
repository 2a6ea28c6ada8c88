/** SQL of meetings, their attendees and the calendar feeds. */
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  businessMembers,
  calendarFeeds,
  contracts,
  meetingAttendees,
  meetings,
  users,
  workIssues,
} from '../../db/schema/index.ts';

export type MeetingRow = typeof meetings.$inferSelect;
export type NewMeetingRow = typeof meetings.$inferInsert;

/** A person of a meeting or a contract, with what a calendar and a page need. */
export interface PersonRow {
  id: string;
  name: string;
  email: string;
  timeZone: string;
  side: 'business' | 'professional';
}

export async function findMeeting(
  tx: Tx,
  contractId: string,
  meetingId: string,
  { forUpdate = false }: { forUpdate?: boolean } = {},
): Promise<MeetingRow | undefined> {
  const query = tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.contractId, contractId)));
  const [row] = await (forUpdate ? query.for('update') : query);
  return row;
}

export async function findMeetingById(tx: Tx, meetingId: string): Promise<MeetingRow | undefined> {
  const [row] = await tx.select().from(meetings).where(eq(meetings.id, meetingId));
  return row;
}

/** The contract's meetings, soonest first. */
export function listMeetings(tx: Tx, contractId: string): Promise<MeetingRow[]> {
  return tx
    .select()
    .from(meetings)
    .where(eq(meetings.contractId, contractId))
    .orderBy(asc(meetings.startsAt), asc(meetings.id));
}

export async function insertMeeting(tx: Tx, row: NewMeetingRow): Promise<MeetingRow> {
  const [inserted] = await tx.insert(meetings).values(row).returning();
  if (!inserted) throw new Error('insert returned no row');
  return inserted;
}

export async function updateMeeting(
  tx: Tx,
  meetingId: string,
  set: Partial<NewMeetingRow>,
): Promise<MeetingRow> {
  const [row] = await tx.update(meetings).set(set).where(eq(meetings.id, meetingId)).returning();
  if (!row) throw new Error(`No meeting ${meetingId}`);
  return row;
}

export async function replaceAttendees(tx: Tx, meetingId: string, userIds: string[]) {
  await tx.delete(meetingAttendees).where(eq(meetingAttendees.meetingId, meetingId));
  if (userIds.length > 0)
    await tx.insert(meetingAttendees).values(userIds.map((userId) => ({ meetingId, userId })));
}

/** The people a meeting of this contract may invite: the professional and the business's members. */
export async function contractPeople(tx: Tx, contractId: string): Promise<PersonRow[]> {
  const person = {
    id: users.id,
    name: users.name,
    email: users.email,
    timeZone: users.timeZone,
  };
  const professional = await tx
    .select(person)
    .from(contracts)
    .innerJoin(users, eq(users.id, contracts.professionalId))
    .where(eq(contracts.id, contractId));
  const members = await tx
    .select(person)
    .from(contracts)
    .innerJoin(businessMembers, eq(businessMembers.businessId, contracts.businessId))
    .innerJoin(users, eq(users.id, businessMembers.userId))
    .where(eq(contracts.id, contractId))
    .orderBy(asc(users.name));
  return [
    ...professional.map((p) => ({ ...p, side: 'professional' as const })),
    ...members.map((p) => ({ ...p, side: 'business' as const })),
  ];
}

/** Each meeting's attendees (people who left the contract's business keep their place). */
export async function attendeesOf(
  tx: Tx,
  meetingIds: string[],
): Promise<Map<string, Omit<PersonRow, 'side'>[]>> {
  const byMeeting = new Map<string, Omit<PersonRow, 'side'>[]>();
  if (meetingIds.length === 0) return byMeeting;
  const rows = await tx
    .select({
      meetingId: meetingAttendees.meetingId,
      id: users.id,
      name: users.name,
      email: users.email,
      timeZone: users.timeZone,
    })
    .from(meetingAttendees)
    .innerJoin(users, eq(users.id, meetingAttendees.userId))
    .where(inArray(meetingAttendees.meetingId, meetingIds))
    .orderBy(asc(users.name));
  for (const { meetingId, ...person } of rows) {
    const list = byMeeting.get(meetingId) ?? [];
    list.push(person);
    byMeeting.set(meetingId, list);
  }
  return byMeeting;
}

/** The issues made from meetings' action items, by meeting. */
export async function issuesFromMeetings(
  tx: Tx,
  meetingIds: string[],
): Promise<Map<string, { id: string; number: number; title: string }[]>> {
  const byMeeting = new Map<string, { id: string; number: number; title: string }[]>();
  if (meetingIds.length === 0) return byMeeting;
  const rows = await tx
    .select({
      meetingId: workIssues.sourceMeetingId,
      id: workIssues.id,
      number: workIssues.number,
      title: workIssues.title,
    })
    .from(workIssues)
    .where(inArray(workIssues.sourceMeetingId, meetingIds))
    .orderBy(asc(workIssues.number));
  for (const { meetingId, ...issue } of rows) {
    if (!meetingId) continue;
    const list = byMeeting.get(meetingId) ?? [];
    list.push(issue);
    byMeeting.set(meetingId, list);
  }
  return byMeeting;
}

export async function findUserName(tx: Tx, userId: string) {
  const [row] = await tx
    .select({ id: users.id, name: users.name, email: users.email, timeZone: users.timeZone })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

// ---- Calendar feeds ----

export async function findFeed(tx: Tx, userId: string) {
  const [row] = await tx.select().from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
  return row;
}

/** Makes the person's feed, replacing (so revoking) any earlier one. */
export async function upsertFeed(tx: Tx, userId: string, tokenHash: string, now: Date) {
  await tx
    .insert(calendarFeeds)
    .values({ userId, tokenHash, createdAt: now })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash, createdAt: now } });
}

export async function deleteFeed(tx: Tx, userId: string) {
  await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId));
}

export async function findFeedOwner(tx: Tx, tokenHash: string) {
  const [row] = await tx
    .select({ id: users.id, name: users.name })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(eq(calendarFeeds.tokenHash, tokenHash));
  return row;
}

/**
 * Every meeting of every contract the person is a party to (its professional or a member of
 * its business), and any other meeting they are invited to, soonest first.
 */
export function feedMeetings(tx: Tx, userId: string) {
  return tx
    .select({ meeting: meetings, contractTitle: contracts.title })
    .from(meetings)
    .innerJoin(contracts, eq(contracts.id, meetings.contractId))
    .where(
      or(
        eq(contracts.professionalId, userId),
        sql`exists (select 1 from ${businessMembers} where ${businessMembers.businessId} = ${contracts.businessId} and ${businessMembers.userId} = ${userId})`,
        sql`exists (select 1 from ${meetingAttendees} where ${meetingAttendees.meetingId} = ${meetings.id} and ${meetingAttendees.userId} = ${userId})`,
      ),
    )
    .orderBy(asc(meetings.startsAt));
}
