import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { ClipboardList, FilePlus2, LayoutTemplate } from 'lucide-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Business } from '../../../core/contracts/accounts.ts';
import type { Category } from '../../../core/contracts/audit.ts';
import { BriefSchema, type BusinessJob, type CreateJob } from '../../../core/contracts/jobs.ts';
import { formatMoney } from '../../../core/money.ts';
import { ApiError, errorMessage } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { Button } from '../../ui/button.tsx';
import { Alert, EmptyState, Loading } from '../../ui/feedback.tsx';
import { TextField } from '../../ui/fields.tsx';
import { Card, PageHeader } from '../../ui/layout.tsx';
import { useJobDrafts } from '../audit/audit-queries.ts';
import { useCategories } from '../../hooks.ts';
import { BackToJobs, JobAccess, RetryAlert } from './job-access.tsx';
import { useCreateJob, useJobTemplates } from './job-queries.ts';

const ROUTE = '/shell/app/businesses/$businessId/jobs/new';

/**
 * /app/businesses/:businessId/jobs/new — start a job from scratch, from a template, or from a
 * job draft of the operations audit. With `?draftId=` it starts from that draft at once.
 */
export function NewJobPage() {
  const { businessId } = useParams({ from: ROUTE });
  const { draftId } = useSearch({ from: ROUTE });
  return (
    <JobAccess businessId={businessId} title="New job" write>
      {({ business, viewerTimeZone }) => (
        <StartJob business={business} draftId={draftId} timeZone={viewerTimeZone} />
      )}
    </JobAccess>
  );
}

function StartJob({
  business,
  draftId,
  timeZone,
}: {
  business: Business;
  draftId: string | undefined;
  timeZone: string;
}) {
  const navigate = useNavigate();
  const create = useCreateJob(business.id);
  const categories = useCategories();
  const [pending, setPending] = useState<string | null>(null);

  function start(body: CreateJob, what: string) {
    setPending(what);
    create.mutate(body, {
      onSuccess: (job: BusinessJob) =>
        void navigate({
          to: '/app/businesses/$businessId/jobs/$jobId',
          params: { businessId: business.id, jobId: job.id },
          replace: draftId !== undefined,
        }),
      onSettled: () => setPending(null),
    });
  }

  // A link from the audit ("Make it a job") lands here with the draft: start from it at once,
  // once (React may run effects twice in development).
  const started = useRef(false);
  useEffect(() => {
    if (draftId && !started.current) {
      started.current = true;
      start({ draftId }, `draft:${draftId}`);
    }
  });
  if (draftId && !create.isError) return <Loading what="Creating the job from your audit draft" />;

  const categoryName = (slug: string | null | undefined) =>
    slug ? (categories.data?.items.find((c) => c.slug === slug)?.name ?? slug) : null;

  return (
    <>
      <div className="mb-3">
        <BackToJobs businessId={business.id} />
      </div>
      <PageHeader
        title="New job"
        description={`${business.name} · Start from a blank page, a template or your operations audit. Nothing is public until you publish.`}
      />
      <div className="space-y-6">
        {create.isError && (
          <Alert>
            Handoff could not create the job: {errorMessage(create.error)}
            {create.error instanceof ApiError && create.error.problem.status === 404
              ? ' The draft or template may have been removed.'
              : ''}
          </Alert>
        )}
        <FromScratch
          busy={pending === 'scratch'}
          onStart={(title) => start({ brief: { title } }, 'scratch')}
        />
        <FromTemplate
          categoryName={categoryName}
          pending={pending}
          onStart={(slug) => start({ templateSlug: slug }, `template:${slug}`)}
        />
        <FromDraft
          business={business}
          timeZone={timeZone}
          categories={categories.data?.items ?? []}
          pending={pending}
          onStart={(id) => start({ draftId: id }, `draft:${id}`)}
        />
      </div>
    </>
  );
}

function FromScratch({ busy, onStart }: { busy: boolean; onStart: (title: string) => void }) {
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | undefined>();
  function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = BriefSchema.shape.title.safeParse(title);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Give the job a title');
    setError(undefined);
    onStart(parsed.data);
  }
  return (
    <Card
      title="From scratch"
      description="A title is enough to start; the editor helps with the rest."
    >
      <form onSubmit={submit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <div className="min-w-0 flex-1">
          <TextField
            label="Job title"
            value={title}
            maxLength={120}
            placeholder="For example: Logo for a neighbourhood bakery"
            error={error}
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <Button type="submit" busy={busy} className="sm:mt-6">
          <FilePlus2 size={16} aria-hidden /> Create job
        </Button>
      </form>
    </Card>
  );
}

