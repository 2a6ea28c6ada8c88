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
import { ratesPerUsd } from '../admin/catalog.ts';
import { listLayerAttachments } from './attachment-queries.ts';
import {
  businessName,
  listBoardJobs,
  type BoardCursor,
  type BoardFilter,
  type BoardRow,
} from './board-queries.ts';
import { authorizeBrief } from './policy.ts';
import { presentBoardJob, presentPublicJob } from './present.ts';

export type BoardQueryInput = z.output<typeof BoardQuerySchema>;

const DAY_MS = 24 * 60 * 60 * 1000;
/** `timestamptz::text` as Postgres writes it (ISO DateStyle): `2026-07-14 23:30:00.123456+00`. */
const PG_TIMESTAMPTZ =
  /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/;

/** A cursor as it travels: base64url of a small JSON. Opaque to clients, checked on the way in. */
const CursorSchema = z.union([
  z.object({ s: z.literal('n'), t: z.string().min(1).max(40), i: z.uuid() }),
  z.object({ s: z.literal('b'), b: z.number().int().nullable(), i: z.uuid() }),
]);

function encodeCursor(cursor: BoardCursor): string {
  const wire =
    cursor.sort === 'newest'
      ? { s: 'n', t: cursor.publishedAt, i: cursor.id }
      : { s: 'b', b: cursor.budgetUsd, i: cursor.id };
  return Buffer.from(JSON.stringify(wire)).toString('base64url');
}

const badCursor = (message: string) =>
  badRequest('The cursor is not one this list gave out.', [
    { path: 'querystring.cursor', message },
  ]);

function decodeCursor(text: string, sort: BoardQueryInput['sort']): BoardCursor {
  let wire: z.infer<typeof CursorSchema>;
  try {
    wire = CursorSchema.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
  } catch {
    throw badCursor('Invalid cursor');
  }
  if (wire.s === 'n') {
    if (sort !== 'newest') throw badCursor('This cursor belongs to another sort order');
    // Postgres reads it back as a time: refuse anything but the shape it wrote, and a real date.
    const m = PG_TIMESTAMPTZ.exec(wire.t);
    const local = m ? `${m[1]}T${m[2]}` : '';
    const date = new Date(`${local}Z`);
    // A round trip catches what the pattern lets through: 2026-02-30, 24:00.
    if (!m || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 19) !== local)
      throw badCursor('Invalid cursor');
    return { sort: 'newest', publishedAt: wire.t, id: wire.i };
  }
  if (sort !== 'budget') throw badCursor('This cursor belongs to another sort order');
  return { sort: 'budget', budgetUsd: wire.b, id: wire.i };
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

/** The budget bounds in US cents; a currency without an exchange rate is a 400. */
async function budgetBoundsUsd(tx: Tx, q: BoardQueryInput) {
  const { budgetMin, budgetMax } = q;
  if (budgetMin === undefined && budgetMax === undefined) return {};
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
  return { minUsd: toUsd(budgetMin), maxUsd: toUsd(budgetMax) };
}

/**
 * The board query's filter for a request's query string (400 for a bad cursor, an upside-down
 * budget range, a currency without a rate). Exported for the benchmark, which EXPLAINs the
 * exact SQL the server runs.
 */
export async function boardFilterOf(tx: Tx, now: Date, q: BoardQueryInput): Promise<BoardFilter> {
  return {
    q: q.q || undefined,
    category: q.category,
    skillSlugs: skillSlugsOf(q.skills),
    budgetType: q.budgetType,
    ...(await budgetBoundsUsd(tx, q)),
    since: q.postedWithin
      ? new Date(now.getTime() - POSTED_WITHIN[q.postedWithin] * DAY_MS)
      : undefined,
    sort: q.sort,
    after: q.cursor ? decodeCursor(q.cursor, q.sort) : undefined,
    limit: q.limit,
  };
}

export function createBoardService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /** A page of open public jobs matching the query, newest or biggest budget first. */
    async search(q: BoardQueryInput): Promise<{ items: BoardJob[]; nextCursor: string | null }> {
      const rows = await listBoardJobs(db, await boardFilterOf(db, clock.now(), q));
      const page = rows.slice(0, q.limit);
      const last: BoardRow | undefined = page.at(-1);
      const nextCursor =
        rows.length > q.limit && last
          ? encodeCursor(
              q.sort === 'newest'
                ? { sort: 'newest', publishedAt: last.cursorAt, id: last.id }
                : { sort: 'budget', budgetUsd: last.budgetUsd, id: last.id },
            )
          : null;
      return { items: page.map((r) => presentBoardJob(r, r.businessName)), nextCursor };
    },

    /** A job's brief and brief attachments, for whoever may read it (else 404). */
    async publicJob(userId: string | null, jobId: string): Promise<PublicJob> {
      const job = await authorizeBrief(db, jobId, userId);
      const [name, attachments] = await Promise.all([
        businessName(db, job.businessId),
        listLayerAttachments(db, job.id, 'brief'),
      ]);
      return presentPublicJob(job, name, attachments);
    },
  };
}
