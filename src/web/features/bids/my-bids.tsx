/**
 * /app/bids — the professional's hub: every bid with its status, job and amount, and per bid
 * what waits on them (sign the NDA, read the specification, a trial, an interview, an offer).
 * Those pages belong to the other hiring parts, so they are plain links.
 */
import { Link } from '@tanstack/react-router';
import { ArrowRight } from 'lucide-react';
import { formatDate } from '../../format.ts';
import { useMe } from '../../hooks.ts';
import { Badge } from '../../ui/badge.tsx';
import { PageHeader } from '../../ui/layout.tsx';
import { ListState } from '../../ui/list-state.tsx';
import { bidStatusLabel, money } from './bid-format.ts';
import { useMyBids } from './bid-queries.ts';

export function MyBidsPage() {
  const bids = useMyBids();
  const me = useMe();
  const timeZone = me.data?.user.timeZone;
  return (
    <>
      <PageHeader
        title="Your bids"
        description="Every bid you sent, and what waits on you for each."
        actions={
          <div className="flex gap-4">
            <Link to="/app/trials" className="text-sm text-brand-700 underline">
              Your trials
            </Link>
            <Link to="/app/saved-jobs" className="text-sm text-brand-700 underline">
              Saved jobs
            </Link>
          </div>
        }
      />
      <ListState
        query={bids}
        count={bids.data?.items.length ?? 0}
        loading="Loading your bids"
        empty={{
          title: 'You have not bid on a job yet',
          body: 'Find a job on the board, read its brief and send a bid — it is free. Jobs businesses invite you to are on your overview.',
          action: (
            <Link
              to="/jobs"
              className="inline-flex rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
            >
              Find jobs on the board
            </Link>
          ),
        }}
      >
        <ul className="space-y-3">
          {(bids.data?.items ?? []).map((bid) => {
            const label = bidStatusLabel(bid.status);
            return (
              <li key={bid.id} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <Link
                      to="/jobs/$jobId"
                      params={{ jobId: bid.job.id }}
                      className="font-medium break-words text-slate-900 underline"
                    >
                      {bid.job.title}
                    </Link>
                    <p className="text-sm text-slate-600">
                      {bid.job.business.name} · {money(bid.total)}
                      {bid.termsType === 'hourly' && ' (estimate, hourly)'} · updated{' '}
                      {formatDate(bid.updatedAt, timeZone)}
                    </p>
                  </div>
                  <Badge tone={label.tone} srLabel="Status">
                    {label.label}
                  </Badge>
                </div>
                {bid.nextSteps.length > 0 && (
                  <ul className="mt-3 flex flex-wrap gap-2" aria-label="Waiting on you">
                    {bid.nextSteps.map((step) => (
                      <li key={step.href}>
                        <a
                          href={step.href}
                          className="inline-flex items-center gap-1 rounded-md bg-brand-50 px-3 py-1.5 text-sm font-medium text-brand-800 ring-1 ring-brand-100 hover:bg-brand-100"
                        >
                          {step.label} <ArrowRight size={14} aria-hidden />
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
                {bid.status === 'submitted' && bid.job.status === 'open' && (
                  <Link
                    to="/app/jobs/$jobId/bid"
                    params={{ jobId: bid.job.id }}
                    className="mt-3 inline-block text-sm text-brand-700 underline"
                  >
                    Edit bid<span className="sr-only"> on {bid.job.title}</span>
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
      </ListState>
    </>
  );
}
