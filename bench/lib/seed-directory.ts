/**
 * The directory's bench data: N professionals (accounts and profiles with every derived
 * directory column) and N/500 business listings, made by `INSERT … SELECT generate_series` so
 * that a million profiles take minutes. Names, headlines, bios, skills, categories, countries
 * (with their zones, currencies and languages), rates, working hours, ratings and availability
 * are drawn from the lists below by a hash of the row number (`hashint8extended`), so the same N
 * always gives the same rows. About 3 % of the profiles are hidden and 1 % moderated: the
 * directory must skip them. Ids come from `md5('bench-pro-<n>')`, so a seeded database is
 * recognised by its last id.
 *
 * The profile table's secondary indexes are dropped for the load and built again from their own
 * definitions afterwards (a bulk build is many times faster than a million GIN insertions).
 */
import { sql, type SQL } from 'drizzle-orm';
import { skillSlug } from '../../src/core/jobs.ts';
import type { Db } from '../../src/server/db/client.ts';

const FIRST = [
  'Ana', 'João', 'Maria', 'Liam', 'Olivia', 'Noah', 'Emma', 'Mateo', 'Sofia', 'Lucas', 'Chloe',
  'Arjun', 'Priya', 'Wei', 'Mei', 'Kenji', 'Yuki', 'Amara', 'Kwame', 'Fatima', 'Omar', 'Leila',
  'Ivan', 'Olena', 'Piotr', 'Zofia', 'Diego', 'Valentina', 'Hannah', 'Jonas', 'Elif', 'Mehmet',
  'Grace', 'Samuel', 'Nadia', 'Tomás', 'Isabel', 'Chidi', 'Ngozi', 'Linh',
]; // prettier-ignore
const LAST = [
  'Silva', 'Santos', 'Smith', 'Johnson', 'Garcia', 'Martinez', 'Müller', 'Schmidt', 'Rossi',
  'Dubois', 'Kowalski', 'Nowak', 'Kumar', 'Sharma', 'Chen', 'Wang', 'Tanaka', 'Sato', 'Okafor',
  'Mensah', 'Haddad', 'Khan', 'Petrenko', 'Shevchenko', 'López', 'Fernández', 'Andersen',
  'Jensen', 'Yılmaz', 'Demir', 'Nguyen', 'Tran', 'Brown', 'Wilson', 'Costa', 'Pereira',
  'Novak', 'Horvat', 'Ivanova', 'Reyes',
]; // prettier-ignore
const LEVELS = ['Senior', 'Experienced', 'Freelance', 'Certified', 'Junior', 'Lead', 'Independent'];
const ROLES = [
  'developer', 'web developer', 'designer', 'graphic designer', 'bookkeeper', 'accountant',
  'copywriter', 'translator', 'photographer', 'marketer', 'virtual assistant', 'data analyst',
  'video editor', 'illustrator', 'SEO specialist', 'project manager', 'consultant',
  'UX designer', 'social media manager', 'customer support agent',
]; // prettier-ignore
const FOR = [
  'for online shops', 'for small businesses', 'for restaurants', 'for startups',
  'for law firms', 'for clinics', 'for agencies', 'for nonprofits', 'for bakeries',
  'for hotels', 'for e-commerce brands', 'for architects',
]; // prettier-ignore
const BIO = [
  'I help owners get hours back every week.',
  'Ten years of remote work with clients in Europe and the Americas.',
  'I answer within a working day and send a short plan before I start.',
  'Clear pricing, weekly updates and tidy handovers.',
  'Previously in-house at a retail chain, now independent.',
  'I love turning messy spreadsheets into simple systems.',
  'Fluent in English, comfortable with time zones.',
  'References from long-term clients on request.',
  'I specialise in small teams without an IT department.',
  'Accessibility and mobile-first layouts are part of every project.',
  'I document everything so you are never stuck with me.',
  'Based near the coast, working with clients worldwide.',
]; // prettier-ignore
const PORTFOLIO = [
  'Online store relaunch', 'Monthly bookkeeping system', 'Brand identity for a café',
  'Newsletter redesign', 'Sales dashboard', 'Product photo series', 'Booking site',
  'Packaging labels', 'Menu translation', 'Inventory tracker', 'Social media calendar',
  'Pitch deck', 'Customer survey analysis', 'WordPress migration', 'Logo refresh',
]; // prettier-ignore
const SKILLS = [
  'Logo design', 'Graphic design', 'Brand identity', 'Adobe Illustrator', 'Figma', 'Canva',
  'Copywriting', 'SEO', 'WordPress', 'Shopify', 'HTML', 'CSS', 'JavaScript', 'React', 'PHP',
  'Bookkeeping', 'Xero', 'QuickBooks', 'Excel', 'Google Sheets', 'Data entry', 'Translation',
  'Photography', 'Photo editing', 'Social media', 'Instagram', 'Email marketing', 'Mailchimp',
  'Customer support', 'Project management', 'Market research', 'Video editing', 'Python',
  'SQL', 'Power BI', 'Illustration', 'Packaging design', 'UX design', 'Proofreading',
  'Virtual assistance', 'TypeScript', 'Node.js', 'Django', 'Laravel', 'Webflow', 'Notion',
  'Zapier', 'Airtable', 'HubSpot', 'Google Ads', 'Payroll', 'Tax returns',
]; // prettier-ignore
const CATEGORIES = [
  'design', 'writing', 'web-development', 'bookkeeping', 'data-entry', 'marketing',
  'social-media', 'customer-support', 'admin-support', 'other',
]; // prettier-ignore
/** Country, an IANA zone of it, its UTC offset in January (minutes), currency and language. */
const COUNTRIES: [string, string, number, string, string][] = [
  ['US', 'America/New_York', -300, 'USD', 'en'],
  ['US', 'America/Los_Angeles', -480, 'USD', 'en'],
  ['GB', 'Europe/London', 0, 'GBP', 'en'],
  ['PT', 'Europe/Lisbon', 0, 'EUR', 'pt'],
  ['ES', 'Europe/Madrid', 60, 'EUR', 'es'],
  ['DE', 'Europe/Berlin', 60, 'EUR', 'de'],
  ['FR', 'Europe/Paris', 60, 'EUR', 'fr'],
  ['IT', 'Europe/Rome', 60, 'EUR', 'it'],
  ['NL', 'Europe/Amsterdam', 60, 'EUR', 'nl'],
  ['PL', 'Europe/Warsaw', 60, 'EUR', 'pl'],
  ['RO', 'Europe/Bucharest', 120, 'EUR', 'ro'],
  ['UA', 'Europe/Kyiv', 120, 'EUR', 'uk'],
  ['TR', 'Europe/Istanbul', 180, 'EUR', 'tr'],
  ['EG', 'Africa/Cairo', 120, 'USD', 'ar'],
  ['NG', 'Africa/Lagos', 60, 'USD', 'en'],
  ['KE', 'Africa/Nairobi', 180, 'USD', 'sw'],
  ['ZA', 'Africa/Johannesburg', 120, 'USD', 'en'],
  ['IN', 'Asia/Kolkata', 330, 'USD', 'hi'],
  ['PK', 'Asia/Karachi', 300, 'USD', 'ur'],
  ['PH', 'Asia/Manila', 480, 'USD', 'tl'],
  ['VN', 'Asia/Ho_Chi_Minh', 420, 'USD', 'vi'],
  ['ID', 'Asia/Jakarta', 420, 'USD', 'id'],
  ['JP', 'Asia/Tokyo', 540, 'USD', 'ja'],
  ['AU', 'Australia/Sydney', 660, 'AUD', 'en'],
  ['NZ', 'Pacific/Auckland', 780, 'NZD', 'en'],
  ['CA', 'America/Toronto', -300, 'CAD', 'en'],
  ['MX', 'America/Mexico_City', -360, 'USD', 'es'],
  ['CO', 'America/Bogota', -300, 'USD', 'es'],
  ['BR', 'America/Sao_Paulo', -180, 'USD', 'pt'],
  ['AR', 'America/Argentina/Buenos_Aires', -180, 'USD', 'es'],
];
const EXTRA_LANGUAGES = ['es', 'fr', 'de', 'pt', 'it', 'zh', 'ar', 'ru'];

