/**
 * `/app/contracts/$contractId/time`: the professional's timer and manual entries, and the week's
 * timesheet both sides read (the business's week in its zone; each person's times in their own),
 * with the business's approval or dispute and a CSV export of the week.
 */
import { useParams } from '@tanstack/react-router';
import { ChevronLeft, ChevronRight, Download, Pencil, Play, Square, Trash2 } from 'lucide-react';
import { useEffect, useState, type FormEvent } from 'react';
import type { Contract } from '../../../core/contracts/offers.ts';
import type { Timesheet } from '../../../core/contracts/time.ts';
import { addDays, formatHours } from '../../../core/time-entries.ts';
import { apiPath, ApiError, errorMessage } from '../../api.ts';
import { formatDateTime, formatDay, fromWallTime, todayIn } from '../../format.ts';
import { useMe } from '../../hooks.ts';
import { Badge } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm.tsx';
import { Alert, EmptyState, Loading } from '../../ui/feedback.tsx';
import { TextAreaField, TextField } from '../../ui/fields.tsx';
import { Card } from '../../ui/layout.tsx';
import { ContractFrame } from '../contracts/contract-frame.tsx';
import { EditEntryDialog } from './edit-entry-dialog.tsx';
import { EntryFields, type EntryValues } from './entry-fields.tsx';
import { useTimeActions, useTimesheet } from './time-queries.ts';

export function TimePage() {
  const { contractId } = useParams({ from: '/shell/app/contracts/$contractId/time' });
  return (
    <ContractFrame contractId={contractId} tab="time">
      {(contract) => <TimeWorkspace contract={contract} />}
    </ContractFrame>
  );
}

/** The week a notification links to (`?week=`), else this week. */
function initialWeek(): string | null {
  const week = new URLSearchParams(window.location.search).get('week');
  return week && /^\d{4}-\d{2}-\d{2}$/.test(week) ? week : null;
}

function TimeWorkspace({ contract }: { contract: Contract }) {
  const [week, setWeek] = useState<string | null>(initialWeek);
  const sheet = useTimesheet(contract.id, week);
  const me = useMe();
  const zone = me.data?.user.timeZone;
  const can = (a: Contract['viewer']['abilities'][number]) => contract.viewer.abilities.includes(a);
  if (contract.termsType !== 'hourly')
    return <EmptyState title="No time on this contract">It has a fixed price.</EmptyState>;
  if (sheet.isPending) return <Loading what="Loading the timesheet" />;
  if (sheet.isError) return <Alert>{errorMessage(sheet.error)}</Alert>;
  const s = sheet.data;
  const tracking = can('time.track') && contract.status === 'active';
  return (
    <div className="space-y-6">
      {tracking && (
        <div className="grid gap-6 lg:grid-cols-2">
          <TimerCard contractId={contract.id} sheet={s} zone={zone} />
          <ManualEntryCard contractId={contract.id} zone={zone} />
        </div>
      )}
      <WeekCard
        contract={contract}
        sheet={s}
        zone={zone}
        onWeek={setWeek}
        canTrack={tracking}
        canReview={can('time.review')}
      />
    </div>
  );
}

/** Re-renders every second while a timer runs, for a ticking clock. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [active]);
  return now;
}

function elapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(total / 3600)}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
}

/** The server holds the timer (an entry without an end), so a reload shows the same clock. */
function TimerCard({
  contractId,
  sheet,
  zone,
}: {
  contractId: string;
  sheet: Timesheet;
  zone: string | undefined;
}) {
  const { start, stop } = useTimeActions(contractId);
  const [memo, setMemo] = useState('');
  const [issue, setIssue] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const running = sheet.running;
  const now = useNow(running !== null);
  const error = start.error ?? stop.error;
  const issueError = start.error instanceof ApiError ? start.error.fieldError('issue') : undefined;

  function submit(e: FormEvent) {
    e.preventDefault();
    setNotice(null);
    start.mutate(
      { memo, issue: issue.trim() || null },
      {
        onSuccess: () => {
          setMemo('');
          setIssue('');
        },
      },
    );
  }

  if (running && running.contractId !== contractId)
    return (
      <Card title="Timer">
        <Alert tone="info">
          Your timer is running on “{running.contractTitle}” since{' '}
          {formatDateTime(running.startedAt, zone)}. Stop it there to track time here.
        </Alert>
      </Card>
    );
  return (
    <Card title="Timer" description="Start it when you begin; stop it when you are done.">
      {running ? (
        <div className="space-y-4">
          <div className="rounded-md bg-brand-50 px-4 py-3 ring-1 ring-brand-100">
            <p className="text-sm text-slate-700">
              Running since {formatDateTime(running.startedAt, zone)}
              {running.memo && `: ${running.memo}`}
            </p>
            <p
              role="timer"
              aria-label="Elapsed time"
              className="mt-1 font-mono text-3xl font-semibold text-brand-800 tabular-nums"
            >
              {elapsed(now - Date.parse(running.startedAt))}
            </p>
          </div>
          {error && <Alert>{errorMessage(error)}</Alert>}
          <Button
            busy={stop.isPending}
            onClick={() =>
              stop.mutate(undefined, {
                onSuccess: (r) =>
                  setNotice(
                    r.trimmedMinutes > 0
                      ? `The week reached its cap: ${formatHours(r.trimmedMinutes)} h past it were not logged.`
                      : `Logged ${formatHours(r.entry?.minutes ?? 0)} h.`,
                  ),
              })
            }
          >
            <Square size={14} aria-hidden /> Stop
          </Button>
        </div>
      ) : (
        <form onSubmit={submit} className="space-y-4" noValidate>
          <TextField
            label="What are you working on?"
            value={memo}
            onChange={(e) => setMemo(e.target.value)}
            maxLength={2000}
          />
          <TextField
            label="Issue (optional)"
            hint="Its number, like #3"
            value={issue}
            onChange={(e) => setIssue(e.target.value)}
            error={issueError}
          />
          {error && !issueError && <Alert>{errorMessage(error)}</Alert>}
          {notice && <Alert tone="success">{notice}</Alert>}
          <Button type="submit" busy={start.isPending}>
            <Play size={14} aria-hidden /> Start timer
          </Button>
        </form>
      )}
    </Card>
  );
}

