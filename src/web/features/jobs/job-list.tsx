/**
 * /app/businesses/:businessId/jobs — the business's jobs by status, with what an owner scans
 * for: how well each is specified (the checker's score), who was invited, when it last changed.
 */
import { Link, useParams, useSearch } from '@tanstack/react-router';
import { ClipboardList, FileText, Lock, Paperclip, Plus, UserPlus } from 'lucide-react';
import type { z } from 'zod';
import type { JobCountsSchema, JobListItem } from '../../../core/contracts/jobs.ts';
import { JOB_STATUSES, PASSING_SCORE, type JobStatus } from '../../../core/jobs.ts';
import { roleCan } from '../../../core/roles.ts';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { Button } from '../../ui/button.tsx';
import { Alert, EmptyState, Loading } from '../../ui/feedback.tsx';
import { PageHeader } from '../../ui/layout.tsx';
import { plural } from '../audit/audit-format.ts';
import { useBusiness, useCategories, useMe } from '../../hooks.ts';
import { Badge } from './board-card.tsx';
import { describeBudget, timeAgo } from './board-format.ts';
import { useBusinessJobs } from './board-queries.ts';
import { StatusBadge } from './job-fields.tsx';

type Counts = z.infer<typeof JobCountsSchema>;

const STATUS_LABEL: Record<JobStatus, string> = {
  draft: 'Drafts',
  open: 'Open',
  closed: 'Closed',
  archived: 'Archived',
};

/** `validateSearch` of the job list: the status tab, kept in the address. */
export const validateJobListSearch = (s: Record<string, unknown>): { status?: JobStatus } => ({
  status: JOB_STATUSES.find((x) => x === s.status),
});

const primaryLink =
  'inline-flex items-center justify-center gap-2 rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800';
const secondaryLink =
  'inline-flex items-center justify-center gap-2 rounded-md bg-white px-4 py-2 text-sm font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50';

