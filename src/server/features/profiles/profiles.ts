/**
 * A professional's own profile: read it (with the completeness meter) and save it whole. A save
 * carries the `updatedAt` the editor loaded; one made after someone else's (another tab, an
 * admin) is refused with 409 instead of replacing their edits, and everything — the row, its
 * lists, the portfolio, the derived directory columns — is written in one transaction, so no
 * reader ever sees half a profile.
 */
import { randomBytes } from 'node:crypto';
import type { MyProfile, SaveProfile } from '../../../core/contracts/profiles.ts';
import { skillSlug } from '../../../core/jobs.ts';
import { slugFromName } from '../../../core/profile-slug.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Config } from '../../env.ts';
import type { Clock } from '../../lib/clock.ts';
import { badRequest, HttpProblem, notFound } from '../../lib/errors.ts';
import type { FileStore } from '../../lib/files.ts';
import { newId } from '../../lib/ids.ts';
import type { UserScope } from '../../lib/scope.ts';
import { ratesPerUsd } from '../catalog/catalog.ts';
import { completenessOf, refreshDerived } from './derive.ts';
import { isPublicProfile } from './policy.ts';
import { presentMyProfile } from './present.ts';
import {
  deletePortfolioItemsExcept,
  existingCategories,
  findProfile,
  readChildren,
  replaceLists,
  slugTaken,
  updateProfile,
  upsertPortfolioItem,
  addSkills,
  type OwnerRow,
  type ProfileRow,
} from './queries.ts';

export const noProfile = () =>
  new HttpProblem(
    404,
    'Not found',
    'You have no professional profile yet. Start one with POST /api/v1/me/professional-profile.',
  );

const slugConflict = () =>
  new HttpProblem(
    409,
    'Conflict',
    'Another professional already uses this address. Choose another.',
    [{ path: 'body.slug', message: 'This address is taken' }],
  );

/**
 * Gives a profile without an address one made from the owner's name (profiles started before
 * addresses existed, or just started): the name's slug, or with a short random suffix when
 * taken. Runs on the locked row.
 */
export async function ensureSlug(
  tx: Tx,
  profile: ProfileRow,
  owner: OwnerRow,
): Promise<ProfileRow> {
  if (profile.slug) return profile;
  const base = slugFromName(owner.name);
  let slug = base;
  for (let tries = 0; await slugTaken(tx, slug, profile.userId); tries++) {
    if (tries > 10) throw new Error('no free profile address');
    slug = `${base}-${randomBytes(2).toString('hex')}`;
  }
  await updateProfile(tx, profile.userId, { slug });
  return { ...profile, slug };
}

/** `YYYY-MM` → the first day of the month, as the résumé columns store it. */
const firstOfMonth = (m: string) => `${m}-01`;

