/**
 * `/app/trials`: a professional's trials, newest first, each with what waits on them — accept
 * by the deadline, submit by it, or nothing (submitted, declined, closed, cancelled). The
 * invitations arrive as notifications; this is where they can all be found again.
 */
import { Link } from '@tanstack/react-router';
import type { MyTrialSummary } from '../../../core/contracts/trials.ts';
import { formatDateTime } from '../../format.ts';
import { useMe } from '../../hooks.ts';
import { Badge, type BadgeTone } from '../../ui/badge.tsx';
import { PageHeader } from '../../ui/layout.tsx';
import { ListState } from '../../ui/list-state.tsx';
import { countdown, useMyTrials } from './trial-queries.ts';

/** What the trial asks of the professional now, and whether it waits on them. */
export function trialStep(
  t: MyTrialSummary,
  now: number,
): { label: string; tone: BadgeTone; waiting: boolean } {
  if (t.cancelledAt) return { label: 'Cancelled', tone: 'muted', waiting: false };
  const past = new Date(t.deadline).getTime() <= now;
  switch (t.status) {
    case 'invited':
      return past
        ? { label: 'Not answered; the deadline passed', tone: 'muted', waiting: false }
        : { label: 'Accept or decline', tone: 'warning', waiting: true };
    case 'accepted':
      return {
        label: past ? 'Submit (it will be marked late)' : 'Submit your work',
        tone: 'warning',
        waiting: true,
      };
    case 'submitted':
      return { label: t.late ? 'Submitted late' : 'Submitted', tone: 'success', waiting: false };
    case 'declined':
      return { label: 'You declined', tone: 'muted', waiting: false };
    case 'closed':
      return { label: 'Closed: the job went to someone else', tone: 'muted', waiting: false };
    default:
      return t.status satisfies never;
  }
}

export function MyTrialsPage() {
  const trials = useMyTrials();
  const me = useMe();
  const timeZone = me.data?.user.timeZone;
  const now = Date.now();
  return (
    <>
      <PageHeader
        title="Your trials"
        description="Small tasks businesses asked you to do for jobs you bid on, newest first."
        actions={
          <Link to="/app/bids" className="text-sm text-brand-700 underline">
            Your bids
          </Link>
        }
      />
      <ListState
        query={trials}
        count={trials.data?.items.length ?? 0}
        loading="Loading your trials"
        empty={{
          title: 'No trials yet',
          body: 'When a business shortlists your bid it may ask for a small trial task; it appears here and in your notifications.',
          action: (
            <Link
              to="/app/bids"
              className="inline-flex rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
            >
              See your bids
            </Link>
          ),
        }}
      >
        <ul className="space-y-3">
          {(trials.data?.items ?? []).map((t) => {
            const step = trialStep(t, now);
            return (
              <li key={t.id} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <Link
                      to="/app/trials/$trialId"
                      params={{ trialId: t.id }}
                      className="font-medium break-words text-slate-900 underline"
                    >
                      {t.title}
                    </Link>
                    <p className="text-sm break-words text-slate-600">For “{t.jobTitle}”</p>
                    <p className="text-sm text-slate-600">
                      Deadline {formatDateTime(t.deadline, timeZone)}
                      {step.waiting && ` · ${countdown(t.deadline, now)}`}
                    </p>
                  </div>
                  <Badge tone={step.tone} srLabel={step.waiting ? 'Waiting on you' : 'Status'}>
                    {step.label}
                  </Badge>
                </div>
              </li>
            );
          })}
        </ul>
      </ListState>
    </>
  );
}
