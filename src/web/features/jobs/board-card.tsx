import { Link } from '@tanstack/react-router';
import { CalendarClock, Clock, FlaskConical, ShieldCheck } from 'lucide-react';
import type { ReactNode } from 'react';
import type { BoardJob } from '../../../core/contracts/jobs.ts';
import { formatDateTime } from '../../format.ts';
import { describeBudget, describeTiming, timeAgo } from './board-format.ts';

export function SkillChips({ skills, label = 'Skills' }: { skills: string[]; label?: string }) {
  if (skills.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-1.5">
      {skills.map((s) => (
        <li key={s} className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs text-slate-700">
          {s}
        </li>
      ))}
    </ul>
  );
}

/** The NDA and trial flags, as small badges with words (not colour alone). */
export function JobFlags({ nda, trial }: { nda: boolean; trial: boolean }) {
  if (!nda && !trial) return null;
  return (
    <>
      {nda && (
        <Badge tone="amber" icon={<ShieldCheck size={13} aria-hidden />}>
          NDA required
        </Badge>
      )}
      {trial && (
        <Badge tone="sky" icon={<FlaskConical size={13} aria-hidden />}>
          Trial planned
        </Badge>
      )}
    </>
  );
}

const tones = {
  slate: 'bg-slate-100 text-slate-700',
  amber: 'bg-amber-50 text-amber-900 ring-1 ring-amber-200',
  sky: 'bg-sky-50 text-sky-900 ring-1 ring-sky-200',
  emerald: 'bg-emerald-50 text-emerald-800 ring-1 ring-emerald-200',
  red: 'bg-red-50 text-red-800 ring-1 ring-red-200',
  brand: 'bg-brand-50 text-brand-800 ring-1 ring-brand-100',
} as const;

export function Badge({
  tone = 'slate',
  icon,
  children,
}: {
  tone?: keyof typeof tones;
  icon?: ReactNode;
  children: ReactNode;
}) {
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${tones[tone]}`}
    >
      {icon}
      {children}
    </span>
  );
}

/**
 * One job on the board (and in a professional's invited jobs): the brief at a glance. The title
 * is the link; the whole card is its click target.
 */
export function BoardCard({
  job,
  categoryName,
  timeZone,
  now,
  heading: Heading = 'h2',
}: {
  job: BoardJob;
  categoryName?: string;
  timeZone: string;
  now: number;
  heading?: 'h2' | 'h3' | 'h4';
}) {
  const budget = describeBudget(job.budget);
  return (
    <article className="relative rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 hover:ring-brand-600 sm:p-5">
      <div className="flex flex-col gap-1 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
        <Heading className="min-w-0 text-base font-semibold break-words text-slate-900">
          <Link
            to="/jobs/$jobId"
            params={{ jobId: job.id }}
            className="after:absolute after:inset-0 after:rounded-lg"
          >
            {job.title}
          </Link>
        </Heading>
        <p className="shrink-0 text-sm font-semibold text-slate-900 sm:text-right">
          {budget.amount}
          {budget.kind && (
            <span className="block text-xs font-normal text-slate-600">
              {budget.kind}
              {budget.detail && ` · ${budget.detail}`}
            </span>
          )}
        </p>
      </div>
      <p className="mt-1 text-sm text-slate-600">
        {job.business.name}
        {categoryName && ` · ${categoryName}`}
      </p>
      {job.summary && (
        // Paragraph breaks are for the job's page; the card runs the summary on in three lines.
        <p className="mt-3 line-clamp-3 text-sm break-words text-slate-700">
          {job.summary.replace(/\s+/g, ' ')}
        </p>
      )}
      <div className="mt-3">
        <SkillChips skills={job.skills} label={`Skills for ${job.title}`} />
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1.5 text-xs text-slate-600">
        <span className="inline-flex items-center gap-1">
          <CalendarClock size={13} aria-hidden />
          {describeTiming(job.deadline, job.durationDays)}
        </span>
        <span className="inline-flex items-center gap-1">
          <Clock size={13} aria-hidden />
          Posted{' '}
          <time dateTime={job.publishedAt} title={formatDateTime(job.publishedAt, timeZone)}>
            {timeAgo(job.publishedAt, timeZone, now)}
          </time>
        </span>
        <JobFlags nda={job.ndaRequired} trial={job.trialPlanned} />
      </div>
    </article>
  );
}

/** A card-shaped placeholder while jobs load. */
export function BoardCardSkeleton() {
  return (
    <div aria-hidden className="animate-pulse rounded-lg bg-white p-5 ring-1 ring-slate-200">
      <div className="flex justify-between gap-4">
        <div className="h-4 w-2/3 rounded bg-slate-200" />
        <div className="h-4 w-20 rounded bg-slate-200" />
      </div>
      <div className="mt-3 h-3 w-1/3 rounded bg-slate-100" />
      <div className="mt-4 space-y-2">
        <div className="h-3 rounded bg-slate-100" />
        <div className="h-3 w-5/6 rounded bg-slate-100" />
      </div>
      <div className="mt-4 flex gap-2">
        <div className="h-5 w-16 rounded-full bg-slate-100" />
        <div className="h-5 w-20 rounded-full bg-slate-100" />
      </div>
    </div>
  );
}
