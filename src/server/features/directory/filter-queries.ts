/**
 * The directory's search in SQL: the filter's conditions on profiles and listings, each order's
 * key and its cursor type, and the time-zone overlap. The statements that read pages and counts
 * with them are in `queries.ts`.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DirectorySort } from '../../../core/contracts/directory.ts';
import type { UtcWindow } from '../../../core/working-window.ts';
import type { Tx } from '../../db/client.ts';
import {
  businessListings,
  professionalProfiles as p,
  talentContacts,
} from '../../db/schema/index.ts';

const DAY = 1440;
/** The largest rate key: profiles without a rate sort after every rate, in both rate orders. */
const NO_RATE = 9_007_199_254_740_991;

export interface DirectoryFilter {
  q?: string;
  kind: 'all' | 'professionals' | 'businesses';
  category?: string;
  skillSlugs: string[];
  languageCodes: string[];
  country?: string;
  availability?: 'available' | 'limited' | 'unavailable';
  minUsd?: number;
  maxUsd?: number;
  minRating?: number;
  minJobs?: number;
  minYears?: number;
  /** At least `minutes` of the professional's UTC working day within `viewer`. */
  overlap?: { viewer: UtcWindow; minutes: number };
  /** Only this business's private pool (workspace mode, or `pool=true`). */
  poolOf?: string;
  sort: DirectorySort;
  /** The last row of the previous page: its sort key and id. */
  after?: { key: number; id: string };
  limit: number;
}

/**
 * A window's length in minutes as SQL, from its start and end columns: a full day when they
 * meet, as `working-window.ts → windowLength` says.
 */
const lengthSql = (start: SQL, end: SQL) =>
  sql`(case when ((((${end}) - (${start})) % ${DAY}) + ${DAY}) % ${DAY} = 0 then ${DAY} else ((((${end}) - (${start})) % ${DAY}) + ${DAY}) % ${DAY} end)`;

/**
 * The minutes a daily window (start and end in minutes after midnight UTC, as SQL) shares with
 * the viewer's: `working-window.ts → overlapMinutes` written in SQL (each window unrolled onto
 * two days, compared with the other shifted by a day either way). Pure arithmetic on the row,
 * so the filter costs no more than reading it; `overlap.test.ts` checks both give the same minutes.
 */
export function overlapSql(start: SQL, end: SQL, viewer: UtcWindow): SQL {
  const lenP = lengthSql(start, end);
  const vLen = viewerLength(viewer);
  const part = (shift: number) =>
    sql`greatest(0, least((${start}) + ${lenP}, ${viewer.start + vLen + shift}::int) - greatest((${start}), ${viewer.start + shift}::int))`;
  return sql`least(${part(-DAY)} + ${part(0)} + ${part(DAY)}, ${lenP}, ${vLen}::int)`;
}

function viewerLength(w: UtcWindow): number {
  const len = (((w.end - w.start) % DAY) + DAY) % DAY;
  return len === 0 ? DAY : len;
}

/** The SQL overlap of each of `pros` with `viewer`: lets tests compare it with the pure rule. */
export async function sqlOverlapMinutes(
  tx: Tx,
  pros: UtcWindow[],
  viewer: UtcWindow,
): Promise<number[]> {
  const values = sql.join(
    pros.map((w, i) => sql`(${i}::int, ${w.start}::int, ${w.end}::int)`),
    sql`, `,
  );
  const rows = await tx.execute<{ m: number }>(
    sql`select ${overlapSql(sql`s`, sql`e`, viewer)} as m from (values ${values}) v(i, s, e) order by i`,
  );
  return rows.rows.map((r) => Number(r.m));
}

/** The literal predicate of the directory's partial indexes: a profile anyone may find. */
export const VISIBLE = sql`${p.visibility} = 'public' and ${p.moderatedAt} is null`;

/** The web-search query, or null for none; a query of stop words only is no filter. */
const tsQuery = (q: string) => sql`websearch_to_tsquery('english', ${q})`;

/** Each order's key for profiles: every order is `key desc, id desc` (see the partial indexes). */
export function profileKey(sort: DirectorySort, q: string | undefined): SQL {
  switch (sort) {
    case 'relevance':
      return q ? sql`ts_rank(${p.search}, ${tsQuery(q)})` : profileKey('rating', q);
    case 'rating':
      return sql`coalesce(${p.ratingAvg}, 0)`;
    case 'rate-desc':
      return sql`coalesce(${p.rateUsd}, -1)`;
    case 'rate-asc':
      return sql`(- coalesce(${p.rateUsd}, ${sql.raw(String(NO_RATE))}))`;
    case 'experience':
      return sql`${p.yearsExperience}`;
    default:
      return sort satisfies never;
  }
}

/** The same key for a listing, which has no rate, rating or years: after every professional who has. */
export function listingKey(sort: DirectorySort, q: string | undefined): SQL {
  switch (sort) {
    case 'relevance':
      return q ? sql`ts_rank(${businessListings.search}, ${tsQuery(q)})` : listingKey('rating', q);
    case 'rating':
      return sql`0::float8`;
    case 'rate-desc':
      return sql`(-1)::bigint`;
    case 'rate-asc':
      return sql`(- ${sql.raw(String(NO_RATE))})::bigint`;
    case 'experience':
      return sql`0`;
    default:
      return sort satisfies never;
  }
}

