import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import type { BusinessInterview } from '../../../core/contracts/interviews.ts';
import { roleCan } from '../../../core/roles.ts';
import { ApiError, errorMessage } from '../../api.ts';
import { formatDateTime, fromWallTime } from '../../format.ts';
import { useBusiness, useMe } from '../../hooks.ts';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm.tsx';
import { Alert } from '../../ui/feedback.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/fields.tsx';
import { Card, PageHeader } from '../../ui/layout.tsx';
import { ListState } from '../../ui/list-state.tsx';
import { calendarUrl, useChangeInterview, useJobInterviews } from './interview-queries.ts';
import { InterviewStatusBadge } from './interview-status.tsx';
import { SlotsEditor } from './slots-editor.tsx';

const SCORES = [
  { value: '', label: 'Choose a score' },
  ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `${n} of 5` })),
];

function ScoreForm({ interview, onSave }: { interview: BusinessInterview; onSave: Save }) {
  const [score, setScore] = useState(interview.score ? String(interview.score) : '');
  const [notes, setNotes] = useState(interview.notes);
  const [error, setError] = useState<unknown>(null);
  const field = (n: string) => (error instanceof ApiError ? error.fieldError(n) : undefined);
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        onSave(
          { interviewId: interview.id, action: 'assess', body: { score: Number(score), notes } },
          setError,
        );
      }}
    >
      <SelectField
        label={`Score for ${interview.professional.name}`}
        options={SCORES}
        value={score}
        error={field('score')}
        onChange={(e) => setScore(e.target.value)}
      />
      <TextAreaField
        label="Notes (only your business reads them)"
        rows={3}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
      />
      {error !== null && !field('score') && <Alert>{errorMessage(error)}</Alert>}
      <Button type="submit" disabled={score === ''}>
        Save score
      </Button>
    </form>
  );
}

type Save = (
  change: Parameters<ReturnType<typeof useChangeInterview>['mutate']>[0],
  onError: (e: unknown) => void,
) => void;

function NewTimes({
  interview,
  timeZone,
  onSave,
}: {
  interview: BusinessInterview;
  timeZone: string;
  onSave: Save;
}) {
  const [slots, setSlots] = useState<string[]>(['']);
  const [error, setError] = useState<unknown>(null);
  const filled = slots.filter((s) => s !== '');
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        onSave(
          {
            interviewId: interview.id,
            action: 'reschedule',
            body: { slots: filled.map((s) => fromWallTime(s, timeZone)) },
          },
          setError,
        );
      }}
    >
      <SlotsEditor
        slots={slots}
        onChange={setSlots}
        timeZone={timeZone}
        errorFor={(i) =>
          error instanceof ApiError
            ? error.fieldError(`slots.${slots.slice(0, i).filter((s) => s !== '').length}`)
            : undefined
        }
      />
      {error !== null && <Alert>{errorMessage(error)}</Alert>}
      <Button type="submit" variant="secondary" disabled={filled.length === 0}>
        Propose new times
      </Button>
    </form>
  );
}

function InterviewCard({
  interview,
  viewerZone,
  businessZone,
  canManage,
  businessId,
  now,
  onSave,
  onCancel,
}: {
  interview: BusinessInterview;
  viewerZone: string | undefined;
  businessZone: string;
  canManage: boolean;
  businessId: string;
  now: number;
  onSave: Save;
  onCancel: (i: BusinessInterview) => void;
}) {
  const open = ['proposed', 'other_times_requested', 'scheduled'].includes(interview.status);
  const started = interview.startsAt !== null && Date.parse(interview.startsAt) <= now;
  return (
    <li className="space-y-3 py-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-medium text-slate-900">{interview.professional.name}</h2>
        <InterviewStatusBadge status={interview.status} />
      </div>
      {interview.startsAt ? (
        <p className="text-sm text-slate-800">
          {formatDateTime(interview.startsAt, viewerZone)} · {interview.durationMinutes} minutes
          <span className="text-slate-600">
            {' '}
            (their time zone: {interview.professional.timeZone})
          </span>
        </p>
      ) : (
        <ul className="list-inside list-disc text-sm text-slate-700">
          {interview.slots.map((s) => (
            <li key={s}>{formatDateTime(s, viewerZone)}</li>
          ))}
        </ul>
      )}
      {interview.professionalMessage && interview.status === 'other_times_requested' && (
        <Alert tone="warning">
          {interview.professional.name} asks for other times: “{interview.professionalMessage}”
        </Alert>
      )}
      <div className="flex flex-wrap gap-3 text-sm">
        {interview.startsAt && (
          <a
            className="text-brand-700 underline"
            href={calendarUrl.business(businessId, interview.jobId, interview.id)}
            download
          >
            Download the calendar file (.ics)
          </a>
        )}
        {interview.callLink && open && (
          <a className="text-brand-700 underline" href={interview.callLink} rel="noreferrer">
            Open the call link
          </a>
        )}
      </div>
      {interview.score !== null && (
        <p className="text-sm text-slate-800">
          Score: {interview.score} of 5{interview.notes ? ` — ${interview.notes}` : ''}
        </p>
      )}
      {canManage && (
        <div className="space-y-4">
          {(interview.status === 'other_times_requested' || interview.status === 'scheduled') &&
            !started && <NewTimes interview={interview} timeZone={businessZone} onSave={onSave} />}
          {(started || interview.status === 'completed') && (
            <ScoreForm interview={interview} onSave={onSave} />
          )}
          {open && (
            <Button variant="danger" onClick={() => onCancel(interview)}>
              Cancel the interview with {interview.professional.name}
            </Button>
          )}
        </div>
      )}
    </li>
  );
}

