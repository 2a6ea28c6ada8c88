/**
 * The directory's SQL: one page of visible profiles and approved listings, facet counts over a
 * bounded sample of the matches, and what the viewer's business knows of the page's professionals.
 */
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { RANK_CANDIDATES } from '../../../core/directory.ts';
import type { Db, Tx } from '../../db/client.ts';
import {
  businessConnections,
  businessListings,
  professionalProfiles as p,
  recommendations,
  savedListItems,
  savedLists,
  talentContacts,
  users,
} from '../../db/schema/index.ts';
import {
  includesListings,
  includesProfiles,
  keyCast,
  listingKey,
  listingWhere,
  profileKey,
  profileWhere,
  type DirectoryFilter,
} from './filter-queries.ts';
import { LOG_KEPT_VERSIONS, type Dependencies } from './result-cache.ts';

/**
 * One page of the directory (`limit + 1` rows) as one statement: visible profiles and, unless
 * a filter only professionals have is set, approved listings, each part ordered by its key and
 * cut at the page's length before the two are merged. Every order is `key desc, id desc` and the
 * cursor a row comparison, so a part with a matching partial index (rating, rate, experience)
 * reads only the page from it, at any depth. Returns the SQL, so the benchmark can EXPLAIN it.
 */
export function directoryPageSql(f: DirectoryFilter, candidates?: SQL): SQL {
  const parts: SQL[] = [];
  const after = (key: SQL, id: SQL) =>
    f.after
      ? [sql`(${key}, ${id}) < (${keyCast(f.sort, f.q, f.after.key)}, ${f.after.id}::uuid)`]
      : [];
  if (includesProfiles(f)) {
    const key = profileKey(f.sort, f.q);
    // Relevance ranks a bounded candidate set: the first RANK_CANDIDATES matches the plan meets
    // (in table order, so the same ones on every request and page), not every match. Ranking
    // every match of a common word read and ranked ~90,000 rows of a million (0.6 s); the
    // candidates are read and ranked in a few milliseconds. The subquery keeps the table's name,
    // so the key and the cursor below refer to its columns as they do elsewhere.
    const ranked = f.sort === 'relevance' && f.q !== undefined;
    // `candidates`, when given, are those rows read already (the first page's shared scan).
    const source = ranked
      ? sql`(${
          candidates ??
          sql`select * from ${p} where ${sql.join(profileWhere(f), sql` and `)}
          limit ${RANK_CANDIDATES}`
        }) as ${p}`
      : sql`${p}`;
    const where = [...(ranked ? [sql`true`] : profileWhere(f)), ...after(key, sql`${p.userId}`)];
    // The page is cut from the profiles alone, and only its rows are joined to their names: a
    // relevance order ranks every match, and joining each before the cut cost more than ranking.
    parts.push(sql`(select 'professional' as kind, pp.user_id as id, pp.slug, u.name, pp.headline,
        pp.photo_file_id, pp.rate_usd, pp.rate_amount, pp.rate_currency, pp.work_start_utc,
        pp.work_end_utc, pp.rating, pp.review_count, pp.completed_jobs, pp.years_experience,
        pp.availability, pp.availability_hours, pp.country, pp.categories, pp.skills,
        pp.languages, null::text as website, null::int as team_size, pp.sort_key
      from (select ${p.userId} as user_id, ${p.slug} as slug, ${p.headline} as headline,
          ${p.photoFileId} as photo_file_id, ${p.rateUsd} as rate_usd,
          ${p.hourlyRateAmount} as rate_amount, ${p.hourlyRateCurrency} as rate_currency,
          ${p.workStartUtc} as work_start_utc, ${p.workEndUtc} as work_end_utc,
          ${p.ratingAvg} as rating, ${p.reviewCount} as review_count,
          ${p.completedJobs} as completed_jobs, ${p.yearsExperience} as years_experience,
          ${p.availability} as availability, ${p.availabilityHoursPerWeek} as availability_hours,
          ${p.country} as country, ${p.categorySlugs} as categories, ${p.skillSlugs} as skills,
          ${p.languageCodes} as languages, (${key})::float8 as sort_key
        from ${source}
        where ${sql.join(where, sql` and `)}
        order by ${key} desc, ${p.userId} desc
        limit ${f.limit + 1}) pp
      join ${users} u on u.id = pp.user_id
      order by pp.sort_key desc, pp.user_id desc)`);
  }
  if (includesListings(f)) {
    const l = businessListings;
    const key = listingKey(f.sort, f.q);
    const where = [...listingWhere(f), ...after(key, sql`${l.id}`)];
    parts.push(sql`(select 'business' as kind, ${l.id} as id, null::text as slug, ${l.name} as name,
        left(${l.description}, 200) as headline, null::uuid as photo_file_id, null::bigint as rate_usd,
        null::bigint as rate_amount, null::text as rate_currency, null::int as work_start_utc,
        null::int as work_end_utc, null::float8 as rating, 0 as review_count, 0 as completed_jobs,
        0 as years_experience, null::text as availability, null::int as availability_hours,
        ${l.countries}[1] as country, ${l.categorySlugs} as categories, ${l.services} as skills,
        '{}'::text[] as languages, ${l.website} as website, ${l.teamSize} as team_size,
        (${key})::float8 as sort_key
      from ${l}
      where ${sql.join(where, sql` and `)}
      order by ${key} desc, ${l.id} desc
      limit ${f.limit + 1})`);
  }
  if (parts.length === 0) return sql`select null where false`;
  if (parts.length === 1) return parts[0]!;
  return sql`select * from (${sql.join(parts, sql` union all `)}) page
    order by sort_key desc, id desc limit ${f.limit + 1}`;
}

