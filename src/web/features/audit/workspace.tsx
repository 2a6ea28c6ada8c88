import { Link, useNavigate } from '@tanstack/react-router';
import { lazy, Suspense, useState } from 'react';
import type { Audit, AuditSummary } from '../../../core/contracts/audit.ts';
import { errorMessage } from '../../api.ts';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm.tsx';
import { Alert, Loading } from '../../ui/feedback.tsx';
import { todayIn } from '../../format.ts';
import { EntriesCard } from './entries.tsx';
import { ExportLinks, ScoreExplainedCard } from './explain.tsx';
import { AuditPeriod } from './audit-period.tsx';
import { HourlyValue } from './hourly-value.tsx';
import { ImportPanel } from './import-panel.tsx';
import { JobDraftsCard } from './job-drafts.tsx';
import { ProgressCard } from './progress.tsx';
import { QUICK_ADD_ID, QuickAddCard } from './quick-add.tsx';
import { CandidatesCard } from './results.tsx';
import { SECTIONS, type Section } from './sections.ts';
import { needsDetails, TasksCard } from './tasks-table.tsx';
import { TimerCard } from './timer.tsx';
import { useSummary, useTasks, useUpdateAudit } from './audit-queries.ts';
import { useCategories } from '../../hooks.ts';

/** Tab labels: the long form where there is room, the short one on a phone. */
const SECTION_LABEL: Record<Section, [string, string]> = {
  log: ['Log time', 'Log'],
  tasks: ['Tasks', 'Tasks'],
  import: ['Import CSV', 'Import'],
  results: ['Results', 'Results'],
};

// recharts is most of the audit's code; it loads with the first results view.
const ChartsCard = lazy(() => import('./charts.tsx').then((m) => ({ default: m.ChartsCard })));

const clamp = (d: string, start: string, end: string) => (d < start ? start : d > end ? end : d);

