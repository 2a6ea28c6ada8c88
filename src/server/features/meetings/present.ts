/** A meeting row as the API answers it, with its attendees and its action items' issues. */
import type { Meeting } from '../../../core/contracts/meetings.ts';
import { renderMarkdown } from '../../../core/markdown.ts';
import { actionItems, actionItemTitle } from '../../../core/meeting-minutes.ts';
import type { MeetingRow, PersonRow } from './queries.ts';

export function presentMeeting(
  m: MeetingRow,
  {
    attendees,
    issues,
    people,
    creatorName,
  }: {
    attendees: Omit<PersonRow, 'side'>[];
    issues: { id: string; number: number; title: string }[];
    /** The contract's people, to tell each attendee's side. */
    people: PersonRow[];
    creatorName: string | null;
  },
): Meeting {
  const sideOf = (id: string) => people.find((p) => p.id === id)?.side ?? 'business';
  return {
    id: m.id,
    contractId: m.contractId,
    status: m.status,
    title: m.title,
    agenda: m.agenda,
    agendaHtml: renderMarkdown(m.agenda),
    startsAt: m.startsAt.toISOString(),
    endsAt: new Date(m.startsAt.getTime() + m.durationMinutes * 60_000).toISOString(),
    durationMinutes: m.durationMinutes,
    callLink: m.callLink,
    timeZone: m.timeZone,
    attendees: attendees.map((a) => ({
      id: a.id,
      name: a.name,
      timeZone: a.timeZone,
      side: sideOf(a.id),
    })),
    minutes: m.minutes,
    minutesHtml: renderMarkdown(m.minutes),
    actionItems: actionItems(m.minutes).map((item) => {
      const issue = issues.find((i) => i.title === actionItemTitle(item.text));
      return { ...item, issue: issue ? { id: issue.id, number: issue.number } : null };
    }),
    sequence: m.sequence,
    createdBy: m.createdBy && creatorName ? { id: m.createdBy, name: creatorName } : null,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
    cancelledAt: m.cancelledAt?.toISOString() ?? null,
  };
}
