/**
 * /jobs/:jobId — a job's brief as professionals see it: never the specification. Anyone may
 * read an open or closed public job; invite-only jobs need the invitation (or membership).
 */
import { Link, useParams, useRouterState } from '@tanstack/react-router';
import { ArrowLeft, Check, Download, Link2, Paperclip } from 'lucide-react';
import { lazy, Suspense, useState } from 'react';
import type { PublicJob } from '../../../core/contracts/jobs.ts';
import type { JobStatus } from '../../../core/jobs.ts';
import { errorMessage } from '../../api.ts';
import { formatBytes, formatDate, formatDateTime } from '../../format.ts';
import { Button } from '../../ui/button.tsx';
import { Alert, Loading } from '../../ui/feedback.tsx';
import { useCategories } from '../../hooks.ts';
import { Badge, JobFlags, SkillChips } from './board-card.tsx';
import { describeBudget, describeTiming } from './board-format.ts';
import { PublicLayout, useDocumentTitle, useViewer } from './board-layout.tsx';
import { isNotFound, usePublicJob } from './board-queries.ts';

// Bids (issue 11): the professional's actions, in a chunk of their own so the first load stays light.
import { AnonymousActions } from '../bids/anonymous-actions.tsx';

const JobActions = lazy(() =>
  import('../bids/job-actions.tsx').then((m) => ({ default: m.JobActions })),
);

const linkButton =
  'inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-medium';

export function PublicJobPage() {
  const { jobId } = useParams({ from: '/jobs/$jobId' });
  const job = usePublicJob(jobId);
  useDocumentTitle(
    job.data
      ? `${job.data.brief.title} · Handoff`
      : job.isError
        ? 'Job not available · Handoff'
        : undefined,
  );
  return (
    <PublicLayout>
      <div className="mx-auto max-w-3xl">
        <Link
          to="/jobs"
          className="mb-4 inline-flex items-center gap-1.5 text-sm text-slate-700 hover:text-slate-900"
        >
          <ArrowLeft size={16} aria-hidden /> All jobs
        </Link>
        {job.isPending ? (
          <Loading what="Loading the job" />
        ) : isNotFound(job.error) ? (
          <NotAvailable />
        ) : job.isError ? (
          <Alert>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span>The job could not be loaded ({errorMessage(job.error)}).</span>
              <Button variant="secondary" onClick={() => void job.refetch()}>
                Try again
              </Button>
            </div>
          </Alert>
        ) : (
          <JobBrief job={job.data} />
        )}
      </div>
    </PublicLayout>
  );
}

function SignInLink({ children, className }: { children: string; className: string }) {
  const here = useRouterState({ select: (s) => s.location.href });
  return (
    <Link to="/sign-in" search={{ next: here }} className={className}>
      {children}
    </Link>
  );
}

function NotAvailable() {
  const { signedIn, me } = useViewer();
  return (
    <div className="rounded-lg bg-white px-6 py-10 text-center shadow-sm ring-1 ring-slate-200">
      <h1 className="text-xl font-semibold text-slate-900">This job is not available</h1>
      <p className="mx-auto mt-2 max-w-md text-sm text-slate-600">
        It may have been taken down, or it is open only to the professionals its business invited.
        {!signedIn && !me.isPending && ' If you were invited, sign in to see it.'}
      </p>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <Link
          to="/jobs"
          className={`${linkButton} bg-white text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50`}
        >
          Browse open jobs
        </Link>
        {!signedIn && !me.isPending && (
          <SignInLink className={`${linkButton} bg-brand-700 text-white hover:bg-brand-800`}>
            Sign in
          </SignInLink>
        )}
      </div>
    </div>
  );
}

/** What the job's status means for someone reading the brief. */
function StatusNote({ status }: { status: JobStatus }) {
  switch (status) {
    case 'open':
      return null;
    case 'closed':
      return (
        <Alert tone="warning">
          <strong>This job is closed.</strong> The business is no longer taking bids for it.
        </Alert>
      );
    case 'draft':
      return (
        <Alert tone="info">
          <strong>Draft.</strong> This job is not published; only its business’s team can see this
          page.
        </Alert>
      );
    case 'archived':
      return (
        <Alert tone="warning">
          <strong>This job is archived.</strong> It is no longer on offer.
        </Alert>
      );
    default:
      return status satisfies never;
  }
}

/** Copies the page's address; where the clipboard is refused, shows it to copy by hand. */
function ShareButton({ title }: { title: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function share() {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setState('copied');
    } catch {
      // No clipboard access: an insecure origin or a denied permission.
      setState('failed');
    }
  }
  return (
    <>
      <Button variant="secondary" onClick={() => void share()}>
        {state === 'copied' ? <Check size={16} aria-hidden /> : <Link2 size={16} aria-hidden />}
        Share<span className="sr-only"> {title}</span>
      </Button>
      <span role="status" className="text-sm text-emerald-700">
        {state === 'copied' && 'Link copied'}
      </span>
      {state === 'failed' && (
        <label className="block w-full text-sm text-slate-700">
          Copy this link:
          <input
            readOnly
            value={window.location.href}
            onFocus={(e) => e.target.select()}
            className="mt-1 block w-full rounded-md px-3 py-2 text-sm ring-1 ring-slate-300"
          />
        </label>
      )}
    </>
  );
}