/** `/app/businesses/$businessId/jobs/$jobId/interviews`: the job's interviews, scores included. */
export function JobInterviewsPage() {
  const { businessId, jobId } = useParams({
    from: '/shell/app/businesses/$businessId/jobs/$jobId/interviews',
  });
  const me = useMe();
  const business = useBusiness(businessId);
  const interviews = useJobInterviews(businessId, jobId);
  const change = useChangeInterview(businessId, jobId);
  const [cancelling, setCancelling] = useState<BusinessInterview | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const canManage = business.data ? roleCan(business.data.myRole, 'interviews.manage') : false;
  const items = interviews.data?.items ?? [];
  const save: Save = (c, onError) => change.mutate(c, { onError });
  // Read once per render: the score form appears once the booked time has come.
  const now = Date.now();
  return (
    <>
      <PageHeader
        title="Interviews"
        description={`${items[0]?.jobTitle ?? 'This job'}: times are shown in your time zone (${me.data?.user.timeZone ?? '…'}).`}
        actions={
          <a
            className="text-sm text-brand-700 underline"
            href={`/app/businesses/${businessId}/jobs/${jobId}/bids`}
          >
            Back to the bids
          </a>
        }
      />
      {problem && <Alert>{problem}</Alert>}
      <Card>
        <ListState
          query={interviews}
          count={items.length}
          loading="Loading interviews"
          empty={{
            title: 'No interviews yet',
            body: 'Open a bid in the bid list and choose “Propose an interview” to send times to that professional.',
          }}
        >
          <ul className="divide-y divide-slate-100">
            {items.map((i) => (
              <InterviewCard
                key={i.id}
                interview={i}
                viewerZone={me.data?.user.timeZone}
                businessZone={business.data?.timeZone ?? 'UTC'}
                canManage={canManage}
                businessId={businessId}
                now={now}
                onSave={save}
                onCancel={(x) => {
                  setReason('');
                  setCancelling(x);
                }}
              />
            ))}
          </ul>
        </ListState>
      </Card>
      <ConfirmDialog
        open={cancelling !== null}
        title="Cancel this interview?"
        confirmLabel="Cancel the interview"
        busy={change.isPending}
        onCancel={() => setCancelling(null)}
        onConfirm={() => {
          if (!cancelling) return;
          setProblem(null);
          change.mutate(
            { interviewId: cancelling.id, action: 'cancel', body: { reason } },
            {
              onError: (e) => setProblem(errorMessage(e)),
              onSettled: () => setCancelling(null),
            },
          );
        }}
      >
        <p className="mb-3 text-sm text-slate-700">
          {cancelling?.professional.name} is told, and a booked time leaves both calendars.
        </p>
        <TextField
          label="Reason (optional, sent to them)"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </ConfirmDialog>
      <p className="mt-4 text-sm text-slate-600">
        <Link
          to="/app/businesses/$businessId/contracts"
          params={{ businessId }}
          className="underline"
        >
          Your business’s contracts
        </Link>
      </p>
    </>
  );
}