/** Time typed in afterwards: the day and start on the person's own clock, and how long. */
function ManualEntryCard({ contractId, zone }: { contractId: string; zone: string | undefined }) {
  const { create } = useTimeActions(contractId);
  const timeZone = zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [values, setValues] = useState<EntryValues>(() => ({
    date: todayIn(timeZone),
    start: '09:00',
    hours: '1',
    memo: '',
    issue: '',
  }));
  const { date, start, hours, memo, issue } = values;
  const [saved, setSaved] = useState(false);
  const err = create.error instanceof ApiError ? create.error : null;
  const minutes = Math.round(Number(hours) * 60);

  function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    create.mutate(
      {
        startedAt: fromWallTime(`${date}T${start}`, timeZone),
        minutes,
        memo,
        issue: issue.trim() || null,
      },
      { onSuccess: () => (setSaved(true), setValues((v) => ({ ...v, memo: '' }))) },
    );
  }

  return (
    <Card title="Add time" description={`Day and start on your clock (${timeZone}).`}>
      <form onSubmit={submit} className="space-y-4" noValidate>
        <EntryFields
          values={values}
          onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
          errors={{ startedAt: err?.fieldError('startedAt'), issue: err?.fieldError('issue') }}
        />
        {create.error && <Alert>{errorMessage(create.error)}</Alert>}
        {saved && <Alert tone="success">Time added.</Alert>}
        <Button type="submit" busy={create.isPending}>
          Add time
        </Button>
      </form>
    </Card>
  );
}

const STATUS_TONE = { pending: 'warning', approved: 'success', disputed: 'danger' } as const;

