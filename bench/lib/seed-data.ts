/**
 * The benchmark's data: at scale N, N businesses (an owner and two members each) and N
 * professionals, plus one bench user who signs in with a known password and calls the API with
 * a personal token. Everything but that user and the token comes from a seeded PRNG, ids
 * included, so one scale and seed always give the same rows.
 */
import { count, eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BusinessRole } from '../../src/core/roles.ts';
import type { Db } from '../../src/server/db/client.ts';
import {
  DEFAULT_WORKING_HOURS,
  businessMembers,
  businesses,
  professionalProfiles,
  users,
} from '../../src/server/db/schema/index.ts';
import type { Config } from '../../src/server/env.ts';
import { createApiTokenService } from '../../src/server/features/accounts/api-tokens.ts';
import { systemClock } from '../../src/server/lib/clock.ts';
import { createVerifiedUser } from '../../src/server/lib/users.ts';

export const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));
/** Where `bench:seed` and `bench` keep their database unless DATA_DIR or DATABASE_URL says otherwise. */
export const DEFAULT_DATA_DIR = path.resolve(BENCH_DIR, '..', '.tmp', 'bench-data');
/** The bench user's API token for this data (gitignored; a token is shown once, so it is kept). */
export const TOKEN_FILE = path.join(BENCH_DIR, '.bench-token');
export const BENCH_EMAIL = 'bench@bench.example';
export const BENCH_PASSWORD = 'handoff-bench-2026';
export const DEFAULT_SCALE = 1000;
export const DEFAULT_SEED = 20260101;

/** Rows per INSERT: well under Postgres's 65,535 bind parameters for our widest row. */
const CHUNK = 1000;
/** Every generated id and timestamp counts up from here, so ids are time-ordered like live ones. */
const EPOCH_MS = Date.UTC(2026, 0, 1);

/** mulberry32: a tiny, fast PRNG that is plenty for test data (not for secrets). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A UUIDv7 for the instant `ms` whose random bits come from `random`. */
function uuidv7At(ms: number, random: () => number): string {
  const bytes = new Uint8Array(16);
  let t = ms;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = t % 256;
    t = Math.floor(t / 256);
  }
  for (let i = 6; i < 16; i++) bytes[i] = Math.floor(random() * 256);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const FIRST = [
  'Maria', 'Tomás', 'Inês', 'Dana', 'Lee', 'Priya', 'Aisha', 'Mateo', 'Yuki', 'Olena',
  'Kwame', 'Sofia', 'Lars', 'Amara', 'Chen', 'Fatima', 'Noah', 'Elif', 'Ravi', 'Zoe',
]; // prettier-ignore
const LAST = [
  'Santos', 'Ferreira', 'Costa', 'Brooks', 'Park', 'Shah', 'Bello', 'Ruiz', 'Tanaka', 'Kovalenko',
  'Mensah', 'Rossi', 'Nilsson', 'Okafor', 'Wei', 'Haddad', 'Müller', 'Yılmaz', 'Iyer', 'Martin',
]; // prettier-ignore
const PLACES: [timeZone: string, currency: string][] = [
  ['Europe/Lisbon', 'EUR'],
  ['America/Chicago', 'USD'],
  ['Europe/London', 'GBP'],
  ['Asia/Tokyo', 'JPY'],
  ['Africa/Lagos', 'NGN'],
  ['Australia/Sydney', 'AUD'],
  ['America/Sao_Paulo', 'BRL'],
  ['Asia/Kolkata', 'INR'],
  ['Europe/Berlin', 'EUR'],
  ['America/Toronto', 'CAD'],
];
const ADJECTIVES = ['Bright', 'Northwind', 'Kestrel', 'Crumb &', 'Blue', 'Harbor', 'Copper', 'Oak'];
const KINDS = ['Bakery', 'Outfitters', 'Consulting', 'Studio', 'Books', 'Garage', 'Clinic', 'Café'];
const HEADLINES = [
  'Brand and logo designer',
  'Shopify and WooCommerce developer',
  'Bookkeeper for small online shops',
  'Copywriter, English and Portuguese',
  'Social media manager',
  'Data analyst, spreadsheets to dashboards',
  'Virtual assistant, inbox and calendar',
  'Photographer for product catalogues',
];
const MEMBER_ROLES: BusinessRole[] = ['manager', 'viewer'];

type UserRow = typeof users.$inferInsert;
type BusinessRow = typeof businesses.$inferInsert;
type MemberRow = typeof businessMembers.$inferInsert;
type ProfileRow = typeof professionalProfiles.$inferInsert;

export interface GeneratedData {
  users: UserRow[];
  businesses: BusinessRow[];
  members: MemberRow[];
  profiles: ProfileRow[];
}

