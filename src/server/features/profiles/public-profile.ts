/**
 * A professional's public page, `/pros/<slug>`: the profile as a client reads it, the page's head
 * tags for link previews, and the sitemap's entries. A hidden, moderated or unknown profile is a
 * 404 (to all but its owner and admins), and in a private workspace nothing is public: only
 * signed-in members of a business may read profiles there.
 */
import type { PublicProfile } from '../../../core/contracts/profiles.ts';
import { markdownToText } from '../../../core/markdown.ts';
import { truncate } from '../../../core/text.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Config } from '../../env.ts';
import type { Caller } from '../../lib/caller.ts';
import { notFound } from '../../lib/errors.ts';
import { isPublicProfile, mayReadProfile } from './policy.ts';
import { fileUrl, presentPublicProfile } from './present.ts';
import { findProfileBySlug, listVisibleProfiles, readChildren } from './queries.ts';

export function createPublicProfileService({
  db,
  config,
}: {
  db: Db;
  config: Pick<Config, 'mode'>;
}) {
  async function get(
    slug: string,
    caller: Pick<Caller, 'userId' | 'isAdmin'> | null,
  ): Promise<PublicProfile> {
    const found = await findProfileBySlug(db, slug.toLowerCase());
    if (!found || !(await mayReadProfile(db, found.profile, caller, config.mode))) {
      throw notFound('Profile');
    }
    return presentPublicProfile(
      found.profile,
      found.owner,
      await readChildren(db, found.profile.userId),
    );
  }
  return { get };
}

/** What the SPA fallback puts in the page's <head> for `/pros/<slug>`; values are plain text (escape them). */
export interface ProfileHead {
  title: string;
  description: string;
  /** Absolute URL of the page. */
  url: string;
  /** Absolute URL of the photo, when there is one. */
  image: string | null;
}

/**
 * The head tags of a public profile page, or null when an anonymous visitor may not read the
 * profile (hidden, moderated, unknown, or any profile in a workspace): the fallback then serves
 * the generic page with a 404 status.
 */
export async function publicProfileHead(
  db: Tx,
  slug: string,
  { mode, baseUrl }: Pick<Config, 'mode' | 'baseUrl'>,
): Promise<ProfileHead | null> {
  const found = await findProfileBySlug(db, slug.toLowerCase());
  if (!found || !isPublicProfile(found.profile, mode)) return null;
  const { profile, owner } = found;
  const photo = (await readChildren(db, profile.userId)).files.find(
    (f) => f.kind === 'photo' && f.portfolioItemId === null,
  );
  const base = baseUrl.replace(/\/$/, '');
  const about = profile.headline || markdownToText(profile.bio);
  return {
    title: profile.headline ? `${owner.name} — ${profile.headline}` : `${owner.name} on Handoff`,
    description: truncate(about || `${owner.name}’s professional profile on Handoff.`, 200),
    url: `${base}/pros/${profile.slug}`,
    image: photo ? `${base}${fileUrl(photo.id)}` : null,
  };
}

/** Every profile anyone may read, as sitemap entries (none in a workspace). */
export async function publicProfileSitemap(
  db: Tx,
  { mode }: Pick<Config, 'mode'>,
  limit = 50_000,
): Promise<{ path: string; updatedAt: Date }[]> {
  if (mode !== 'marketplace') return [];
  const rows = await listVisibleProfiles(db, limit);
  return rows.flatMap((r) => (r.slug ? [{ path: `/pros/${r.slug}`, updatedAt: r.updatedAt }] : []));
}
