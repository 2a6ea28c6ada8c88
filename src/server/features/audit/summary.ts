import {
  AUDIT_SCORE_EXPLAINED,
  hoursByGroup,
  auditProgress,
  draftBudget,
  monthlyHours,
  rankCandidates,
  todayIn,
} from '../../../core/audit.ts';
import type { AuditSummary, CandidateView, JobDraft } from '../../../core/contracts/audit.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import type { BusinessScope } from '../../lib/scope.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { findBusiness } from '../accounts/queries.ts';
import { authorizeBusiness } from '../accounts/policy.ts';
import { listCategories, ratesPerUsd } from '../catalog/catalog.ts';
import { authorizeAudit, type AuditScope } from './policy.ts';
import { presentAudit, presentDraft } from './present.ts';
import {
  insertJobDraft,
  listJobDrafts,
  listTasksWithTotals,
  loggedDates,
  type AuditRow,
} from './queries.ts';

const MISSING_DAYS_SHOWN = 14;

/** Everything the results page shows, computed by the pure rules in src/core/audit.ts. */
export async function computeSummary(tx: Tx, audit: AuditRow, now: Date): Promise<AuditSummary> {
  // One after another: `tx` may be a transaction, a single connection that cannot run queries
  // side by side (pg queues them today with a deprecation warning and will refuse in pg 9).
  const tasks = await listTasksWithTotals(tx, audit.id);
  const dates = await loggedDates(tx, audit.id);
  const categories = await listCategories(tx);
  const rates = await ratesPerUsd(tx);
  const business = await findBusiness(tx, audit.businessId);
  const progress = auditProgress(
    { start: audit.periodStart, end: audit.periodEnd },
    dates,
    todayIn(business?.timeZone ?? 'UTC', now),
  );
  const names = new Map(categories.map((c) => [c.slug, c.name]));
  const logged = tasks.filter((t) => t.totalMinutes > 0);
  const candidates: CandidateView[] = rankCandidates(
    logged.map((t) => ({ ...t, taskId: t.id })),
    {
      daysCovered: progress.daysCovered,
      hourlyValue: { amount: audit.hourlyValueAmount, currency: audit.currency },
      categoryRates: Object.fromEntries(categories.map((c) => [c.slug, c.marketRate])),
      ratesPerUsd: rates,
    },
  ).map((c) => ({ ...c, categoryName: c.category ? (names.get(c.category) ?? c.category) : null }));

  const totalMinutes = logged.reduce((s, t) => s + t.totalMinutes, 0);
  return {
    audit: presentAudit(audit),
    progress: {
      periodDays: progress.periodDays,
      daysCovered: progress.daysCovered,
      hoursLogged: Math.round((totalMinutes / 60) * 100) / 100,
      missingDays: progress.missingDays.slice(0, MISSING_DAYS_SHOWN),
    },
    candidates,
    coreTasks: logged
      .filter((t) => t.nature === 'core')
      .map((t) => ({
        taskId: t.id,
        name: t.name,
        monthlyHours:
          Math.round(monthlyHours(t.totalMinutes, progress.daysCovered, t.frequency) * 100) / 100,
      })),
    hoursByCategory: hoursByGroup(logged).map((g) => ({
      ...g,
      name:
        g.kind === 'core'
          ? 'Your core work'
          : g.category
            ? (names.get(g.category) ?? g.category)
            : 'Not categorised yet',
    })),
    scoreExplained: AUDIT_SCORE_EXPLAINED,
  };
}

export function createSummaryService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    async summary({ userId, businessId, auditId }: AuditScope): Promise<AuditSummary> {
      const audit = await authorizeAudit(db, userId, businessId, auditId);
      return computeSummary(db, audit, clock.now());
    },

    /**
     * "Hand this off": a job draft from a candidate, prefilled with its title, category, monthly
     * hours and a budget range around the market cost (none without a category to price it).
     */
    async draftJob({
      userId,
      businessId,
      auditId,
      taskId,
    }: AuditScope & { taskId: string }): Promise<JobDraft> {
      return db.transaction(async (tx) => {
        const audit = await authorizeAudit(tx, userId, businessId, auditId);
        const summary = await computeSummary(tx, audit, clock.now());
        if (summary.coreTasks.some((t) => t.taskId === taskId)) {
          throw conflict(
            'This task is marked as core — your own unique input — so it is not handed off.',
          );
        }
        const candidate = summary.candidates.find((c) => c.taskId === taskId);
        if (!candidate) throw notFound('Candidate');
        const budget = candidate.marketCost ? draftBudget(candidate.marketCost) : null;
        const row = await insertJobDraft(tx, {
          id: newId(),
          businessId,
          auditId,
          taskId,
          title: candidate.name,
          categorySlug: candidate.category,
          hoursPerMonth: candidate.monthlyHours,
          budgetMinAmount: budget?.min.amount ?? null,
          budgetMaxAmount: budget?.max.amount ?? null,
          currency: audit.currency,
          createdBy: userId,
          createdAt: clock.now(),
        });
        return presentDraft(row);
      });
    },

    async drafts({ userId, businessId }: BusinessScope): Promise<JobDraft[]> {
      await authorizeBusiness(db, businessId, userId, 'audit.manage');
      return (await listJobDrafts(db, businessId)).map((r) => presentDraft(r.draft, r.jobId));
    },
  };
}