export interface DirectoryRow {
  kind: 'professional' | 'business';
  id: string;
  slug: string | null;
  name: string;
  headline: string;
  photo_file_id: string | null;
  rate_usd: number | null;
  rate_amount: number | null;
  rate_currency: string | null;
  work_start_utc: number | null;
  work_end_utc: number | null;
  rating: number | null;
  review_count: number;
  completed_jobs: number;
  years_experience: number;
  availability: 'available' | 'limited' | 'unavailable' | null;
  availability_hours: number | null;
  country: string | null;
  categories: string[];
  skills: string[];
  languages: string[];
  website: string | null;
  team_size: number | null;
  sort_key: number;
}

/**
 * A page of the directory and the ids of the profiles it read: a page in key order read its
 * rows; a relevance page read its candidates (`relevantPageSql`).
 */
export async function listDirectoryPage(
  db: Db,
  f: DirectoryFilter,
): Promise<{ rows: DirectoryRow[]; read: ReadProfiles }> {
  if (f.sort !== 'relevance' || f.q === undefined) {
    const result = await db.execute<Record<string, unknown>>(directoryPageSql(f));
    const rows = result.rows as unknown as DirectoryRow[];
    const ids = rows.filter((r) => r.kind === 'professional').map((r) => r.id);
    return { rows, read: { ids: ids.join(','), all: rows.length <= f.limit } };
  }
  const { rows, read } = await readRelevantPage(db, f, null);
  return { rows, read };
}

/**
 * Runs `read` where a scan meets rows in table order: relevance candidates must be the same rows
 * on every page, and a sequential scan would otherwise join another scan of the table wherever it
 * is (synchronized scans) and meet other rows first, and a parallel one hands its workers' rows
 * over in whatever order they come.
 */
