/**
 * Drizzle queries of professional profiles: the row with its owner's name, the children
 * (skills, languages, résumé, portfolio, files), the derived directory columns, and the public
 * lookups by slug. Callers have checked who may act (policy.ts); writes run in their transaction.
 */
import { and, asc, eq, inArray, isNotNull, isNull, ne, notInArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  businessMembers,
  categories,
  portfolioItems,
  professionalProfiles,
  profileCertifications,
  profileEducation,
  profileExperience,
  profileFiles,
  profileLanguages,
  profileSkills,
  skills,
  users,
} from '../../db/schema/index.ts';

export type ProfileRow = typeof professionalProfiles.$inferSelect;
export type ProfileFileRow = typeof profileFiles.$inferSelect;
export type PortfolioItemRow = typeof portfolioItems.$inferSelect;
export interface OwnerRow {
  name: string;
  timeZone: string;
  createdAt: Date;
}

const owner = { name: users.name, timeZone: users.timeZone, createdAt: users.createdAt };

/** The profile of `userId` with its owner's name and zone; locked with `forUpdate`. */
export async function findProfile(tx: Tx, userId: string, { forUpdate = false } = {}) {
  const query = tx
    .select({ profile: professionalProfiles, owner })
    .from(professionalProfiles)
    .innerJoin(users, eq(users.id, professionalProfiles.userId))
    .where(eq(professionalProfiles.userId, userId));
  const [row] = await (forUpdate ? query.for('update', { of: professionalProfiles }) : query);
  return row ?? null;
}

export async function findProfileBySlug(tx: Tx, slug: string) {
  const [row] = await tx
    .select({ profile: professionalProfiles, owner })
    .from(professionalProfiles)
    .innerJoin(users, eq(users.id, professionalProfiles.userId))
    .where(eq(professionalProfiles.slug, slug));
  return row ?? null;
}

/** Whether another profile holds `slug`. */
export async function slugTaken(tx: Tx, slug: string, exceptUserId: string): Promise<boolean> {
  const [row] = await tx
    .select({ userId: professionalProfiles.userId })
    .from(professionalProfiles)
    .where(and(eq(professionalProfiles.slug, slug), ne(professionalProfiles.userId, exceptUserId)));
  return row !== undefined;
}

/** The given category slugs that exist. */
export async function existingCategories(tx: Tx, slugs: string[]): Promise<string[]> {
  if (slugs.length === 0) return [];
  const rows = await tx
    .select({ slug: categories.slug })
    .from(categories)
    .where(inArray(categories.slug, slugs));
  return rows.map((r) => r.slug);
}

export async function updateProfile(
  tx: Tx,
  userId: string,
  changes: Partial<Omit<typeof professionalProfiles.$inferInsert, 'userId'>>,
) {
  await tx.update(professionalProfiles).set(changes).where(eq(professionalProfiles.userId, userId));
}

/** Everything under the profile, each list in its saved order. */
export async function readChildren(tx: Tx, userId: string) {
  // In turn, not Promise.all: writers call this in their transaction, whose one connection runs
  // one query at a time (pg 9 refuses a second while the first runs).
  const skills = await tx
    .select()
    .from(profileSkills)
    .where(eq(profileSkills.userId, userId))
    .orderBy(asc(profileSkills.sort));
  const languages = await tx
    .select()
    .from(profileLanguages)
    .where(eq(profileLanguages.userId, userId))
    .orderBy(asc(profileLanguages.code));
  const experience = await tx
    .select()
    .from(profileExperience)
    .where(eq(profileExperience.userId, userId))
    .orderBy(asc(profileExperience.sort));
  const education = await tx
    .select()
    .from(profileEducation)
    .where(eq(profileEducation.userId, userId))
    .orderBy(asc(profileEducation.sort));
  const certifications = await tx
    .select()
    .from(profileCertifications)
    .where(eq(profileCertifications.userId, userId))
    .orderBy(asc(profileCertifications.sort));
  const portfolio = await tx
    .select()
    .from(portfolioItems)
    .where(eq(portfolioItems.userId, userId))
    .orderBy(asc(portfolioItems.sort));
  const files = await tx
    .select()
    .from(profileFiles)
    .where(eq(profileFiles.userId, userId))
    .orderBy(asc(profileFiles.createdAt), asc(profileFiles.id));
  return { skills, languages, experience, education, certifications, portfolio, files };
}
export type ProfileChildren = Awaited<ReturnType<typeof readChildren>>;

