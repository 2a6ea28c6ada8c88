import { Link } from '@tanstack/react-router';
import { FileText } from 'lucide-react';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { Alert, EmptyState, Loading } from '../../ui/feedback.tsx';
import { Card } from '../../ui/layout.tsx';
import { formatEstimate, formatHours } from './audit-format.ts';
import { useJobDrafts } from './audit-queries.ts';
import { useCategories } from '../../hooks.ts';

/**
 * Job drafts made with "Hand this off": title, category, hours a month and a budget range from
 * the market rate. Each links to the job editor: "Make it a job" once, "Open its job" after.
 */
export function JobDraftsCard({
  businessId,
  auditId,
  timeZone,
}: {
  businessId: string;
  /** Only the drafts made from this audit's candidates. */
  auditId: string;
  timeZone: string;
}) {
  const drafts = useJobDrafts(businessId);
  const categories = useCategories();
  const mine = drafts.data?.items.filter((d) => d.auditId === auditId) ?? [];
  const categoryName = (slug: string | null) =>
    slug ? (categories.data?.items.find((c) => c.slug === slug)?.name ?? slug) : 'No category';

  return (
    <Card
      title="Job drafts"
      description="Each one is prefilled from a candidate, ready to become a job for professionals to bid on."
    >
      {drafts.isPending ? (
        <Loading what="Loading job drafts" />
      ) : drafts.isError ? (
        <Alert>{errorMessage(drafts.error)}</Alert>
      ) : mine.length === 0 ? (
        <EmptyState title="No job drafts yet">
          Press “Hand this off” on a candidate to draft a job from it.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100">
          {mine.map((d) => (
            <li key={d.id} className="flex gap-3 py-3">
              <FileText size={18} aria-hidden className="mt-0.5 shrink-0 text-slate-500" />
              <div className="min-w-0">
                <p className="font-medium text-slate-900">{d.title}</p>
                <p className="text-sm text-slate-600">
                  {categoryName(d.category)} · {formatHours(d.hoursPerMonth)} a month
                  {d.budgetMin && d.budgetMax
                    ? ` · budget ${formatEstimate(d.budgetMin)}–${formatEstimate(d.budgetMax)} a month`
                    : ' · no budget estimate (no category)'}
                </p>
                <p className="text-xs text-slate-600">
                  Drafted {formatDateTime(d.createdAt, timeZone)}
                </p>
                {d.jobId ? (
                  <Link
                    to="/app/businesses/$businessId/jobs/$jobId"
                    params={{ businessId, jobId: d.jobId }}
                    className="mt-1 inline-block text-sm font-medium text-brand-700 underline"
                  >
                    Open its job<span className="sr-only">: {d.title}</span>
                  </Link>
                ) : (
                  <Link
                    to="/app/businesses/$businessId/jobs/new"
                    params={{ businessId }}
                    search={{ draftId: d.id }}
                    className="mt-1 inline-block text-sm font-medium text-brand-700 underline"
                  >
                    Make it a job<span className="sr-only">: {d.title}</span>
                  </Link>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
