import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { Meeting } from '../../../core/contracts/meetings.ts';
import { ApiError, errorMessage } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { Badge } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm.tsx';
import { Alert } from '../../ui/feedback.tsx';
import { TextAreaField } from '../../ui/fields.tsx';
import { MarkdownHtml } from '../profiles/markdown-html.tsx';
import { MeetingForm } from './book-meeting.tsx';
import { meetingCalendarUrl, useChangeMeeting } from './meeting-queries.ts';

/** One meeting: when (in the viewer's zone), who, the call, the agenda, and the minutes. */
export function MeetingCard({
  contractId,
  meeting,
  myId,
  timeZone,
  canManage,
  canMakeIssues,
}: {
  contractId: string;
  meeting: Meeting;
  myId: string;
  timeZone: string;
  canManage: boolean;
  canMakeIssues: boolean;
}) {
  const change = useChangeMeeting(contractId);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const cancelled = meeting.status === 'cancelled';
  if (editing)
    return (
      <MeetingForm
        contractId={contractId}
        myId={myId}
        timeZone={timeZone}
        meeting={meeting}
        onDone={() => setEditing(false)}
      />
    );
  const headingId = `meeting-${meeting.id}`;
  return (
    <article
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 id={headingId} className="text-base font-semibold text-slate-900">
            {meeting.title}
          </h3>
          <p className="text-sm text-slate-700">
            <time dateTime={meeting.startsAt}>{formatDateTime(meeting.startsAt, timeZone)}</time>
            {' · '}
            {meeting.durationMinutes} minutes{' '}
            <span className="text-slate-600">(your time, {timeZone})</span>
          </p>
        </div>
        {cancelled && (
          <Badge tone="muted" srLabel="Status">
            Cancelled
          </Badge>
        )}
      </div>
      <p className="text-sm text-slate-700">
        <span className="font-medium">With:</span> {meeting.attendees.map((a) => a.name).join(', ')}
      </p>
      {meeting.callLink && !cancelled && (
        <p className="text-sm">
          <a
            className="text-brand-700 break-all underline"
            href={meeting.callLink}
            target="_blank"
            rel="noreferrer noopener"
          >
            Join the call
          </a>
        </p>
      )}
      {meeting.agenda.trim() !== '' && (
        <div>
          <h4 className="text-sm font-semibold text-slate-800">Agenda</h4>
          <MarkdownHtml html={meeting.agendaHtml} />
        </div>
      )}
      {error !== null && <Alert>{errorMessage(error)}</Alert>}
      <div className="flex flex-wrap gap-2">
        <a
          className="inline-flex items-center rounded-md px-3 py-2 text-sm text-slate-700 underline"
          href={meetingCalendarUrl(contractId, meeting.id)}
          download="meeting.ics"
        >
          Download .ics<span className="sr-only"> for {meeting.title}</span>
        </a>
        {canManage && !cancelled && (
          <>
            <Button variant="secondary" onClick={() => setEditing(true)}>
              Edit or move<span className="sr-only"> {meeting.title}</span>
            </Button>
            <Button variant="ghost" onClick={() => setConfirming(true)}>
              Cancel meeting<span className="sr-only"> {meeting.title}</span>
            </Button>
          </>
        )}
      </div>
      <Minutes
        contractId={contractId}
        meeting={meeting}
        canManage={canManage && !cancelled}
        canMakeIssues={canMakeIssues}
      />
      <ConfirmDialog
        open={confirming}
        title={`Cancel “${meeting.title}”?`}
        confirmLabel="Cancel the meeting"
        busy={change.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          change.mutate(
            { meetingId: meeting.id, action: 'cancel' },
            {
              onError: (e) => {
                setError(e);
                setConfirming(false);
              },
              onSuccess: () => setConfirming(false),
            },
          )
        }
      >
        Everyone invited gets a cancellation that removes it from their calendar.
      </ConfirmDialog>
    </article>
  );
}

function Minutes({
  contractId,
  meeting,
  canManage,
  canMakeIssues,
}: {
  contractId: string;
  meeting: Meeting;
  canManage: boolean;
  canMakeIssues: boolean;
}) {
  const change = useChangeMeeting(contractId);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [making, setMaking] = useState<string | null>(null);
  const field = error instanceof ApiError ? error.fieldError('minutes') : undefined;
  const empty = meeting.minutes.trim() === '';
  return (
    <section className="border-t border-slate-100 pt-3">
      <h4 className="text-sm font-semibold text-slate-800">Minutes</h4>
      {draft !== null ? (
        <form
          className="mt-2 space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            setError(null);
            change.mutate(
              { meetingId: meeting.id, action: 'minutes', body: { minutes: draft } },
              { onError: setError, onSuccess: () => setDraft(null) },
            );
          }}
        >
          <TextAreaField
            label={`Minutes of ${meeting.title}`}
            hideLabel
            hint="Markdown. Write action items as task lines: “- [ ] Send the mock-ups”; each can become an issue."
            rows={6}
            value={draft}
            error={field}
            onChange={(e) => setDraft(e.target.value)}
          />
          {error !== null && !field && <Alert>{errorMessage(error)}</Alert>}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setDraft(null)}>
              Discard changes
            </Button>
            <Button type="submit" busy={change.isPending}>
              Save minutes
            </Button>
          </div>
        </form>
      ) : (
        <>
          {empty ? (
            <p className="mt-1 text-sm text-slate-600">
              No minutes yet.{canManage ? ' Write them after the meeting.' : ''}
            </p>
          ) : (
            <MarkdownHtml html={meeting.minutesHtml} />
          )}
          {canManage && (
            <Button variant="secondary" className="mt-2" onClick={() => setDraft(meeting.minutes)}>
              {empty ? 'Write minutes' : 'Edit minutes'}
              <span className="sr-only"> of {meeting.title}</span>
            </Button>
          )}
        </>
      )}
      {meeting.actionItems.length > 0 && (
        <div className="mt-3">
          <h5 className="text-sm font-semibold text-slate-800">Action items</h5>
          <ul className="mt-1 space-y-1">
            {meeting.actionItems.map((item) => (
              <li key={item.text} className="flex flex-wrap items-center gap-2 text-sm">
                <span className={item.done ? 'text-slate-600 line-through' : 'text-slate-800'}>
                  {item.text}
                </span>
                {item.issue ? (
                  <Link
                    to="/app/contracts/$contractId/issues"
                    params={{ contractId }}
                    className="text-brand-700 underline"
                  >
                    Issue #{item.issue.number}
                  </Link>
                ) : (
                  canMakeIssues && (
                    <Button
                      variant="ghost"
                      busy={making === item.text && change.isPending}
                      onClick={() => {
                        setMaking(item.text);
                        setError(null);
                        change.mutate(
                          { meetingId: meeting.id, action: 'issue', text: item.text },
                          { onError: setError },
                        );
                      }}
                    >
                      Make an issue<span className="sr-only"> of “{item.text}”</span>
                    </Button>
                  )
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