/** Replaces the profile's skills, languages and résumé lists with these (in this order). */
export async function replaceLists(
  tx: Tx,
  userId: string,
  lists: {
    skills: (typeof profileSkills.$inferInsert)[];
    languages: (typeof profileLanguages.$inferInsert)[];
    experience: (typeof profileExperience.$inferInsert)[];
    education: (typeof profileEducation.$inferInsert)[];
    certifications: (typeof profileCertifications.$inferInsert)[];
  },
) {
  await tx.delete(profileSkills).where(eq(profileSkills.userId, userId));
  await tx.delete(profileLanguages).where(eq(profileLanguages.userId, userId));
  await tx.delete(profileExperience).where(eq(profileExperience.userId, userId));
  await tx.delete(profileEducation).where(eq(profileEducation.userId, userId));
  await tx.delete(profileCertifications).where(eq(profileCertifications.userId, userId));
  if (lists.skills.length) await tx.insert(profileSkills).values(lists.skills);
  if (lists.languages.length) await tx.insert(profileLanguages).values(lists.languages);
  if (lists.experience.length) await tx.insert(profileExperience).values(lists.experience);
  if (lists.education.length) await tx.insert(profileEducation).values(lists.education);
  if (lists.certifications.length)
    await tx.insert(profileCertifications).values(lists.certifications);
}

/**
 * Deletes the portfolio items not in `keep` and returns the storage keys of their files (the
 * rows go with the items), for removal after the commit.
 */
export async function deletePortfolioItemsExcept(
  tx: Tx,
  userId: string,
  keep: string[],
): Promise<string[]> {
  const gone = and(
    eq(portfolioItems.userId, userId),
    keep.length ? notInArray(portfolioItems.id, keep) : undefined,
  );
  const files = await tx
    .select({ storageKey: profileFiles.storageKey, thumbnailKey: profileFiles.thumbnailKey })
    .from(profileFiles)
    .innerJoin(portfolioItems, eq(portfolioItems.id, profileFiles.portfolioItemId))
    .where(gone);
  await tx.delete(portfolioItems).where(gone);
  return files.flatMap((f) => [f.storageKey, ...(f.thumbnailKey ? [f.thumbnailKey] : [])]);
}

export async function upsertPortfolioItem(tx: Tx, values: typeof portfolioItems.$inferInsert) {
  await tx
    .insert(portfolioItems)
    .values(values)
    .onConflictDoUpdate({
      target: portfolioItems.id,
      set: {
        title: values.title,
        description: values.description,
        links: values.links,
        sort: values.sort,
        updatedAt: values.updatedAt,
      },
      // Never another person's item, whatever id a client sends.
      setWhere: eq(portfolioItems.userId, values.userId),
    });
}

/** Adds skills to the autocomplete list; known ones keep their first spelling. */
export async function addSkills(tx: Tx, rows: { slug: string; name: string }[]) {
  if (rows.length > 0) await tx.insert(skills).values(rows).onConflictDoNothing();
}

/**
 * Rewrites the directory's derived columns that SQL can compute from the children — the search
 * document, skill and language arrays, the most years in any one skill — with the ones the
 * service computed (`computed`), in one UPDATE.
 */
export async function writeDerived(
  tx: Tx,
  userId: string,
  computed: Pick<
    typeof professionalProfiles.$inferInsert,
    'rateUsd' | 'workStartUtc' | 'workEndUtc' | 'completeness'
  >,
) {
  const p = professionalProfiles;
  await tx
    .update(p)
    .set({
      ...computed,
      skillSlugs: sql`coalesce((select array_agg(s.slug order by s.sort) from ${profileSkills} s where s.user_id = ${p.userId}), '{}')`,
      languageCodes: sql`coalesce((select array_agg(l.code order by l.code) from ${profileLanguages} l where l.user_id = ${p.userId}), '{}')`,
      yearsExperience: sql`coalesce((select max(s.years) from ${profileSkills} s where s.user_id = ${p.userId}), 0)`,
      search: searchDocument,
    })
    .where(eq(p.userId, userId));
}

/**
 * A profile's search document, from the row being updated and its children: name (A), headline
 * and skills (B), portfolio titles (C), bio (D), in the 'english' configuration the directory
 * queries with.
 */
const searchDocument = sql`
  setweight(to_tsvector('english', coalesce((select u.name from ${users} u where u.id = ${professionalProfiles.userId}), '')), 'A') ||
  setweight(to_tsvector('english', ${professionalProfiles.headline} || ' ' || coalesce((select string_agg(s.name, ' ') from ${profileSkills} s where s.user_id = ${professionalProfiles.userId}), '')), 'B') ||
  setweight(to_tsvector('english', coalesce((select string_agg(i.title, ' ') from ${portfolioItems} i where i.user_id = ${professionalProfiles.userId}), '')), 'C') ||
  setweight(to_tsvector('english', ${professionalProfiles.bio}), 'D')`;

