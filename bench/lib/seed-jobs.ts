/**
 * The job board's bench data: N jobs spread over the bench businesses, made by one
 * `INSERT … SELECT generate_series` so that 100,000 rows take seconds. Titles, summaries,
 * skills, categories, budgets and publication times are drawn from the word lists below by a
 * hash of the row number (`hashint8extended`), so the same N always gives the same rows.
 *
 * About 90 % of the jobs are open and public (what the board shows); the rest are drafts,
 * closed, archived or invite-only. Publication times spread over the 180 days before the day
 * of seeding. Ids come from `md5('bench-job-<n>')`, so a seeded database is recognised by its last id.
 */
import { sql, type SQL } from 'drizzle-orm';
import { skillSlug } from '../../src/core/jobs.ts';
import type { Db } from '../../src/server/db/client.ts';

const VERBS = [
  'Design', 'Redesign', 'Write', 'Build', 'Set up', 'Fix', 'Translate', 'Edit', 'Migrate',
  'Automate', 'Audit', 'Photograph', 'Plan', 'Update', 'Clean up', 'Launch',
]; // prettier-ignore
const OBJECTS = [
  'a logo', 'our website', 'a newsletter', 'a landing page', 'product photos', 'the bookkeeping',
  'a tax return', 'a Shopify store', 'a pricing spreadsheet', 'a social media calendar',
  'blog posts', 'email templates', 'an invoicing system', 'the menu', 'a brand guide',
  'an inventory tracker', 'a booking system', 'a pitch deck', 'a sales dashboard',
  'a WordPress site', 'packaging labels', 'a customer survey', 'the product catalogue',
  'a loyalty programme',
]; // prettier-ignore
const CLIENTS = [
  'a bakery', 'a bookshop', 'a dental clinic', 'a garage', 'a café', 'a yoga studio',
  'a law firm', 'an online shop', 'a florist', 'a brewery', 'a hair salon',
  'an architecture studio', 'a bike repair shop', 'a language school', 'a pet groomer',
  'a family hotel',
]; // prettier-ignore
const OPENINGS = [
  'We are a small team and need help with',
  'Looking for a reliable professional for',
  'Our owner has no time left for',
  'We want to hand off',
  'Seeking an experienced freelancer for',
  'Short project:',
]; // prettier-ignore
const DETAILS = [
  'The website gets most of our orders, so quality matters.',
  'We sell mostly to local customers and tourists.',
  'You will work with our manager, two hours a week of calls.',
  'Deadlines are flexible but we expect weekly progress.',
  'Previous work samples are a must.',
  'Our brand colours are warm and earthy.',
  'We use Google Workspace and Slack.',
  'Spreadsheets today; we want something simpler.',
  'Please reply with a short plan and a price.',
  'We have done this ourselves so far and it takes too long.',
  'Accessibility and mobile use are important to us.',
  'Bilingual English and Portuguese content.',
]; // prettier-ignore
const SKILLS = [
  'Logo design', 'Graphic design', 'Brand identity', 'Adobe Illustrator', 'Figma', 'Canva',
  'Copywriting', 'SEO', 'WordPress', 'Shopify', 'HTML', 'CSS', 'JavaScript', 'React', 'PHP',
  'Bookkeeping', 'Xero', 'QuickBooks', 'Excel', 'Google Sheets', 'Data entry', 'Translation',
  'Photography', 'Photo editing', 'Social media', 'Instagram', 'Email marketing', 'Mailchimp',
  'Customer support', 'Project management', 'Market research', 'Video editing', 'Python',
  'SQL', 'Power BI', 'Illustration', 'Packaging design', 'UX design', 'Proofreading',
  'Virtual assistance',
]; // prettier-ignore
const CATEGORIES = [
  'design', 'writing', 'web-development', 'bookkeeping', 'data-entry', 'marketing',
  'social-media', 'customer-support', 'admin-support', 'other',
]; // prettier-ignore
const CURRENCIES = ['USD', 'USD', 'USD', 'EUR', 'EUR', 'GBP', 'CAD', 'AUD'];

/** Rare enough to find a few dozen jobs: the "rare word" of the board benchmark. */
export const RARE_WORD = 'kombucha';

const textArray = (items: readonly string[]) =>
  sql.raw(`array[${items.map((s) => `'${s.replace(/'/g, "''")}'`).join(', ')}]::text[]`);

/** The id of bench job n: an md5 with the version and variant bits of a UUIDv7 (what zod checks). */
const jobIdOf = (n: SQL) =>
  sql`overlay(overlay(md5('bench-job-' || ${n}) placing '7' from 13) placing '8' from 17)::uuid`;

/** Whether the board's bench jobs (count `count`) are there already. */
export async function boardJobsSeeded(db: Db, count: number): Promise<boolean> {
  const { rows } = await db.execute(
    sql`select 1 from jobs where id = ${jobIdOf(sql`${count}::int`)}`,
  );
  return rows.length > 0;
}

/**
 * Inserts `count` jobs (nothing if they are there already) and refreshes the planner's
 * statistics. Needs the bench businesses (`seedBenchData`) and the seeded catalog.
 */
