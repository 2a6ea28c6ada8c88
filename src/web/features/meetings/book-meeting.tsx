import { useState } from 'react';
import type { Meeting } from '../../../core/contracts/meetings.ts';
import { ApiError, errorMessage } from '../../api.ts';
import { fromWallTime, toWallTime } from '../../format.ts';
import { Button } from '../../ui/button.tsx';
import { Alert, Loading } from '../../ui/feedback.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/fields.tsx';
import { Card } from '../../ui/layout.tsx';
import { useBookMeeting, useChangeMeeting, useMeetingPeople } from './meeting-queries.ts';

const LENGTHS = [15, 30, 45, 60, 90, 120, 180, 240].map((m) => ({
  value: String(m),
  label: `${m} minutes`,
}));

/**
 * Books a meeting, or edits one (`meeting` given). The start is typed as a wall-clock time in
 * the booker's own zone (`timeZone`) and sent as an instant; the others read it in theirs.
 */
export function MeetingForm({
  contractId,
  myId,
  timeZone,
  meeting,
  onDone,
}: {
  contractId: string;
  myId: string;
  timeZone: string;
  meeting?: Meeting;
  onDone: () => void;
}) {
  const people = useMeetingPeople(contractId);
  const book = useBookMeeting(contractId);
  const change = useChangeMeeting(contractId);
  const [title, setTitle] = useState(meeting?.title ?? '');
  const [agenda, setAgenda] = useState(meeting?.agenda ?? '');
  const [start, setStart] = useState(meeting ? toWallTime(meeting.startsAt, timeZone) : '');
  const [duration, setDuration] = useState(String(meeting?.durationMinutes ?? 30));
  const [callLink, setCallLink] = useState(meeting?.callLink ?? '');
  const [invited, setInvited] = useState<string[] | null>(
    meeting ? meeting.attendees.map((a) => a.id) : null,
  );
  const [error, setError] = useState<unknown>(null);
  if (people.isPending) return <Loading what="Loading the contract’s people" />;
  if (people.isError) return <Alert>{errorMessage(people.error)}</Alert>;
  const others = people.data.items.filter((p) => p.id !== myId);
  // New meetings invite the other side by default (the professional, or the business's people).
  const chosen =
    invited ??
    others
      .filter((p) => p.side !== people.data.items.find((q) => q.id === myId)?.side)
      .map((p) => p.id);
  const field = (name: string) => (error instanceof ApiError ? error.fieldError(name) : undefined);
  const busy = book.isPending || change.isPending;
  return (
    <Card title={meeting ? `Edit “${meeting.title}”` : 'Book a meeting'}>
      <form
        noValidate
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          setError(null);
          const body = {
            title: title.trim(),
            agenda,
            startsAt: fromWallTime(start, timeZone),
            durationMinutes: Number(duration),
            attendeeIds: chosen,
            callLink: callLink.trim() === '' ? null : callLink.trim(),
          };
          if (meeting)
            change.mutate(
              { meetingId: meeting.id, action: 'update', body },
              { onError: setError, onSuccess: onDone },
            );
          else book.mutate(body, { onError: setError, onSuccess: onDone });
        }}
      >
        {error !== null && !(error instanceof ApiError && error.problem.errors) && (
          <Alert>{errorMessage(error)}</Alert>
        )}
        <TextField
          label="Title"
          required
          value={title}
          error={field('title')}
          onChange={(e) => setTitle(e.target.value)}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={`Starts (your time, ${timeZone})`}
            type="datetime-local"
            required
            value={start}
            error={field('startsAt')}
            hint="Everyone invited sees it in their own time zone."
            onChange={(e) => setStart(e.target.value)}
          />
          <SelectField
            label="Length"
            options={LENGTHS}
            value={duration}
            onChange={(e) => setDuration(e.target.value)}
          />
        </div>
        <TextField
          label="Call link (optional)"
          type="url"
          placeholder="https://meet.example.com/…"
          value={callLink}
          error={field('callLink')}
          onChange={(e) => setCallLink(e.target.value)}
        />
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Invite</legend>
          <p className="text-xs text-slate-600">You are invited as the one who books it.</p>
          {others.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">Nobody else is on this contract yet.</p>
          ) : (
            <ul className="mt-2 grid gap-1 sm:grid-cols-2">
              {others.map((p) => (
                <li key={p.id}>
                  <label className="flex items-center gap-2 text-sm text-slate-800">
                    <input
                      type="checkbox"
                      checked={chosen.includes(p.id)}
                      onChange={(e) =>
                        setInvited(
                          e.target.checked ? [...chosen, p.id] : chosen.filter((id) => id !== p.id),
                        )
                      }
                    />
                    {p.name}{' '}
                    <span className="text-slate-600">
                      ({p.side === 'professional' ? 'professional' : 'business'})
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          {(field('attendeeIds') ?? field('attendeeIds.0')) && (
            <p className="mt-1 text-xs text-red-700">
              {field('attendeeIds') ?? field('attendeeIds.0')}
            </p>
          )}
        </fieldset>
        <TextAreaField
          label="Agenda (optional)"
          hint="Markdown: lists, **bold**, links."
          rows={4}
          value={agenda}
          error={field('agenda')}
          onChange={(e) => setAgenda(e.target.value)}
        />
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" busy={busy} disabled={title.trim() === '' || start === ''}>
            {meeting ? 'Save and send the update' : 'Book and send invitations'}
          </Button>
        </div>
      </form>
    </Card>
  );
}