/** Rare enough to find a few hundred profiles: the "rare word" of the directory benchmark. */
export const DIRECTORY_RARE_WORD = 'kombucha';

const textArray = (items: readonly string[]) =>
  sql.raw(`array[${items.map((s) => `'${s.replace(/'/g, "''")}'`).join(', ')}]::text[]`);
const intArray = (items: readonly number[]) => sql.raw(`array[${items.join(', ')}]::int[]`);

/** The id of bench professional n: an md5 with the version and variant bits of a UUIDv7. */
const proIdOf = (n: SQL) =>
  sql`overlay(overlay(md5('bench-pro-' || ${n}) placing '7' from 13) placing '8' from 17)::uuid`;

export async function directorySeeded(db: Db, count: number): Promise<boolean> {
  const { rows } = await db.execute(
    sql`select 1 from professional_profiles where user_id = ${proIdOf(sql`${count}::int`)}`,
  );
  return rows.length > 0;
}

/** Inserts `count` professionals and `count / 500` listings (nothing if they are there). */
export async function seedDirectory(
  db: Db,
  { count, log = () => {} }: { count: number; log?: (m: string) => void },
): Promise<{ created: boolean; ms: number }> {
  const started = Date.now();
  if (await directorySeeded(db, count)) return { created: false, ms: 0 };
  const hash = (salt: number, mod: number) => sql`abs(hashint8extended(g.n, ${salt}) % ${mod})`;
  const pick = (list: readonly string[], salt: number) =>
    sql`(${textArray(list)})[1 + ${hash(salt, list.length)}]`;
  const skillSlugs = textArray(SKILLS.map(skillSlug));
  const skillNames = textArray(SKILLS);

  // The secondary indexes, to build again after the load from their own definitions.
  const { rows: indexes } = await db.execute<{ name: string; def: string }>(sql`
    select i.indexname as name, i.indexdef as def from pg_indexes i
    where i.tablename = 'professional_profiles'
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`);
  for (const { name } of indexes) await db.execute(sql.raw(`drop index "${name}"`));
  log(`Dropped ${indexes.length} profile indexes for the load.`);

  const batch = 100_000;
  for (let from = 1; from <= count; from += batch) {
    const to = Math.min(count, from + batch - 1);
    await db.execute(sql`
      insert into users (id, name, email, email_verified, time_zone, created_at, updated_at)
      select ${proIdOf(sql`g.n`)}, ${pick(FIRST, 1)} || ' ' || ${pick(LAST, 2)},
        'pro-' || g.n || '@bench.example', true, 'UTC', now(), now()
      from generate_series(${from}::int, ${to}::int) as g(n)`);
    await db.execute(sql`
      insert into professional_profiles (
        user_id, slug, headline, bio, hourly_rate_amount, hourly_rate_currency, rate_usd,
        time_zone, working_hours, work_start_utc, work_end_utc, country, availability,
        availability_hours_per_week, category_slugs, skill_slugs, language_codes,
        years_experience, rating_avg, review_count, completed_jobs, completeness, visibility,
        moderated_at, moderation_reason, search, created_at, updated_at
      )
      select g.id, 'pro-' || g.n, g.headline, g.bio,
        case when g.rate_usd is not null then round(g.rate_usd * r.per_usd)::bigint end,
        case when g.rate_usd is not null then g.currency end, g.rate_usd,
        g.zone, jsonb_build_object('days', '[1,2,3,4,5]'::jsonb,
          'start', lpad((g.local_start / 60)::text, 2, '0') || ':00',
          'end', lpad(((g.local_start + g.len) / 60)::text, 2, '0') || ':00'),
        ((g.local_start - g.offset_min) % 1440 + 1440) % 1440,
        ((g.local_start + g.len - g.offset_min) % 1440 + 1440) % 1440,
        g.country, g.availability,
        case when g.availability = 'limited' then 10 + ${hash(40, 21)} end,
        g.categories, g.skill_slugs, g.languages, g.years,
        case when g.reviews > 0 then 3 + ${hash(41, 201)} / 100.0 end, g.reviews,
        g.reviews + case when g.reviews > 0 then ${hash(42, 6)} else 0 end,
        40 + ${hash(43, 61)},
        case when g.n % 33 = 0 then 'hidden' else 'public' end,
        case when g.n % 97 = 0 then now() end, case when g.n % 97 = 0 then 'Spam' end,
        setweight(to_tsvector('english', g.name), 'A')
          || setweight(to_tsvector('english', g.headline), 'B')
          || setweight(to_tsvector('english', array_to_string(g.skill_names, ' ')), 'B')
          || setweight(to_tsvector('english', g.bio), 'C')
          || setweight(to_tsvector('english', g.portfolio), 'D'),
        now(), now()
      from (
        select g.n, ${proIdOf(sql`g.n`)} as id, u.name,
          c.ci, (${textArray(COUNTRIES.map((x) => x[0]))})[c.ci] as country,
          (${textArray(COUNTRIES.map((x) => x[1]))})[c.ci] as zone,
          (${intArray(COUNTRIES.map((x) => x[2]))})[c.ci] as offset_min,
          (${textArray(COUNTRIES.map((x) => x[3]))})[c.ci] as currency,
          array_remove(array[(${textArray(COUNTRIES.map((x) => x[4]))})[c.ci],
            case when (${textArray(COUNTRIES.map((x) => x[4]))})[c.ci] <> 'en' and ${hash(3, 10)} < 7 then 'en' end,
            case when ${hash(4, 5)} = 0 then ${pick(EXTRA_LANGUAGES, 5)} end], null) as languages,
          ${pick(LEVELS, 6)} || ' ' || ${pick(ROLES, 7)} || ' ' || ${pick(FOR, 8)} as headline,
          ${pick(BIO, 9)} || ' ' || ${pick(BIO, 10)} || ' ' || ${pick(BIO, 11)}
            || case when g.n % 2000 = 7 then ${` I also brew ${DIRECTORY_RARE_WORD} at home.`} else '' end as bio,
          ${pick(PORTFOLIO, 12)} || ' ' || ${pick(PORTFOLIO, 13)} as portfolio,
          array_remove(array[${pick(CATEGORIES, 14)},
            case when ${hash(15, 3)} = 0 then ${pick(CATEGORIES, 16)} end], null) as categories,
          array(select distinct x from unnest(array[
            (${skillSlugs})[1 + ${hash(21, SKILLS.length)}], (${skillSlugs})[1 + ${hash(22, SKILLS.length)}],
            case when ${hash(23, 2)} = 0 then (${skillSlugs})[1 + ${hash(24, SKILLS.length)}] end,
            case when ${hash(25, 3)} = 0 then (${skillSlugs})[1 + ${hash(26, SKILLS.length)}] end]) x
            where x is not null) as skill_slugs,
          array_remove(array[
            (${skillNames})[1 + ${hash(21, SKILLS.length)}], (${skillNames})[1 + ${hash(22, SKILLS.length)}],
            case when ${hash(23, 2)} = 0 then (${skillNames})[1 + ${hash(24, SKILLS.length)}] end,
            case when ${hash(25, 3)} = 0 then (${skillNames})[1 + ${hash(26, SKILLS.length)}] end], null) as skill_names,
          case when ${hash(30, 100)} < 15 then null else (15 + ${hash(31, 60)} + ${hash(32, 80)}) * 100 end as rate_usd,
          (7 + ${hash(33, 4)}) * 60 as local_start, (6 + ${hash(34, 4)}) * 60 as len,
          case when ${hash(35, 20)} < 12 then 'available' when ${hash(35, 20)} < 17 then 'limited'
            else 'unavailable' end as availability,
          least(${hash(36, 16)} + ${hash(37, 12)}, 25) as years,
          case when ${hash(38, 10)} < 4 then 0 else 1 + ${hash(39, 80)} end as reviews
        from generate_series(${from}::int, ${to}::int) as g(n)
        join users u on u.id = ${proIdOf(sql`g.n`)}
        cross join lateral (select 1 + ${hash(50, COUNTRIES.length)} as ci) c
      ) g
      join currency_rates r on r.currency = g.currency`);
    log(`  ${to.toLocaleString('en-US')} professionals…`);
  }

  // Listings: agencies among the first professionals; four in five approved.
  const listings = Math.max(1, Math.floor(count / 500));
  await db.execute(sql`
    insert into business_listings (id, user_id, name, description, category_slugs, services,
      team_size, website, countries, status, search, created_at, updated_at)
    select ${proIdOf(sql`g.n + 1000000000`)}, ${proIdOf(sql`g.n`)}, g.name, g.description,
      array[${pick(CATEGORIES, 60)}], array[${pick(SKILLS, 61)}, ${pick(SKILLS, 62)}],
      2 + ${hash(63, 40)}, 'https://agency-' || g.n || '.example',
      array[(${textArray(COUNTRIES.map((x) => x[0]))})[1 + ${hash(64, COUNTRIES.length)}]],
      case when g.n % 5 = 0 then 'pending' else 'approved' end,
      setweight(to_tsvector('english', g.name), 'A')
        || setweight(to_tsvector('english', g.description), 'C'), now(), now()
    from (
      select g.n, ${pick(LAST, 65)} || ' & ' || ${pick(LAST, 66)} || ' ' || ${pick(['Studio', 'Agency', 'Partners', 'Collective', 'Works'], 67)} as name,
        'A team of ' || ${pick(ROLES, 68)} || 's ' || ${pick(FOR, 69)} || '. ' || ${pick(BIO, 70)} as description
      from generate_series(1, ${listings}) as g(n)
    ) g`);

  for (const { name, def } of indexes) {
    const t0 = Date.now();
    await db.execute(sql.raw(def));
    log(`  index ${name} built in ${Date.now() - t0} ms`);
  }
  await db.execute(sql`vacuum analyze professional_profiles`);
  await db.execute(sql`vacuum analyze users`);
  await db.execute(sql`vacuum analyze business_listings`);
  const ms = Date.now() - started;
  log(
    `Seeded ${count.toLocaleString('en-US')} professionals and ${listings} listings in ${ms} ms.`,
  );
  return { created: true, ms };
}
