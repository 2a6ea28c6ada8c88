import { Link, useParams, useSearch } from '@tanstack/react-router';
import { ArrowLeft, ClipboardList } from 'lucide-react';
import type { ReactNode } from 'react';
import type { Business } from '../../../core/contracts/accounts.ts';
import { roleCan } from '../../../core/roles.ts';
import { errorMessage } from '../../api.ts';
import { Alert, Loading } from '../../ui/feedback.tsx';
import { PageHeader } from '../../ui/layout.tsx';
import { useBusiness, useCategories, useMe } from '../../hooks.ts';
import { formatDay, todayIn } from '../../format.ts';
import { EntriesCard } from './entries.tsx';
import { ProgressCard } from './progress.tsx';
import type { Section } from './sections.ts';
import { PastAudits, StartAuditForm } from './start-audit.tsx';
import { TasksCard } from './tasks-table.tsx';
import { useAudits, useSummary, useTasks } from './audit-queries.ts';
import { AuditWorkspace, ResultsSection } from './workspace.tsx';

/**
 * Loads the business and the viewer and lets only owners and managers through: the audit is
 * the owner's own time and what it costs, which viewers of the business do not see.
 */
function AuditAccess({
  businessId,
  children,
}: {
  businessId: string;
  children: (business: Business, viewerTimeZone: string) => ReactNode;
}) {
  const me = useMe();
  const business = useBusiness(businessId);
  if (business.isError) return <Alert>{errorMessage(business.error)}</Alert>;
  if (business.isPending || !me.data) return <Loading what="Loading the audit" />;
  if (!roleCan(business.data.myRole, 'audit.manage'))
    return (
      <>
        <PageHeader title="Operations audit" description={business.data.name} />
        <Alert tone="info">
          The operations audit is the owner’s own time and what it costs; only owners and managers
          of {business.data.name} can see it.
        </Alert>
      </>
    );
  return <>{children(business.data, me.data.user.timeZone)}</>;
}

function Intro() {
  return (
    <div className="flex gap-4 rounded-lg border border-dashed border-slate-300 bg-white px-6 py-6">
      <ClipboardList size={28} aria-hidden className="mt-0.5 shrink-0 text-brand-700" />
      <div>
        <p className="font-medium text-slate-900">
          Log a month of your own work; Handoff tells you what to hand off.
        </p>
        <p className="mt-1 text-sm text-slate-600">
          Time your tasks as you go, add what you did after the fact, or import a time-tracker
          export. Say how much you dislike each task and what kind of work it is; Handoff ranks what
          to outsource, shows what your hours cost against the market, and drafts the job.
        </p>
      </div>
    </div>
  );
}

/** /app/businesses/:id/audit — the active audit, or the start of a new one and past audits. */
export function AuditPage() {
  const { businessId } = useParams({ from: '/shell/app/businesses/$businessId/audit' });
  const { section } = useSearch({ from: '/shell/app/businesses/$businessId/audit' });
  return (
    <AuditAccess businessId={businessId}>
      {(business, viewerTimeZone) => (
        <AuditHome business={business} section={section ?? 'log'} viewerTimeZone={viewerTimeZone} />
      )}
    </AuditAccess>
  );
}

function AuditHome({
  business,
  section,
  viewerTimeZone,
}: {
  business: Business;
  section: Section;
  viewerTimeZone: string;
}) {
  const audits = useAudits(business.id);
  if (audits.isPending) return <Loading what="Loading audits" />;
  if (audits.isError) return <Alert>{errorMessage(audits.error)}</Alert>;
  const active = audits.data.items.find((a) => a.status === 'active');
  if (active)
    return (
      <AuditWorkspace
        audit={active}
        section={section}
        businessTimeZone={business.timeZone}
        viewerTimeZone={viewerTimeZone}
      />
    );
  return (
    <>
      <PageHeader title="Operations audit" description={business.name} />
      <div className="space-y-6">
        <Intro />
        <StartAuditForm
          businessId={business.id}
          currency={business.currency}
          timeZone={business.timeZone}
        />
        <PastAudits businessId={business.id} audits={audits.data.items} />
      </div>
    </>
  );
}

/** /app/businesses/:id/audits/:auditId — a past audit's results, read-only. */
export function PastAuditPage() {
  const { businessId, auditId } = useParams({
    from: '/shell/app/businesses/$businessId/audits/$auditId',
  });
  return (
    <AuditAccess businessId={businessId}>
      {(business, viewerTimeZone) => (
        <PastAudit business={business} auditId={auditId} viewerTimeZone={viewerTimeZone} />
      )}
    </AuditAccess>
  );
}

function PastAudit({
  business,
  auditId,
  viewerTimeZone,
}: {
  business: Business;
  auditId: string;
  viewerTimeZone: string;
}) {
  const summary = useSummary(business.id, auditId);
  const tasks = useTasks(business.id, auditId);
  const categories = useCategories();
  const back = (
    <Link
      to="/app/businesses/$businessId/audit"
      params={{ businessId: business.id }}
      className="inline-flex items-center gap-1 text-sm text-brand-700 underline"
    >
      <ArrowLeft size={14} aria-hidden /> All audits
    </Link>
  );
  if (summary.isPending) return <Loading what="Loading the audit" />;
  if (summary.isError)
    return (
      <div className="space-y-4">
        {back}
        <Alert>{errorMessage(summary.error)}</Alert>
      </div>
    );
  const { audit } = summary.data;
  const period = { start: audit.periodStart, end: audit.periodEnd };
  return (
    <>
      <div className="mb-3">{back}</div>
      <PageHeader
        title={`Audit of ${formatDay(audit.periodStart)} – ${formatDay(audit.periodEnd)}`}
        description={`${business.name} · ${audit.status === 'active' ? 'in progress' : 'closed'}`}
      />
      <div className="space-y-6">
        {audit.status === 'active' && (
          <Alert tone="info">
            This audit is still running.{' '}
            <Link
              to="/app/businesses/$businessId/audit"
              params={{ businessId: business.id }}
              className="font-medium underline"
            >
              Open it to log time
            </Link>
            .
          </Alert>
        )}
        <ProgressCard summary={summary.data} today={todayIn(business.timeZone)} />
        <ResultsSection
          businessId={business.id}
          summary={summary.data}
          viewerTimeZone={viewerTimeZone}
        />
        {tasks.data && categories.data && (
          <TasksCard
            businessId={business.id}
            auditId={auditId}
            tasks={tasks.data.items}
            categories={categories.data.items}
            readOnly
          />
        )}
        <EntriesCard
          businessId={business.id}
          auditId={auditId}
          tasks={tasks.data?.items ?? []}
          period={period}
          readOnly
        />
      </div>
    </>
  );
}
