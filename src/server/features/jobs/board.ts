/**
 * The public side of jobs: the job board (open public jobs, searched and filtered) and a job's
 * public page (its brief, for whoever `authorizeBrief` lets read it).
 */
import { z } from 'zod';
import type { BoardJob, PublicJob } from '../../../core/contracts/jobs.ts';
import { BoardQuerySchema, POSTED_WITHIN } from '../../../core/contracts/jobs.ts';
import { skillSlug } from '../../../core/jobs.ts';
import { convert } from '../../../core/money.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { badRequest } from '../../lib/errors.ts';
import { badCursor, decodeCursor, page } from '../../lib/pagination.ts';
import { ratesPerUsd } from '../catalog/catalog.ts';
import { listLayerAttachments } from './attachment-queries.ts';
import {
  businessName,
  listBoardJobs,
  type BoardCursor,
  type BoardFilter,
  type BoardRow,
  type BudgetFilter,
} from './board-queries.ts';
import { authorizeBrief, type Mode, type ReaderScope } from './policy.ts';
import { presentBoardJob, presentPublicJob } from './present.ts';

export type BoardQueryInput = z.output<typeof BoardQuerySchema>;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A cursor as it travels: base64url of a small JSON. Opaque to clients, checked on the way in.
 * `m` is `published_at` in microseconds since the epoch: a safe integer (`z.int()`), so any
 * value that passes is an instant Postgres can hold and compute with.
 */
const CursorSchema = z.union([
  z.object({ s: z.literal('n'), m: z.int(), i: z.uuid() }),
  z.object({ s: z.literal('b'), b: z.int().nullable(), i: z.uuid() }),
]);

/** The wire form of a page's last row, in the order the page was read. */
function wireCursor(cursor: BoardCursor) {
  return cursor.sort === 'newest'
    ? { s: 'n', m: cursor.micros, i: cursor.id }
    : { s: 'b', b: cursor.budgetUsd, i: cursor.id };
}

function decodeBoardCursor(text: string): BoardCursor {
  const wire = decodeCursor(CursorSchema, text);
  if (!wire) throw badCursor();
  return wire.s === 'n'
    ? { sort: 'newest', micros: wire.m, id: wire.i }
    : { sort: 'budget', budgetUsd: wire.b, id: wire.i };
}

/** A cursor must come from a page of the same order. */
function cursorOf<S extends BoardCursor['sort']>(
  text: string | undefined,
  sort: S,
): Extract<BoardCursor, { sort: S }> | undefined {
  if (!text) return undefined;
  const cursor = decodeBoardCursor(text);
  if (cursor.sort !== sort) throw badCursor('This cursor belongs to another sort order');
  return cursor as Extract<BoardCursor, { sort: S }>;
}

/** Comma-separated skill names or slugs, as slugs, without blanks or repeats. */
export function skillSlugsOf(skills: string | undefined): string[] {
  if (!skills) return [];
  const slugs = skills
    .split(',')
    .map((s) => skillSlug(s))
    .filter(Boolean);
  return [...new Set(slugs)];
}

/**
 * The budget filter: a kind, and the bounds in US cents (a currency without an exchange rate is
 * a 400). Undefined without a kind: `BoardQuerySchema` refuses bounds without one.
 */
async function budgetFilterOf(tx: Tx, q: BoardQueryInput): Promise<BudgetFilter | undefined> {
  const { budgetType, budgetMin, budgetMax } = q;
  if (!budgetType) return undefined;
  if (budgetMin === undefined && budgetMax === undefined) return { type: budgetType };
  if (budgetMin !== undefined && budgetMax !== undefined && budgetMin > budgetMax) {
    throw badRequest('The budget’s lower bound is above its upper bound.', [
      { path: 'querystring.budgetMax', message: 'Must not be below budgetMin' },
    ]);
  }
  const currency = q.currency ?? 'USD';
  const rates = currency === 'USD' ? {} : await ratesPerUsd(tx);
  const toUsd = (amount: number | undefined) => {
    if (amount === undefined) return undefined;
    const usd = convert({ amount, currency }, 'USD', rates);
    if (!usd) {
      throw badRequest(`There is no exchange rate for ${currency} yet.`, [
        { path: 'querystring.currency', message: 'No exchange rate for this currency' },
      ]);
    }
    return usd.amount;
  };
  return { type: budgetType, minUsd: toUsd(budgetMin), maxUsd: toUsd(budgetMax) };
}

/**
 * The board query's filter for a request's query string (400 for a bad cursor, an upside-down
 * budget range, a currency without a rate). Exported for the benchmark, which EXPLAINs the
 * exact SQL the server runs.
 */
export async function boardFilterOf(tx: Tx, now: Date, q: BoardQueryInput): Promise<BoardFilter> {
  const base = {
    q: q.q || undefined,
    category: q.category,
    skillSlugs: skillSlugsOf(q.skills),
    since: q.postedWithin
      ? new Date(now.getTime() - POSTED_WITHIN[q.postedWithin] * DAY_MS)
      : undefined,
    limit: q.limit,
  };
  const budget = await budgetFilterOf(tx, q);
  if (q.sort === 'newest') {
    return { ...base, sort: 'newest', budget, after: cursorOf(q.cursor, 'newest') };
  }
  // BoardQuerySchema already answers this 400; here it narrows the type for the budget order.
  if (!budget) {
    throw badRequest('Sorting by budget needs a budget type.', [
      { path: 'querystring.budgetType', message: 'Required with sort=budget' },
    ]);
  }
  return { ...base, sort: 'budget', budget, after: cursorOf(q.cursor, 'budget') };
}

export function createBoardService({ db, clock, mode }: { db: Db; clock: Clock; mode: Mode }) {
  return {
    /**
     * A page of open public jobs matching the query, newest or biggest budget first. A private
     * workspace has nothing public (`isPublicBrief`), not even a job published publicly before
     * the switch: its board is always an empty page, for members too (they have their job list).
     */
    async search(q: BoardQueryInput): Promise<{ items: BoardJob[]; nextCursor: string | null }> {
      // The query is checked all the same, so a bad one is a 400 in either mode.
      const filter = await boardFilterOf(db, clock.now(), q);
      if (mode === 'workspace') return { items: [], nextCursor: null };
      const rows = await listBoardJobs(db, filter);
      const { items, nextCursor } = page(rows, q.limit, (last: BoardRow) =>
        wireCursor(
          q.sort === 'newest'
            ? { sort: 'newest', micros: last.cursorMicros, id: last.id }
            : { sort: 'budget', budgetUsd: last.budgetUsd, id: last.id },
        ),
      );
      return { items: items.map((r) => presentBoardJob(r, r.businessName)), nextCursor };
    },

    /** A job's brief and brief attachments, for whoever may read it (else 404). */
    async publicJob({ userId, jobId }: ReaderScope): Promise<PublicJob> {
      const job = await authorizeBrief(db, jobId, userId, mode);
      const [name, attachments] = await Promise.all([
        businessName(db, job.businessId),
        listLayerAttachments(db, job.id, 'brief'),
      ]);
      return presentPublicJob(job, name, attachments);
    },
  };
}
