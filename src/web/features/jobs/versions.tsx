import { Link, useParams } from '@tanstack/react-router';
import { ArrowLeft, Eye } from 'lucide-react';
import { useState } from 'react';
import type { SpecDiff } from '../../../core/contracts/jobs.ts';
import { formatDateTime } from '../../format.ts';
import { Alert, EmptyState, Loading } from '../../ui/feedback.tsx';
import { SelectField } from '../../ui/fields.tsx';
import { Card, PageHeader } from '../../ui/layout.tsx';
import { JobAccess, RetryAlert, type JobContext } from './job-access.tsx';
import {
  useDiff,
  useJob,
  useSpecViews,
  useVersions,
  type SpecVersionSummary,
  type SpecView,
} from './job-queries.ts';

/** /app/businesses/:businessId/jobs/:jobId/versions — the specification's versions, compared. */
export function JobVersionsPage() {
  const { businessId, jobId } = useParams({
    from: '/shell/app/businesses/$businessId/jobs/$jobId/versions',
  });
  return (
    <JobAccess businessId={businessId} title="Versions">
      {(context) => <Versions context={context} jobId={jobId} />}
    </JobAccess>
  );
}

function Versions({ context, jobId }: { context: JobContext; jobId: string }) {
  const { business, viewerTimeZone } = context;
  const job = useJob(business.id, jobId);
  const versions = useVersions(business.id, jobId);
  const back = (
    <Link
      to="/app/businesses/$businessId/jobs/$jobId"
      params={{ businessId: business.id, jobId }}
      className="inline-flex items-center gap-1 text-sm text-brand-700 underline"
    >
      <ArrowLeft size={14} aria-hidden /> Back to the job
    </Link>
  );
  return (
    <>
      <div className="mb-3">{back}</div>
      <PageHeader
        title="Specification versions"
        description={job.data ? job.data.brief.title : business.name}
      />
      {versions.isPending ? (
        <Loading what="Loading versions" />
      ) : versions.isError ? (
        <RetryAlert error={versions.error} retry={versions.refetch} />
      ) : versions.data.items.length === 0 ? (
        <EmptyState title="No versions yet" action={back}>
          Version 1 of the specification is made when you publish the job; each saved change after
          that makes the next one.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <Compare
            businessId={business.id}
            jobId={jobId}
            versions={versions.data.items}
            timeZone={viewerTimeZone}
          />
          <SeenBy
            businessId={business.id}
            jobId={jobId}
            latest={versions.data.items[0]!.version}
            timeZone={viewerTimeZone}
          />
        </div>
      )}
    </>
  );
}

function Compare({
  businessId,
  jobId,
  versions,
  timeZone,
}: {
  businessId: string;
  jobId: string;
  /** Newest first. */
  versions: SpecVersionSummary[];
  timeZone: string;
}) {
  const latest = versions[0]!.version;
  const [from, setFrom] = useState(versions[1]?.version ?? latest);
  const [to, setTo] = useState(latest);
  const diff = useDiff(businessId, jobId, from, to);
  const options = versions.map((v) => ({
    value: String(v.version),
    label: `Version ${v.version} · ${formatDateTime(v.createdAt, timeZone)}${v.createdBy ? ` · ${v.createdBy.name}` : ''}`,
  }));
  return (
    <Card
      title="Compare two versions"
      description="What changed in the full specification; professionals who read an earlier version are shown the same."
    >
      {versions.length === 1 ? (
        <EmptyState title="Only version 1 so far">
          A change to the specification of a published job makes version 2; the difference shows
          here.
        </EmptyState>
      ) : (
        <div className="space-y-4">
          <div className="grid gap-3 sm:grid-cols-2">
            <SelectField
              label="From"
              value={String(from)}
              options={options}
              onChange={(e) => setFrom(Number(e.target.value))}
            />
            <SelectField
              label="To"
              value={String(to)}
              options={options}
              onChange={(e) => setTo(Number(e.target.value))}
            />
          </div>
          {from === to ? (
            <p className="text-sm text-slate-600">Pick two different versions to compare.</p>
          ) : diff.isPending ? (
            <Loading what="Comparing" />
          ) : diff.isError ? (
            <RetryAlert error={diff.error} retry={diff.refetch} />
          ) : (
            <DiffView diff={diff.data} />
          )}
        </div>
      )}
    </Card>
  );
}