/** The active audit: progress on top, then logging, tasks, import and results as sections. */
export function AuditWorkspace({
  audit,
  section,
  businessTimeZone,
  viewerTimeZone,
}: {
  audit: Audit;
  section: Section;
  businessTimeZone: string;
  viewerTimeZone: string;
}) {
  const { businessId, id: auditId } = audit;
  const navigate = useNavigate();
  const summary = useSummary(businessId, auditId);
  const tasks = useTasks(businessId, auditId);
  const categories = useCategories();
  const today = todayIn(businessTimeZone);
  const period = { start: audit.periodStart, end: audit.periodEnd };
  const [addDate, setAddDate] = useState(() => clamp(today, period.start, period.end));
  const [closing, setClosing] = useState(false);
  const close = useUpdateAudit(businessId, auditId);
  const closeAudit = () =>
    close.mutate(
      { status: 'closed' },
      {
        onSettled: () => setClosing(false),
        onSuccess: () =>
          void navigate({
            to: '/app/businesses/$businessId/audits/$auditId',
            params: { businessId, auditId },
          }),
      },
    );
  const go = (s: Section) =>
    navigate({
      to: '/app/businesses/$businessId/audit',
      params: { businessId },
      search: { section: s },
    });

  function pickDay(date: string) {
    setAddDate(date);
    void go('log').then(() =>
      requestAnimationFrame(() =>
        document.getElementById(QUICK_ADD_ID)?.querySelector('input')?.focus(),
      ),
    );
  }

  const taskList = tasks.data?.items ?? [];
  const taskNames = taskList.map((t) => t.name);
  const toClassify = taskList.filter(needsDetails).length;
  const badge: Partial<Record<Section, { n: number; what: string }>> = {
    tasks: toClassify > 0 ? { n: toClassify, what: 'to classify' } : undefined,
    results: summary.data?.candidates.length
      ? { n: summary.data.candidates.length, what: 'candidates' }
      : undefined,
  };

  return (
    <>
      <div className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Operations audit</h1>
          <div className="mt-1 text-sm text-slate-600">
            <AuditPeriod audit={audit} /> · <HourlyValue audit={audit} editable />
          </div>
        </div>
        <Button variant="secondary" className="self-start" onClick={() => setClosing(true)}>
          Close audit
        </Button>
      </div>
      <div className="space-y-6">
        {close.isError && <Alert>{errorMessage(close.error)}</Alert>}
        {summary.isPending ? (
          <Loading what="Loading the audit" />
        ) : summary.isError ? (
          <Alert>{errorMessage(summary.error)}</Alert>
        ) : (
          <ProgressCard summary={summary.data} today={today} onPickDay={pickDay} />
        )}
        <nav aria-label="Audit sections" className="overflow-x-auto border-b border-slate-200">
          <ul className="-mb-px flex gap-1">
            {SECTIONS.map((s) => (
              <li key={s}>
                <Link
                  to="/app/businesses/$businessId/audit"
                  params={{ businessId }}
                  search={{ section: s }}
                  aria-current={s === section ? 'page' : undefined}
                  className={`inline-flex items-center gap-1.5 border-b-2 px-2.5 py-2 sm:gap-2 sm:px-3 text-sm font-medium whitespace-nowrap ${s === section ? 'border-brand-700 text-brand-800' : 'border-transparent text-slate-700 hover:border-slate-300 hover:text-slate-900'}`}
                >
                  <span className="hidden sm:inline">{SECTION_LABEL[s][0]}</span>
                  <span className="sm:hidden">{SECTION_LABEL[s][1]}</span>
                  {badge[s] && (
                    <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">
                      {badge[s].n}
                      <span className={s === 'tasks' ? 'max-sm:sr-only' : 'sr-only'}>
                        {' '}
                        {badge[s].what}
                      </span>
                    </span>
                  )}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {section === 'log' && (
          <>
            <div className="grid gap-6 md:grid-cols-2">
              <TimerCard businessId={businessId} auditId={auditId} taskNames={taskNames} />
              <QuickAddCard
                businessId={businessId}
                auditId={auditId}
                taskNames={taskNames}
                date={addDate}
                onDateChange={setAddDate}
                period={period}
              />
            </div>
            <EntriesCard
              businessId={businessId}
              auditId={auditId}
              tasks={taskList}
              period={period}
            />
          </>
        )}
        {section === 'tasks' &&
          (tasks.isPending || categories.isPending ? (
            <Loading what="Loading tasks" />
          ) : tasks.isError || categories.isError ? (
            <Alert>{errorMessage(tasks.error ?? categories.error)}</Alert>
          ) : (
            <TasksCard
              businessId={businessId}
              auditId={auditId}
              tasks={taskList}
              categories={categories.data.items}
            />
          ))}
        {section === 'import' && (
          <ImportPanel businessId={businessId} auditId={auditId} period={period} />
        )}
        {section === 'results' && summary.data && (
          <ResultsSection
            businessId={businessId}
            summary={summary.data}
            viewerTimeZone={viewerTimeZone}
            onSetCategory={() => void go('tasks')}
          />
        )}
      </div>
      <ConfirmDialog
        open={closing}
        title="Close this audit?"
        confirmLabel="Close audit"
        busy={close.isPending}
        onCancel={() => setClosing(false)}
        onConfirm={closeAudit}
      >
        Logging stops and the results are kept as they are now, readable under past audits. You can
        then start a new audit.
      </ConfirmDialog>
    </>
  );
}

/** Candidates, charts, the formula, exports and job drafts — shared by active and past audits. */
export function ResultsSection({
  businessId,
  summary,
  viewerTimeZone,
  onSetCategory,
}: {
  businessId: string;
  summary: AuditSummary;
  viewerTimeZone: string;
  onSetCategory?: () => void;
}) {
  return (
    <div className="space-y-6">
      <CandidatesCard businessId={businessId} summary={summary} onSetCategory={onSetCategory} />
      <Suspense fallback={<Loading what="Loading charts" />}>
        <ChartsCard summary={summary} />
      </Suspense>
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <ScoreExplainedCard lines={summary.scoreExplained} />
        <section className="rounded-lg bg-white px-5 py-4 shadow-sm ring-1 ring-slate-200">
          <h2 className="text-base font-semibold text-slate-900">Export</h2>
          <p className="mt-1 mb-3 text-sm text-slate-600">
            Take the entries or the ranked candidates to a spreadsheet.
          </p>
          <ExportLinks businessId={businessId} auditId={summary.audit.id} />
        </section>
      </div>
      <JobDraftsCard businessId={businessId} auditId={summary.audit.id} timeZone={viewerTimeZone} />
    </div>
  );
}
