import { Readable } from 'node:stream';
import { minorDigits, toMajor, type Money } from '../../../core/money.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { csvWriter } from '../../lib/csv.ts';
import { authorizeAudit, type AuditScope } from './policy.ts';
import { listEntries, listTasksWithTotals } from './queries.ts';
import { computeSummary } from './summary.ts';

const PAGE = 5000;
const money = (m: Money | null) => (m ? toMajor(m).toFixed(minorDigits(m.currency)) : '');

/** CSV exports of an audit: every entry, and the ranked candidates. Streamed page by page. */
export function createExportService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    async entries({ userId, businessId, auditId }: AuditScope): Promise<Readable> {
      await authorizeAudit(db, userId, businessId, auditId);
      const tasks = new Map((await listTasksWithTotals(db, auditId)).map((t) => [t.id, t]));
      async function* rows() {
        let after: { date: string; id: string } | undefined;
        for (;;) {
          const page = await listEntries(db, auditId, { limit: PAGE, after });
          for (const e of page.slice(0, PAGE)) {
            const task = tasks.get(e.taskId);
            yield [
              e.date,
              e.taskName,
              e.minutes,
              e.source,
              task?.frequency ?? '',
              task?.dislike ?? '',
              task?.nature ?? '',
              task?.category ?? '',
            ];
          }
          const last = page[PAGE - 1];
          if (page.length <= PAGE || !last) return;
          after = { date: last.date, id: last.id };
        }
      }
      return Readable.from(rows()).pipe(
        csvWriter([
          'date',
          'task',
          'minutes',
          'source',
          'frequency',
          'dislike',
          'nature',
          'category',
        ]),
      );
    },

    async candidates({ userId, businessId, auditId }: AuditScope): Promise<Readable> {
      const audit = await authorizeAudit(db, userId, businessId, auditId);
      const summary = await computeSummary(db, audit, clock.now());
      const records = summary.candidates.map((c, i) => [
        i + 1,
        c.name,
        c.score,
        c.parts.hours,
        c.parts.dislike,
        c.parts.nature,
        c.monthlyHours,
        c.categoryName ?? '',
        c.nature ?? '',
        audit.currency,
        money(c.ownerCost),
        money(c.marketCost),
        money(c.saving),
      ]);
      return Readable.from(records).pipe(
        csvWriter([
          'rank',
          'task',
          'score',
          'hours_points',
          'dislike_points',
          'nature_points',
          'monthly_hours',
          'category',
          'nature',
          'currency',
          'owner_cost',
          'market_cost',
          'saving',
        ]),
      );
    },
  };
}