function inTableOrder<T>(db: Db, read: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('synchronize_seqscans', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`,
    );
    return read(tx);
  });
}

/** The directory's change counter (see migration `directory-changes`); null if it is missing. */
export async function readDirectoryVersion(tx: Tx): Promise<string | null> {
  const result = await tx.execute<{ version: string }>(
    sql`select version::text as version from directory_changes`,
  );
  return result.rows[0]?.version ?? null;
}

/**
 * Facet counts and the number of matches, over at most `sample + 1` matching profiles (and as
 * many listings): reading every match of a common word among a million profiles to count it
 * would cost more than the page itself. The sample is whatever rows the plan meets first. A
 * `version` row carries the directory's change counter as this statement saw it: the counts are
 * exactly those of that version, which is what the result cache keeps them under; an `ids` row
 * lists the profiles counted, what the cache checks the change log against.
 */
export function directoryFacetsSql(f: DirectoryFilter, sample: number, matches?: SQL): SQL {
  const profiles = !includesProfiles(f)
    ? sql`select null::uuid as id, null::text[] as c, null::text[] as s, null::text as co, null::text[] as l, null::text as a where false`
    : (matches ??
      sql`select ${p.userId} as id, ${p.categorySlugs} as c, ${p.skillSlugs} as s,
          ${p.country} as co, ${p.languageCodes} as l, ${p.availability} as a
        from ${p} where ${sql.join(profileWhere(f), sql` and `)} limit ${sample + 1}`);
  const listings = includesListings(f)
    ? sql`select 1 from ${businessListings} where ${sql.join(listingWhere(f), sql` and `)} limit ${sample + 1}`
    : sql`select 1 where false`;
  return sql`with fm as materialized (${profiles})
    select 'total' as facet, null as value, count(*)::int as count from fm
    union all select 'listings', null, count(*)::int from (${listings}) b
    union all (select 'category', v, count(*)::int from fm, unnest(fm.c) v group by v order by 3 desc, 2 limit 30)
    union all (select 'skill', v, count(*)::int from fm, unnest(fm.s) v group by v order by 3 desc, 2 limit 15)
    union all (select 'country', co, count(*)::int from fm where co is not null group by co order by 3 desc, 2 limit 30)
    union all (select 'language', v, count(*)::int from fm, unnest(fm.l) v group by v order by 3 desc, 2 limit 30)
    union all (select 'availability', a, count(*)::int from fm group by a order by 3 desc, 2)
    union all select 'ids', coalesce(string_agg(id::text, ','), ''), 0 from fm
    union all select 'version', version::text, 0 from directory_changes`;
}

/** The profiles a result read, and whether they were every match (else a sample of more). */
export interface ReadProfiles {
  ids: string;
  all: boolean;
}

/**
 * A relevance page, and on the first page its facet counts, from one read of the matches: both
 * want the first matches the plan meets (the page ranks the first `RANK_CANDIDATES`, the counts
 * read `sample + 1`), which two statements found twice. The matches are read once into `m`,
 * numbered in the order met; the page ranks the first `RANK_CANDIDATES` of them, the same rows on
 * every page, and the counts read them all. Each answer row is a page row, a facet row, or the
 * ids of the matches read, as JSON. `sample` null: a later page, without counts.
 */
export function relevantPageSql(f: DirectoryFilter, sample: number | null): SQL {
  const read = sample === null ? RANK_CANDIDATES : Math.max(sample + 1, RANK_CANDIDATES);
  const matches = sql`select *, row_number() over () as n from (select * from ${p}
      where ${sql.join(profileWhere(f), sql` and `)} limit ${read}) s`;
  const page = directoryPageSql(f, sql`select * from m where n <= ${RANK_CANDIDATES}`);
  const facets =
    sample === null
      ? sql`select null where false`
      : directoryFacetsSql(
          f,
          sample,
          sql`select user_id as id, category_slugs as c, skill_slugs as s, country as co,
            language_codes as l, availability as a from m where n <= ${sample + 1}`,
        );
  return sql`with m as materialized (${matches})
    select 'row' as part, to_jsonb(x) as data from (${page}) x
    union all select 'facet', to_jsonb(y) from (${facets}) y
    union all select 'read', jsonb_build_object('ids', coalesce(string_agg(user_id::text, ','), ''),
      'all', count(*) < ${read}) from m`;
}

export type FacetRow = { facet: string; value: string | null; count: number };

/** The page's rows, the facet rows and the profiles read of `relevantPageSql`, apart. */
export async function readRelevantPage(db: Db, f: DirectoryFilter, sample: number | null) {
  const result = await inTableOrder(db, (tx) =>
    tx.execute<{ part: 'row' | 'facet' | 'read'; data: unknown }>(relevantPageSql(f, sample)),
  );
  const rows: DirectoryRow[] = [];
  const facets: FacetRow[] = [];
  let read: ReadProfiles = { ids: '', all: true };
  for (const r of result.rows) {
    if (r.part === 'row') rows.push(r.data as DirectoryRow);
    else if (r.part === 'facet') facets.push(r.data as FacetRow);
    else read = r.data as ReadProfiles;
  }
  // The page's order, which the JSON rows need not keep: key, then id, both descending (uuids
  // order as their lower-case text does).
  rows.sort((a, b) => b.sort_key - a.sort_key || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  return { rows, facets, read };
}

export async function readFacets(tx: Tx, f: DirectoryFilter, sample: number) {
  const result = await tx.execute<FacetRow>(directoryFacetsSql(f, sample));
  return result.rows;
}

/**
 * Whether the log shows no change since version `since` that can touch a result of `f` which
 * depends on `deps`, and the version that answer holds at, in one statement (one snapshot): a
 * change to a profile the result read, a profile that matches `f` now and can enter the result,
 * a listing change when listings are part of it, or a change logged as 'all'.
 */
export function unchangedSql(f: DirectoryFilter, since: bigint, deps: Dependencies): SQL {
  const ids = sql`string_to_array(${deps.ids}, ',')::uuid[]`;
  const entering = (): SQL => {
    if (deps.newMatches === 'none' || !includesProfiles(f)) return sql`false`;
    const where = profileWhere(f);
    if (f.after) {
      where.push(
        sql`(${profileKey(f.sort, f.q)}, ${p.userId}) < (${keyCast(f.sort, f.q, f.after.key)}, ${f.after.id}::uuid)`,
      );
    }
    if (deps.newMatches !== 'all') {
      const last = deps.newMatches;
      where.push(
        sql`((${profileKey(f.sort, f.q)})::float8, ${p.userId}) > (${last.key}::float8, ${last.id}::uuid)`,
      );
    }
    return sql`exists (select 1 from ${p} where ${p.userId} = c.id and ${sql.join(where, sql` and `)})`;
  };
  // The log must still hold every version after `since` as this statement sees it: pruning
  // (every 1,000th version) drops those more than LOG_KEPT_VERSIONS behind.
  return sql`select version::text as version, version - ${String(since)}::bigint <= ${String(LOG_KEPT_VERSIONS)}::bigint and not exists (
      select 1 from directory_change_log c
      where c.version > ${String(since)}::bigint and (c.kind = 'all'
        or (c.kind = 'listing' and ${deps.listings})
        or (c.kind = 'profile' and (c.id = any(${ids}) or ${entering()})))
    ) as unchanged
    from directory_changes`;
}

export async function readUnchanged(db: Db, f: DirectoryFilter, since: bigint, deps: Dependencies) {
  const result = await db.execute<{ version: string; unchanged: boolean }>(
    unchangedSql(f, since, deps),
  );
  const row = result.rows[0]!;
  return { version: BigInt(row.version), unchanged: row.unchanged };
}

/** The SQL text and parameters of a statement, as the server sends it: what the benchmark EXPLAINs. */
export function toQuery(statement: SQL) {
  return new PgDialect({ casing: 'snake_case' }).sqlToQuery(statement);
}

/** The business's terms: its time zone, working hours and currency. */
export async function businessTerms(tx: Tx, businessId: string) {
  const [row] = await tx
    .execute<{
      time_zone: string;
      currency: string;
      working_hours: { start: string; end: string };
    }>(sql`select time_zone, currency, working_hours from businesses where id = ${businessId}`)
    .then((r) => r.rows);
  return row;
}

/**
 * What the viewer's business knows of these professionals: live recommendations by businesses it
 * has an accepted connection with, whether each is in its pool, and its saved lists holding them.
 */
export async function viewerKnowledge(tx: Tx, businessId: string, userIds: string[]) {
  if (userIds.length === 0) return { trusted: [], pool: [], lists: [] };
  const c = businessConnections;
  const trusted = tx
    .select({
      userId: recommendations.professionalUserId,
      count: sql<number>`count(distinct ${recommendations.businessId})::int`,
    })
    .from(recommendations)
    .innerJoin(
      c,
      sql`${c.status} = 'accepted' and ((${c.requesterId} = ${businessId} and ${c.addresseeId} = ${recommendations.businessId}) or (${c.addresseeId} = ${businessId} and ${c.requesterId} = ${recommendations.businessId}))`,
    )
    .where(
      and(
        inArray(recommendations.professionalUserId, userIds),
        isNull(recommendations.withdrawnAt),
      ),
    )
    .groupBy(recommendations.professionalUserId);
  const pool = tx
    .select({ userId: talentContacts.userId })
    .from(talentContacts)
    .where(
      and(
        eq(talentContacts.businessId, businessId),
        eq(talentContacts.inPool, true),
        inArray(talentContacts.userId, userIds),
      ),
    );
  const lists = tx
    .select({
      userId: savedListItems.professionalUserId,
      id: savedLists.id,
      name: savedLists.name,
    })
    .from(savedListItems)
    .innerJoin(savedLists, eq(savedLists.id, savedListItems.listId))
    .where(
      and(
        eq(savedLists.businessId, businessId),
        inArray(savedListItems.professionalUserId, userIds),
      ),
    )
    .orderBy(savedLists.name);
  // Together, as its caller passes the pool; on a transaction they would have to run in turn.
  const [t, po, li] = await Promise.all([trusted, pool, lists]);
  return { trusted: t, pool: po, lists: li };
}