export function JobListPage() {
  const { businessId } = useParams({ from: '/shell/app/businesses/$businessId/jobs' });
  const { status } = useSearch({ from: '/shell/app/businesses/$businessId/jobs' });
  const me = useMe();
  const business = useBusiness(businessId);
  const jobs = useBusinessJobs(businessId, status);
  const categories = useCategories();

  if (business.isError) return <Alert>{errorMessage(business.error)}</Alert>;
  if (business.isPending || !me.data) return <Loading what="Loading jobs" />;
  const canManage = roleCan(business.data.myRole, 'jobs.manage');
  const timeZone = me.data.user.timeZone;
  const counts = jobs.data?.pages[0]?.counts;
  const total = counts ? JOB_STATUSES.reduce((sum, s) => sum + counts[s], 0) : undefined;
  const items = jobs.data?.pages.flatMap((p) => p.items) ?? [];
  const categoryName = (slug: string | null) =>
    slug ? (categories.data?.items.find((c) => c.slug === slug)?.name ?? slug) : undefined;
  const now = Date.now();

  const newJob = canManage && (
    <Link to="/app/businesses/$businessId/jobs/new" params={{ businessId }} className={primaryLink}>
      <Plus size={16} aria-hidden /> New job
    </Link>
  );

  return (
    <>
      <PageHeader
        title="Jobs"
        description={`${business.data.name} — what you hand off, from first draft to closed.`}
        actions={total ? newJob : undefined}
      />
      {jobs.isPending ? (
        <Loading what="Loading jobs" />
      ) : jobs.isError && items.length === 0 ? (
        <Alert>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <span>The jobs could not be loaded ({errorMessage(jobs.error)}).</span>
            <Button variant="secondary" onClick={() => void jobs.refetch()}>
              Try again
            </Button>
          </div>
        </Alert>
      ) : total === 0 ? (
        <NoJobsYet businessId={businessId} canManage={canManage} />
      ) : (
        <>
          {counts && <StatusTabs businessId={businessId} status={status} counts={counts} />}
          <section
            aria-label={status ? `${STATUS_LABEL[status]} jobs` : 'All jobs'}
            aria-busy={jobs.isPlaceholderData}
            className={`rounded-lg bg-white shadow-sm ring-1 ring-slate-200 ${jobs.isPlaceholderData ? 'opacity-60' : ''}`}
          >
            {items.length === 0 ? (
              <p className="px-5 py-10 text-center text-sm text-slate-600">
                No {status ? STATUS_LABEL[status].toLowerCase() : ''} jobs.{' '}
                {status === 'draft' && canManage && 'A new job starts as a draft.'}
              </p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {items.map((job) => (
                  <JobRow
                    key={job.id}
                    job={job}
                    businessId={businessId}
                    category={categoryName(job.category)}
                    timeZone={timeZone}
                    now={now}
                  />
                ))}
              </ul>
            )}
          </section>
          {jobs.isFetchNextPageError && (
            <div className="mt-4">
              <Alert>More jobs could not be loaded ({errorMessage(jobs.error)}).</Alert>
            </div>
          )}
          {jobs.hasNextPage && (
            <div className="mt-4 flex justify-center">
              <Button
                variant="secondary"
                busy={jobs.isFetchingNextPage}
                onClick={() => void jobs.fetchNextPage()}
              >
                Load more jobs
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}

function StatusTabs({
  businessId,
  status,
  counts,
}: {
  businessId: string;
  status: JobStatus | undefined;
  counts: Counts;
}) {
  const all = JOB_STATUSES.reduce((sum, s) => sum + counts[s], 0);
  const tabs: { value: JobStatus | undefined; label: string; count: number }[] = [
    { value: undefined, label: 'All', count: all },
    ...JOB_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s], count: counts[s] })),
  ];
  return (
    <nav
      aria-label="Jobs by status"
      className="mb-4 flex flex-wrap gap-1 border-b border-slate-200"
    >
      {tabs.map((t) => {
        const current = t.value === status;
        return (
          <Link
            key={t.label}
            to="/app/businesses/$businessId/jobs"
            params={{ businessId }}
            search={t.value ? { status: t.value } : {}}
            aria-current={current ? 'page' : undefined}
            className={`-mb-px inline-flex items-center gap-1.5 border-b-2 px-3 py-2 text-sm ${
              current
                ? 'border-brand-700 font-medium text-brand-800'
                : 'border-transparent text-slate-700 hover:border-slate-300 hover:text-slate-900'
            }`}
          >
            {t.label}
            <span
              className={`rounded-full px-1.5 text-xs ${current ? 'bg-brand-50 text-brand-800' : 'bg-slate-100 text-slate-700'}`}
            >
              {t.count}
            </span>
          </Link>
        );
      })}
    </nav>
  );
}

/** The checker's score, green from the passing mark, amber below it — with words, not colour alone. */
function Score({ score }: { score: number }) {
  const passing = score >= PASSING_SCORE;
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-md px-2 py-0.5 text-xs font-semibold ring-1 ${
        passing
          ? 'bg-emerald-50 text-emerald-800 ring-emerald-200'
          : 'bg-amber-50 text-amber-900 ring-amber-200'
      }`}
      title={passing ? 'Well specified' : `Below ${PASSING_SCORE}: the checker has findings`}
    >
      <span className="font-normal">Checker</span> {score}
      <span className="sr-only"> of 100, {passing ? 'well specified' : 'needs work'}</span>
    </span>
  );
}

function JobRow({
  job,
  businessId,
  category,
  timeZone,
  now,
}: {
  job: JobListItem;
  businessId: string;
  category: string | undefined;
  timeZone: string;
  now: number;
}) {
  const budget = describeBudget(job.budget);
  const facts = [
    job.budget ? `${budget.amount}${budget.kind ? ` · ${budget.kind}` : ''}` : 'No budget',
    category,
    job.specVersion === null ? 'Not published' : `Spec v${job.specVersion}`,
  ].filter(Boolean);
  return (
    <li className="flex flex-col gap-2 px-4 py-4 sm:flex-row sm:items-start sm:justify-between sm:gap-4 sm:px-5">
      <div className="min-w-0">
        <Link
          to="/app/businesses/$businessId/jobs/$jobId"
          params={{ businessId, jobId: job.id }}
          className="font-medium break-words text-slate-900 hover:text-brand-800 hover:underline"
        >
          {job.title || 'Untitled job'}
        </Link>
        <div className="mt-1.5 flex flex-wrap items-center gap-1.5">
          <StatusBadge status={job.status} />
          <Badge>{job.visibility === 'public' ? 'Public' : 'Invite-only'}</Badge>
          <Score score={job.score} />
        </div>
        <p className="mt-1.5 text-sm text-slate-600">{facts.join(' · ')}</p>
      </div>
      <div className="flex shrink-0 flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600 sm:flex-col sm:items-end">
        <span className="inline-flex items-center gap-1">
          <UserPlus size={13} aria-hidden /> {plural(job.invitedCount, 'invited', 'invited')}
        </span>
        <span className="inline-flex items-center gap-1">
          <Paperclip size={13} aria-hidden /> {plural(job.attachmentCount, 'file')}
        </span>
        <span>
          Updated{' '}
          <time dateTime={job.updatedAt} title={formatDateTime(job.updatedAt, timeZone)}>
            {timeAgo(job.updatedAt, timeZone, now)}
          </time>
        </span>
      </div>
    </li>
  );
}

/** The first visit: what a job is made of, and the two ways to start one. */
function NoJobsYet({ businessId, canManage }: { businessId: string; canManage: boolean }) {
  return (
    <EmptyState
      title="No jobs yet"
      action={
        canManage && (
          <div className="flex flex-wrap justify-center gap-3">
            <Link
              to="/app/businesses/$businessId/jobs/new"
              params={{ businessId }}
              className={primaryLink}
            >
              <Plus size={16} aria-hidden /> New job
            </Link>
            <Link
              to="/app/businesses/$businessId/audit"
              params={{ businessId }}
              search={{ section: 'results' }}
              className={secondaryLink}
            >
              <ClipboardList size={16} aria-hidden /> From your operations audit
            </Link>
          </div>
        )
      }
    >
      <div className="mx-auto max-w-xl space-y-3 text-left">
        <p>A job has two layers:</p>
        <ul className="space-y-2">
          <li className="flex gap-2">
            <FileText size={16} aria-hidden className="mt-0.5 shrink-0 text-brand-700" />
            <span>
              <strong className="text-slate-800">The bid brief</strong> — title, summary, skills,
              budget and timing. It is what professionals see on the job board and bid on.
            </span>
          </li>
          <li className="flex gap-2">
            <Lock size={16} aria-hidden className="mt-0.5 shrink-0 text-brand-700" />
            <span>
              <strong className="text-slate-800">The full specification</strong> — deliverables,
              acceptance criteria, must / should / could priorities and what success means. It stays
              confidential until you shortlist someone, and a checker points out what is vague or
              missing.
            </span>
          </li>
        </ul>
        {canManage ? (
          <p>
            Start from scratch or a template, or turn a task your operations audit found worth
            handing off into a prefilled draft.
          </p>
        ) : (
          <p>Owners and managers of this business write and publish its jobs.</p>
        )}
      </div>
    </EmptyState>
  );
}