/** The rows for one scale and seed; pure, so the same arguments give equal rows. */
export function generateBenchData(scale: number, seed: number): GeneratedData {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  let tick = 0;
  const next = () => {
    const ms = EPOCH_MS + tick++;
    return { id: uuidv7At(ms, random), at: new Date(ms) };
  };
  const person = (email: string): UserRow => {
    const { id, at } = next();
    const [timeZone, currency] = pick(PLACES);
    return {
      id,
      name: `${pick(FIRST)} ${pick(LAST)}`,
      email,
      emailVerified: true,
      timeZone,
      currency,
      createdAt: at,
      updatedAt: at,
    };
  };
  const n = (i: number) => String(i + 1).padStart(6, '0');

  const data: GeneratedData = { users: [], businesses: [], members: [], profiles: [] };
  for (let i = 0; i < scale; i++) {
    const owner = person(`owner-${n(i)}@bench.example`);
    const { id, at } = next();
    data.users.push(owner);
    data.businesses.push({
      id,
      name: `${pick(ADJECTIVES)} ${pick(KINDS)} ${n(i)}`,
      timeZone: owner.timeZone!,
      currency: owner.currency!,
      workingHours: DEFAULT_WORKING_HOURS,
      createdAt: at,
      updatedAt: at,
    });
    data.members.push({ businessId: id, userId: owner.id, role: 'owner', createdAt: at });
    for (const k of [1, 2]) {
      const member = person(`member-${n(i)}-${k}@bench.example`);
      data.users.push(member);
      data.members.push({
        businessId: id,
        userId: member.id,
        role: pick(MEMBER_ROLES),
        createdAt: member.createdAt,
      });
    }
  }
  for (let i = 0; i < scale; i++) {
    const pro = person(`pro-${n(i)}@bench.example`);
    data.users.push(pro);
    data.profiles.push({
      userId: pro.id,
      headline: pick(HEADLINES),
      bio: `${Math.floor(random() * 15) + 1} years of practice; overlaps ${pro.timeZone} office hours.`,
      createdAt: pro.createdAt,
      updatedAt: pro.createdAt,
    });
  }
  return data;
}

async function countRows(db: Db, table: PgTable): Promise<number> {
  const [row] = await db.select({ n: count() }).from(table);
  return row?.n ?? 0;
}

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

export interface SeedResult {
  /** True when the data was written now; false when it was there already. */
  created: boolean;
  scale: number;
  counts: { users: number; businesses: number; members: number; professionals: number };
  /** A new API token of the bench user (the old ones stay valid). */
  token: string;
}

/** The scale of the bench data in this database, or null when it holds none. */
export async function benchScale(db: Db): Promise<number | null> {
  const [bench] = await db.select({ id: users.id }).from(users).where(eq(users.email, BENCH_EMAIL));
  if (!bench) return null;
  return countRows(db, businesses);
}

/**
 * Fills an empty database with the bench data at `scale`, or — when it holds the bench data of
 * that scale already — only issues a new token. Refuses a database with other accounts in it.
 */
export async function seedBenchData(
  db: Db,
  config: Config,
  { scale, seed }: { scale: number; seed: number },
): Promise<SeedResult> {
  const existing = await benchScale(db);
  let created = false;
  if (existing !== null && existing !== scale) {
    throw new Error(
      `This database holds bench data at scale ${existing}, not ${scale}. ` +
        'Seed a fresh one (remove its DATA_DIR) to change the scale.',
    );
  }
  if (existing === null) {
    if ((await countRows(db, users)) > 0) {
      throw new Error(
        'The database already has accounts that are not bench data; seed an empty one ' +
          '(a fresh DATA_DIR, or an empty DATABASE_URL).',
      );
    }
    const data = generateBenchData(scale, seed);
    await db.transaction(async (tx) => {
      await insertChunked(data.users, (c) => tx.insert(users).values(c));
      await insertChunked(data.businesses, (c) => tx.insert(businesses).values(c));
      await insertChunked(data.members, (c) => tx.insert(businessMembers).values(c));
      await insertChunked(data.profiles, (c) => tx.insert(professionalProfiles).values(c));
    });
    // The bench user last: its presence marks the data complete (see benchScale). It works in
    // a few businesses and is a professional too, so /me has memberships and a profile to read.
    const benchId = await createVerifiedUser(db, config, {
      email: BENCH_EMAIL,
      name: 'Bench Runner',
      password: BENCH_PASSWORD,
    });
    await db.transaction(async (tx) => {
      const some = data.businesses.slice(0, 3);
      if (some.length > 0) {
        await tx.insert(businessMembers).values(
          some.map((b, i) => ({
            businessId: b.id,
            userId: benchId,
            role: MEMBER_ROLES[i % MEMBER_ROLES.length]!,
          })),
        );
      }
      await tx.insert(professionalProfiles).values({
        userId: benchId,
        headline: 'Runs the benchmarks',
        bio: 'Not a real person.',
      });
    });
    created = true;
  }
  const [benchUser] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, BENCH_EMAIL));
  if (!benchUser) throw new Error('The bench user is missing after seeding.');
  const { token } = await createApiTokenService({ db, clock: systemClock }).create(
    { userId: benchUser.id },
    {
      name: 'bench',
      expiresInDays: 7,
      scope: 'read',
    },
  );
  return {
    created,
    scale,
    counts: {
      users: await countRows(db, users),
      businesses: await countRows(db, businesses),
      members: await countRows(db, businessMembers),
      professionals: await countRows(db, professionalProfiles),
    },
    token,
  };
}
