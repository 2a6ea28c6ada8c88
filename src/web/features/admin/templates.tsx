/**
 * /admin/templates — the job templates a business can start a job from (logo design, data
 * entry, bookkeeping…). The admin edits their wording; jobs already made from a template keep
 * their own copy.
 */
import { ChevronRight } from 'lucide-react';
import { formatDateTime } from '../../format.ts';
import { Alert } from '../../ui/feedback.tsx';
import { ListState } from '../../ui/list-state.tsx';
import { PageHeader } from '../../ui/layout.tsx';
import { useCategories, useMe } from '../../hooks.ts';
import { useJobTemplates } from '../jobs/job-queries.ts';
import { TemplateForm } from './template-form.tsx';

export function TemplatesPage() {
  const me = useMe();
  const isAdmin = me.data?.user.isAdmin === true;
  const templates = useJobTemplates();
  const categories = useCategories();
  if (!isAdmin) return <Alert>Only an admin can change the job templates.</Alert>;
  const timeZone = me.data?.user.timeZone;
  const categoryName = (slug: string | null) =>
    slug ? (categories.data?.items.find((c) => c.slug === slug)?.name ?? slug) : 'No category';

  return (
    <>
      <PageHeader
        title="Job templates"
        description="Where a business can start a job: a brief and a specification for a common kind of work, ready to adapt. Changes apply to jobs started from now on."
      />
      <ListState
        query={templates}
        count={templates.data?.items.length ?? 0}
        loading="Loading templates"
        empty={{
          title: 'No templates yet',
          body: 'Without templates, businesses start every job from scratch or from their operations audit.',
        }}
      >
        <ul className="space-y-3" aria-label="Templates">
          {templates.data?.items.map((t) => (
            <li key={t.slug}>
              <details className="group rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
                <summary className="flex cursor-pointer list-none items-center gap-3 rounded-lg px-4 py-4 sm:px-5 hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
                  <ChevronRight
                    size={18}
                    aria-hidden
                    className="shrink-0 text-slate-500 transition-transform group-open:rotate-90"
                  />
                  <span className="min-w-0 flex-1">
                    <span className="block font-medium break-words text-slate-900">{t.name}</span>
                    <span className="block text-sm text-slate-600">
                      {categoryName(t.category)} · {t.slug}
                    </span>
                  </span>
                  <span className="hidden shrink-0 text-xs text-slate-600 sm:block">
                    Updated{' '}
                    <time dateTime={t.updatedAt}>{formatDateTime(t.updatedAt, timeZone)}</time>
                  </span>
                </summary>
                <div className="border-t border-slate-100 px-4 py-5 sm:px-5">
                  <TemplateForm template={t} categories={categories.data?.items ?? []} />
                </div>
              </details>
            </li>
          ))}
        </ul>
      </ListState>
    </>
  );
}