function JobBrief({ job }: { job: PublicJob }) {
  const { signedIn, me, timeZone } = useViewer();
  const categories = useCategories();
  const { brief } = job;
  const budget = describeBudget(brief.budget);
  const category = brief.category
    ? (categories.data?.items.find((c) => c.slug === brief.category)?.name ?? brief.category)
    : null;
  // Plain paragraphs: a blank line separates them; single line breaks are kept inside one.
  const paragraphs = brief.summary
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

  return (
    <article className="space-y-6">
      <StatusNote status={job.status} />
      <header className="space-y-3">
        <div className="flex flex-wrap gap-2">
          {job.visibility === 'invite-only' && <Badge tone="brand">Invite-only</Badge>}
          {job.status !== 'open' && (
            <Badge>{job.status[0]!.toUpperCase() + job.status.slice(1)}</Badge>
          )}
          <JobFlags nda={job.ndaRequired} trial={job.trialPlanned} />
        </div>
        <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900 sm:text-3xl">
          {brief.title}
        </h1>
        <p className="text-sm text-slate-600">
          {job.business.name}
          {job.publishedAt && (
            <>
              {' · Posted '}
              <time dateTime={job.publishedAt} title={formatDateTime(job.publishedAt, timeZone)}>
                {formatDate(job.publishedAt, timeZone)}
              </time>
            </>
          )}
        </p>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <ShareButton title={brief.title} />
        </div>
        {!signedIn && !me.isPending && <AnonymousActions jobId={job.id} />}
        <Suspense fallback={null}>
          <JobActions jobId={job.id} status={job.status} />
        </Suspense>
        {!signedIn && !me.isPending && (
          <p className="text-sm text-slate-600">
            Invited by a business?{' '}
            <SignInLink className="font-medium text-brand-700 underline">Sign in</SignInLink> to see
            the jobs you’re invited to.
          </p>
        )}
      </header>

      <dl className="grid gap-4 rounded-lg bg-white p-5 ring-1 ring-slate-200 sm:grid-cols-3">
        <div>
          <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Budget</dt>
          <dd className="mt-1 font-medium text-slate-900">{budget.amount}</dd>
          {budget.kind && (
            <dd className="text-sm text-slate-600">
              {budget.kind}
              {budget.detail && ` · ${budget.detail}`}
            </dd>
          )}
        </div>
        <div>
          <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Timing</dt>
          <dd className="mt-1 font-medium text-slate-900">
            {describeTiming(brief.deadline, brief.durationDays)}
          </dd>
        </div>
        <div>
          <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Category</dt>
          <dd className="mt-1 font-medium text-slate-900">{category ?? 'Not set'}</dd>
        </div>
        {(job.ndaRequired || job.trialPlanned) && (
          <div className="border-t border-slate-100 pt-4 sm:col-span-3">
            <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
              Before hiring
            </dt>
            {job.ndaRequired && (
              <dd className="mt-1 text-sm text-slate-800">
                A signed NDA before the business shares the full specification.
              </dd>
            )}
            {job.trialPlanned && (
              <dd className="mt-1 text-sm text-slate-800">
                A short trial — a proof of concept — before the business hires.
              </dd>
            )}
          </div>
        )}
      </dl>

      <section aria-labelledby="summary-heading" className="space-y-3">
        <h2 id="summary-heading" className="text-lg font-semibold text-slate-900">
          About the job
        </h2>
        {paragraphs.length === 0 ? (
          <p className="text-sm text-slate-600">The business has not written a summary.</p>
        ) : (
          paragraphs.map((p, i) => (
            <p key={i} className="break-words whitespace-pre-line text-slate-800">
              {p}
            </p>
          ))
        )}
      </section>

      {brief.skills.length > 0 && (
        <section aria-labelledby="skills-heading" className="space-y-2">
          <h2 id="skills-heading" className="text-lg font-semibold text-slate-900">
            Skills
          </h2>
          <SkillChips skills={brief.skills} />
        </section>
      )}

      {brief.screeningQuestions.length > 0 && (
        <section aria-labelledby="questions-heading" className="space-y-2">
          <h2 id="questions-heading" className="text-lg font-semibold text-slate-900">
            Screening questions
          </h2>
          <p className="text-sm text-slate-600">A bid on this job answers these questions.</p>
          <ol className="list-decimal space-y-1 pl-5 text-slate-800">
            {brief.screeningQuestions.map((q, i) => (
              <li key={i} className="break-words">
                {q}
              </li>
            ))}
          </ol>
        </section>
      )}

      {job.attachments.length > 0 && (
        <section aria-labelledby="files-heading" className="space-y-2">
          <h2 id="files-heading" className="text-lg font-semibold text-slate-900">
            Files
          </h2>
          <ul className="divide-y divide-slate-100 rounded-lg bg-white ring-1 ring-slate-200">
            {job.attachments.map((a) => (
              <li key={a.id} className="flex items-center gap-3 px-4 py-3">
                <Paperclip size={16} aria-hidden className="shrink-0 text-slate-500" />
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm font-medium text-slate-900">{a.name}</p>
                  <p className="text-xs text-slate-600">{formatBytes(a.size)}</p>
                </div>
                <a
                  href={`/api/v1/jobs/${job.id}/attachments/${a.id}`}
                  download={a.name}
                  className="inline-flex shrink-0 items-center gap-1.5 rounded-md px-3 py-1.5 text-sm text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50"
                >
                  <Download size={14} aria-hidden />
                  Download<span className="sr-only"> {a.name}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