export async function seedBoardJobs(
  db: Db,
  { count, log = () => {} }: { count: number; log?: (m: string) => void },
): Promise<{ created: boolean; ms: number }> {
  const started = Date.now();
  if (await boardJobsSeeded(db, count)) return { created: false, ms: 0 };
  const pick = (list: readonly string[], salt: number) =>
    sql`(${textArray(list)})[1 + abs(hashint8extended(g.n, ${salt}) % ${list.length})]`;
  const hash = (salt: number, mod: number) => sql`abs(hashint8extended(g.n, ${salt}) % ${mod})`;
  const skillNames = textArray(SKILLS);
  const skillSlugs = textArray(SKILLS.map(skillSlug));
  const skill = (salt: number) => sql`1 + ${hash(salt, SKILLS.length)}`;
  // Budgets: none for one job in twelve; hourly rates of 15–75 a hour for three in ten,
  // fixed prices of 250–4,250 otherwise; one in four leaves the lower end open.
  const budgetType = sql`case when ${hash(30, 12)} = 0 then null when ${hash(31, 10)} < 3 then 'hourly' else 'fixed' end`;
  await db.execute(sql`
    insert into jobs (
      id, business_id, status, visibility, title, summary, category_slug, skills, skill_slugs,
      budget_type, budget_currency, budget_min, budget_max, hours_per_week, budget_usd,
      duration_days, search, spec, spec_version, check_score, published_score,
      created_at, updated_at, published_at, closed_at, archived_at
    )
    select
      ${jobIdOf(sql`g.n`)}, b.ids[1 + (g.n % array_length(b.ids, 1))],
      g.status, g.visibility, g.title, g.summary, g.category, g.skills, g.skill_slugs,
      g.budget_type, case when g.budget_type is not null then g.currency end,
      g.budget_min, g.budget_max,
      case when g.budget_type = 'hourly' then 5 + ${hash(11, 30)} end,
      round(coalesce(g.budget_max, g.budget_min) / r.per_usd)::bigint,
      case when ${hash(12, 3)} > 0 then 7 + ${hash(13, 80)} end,
      setweight(to_tsvector('english', g.title), 'A')
        || setweight(to_tsvector('english', array_to_string(g.skills, ' ')), 'B')
        || setweight(to_tsvector('english', g.summary), 'C'),
      jsonb_build_object(
        'description', 'Bench job ' || g.n, 'deliverables', '[]'::jsonb,
        'acceptanceCriteria', '[]'::jsonb, 'requirements', '[]'::jsonb,
        'successDefinition', '', 'constraints', ''),
      case when g.status <> 'draft' then 1 end, 60 + ${hash(14, 40)},
      case when g.status <> 'draft' then 60 + ${hash(14, 40)} end,
      g.published, g.published, case when g.status <> 'draft' then g.published end,
      case when g.status = 'closed' then g.published + interval '3 days' end,
      case when g.status = 'archived' then g.published + interval '9 days' end
    from (
      select g.n, t.budget_type, t.currency,
        case n % 20 when 0 then 'draft' when 1 then 'closed' when 2 then 'archived' else 'open' end as status,
        case when n % 20 = 3 then 'invite-only' else 'public' end as visibility,
        ${pick(VERBS, 1)} || ' ' || ${pick(OBJECTS, 2)} || ' for ' || ${pick(CLIENTS, 3)} as title,
        ${pick(OPENINGS, 4)} || ' ' || lower(${pick(OBJECTS, 5)}) || '. ' || ${pick(DETAILS, 6)}
          || ' ' || ${pick(DETAILS, 7)}
          || case when n % 2000 = 7 then ${` We also brew ${RARE_WORD} on site.`} else '' end as summary,
        case when ${hash(8, 10)} = 0 then null else ${pick(CATEGORIES, 9)} end as category,
        array_remove(array[(${skillNames})[${skill(21)}], (${skillNames})[${skill(22)}],
          case when ${hash(23, 2)} = 0 then (${skillNames})[${skill(24)}] end], null) as skills,
        array_remove(array[(${skillSlugs})[${skill(21)}], (${skillSlugs})[${skill(22)}],
          case when ${hash(23, 2)} = 0 then (${skillSlugs})[${skill(24)}] end], null) as skill_slugs,
        case
          when t.budget_type is null or ${hash(33, 4)} = 0 then null
          when t.budget_type = 'hourly' then (15 + ${hash(34, 30)}) * 100
          else (250 + ${hash(34, 1000)}) * 100
        end as budget_min,
        case
          when t.budget_type is null then null
          when t.budget_type = 'hourly' then (45 + ${hash(35, 30)}) * 100
          else (1250 + ${hash(35, 3000)}) * 100
        end as budget_max,
        date_trunc('day', now()) - ${hash(40, 180 * 24 * 60)} * interval '1 minute'
          - ${hash(41, 60_000_000)} * interval '1 microsecond' as published
      from generate_series(1, ${count}) as g(n),
        lateral (select ${budgetType} as budget_type, ${pick(CURRENCIES, 32)} as currency) t
    ) g
    cross join (select array_agg(id order by id) as ids from businesses) b
    join currency_rates r on r.currency = g.currency
  `);
  // VACUUM also moves the GIN indexes' pending entries (a bulk insert leaves them in a list
  // every search scans) into the index proper, as autovacuum would soon after.
  await db.execute(sql`vacuum analyze jobs`);
  const ms = Date.now() - started;
  log(`Seeded ${count.toLocaleString('en-US')} board jobs in ${ms} ms.`);
  return { created: true, ms };
}