function WeekCard({
  contract,
  sheet: s,
  zone,
  onWeek,
  canTrack,
  canReview,
}: {
  contract: Contract;
  sheet: Timesheet;
  zone: string | undefined;
  onWeek: (week: string) => void;
  canTrack: boolean;
  canReview: boolean;
}) {
  const { remove, review } = useTimeActions(contract.id);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  // The entry as the latest timesheet has it (a live update may have changed or removed it).
  const editedEntry = s.entries.find((e) => e.id === editing) ?? null;
  const [disputing, setDisputing] = useState(false);
  const [reason, setReason] = useState('');
  const awaiting = s.entries.some((e) => e.endedAt && e.status !== 'approved');
  const csv = apiPath(
    '/contracts/:contractId/time/export.csv',
    { contractId: contract.id },
    {
      from: s.weekStart,
      to: addDays(s.weekStart, 6),
    },
  );
  const reasonError =
    review.error instanceof ApiError ? review.error.fieldError('reason') : undefined;

  return (
    <Card
      title={`Week of ${formatDay(s.weekStart)}`}
      description={`The business’s week (Monday first, ${s.timeZone}); times in your own zone.`}
    >
      <div className="mb-4 flex flex-wrap items-center gap-2">
        <Button variant="secondary" onClick={() => onWeek(addDays(s.weekStart, -7))}>
          <ChevronLeft size={14} aria-hidden /> Previous week
        </Button>
        <Button variant="secondary" onClick={() => onWeek(addDays(s.weekStart, 7))}>
          Next week <ChevronRight size={14} aria-hidden />
        </Button>
        <a
          className="inline-flex items-center gap-1 rounded-md px-3 py-2 text-sm text-brand-800 underline"
          href={csv}
          download
        >
          <Download size={14} aria-hidden /> Export CSV
        </a>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[36rem] text-sm">
          <caption className="sr-only">Hours per day of the week</caption>
          <thead>
            <tr>
              {s.days.map((d) => (
                <th key={d.date} scope="col" className="px-2 py-1 text-left font-medium">
                  {formatDay(d.date, 'weekday')}
                </th>
              ))}
              <th scope="col" className="px-2 py-1 text-left font-semibold">
                Week
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              {s.days.map((d) => (
                <td key={d.date} className="px-2 py-1 tabular-nums">
                  {formatHours(d.minutes)} h
                </td>
              ))}
              <td className="px-2 py-1 font-semibold tabular-nums" data-testid="week-total">
                {formatHours(s.totalMinutes)}
                {s.capHours !== null && ` of ${s.capHours}`} h
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      {s.review && (
        <p className="mt-3 text-sm text-slate-700">
          {s.review.status === 'approved'
            ? s.review.auto
              ? 'Approved automatically'
              : 'Approved'
            : `Disputed: ${s.review.note}`}{' '}
          on {formatDateTime(s.review.reviewedAt, zone)}.
        </p>
      )}
      {s.open && awaiting && (
        <p className="mt-1 text-sm text-slate-600">
          Entries not reviewed by {formatDateTime(s.autoApproveAt, zone)} are approved
          automatically.
        </p>
      )}
      {s.entries.length === 0 ? (
        <p className="mt-4 text-sm text-slate-600">
          {canTrack
            ? 'No time this week yet: start the timer or add time above.'
            : 'No time logged this week yet.'}
        </p>
      ) : (
        <ul className="mt-4 divide-y divide-slate-200">
          {s.entries.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <div className="min-w-0">
                <p className="text-sm font-medium text-slate-900">
                  {formatDateTime(e.startedAt, zone)} ·{' '}
                  {e.minutes === null ? 'running' : `${formatHours(e.minutes)} h`}
                </p>
                <p className="truncate text-sm text-slate-600">
                  {e.memo || 'No memo'}
                  {e.issue && ` · #${e.issue.number} ${e.issue.title}`}
                  {e.disputeReason && ` · Disputed: ${e.disputeReason}`}
                </p>
              </div>
              <div className="flex items-center gap-2">
                <Badge tone={STATUS_TONE[e.status]}>
                  {e.autoApproved ? 'approved automatically' : e.status}
                </Badge>
                {canTrack && s.open && e.status !== 'approved' && e.endedAt && (
                  <Button
                    variant="ghost"
                    aria-label={`Edit the entry of ${formatDateTime(e.startedAt, zone)}`}
                    onClick={() => setEditing(e.id)}
                  >
                    <Pencil size={14} aria-hidden />
                  </Button>
                )}
                {canTrack && e.status !== 'approved' && e.endedAt && (
                  <Button
                    variant="ghost"
                    aria-label={`Delete the entry of ${formatDateTime(e.startedAt, zone)}`}
                    onClick={() => setDeleting(e.id)}
                  >
                    <Trash2 size={14} aria-hidden />
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {remove.error && <Alert>{errorMessage(remove.error)}</Alert>}
      {canReview && awaiting && (
        <div className="mt-4 space-y-3 border-t border-slate-200 pt-4">
          {disputing ? (
            <form
              className="space-y-3"
              onSubmit={(ev) => {
                ev.preventDefault();
                review.mutate(
                  { weekStart: s.weekStart, decision: 'dispute', reason },
                  { onSuccess: () => (setDisputing(false), setReason('')) },
                );
              }}
            >
              <TextAreaField
                label="What is wrong with this week?"
                hint="The professional reads this and fixes the entries."
                value={reason}
                onChange={(ev) => setReason(ev.target.value)}
                error={reasonError}
              />
              <div className="flex gap-2">
                <Button type="submit" variant="danger" busy={review.isPending}>
                  Dispute the week
                </Button>
                <Button variant="secondary" onClick={() => setDisputing(false)}>
                  Cancel
                </Button>
              </div>
            </form>
          ) : (
            <div className="flex flex-wrap gap-2">
              <Button
                busy={review.isPending}
                onClick={() => review.mutate({ weekStart: s.weekStart, decision: 'approve' })}
              >
                Approve the week
              </Button>
              <Button variant="secondary" onClick={() => setDisputing(true)}>
                Dispute…
              </Button>
            </div>
          )}
          {review.error && !reasonError && <Alert>{errorMessage(review.error)}</Alert>}
        </div>
      )}
      <EditEntryDialog
        contractId={contract.id}
        entry={editedEntry}
        timeZone={zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone}
        onClose={() => setEditing(null)}
      />
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this entry?"
        confirmLabel="Delete"
        busy={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting && remove.mutate(deleting, { onSuccess: () => setDeleting(null) })
        }
      >
        The time goes out of this week’s total. This cannot be undone.
      </ConfirmDialog>
    </Card>
  );
}