export function createProfileService({
  db,
  clock,
  config,
  files,
}: {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'mode'>;
  files: Pick<FileStore, 'remove'>;
}) {
  async function present(tx: Tx, profile: ProfileRow, owner: OwnerRow): Promise<MyProfile> {
    const children = await readChildren(tx, profile.userId);
    return presentMyProfile(
      profile,
      owner,
      children,
      completenessOf(profile, children),
      isPublicProfile(profile, config.mode),
    );
  }

  /** The caller's profile, giving it an address first if it has none. */
  async function getMine({ userId }: UserScope): Promise<MyProfile> {
    const found = await findProfile(db, userId);
    if (!found) throw noProfile();
    if (found.profile.slug) return present(db, found.profile, found.owner);
    return db.transaction(async (tx) => {
      const locked = await findProfile(tx, userId, { forUpdate: true });
      if (!locked) throw noProfile();
      const profile = await ensureSlug(tx, locked.profile, locked.owner);
      await refreshDerived(tx, profile, locked.owner, clock.now());
      return present(tx, profile, locked.owner);
    });
  }

  async function checkReferences(tx: Tx, input: SaveProfile) {
    const known = new Set(await existingCategories(tx, input.categories));
    const errors = input.categories.flatMap((slug, i) =>
      known.has(slug) ? [] : [{ path: `body.categories.${i}`, message: `No category “${slug}”` }],
    );
    if (input.hourlyRate && input.hourlyRate.currency !== 'USD') {
      const rates = await ratesPerUsd(tx);
      if (!rates[input.hourlyRate.currency]) {
        errors.push({
          path: 'body.hourlyRate.currency',
          message: `Handoff has no exchange rate for ${input.hourlyRate.currency}; choose another currency`,
        });
      }
    }
    if (errors.length) throw badRequest('Some of the profile’s values are not known.', errors);
  }

  async function save({ userId }: UserScope, input: SaveProfile): Promise<MyProfile> {
    const { result, removedKeys } = await db.transaction(async (tx) => {
      const found = await findProfile(tx, userId, { forUpdate: true });
      if (!found) throw noProfile();
      const { profile: before, owner } = found;
      if (
        input.expectedUpdatedAt &&
        new Date(input.expectedUpdatedAt).getTime() !== before.updatedAt.getTime()
      ) {
        throw new HttpProblem(
          409,
          'Conflict',
          'Your profile was changed elsewhere since you opened it (another tab or device). Reload it, then make your changes again.',
        );
      }
      if (await slugTaken(tx, input.slug, userId)) throw slugConflict();
      await checkReferences(tx, input);
      const now = clock.now();

      await updateProfile(tx, userId, {
        slug: input.slug,
        headline: input.headline,
        bio: input.bio,
        hourlyRateAmount: input.hourlyRate?.amount ?? null,
        hourlyRateCurrency: input.hourlyRate?.currency ?? null,
        timeZone: input.timeZone,
        workingHours: input.workingHours,
        country: input.country,
        availability: input.availability.status,
        availabilityHoursPerWeek:
          input.availability.status === 'limited' ? input.availability.hoursPerWeek : null,
        categorySlugs: input.categories,
        visibility: input.visibility,
        updatedAt: now,
      });

      // Skills keyed by slug: two spellings of one skill ("Node.js", "node.js") are one.
      const skills = new Map<string, { name: string; years: number }>();
      for (const s of input.skills) {
        const slug = skillSlug(s.name);
        if (!skills.has(slug)) skills.set(slug, s);
      }
      await replaceLists(tx, userId, {
        skills: [...skills].map(([slug, s], sort) => ({
          userId,
          slug,
          name: s.name,
          years: s.years,
          sort,
        })),
        languages: input.languages.map((l) => ({ userId, code: l.code, level: l.level })),
        experience: input.experience.map((e, sort) => ({
          id: e.id ?? newId(),
          userId,
          company: e.company,
          role: e.role,
          startMonth: firstOfMonth(e.start),
          endMonth: e.end ? firstOfMonth(e.end) : null,
          description: e.description,
          sort,
        })),
        education: input.education.map((e, sort) => ({
          id: e.id ?? newId(),
          userId,
          school: e.school,
          degree: e.degree,
          field: e.field,
          startYear: e.startYear,
          endYear: e.endYear,
          sort,
        })),
        certifications: input.certifications.map((c, sort) => ({
          id: c.id ?? newId(),
          userId,
          name: c.name,
          issuer: c.issuer,
          year: c.year,
          url: c.url,
          sort,
        })),
      });

      // Portfolio items keep their ids (and files); an id that is not one of this person's
      // items is taken for a new item, never for someone else's.
      const mine = new Set((await readChildren(tx, userId)).portfolio.map((i) => i.id));
      const items = input.portfolio.map((i) => ({
        ...i,
        id: i.id && mine.has(i.id) ? i.id : newId(),
      }));
      const removedKeys = await deletePortfolioItemsExcept(
        tx,
        userId,
        items.filter((i) => mine.has(i.id)).map((i) => i.id),
      );
      for (const [sort, item] of items.entries()) {
        await upsertPortfolioItem(tx, {
          id: item.id,
          userId,
          title: item.title,
          description: item.description,
          links: item.links,
          sort,
          createdAt: now,
          updatedAt: now,
        });
      }

      const after = await findProfile(tx, userId);
      if (!after) throw notFound('Profile');
      // Skills reach the shared autocomplete only from profiles the public can read.
      if (isPublicProfile(after.profile, config.mode)) {
        await addSkills(
          tx,
          [...skills].map(([slug, s]) => ({ slug, name: s.name })),
        );
      }
      const { children, completeness } = await refreshDerived(tx, after.profile, owner, now);
      return {
        result: presentMyProfile(
          after.profile,
          owner,
          children,
          completeness,
          isPublicProfile(after.profile, config.mode),
        ),
        removedKeys,
      };
    });
    await Promise.all(removedKeys.map((key) => files.remove(key)));
    return result;
  }

  /** An admin hides a profile (with the reason the professional reads) or shows it again. */
  async function moderate(
    userId: string,
    input: { hidden: boolean; reason: string },
  ): Promise<{ userId: string; hidden: boolean; reason: string | null }> {
    return db.transaction(async (tx) => {
      const found = await findProfile(tx, userId, { forUpdate: true });
      if (!found) throw notFound('Profile');
      const now = clock.now();
      await updateProfile(tx, userId, {
        moderatedAt: input.hidden ? now : null,
        moderationReason: input.hidden ? input.reason : null,
        updatedAt: now,
      });
      return { userId, hidden: input.hidden, reason: input.hidden ? input.reason : null };
    });
  }

  return { getMine, save, moderate };
}

/**
 * Recomputes the derived columns of `userId`'s profile, if they have one: for changes made
 * elsewhere that the search document reads (the owner's name, in the accounts feature).
 */
export async function refreshProfileOf(tx: Tx, userId: string, now: Date): Promise<void> {
  const found = await findProfile(tx, userId, { forUpdate: true });
  if (!found) return;
  const profile = await ensureSlug(tx, found.profile, found.owner);
  await refreshDerived(tx, profile, found.owner, now);
}