/**
 * The difference, section by section. Added text is <ins> and removed text <del>, and since
 * most screen readers announce neither, each run also says so in words they read.
 */
export function DiffView({ diff }: { diff: SpecDiff }) {
  if (diff.sections.length === 0)
    return (
      <Alert tone="info">
        Versions {diff.from} and {diff.to} of the specification are the same.
      </Alert>
    );
  return (
    <div className="space-y-4">
      <p className="flex flex-wrap gap-3 text-xs text-slate-600">
        <span>
          <ins className="bg-emerald-100 px-1 text-emerald-900 no-underline">Added text</ins> is
          green,
        </span>
        <span>
          <del className="bg-red-100 px-1 text-red-900">removed text</del> is red and struck
          through.
        </span>
      </p>
      {diff.sections.map((s) => (
        <section key={s.section} aria-labelledby={`diff-${s.section}`}>
          <h3 id={`diff-${s.section}`} className="text-sm font-semibold text-slate-900">
            {s.label}
          </h3>
          <p className="mt-1 rounded-md bg-slate-50 p-3 text-sm leading-6 break-words whitespace-pre-wrap text-slate-800 ring-1 ring-slate-200">
            {s.parts.map((p, i) =>
              p.kind === 'added' ? (
                <ins key={i} className="bg-emerald-100 text-emerald-900 no-underline">
                  <span className="sr-only">[added: </span>
                  {p.text}
                  <span className="sr-only">]</span>
                </ins>
              ) : p.kind === 'removed' ? (
                <del key={i} className="bg-red-100 text-red-900">
                  <span className="sr-only">[removed: </span>
                  {p.text}
                  <span className="sr-only">]</span>
                </del>
              ) : (
                <span key={i}>{p.text}</span>
              ),
            )}
          </p>
        </section>
      ))}
    </div>
  );
}

/** One line per person: the newest version they have opened, and whether it is the latest. */
function SeenBy({
  businessId,
  jobId,
  latest,
  timeZone,
}: {
  businessId: string;
  jobId: string;
  latest: number;
  timeZone: string;
}) {
  const views = useSpecViews(businessId, jobId);
  const people = new Map<string, { name: string; seen: SpecView[] }>();
  for (const v of views.data?.items ?? []) {
    const person = people.get(v.user.id) ?? { name: v.user.name, seen: [] };
    person.seen.push(v);
    people.set(v.user.id, person);
  }
  return (
    <Card title="Who has read which version">
      {views.isPending ? (
        <Loading what="Loading" />
      ) : views.isError ? (
        <RetryAlert error={views.error} retry={views.refetch} />
      ) : people.size === 0 ? (
        <EmptyState title="Nobody has opened the specification yet">
          When shortlisted professionals read it, each shows here with the version they saw.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100">
          {[...people.entries()].map(([id, p]) => {
            const seen = [...p.seen].sort((a, b) => b.version - a.version);
            const newest = seen[0]!;
            return (
              <li
                key={id}
                className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between"
              >
                <div className="flex min-w-0 items-start gap-2">
                  <Eye size={16} aria-hidden className="mt-0.5 shrink-0 text-slate-500" />
                  <div className="min-w-0">
                    <p className="font-medium text-slate-900">{p.name}</p>
                    <p className="text-xs text-slate-600">
                      {seen
                        .map(
                          (v) =>
                            `version ${v.version} on ${formatDateTime(v.firstSeenAt, timeZone)}`,
                        )
                        .join(' · ')}
                    </p>
                  </div>
                </div>
                {newest.version >= latest ? (
                  <span className="self-start rounded-full bg-emerald-50 px-2.5 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-200 sm:self-auto">
                    Read the latest
                  </span>
                ) : (
                  <span className="self-start rounded-full bg-amber-50 px-2.5 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-amber-200 sm:self-auto">
                    Has not read version {latest}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