function FromTemplate({
  categoryName,
  pending,
  onStart,
}: {
  categoryName: (slug: string | null | undefined) => string | null;
  pending: string | null;
  onStart: (slug: string) => void;
}) {
  const templates = useJobTemplates();
  return (
    <Card
      title="From a template"
      description="A complete example for common work, with deliverables and acceptance criteria to adapt."
    >
      {templates.isPending ? (
        <Loading what="Loading templates" />
      ) : templates.isError ? (
        <RetryAlert error={templates.error} retry={templates.refetch} />
      ) : templates.data.items.length === 0 ? (
        <EmptyState title="No templates yet">
          An administrator can add them; start from scratch meanwhile.
        </EmptyState>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {templates.data.items.map((t) => (
            <li key={t.slug} className="flex flex-col rounded-md p-4 ring-1 ring-slate-200">
              <div className="flex items-start gap-2">
                <LayoutTemplate size={18} aria-hidden className="mt-0.5 shrink-0 text-brand-700" />
                <div className="min-w-0">
                  <h3 className="font-medium text-slate-900">{t.name}</h3>
                  {categoryName(t.category ?? t.brief.category) && (
                    <p className="text-xs text-slate-600">
                      {categoryName(t.category ?? t.brief.category)}
                    </p>
                  )}
                </div>
              </div>
              {t.brief.summary && (
                <p className="mt-2 line-clamp-3 text-sm text-slate-700">{t.brief.summary}</p>
              )}
              <p className="mt-2 text-xs text-slate-600">
                {t.spec.deliverables?.length ?? 0} deliverables ·{' '}
                {t.spec.acceptanceCriteria?.length ?? 0} acceptance criteria
              </p>
              <div className="mt-3 flex flex-1 items-end">
                <Button
                  variant="secondary"
                  busy={pending === `template:${t.slug}`}
                  disabled={pending !== null}
                  onClick={() => onStart(t.slug)}
                >
                  Use this template<span className="sr-only">: {t.name}</span>
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function FromDraft({
  business,
  timeZone,
  categories,
  pending,
  onStart,
}: {
  business: Business;
  timeZone: string;
  categories: Category[];
  pending: string | null;
  onStart: (draftId: string) => void;
}) {
  const drafts = useJobDrafts(business.id);
  const name = (slug: string | null) =>
    slug ? (categories.find((c) => c.slug === slug)?.name ?? slug) : 'No category';
  return (
    <Card
      title="From your operations audit"
      description="Job drafts made with “Hand this off”: title, category and a budget from the market rate."
    >
      {drafts.isPending ? (
        <Loading what="Loading job drafts" />
      ) : drafts.isError ? (
        <RetryAlert error={drafts.error} retry={drafts.refetch} />
      ) : drafts.data.items.length === 0 ? (
        <EmptyState
          title="No job drafts yet"
          action={
            <Link
              to="/app/businesses/$businessId/audit"
              params={{ businessId: business.id }}
              className="inline-flex items-center gap-1.5 text-sm font-medium text-brand-700 underline"
            >
              <ClipboardList size={16} aria-hidden /> Open the operations audit
            </Link>
          }
        >
          Log your time in the operations audit, then press “Hand this off” on a task worth
          outsourcing.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100">
          {drafts.data.items.map((d) => (
            <li
              key={d.id}
              className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between"
            >
              <div className="min-w-0">
                <p className="font-medium text-slate-900">{d.title}</p>
                <p className="text-sm text-slate-600">
                  {name(d.category)}
                  {d.budgetMin && d.budgetMax
                    ? ` · ${formatMoney(d.budgetMin)}–${formatMoney(d.budgetMax)} a month`
                    : ''}
                </p>
                <p className="text-xs text-slate-600">
                  Drafted {formatDateTime(d.createdAt, timeZone)}
                </p>
              </div>
              {d.jobId ? (
                <Link
                  to="/app/businesses/$businessId/jobs/$jobId"
                  params={{ businessId: business.id, jobId: d.jobId }}
                  className="self-start text-sm font-medium text-brand-700 underline sm:self-auto"
                >
                  Open its job<span className="sr-only">: {d.title}</span>
                </Link>
              ) : (
                <Button
                  variant="secondary"
                  className="self-start sm:self-auto"
                  busy={pending === `draft:${d.id}`}
                  disabled={pending !== null}
                  onClick={() => onStart(d.id)}
                >
                  Make it a job<span className="sr-only">: {d.title}</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