/** The type the cursor's key is compared as: its column's own, so the index's range applies. */
export function keyCast(sort: DirectorySort, q: string | undefined, key: number): SQL {
  switch (sort) {
    case 'relevance':
      return q ? sql`${key}::real` : keyCast('rating', q, key);
    case 'rating':
      return sql`${key}::float8`;
    case 'rate-desc':
    case 'rate-asc':
      return sql`${key}::bigint`;
    case 'experience':
      return sql`${key}::int`;
    default:
      return sort satisfies never;
  }
}

/** Whether any filter only professionals have is set: listings are then left out. */
export function professionalsOnlyFilter(f: DirectoryFilter): boolean {
  return (
    f.skillSlugs.length > 0 ||
    f.languageCodes.length > 0 ||
    f.availability !== undefined ||
    f.minUsd !== undefined ||
    f.maxUsd !== undefined ||
    f.minRating !== undefined ||
    f.minJobs !== undefined ||
    f.minYears !== undefined ||
    f.overlap !== undefined ||
    f.poolOf !== undefined
  );
}

/**
 * The rate and rating bounds. When the order is by that column they are written on the order's
 * key, as its index is (with `is not null` where the key's coalesce would let a missing value
 * in): the index then starts at the range instead of reading and discarding every row before
 * it, and the planner's estimate comes from the key's own statistics.
 */
function rangeWhere(f: DirectoryFilter): SQL[] {
  const where: SQL[] = [];
  const key = profileKey(f.sort, f.q);
  if (f.sort === 'rate-desc' && (f.minUsd !== undefined || f.maxUsd !== undefined)) {
    // key = coalesce(rate_usd, -1)
    where.push(sql`${p.rateUsd} is not null`);
    if (f.minUsd !== undefined) where.push(sql`${key} >= ${f.minUsd}`);
    if (f.maxUsd !== undefined) where.push(sql`${key} <= ${f.maxUsd}`);
  } else if (f.sort === 'rate-asc' && (f.minUsd !== undefined || f.maxUsd !== undefined)) {
    // key = -coalesce(rate_usd, NO_RATE): a missing rate is below every bound.
    if (f.minUsd !== undefined)
      where.push(sql`${p.rateUsd} is not null`, sql`${key} <= ${-f.minUsd}`);
    if (f.maxUsd !== undefined) where.push(sql`${key} >= ${-f.maxUsd}`);
  } else {
    if (f.minUsd !== undefined) where.push(sql`${p.rateUsd} >= ${f.minUsd}`);
    if (f.maxUsd !== undefined) where.push(sql`${p.rateUsd} <= ${f.maxUsd}`);
  }
  if (f.minRating !== undefined) {
    where.push(
      f.sort === 'rating'
        ? sql`${p.ratingAvg} is not null and ${key} >= ${f.minRating}`
        : sql`${p.ratingAvg} >= ${f.minRating}`,
    );
  }
  return where;
}

export function profileWhere(f: DirectoryFilter): SQL[] {
  const where: SQL[] = [VISIBLE];
  if (f.q) where.push(sql`(numnode(${tsQuery(f.q)}) = 0 or ${p.search} @@ ${tsQuery(f.q)})`);
  if (f.category) where.push(sql`${p.categorySlugs} @> array[${f.category}]::text[]`);
  if (f.skillSlugs.length > 0) {
    where.push(
      sql`${p.skillSlugs} @> array[${sql.join(
        f.skillSlugs.map((s) => sql`${s}`),
        sql`, `,
      )}]::text[]`,
    );
  }
  if (f.languageCodes.length > 0) {
    where.push(
      sql`${p.languageCodes} @> array[${sql.join(
        f.languageCodes.map((s) => sql`${s}`),
        sql`, `,
      )}]::text[]`,
    );
  }
  if (f.country) where.push(sql`${p.country} = ${f.country}`);
  if (f.availability) where.push(sql`${p.availability} = ${f.availability}`);
  where.push(...rangeWhere(f));
  if (f.minJobs !== undefined) where.push(sql`${p.completedJobs} >= ${f.minJobs}`);
  if (f.minYears !== undefined) where.push(sql`${p.yearsExperience} >= ${f.minYears}`);
  if (f.overlap) {
    const m = overlapSql(sql`${p.workStartUtc}`, sql`${p.workEndUtc}`, f.overlap.viewer);
    where.push(
      sql`${p.workStartUtc} is not null and ${p.workEndUtc} is not null and ${m} >= ${f.overlap.minutes}`,
    );
  }
  if (f.poolOf) {
    where.push(
      sql`exists (select 1 from ${talentContacts} where ${talentContacts.businessId} = ${f.poolOf} and ${talentContacts.userId} = ${p.userId} and ${talentContacts.inPool})`,
    );
  }
  return where;
}

export function listingWhere(f: DirectoryFilter): SQL[] {
  const where: SQL[] = [sql`${businessListings.status} = 'approved'`];
  if (f.q) {
    where.push(
      sql`(numnode(${tsQuery(f.q)}) = 0 or ${businessListings.search} @@ ${tsQuery(f.q)})`,
    );
  }
  if (f.category)
    where.push(sql`${businessListings.categorySlugs} @> array[${f.category}]::text[]`);
  if (f.country) where.push(sql`${businessListings.countries} @> array[${f.country}]::text[]`);
  return where;
}

export const includesProfiles = (f: DirectoryFilter) => f.kind !== 'businesses';
export const includesListings = (f: DirectoryFilter) =>
  f.kind !== 'professionals' && !professionalsOnlyFilter(f);