/**
 * Words 'english' drops and 'simple' keeps: a search document holding one was written before
 * documents used 'english' (any sentence of a bio or headline has some). As lexemes, not run
 * through a configuration, and found through the search index: no 'english' document holds
 * them, so on a directory of current documents the look-up finds nothing at once.
 */
const SIMPLE_ONLY_WORDS = sql.raw(
  `'${['a', 'an', 'and', 'the', 'of', 'to', 'in', 'i', 'for', 'with', 'on', 'at', 'is', 'my', 'we', 'you', 'your', 'our', 'by', 'as', 'from', 'or', 'are', 'be', 'have', 'it', 'this', 'that'].join(' | ')}'::tsquery`,
);

/**
 * Rewrites, as `writeDerived` writes them, the search documents of up to `limit` profiles still
 * holding a 'simple' document; returns how many it found and how many it rewrote. Only the
 * document changes (not `updatedAt`, which editors hold as their expected version). A profile
 * locked by a save in progress is skipped: that save writes its document itself. The rows are
 * locked by one statement and rewritten by the next, so the rewrite reads their children as
 * committed once no save holds them.
 */
export async function rewriteSimpleSearchDocumentsBatch(
  tx: Tx,
  limit: number,
): Promise<{ found: number; rewritten: number }> {
  const p = professionalProfiles;
  const locked = await tx.execute<{ user_id: string }>(
    sql`select ${p.userId} as user_id from ${p} where ${p.search} @@ ${SIMPLE_ONLY_WORDS}
      limit ${limit} for update skip locked`,
  );
  const ids = locked.rows.map((r) => r.user_id);
  if (ids.length === 0) return { found: 0, rewritten: 0 };
  const updated = await tx.update(p).set({ search: searchDocument }).where(inArray(p.userId, ids));
  return { found: ids.length, rewritten: updated.rowCount ?? 0 };
}

// Files.

export async function insertProfileFile(tx: Tx, values: typeof profileFiles.$inferInsert) {
  const [row] = await tx.insert(profileFiles).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function findProfileFile(tx: Tx, fileId: string) {
  const [row] = await tx
    .select({ file: profileFiles, profile: professionalProfiles })
    .from(profileFiles)
    .innerJoin(professionalProfiles, eq(professionalProfiles.userId, profileFiles.userId))
    .where(eq(profileFiles.id, fileId));
  return row ?? null;
}

export async function findPortfolioItem(tx: Tx, userId: string, itemId: string) {
  const [row] = await tx
    .select()
    .from(portfolioItems)
    .where(and(eq(portfolioItems.id, itemId), eq(portfolioItems.userId, userId)));
  return row ?? null;
}

export async function countItemFiles(tx: Tx, itemId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(profileFiles)
    .where(eq(profileFiles.portfolioItemId, itemId));
  return row?.n ?? 0;
}

/** Deletes one of the person's files; the deleted row, or null when they have no such file. */
export async function deleteProfileFile(tx: Tx, userId: string, fileId: string) {
  const [row] = await tx
    .delete(profileFiles)
    .where(and(eq(profileFiles.id, fileId), eq(profileFiles.userId, userId)))
    .returning();
  return row ?? null;
}

/** Deletes the person's photo rows (there is at most one), returning them. */
export function deletePhotos(tx: Tx, userId: string) {
  return tx
    .delete(profileFiles)
    .where(
      and(
        eq(profileFiles.userId, userId),
        eq(profileFiles.kind, 'photo'),
        isNull(profileFiles.portfolioItemId),
      ),
    )
    .returning();
}

// Public reads.

/** Profiles anyone may read: public, not moderated, with an address. */
const visible = and(
  eq(professionalProfiles.visibility, 'public'),
  isNull(professionalProfiles.moderatedAt),
  isNotNull(professionalProfiles.slug),
);

/** Every visible profile's slug and last change, for the sitemap. */
export function listVisibleProfiles(tx: Tx, limit: number) {
  return tx
    .select({ slug: professionalProfiles.slug, updatedAt: professionalProfiles.updatedAt })
    .from(professionalProfiles)
    .where(visible)
    .orderBy(asc(professionalProfiles.slug))
    .limit(limit);
}

export async function findFile(tx: Tx, fileId: string) {
  const [row] = await tx.select().from(profileFiles).where(eq(profileFiles.id, fileId));
  return row ?? null;
}

/** Whether the person belongs to any business (in a workspace, who may read profiles). */
export async function isBusinessMember(tx: Tx, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ userId: businessMembers.userId })
    .from(businessMembers)
    .where(eq(businessMembers.userId, userId))
    .limit(1);
  return row !== undefined;
}
